"""How fast yalu.standardize runs, beside Kiwi's tokenize on the same texts, in one run on one core.

    python benchmarks/standardize.py

The texts are the articles of every sample page in examples/, the two seed pages and, when ../shared
is there, the 113 real pages of the development set: each read once, one call a text, as a corpus is
read. Both tools are warmed up first on a sentence written here (dictionaries load), and yalu's word
memos are emptied before each timed pass (benchmarks/memo.py), so that no text is timed twice and
the words of one pass do not speed the next; within a pass, a word met again is not tagged again,
which is what the memos are for. The second pass times the same texts with their spaces taken out
(text without spaces is read as words first: issue 10 asks for no worse than 2x the cost a character).
Not a test: figures vary by machine. The README quotes one run. Issue 10's target: 4x Kiwi.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from memo import cold

import yalu

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = "로동자들의 력량을 집중하여 회의가 개최되였다. 연변에서 온 선수들이 참가하였다."


def corpus() -> list[str]:
    pages = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "examples").glob("*.html")) + \
        sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    raw = [(page.name, page.read_bytes()) for page in pages]
    real = ROOT.parent / "shared" / "realpages" / "pages.jsonl"
    if real.exists():
        for line in real.read_text(encoding="utf-8").splitlines():
            page = json.loads(line)
            raw.append((page["id"] + ".txt", page["text"].encode()))
    texts = []
    for name, data in raw:
        try:
            texts.append(yalu.read(data, name=name).text)
        except yalu.YaluError:
            continue              # a page that is no article (an index) has no text to standardize
    return texts


def chars_per_second(fn, texts: list[str]) -> float:
    fn(WARM_UP)
    cold()
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return sum(map(len, texts)) / (time.perf_counter() - start)


def main() -> None:
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=-1)   # no worker threads: one core, like yalu here
    texts = corpus()
    unspaced = ["".join(text.split(" ")) for text in texts]
    ours = chars_per_second(yalu.standardize, texts)
    theirs = chars_per_second(kiwi.tokenize, texts)
    glued = chars_per_second(yalu.standardize, unspaced)
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} characters, each read once, one core")
    print(f"yalu.standardize:            {ours:12,.0f} chars/s")
    print(f"kiwipiepy tokenize:          {theirs:12,.0f} chars/s")
    print(f"ratio yalu/kiwi:             {ours / theirs:12.2f}x")
    print(f"yalu.standardize, no spaces: {glued:12,.0f} chars/s "
          f"({ours / glued:.2f}x the cost a character of spaced text)")


if __name__ == "__main__":
    main()
