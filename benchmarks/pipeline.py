"""How fast the whole pipeline runs (read, standardize, annotate), beside Kiwi's tokenize on the same
texts, in one run on one core.

    python benchmarks/pipeline.py [--rounds N]

The pages are every sample page in examples/ plus the two seed pages (when ../shared is there), read
from memory so that the disk is not timed. yalu does everything `yalu read --standard --mentions`
does; Kiwi only splits the extracted texts into morphemes. Not a test: figures vary by machine.
Issue 5's target: 200 articles a second. The last line times one page of a megabyte (the sample
articles' paragraphs repeated) through the same pipeline beside Kiwi on its text: issue 11 asks for
annotation in time proportional to the text (under 3 s a megabyte); it took minutes when each name's
lookup re-read the whole article.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from memo import cold

import yalu

ROOT = Path(__file__).resolve().parents[1]


def pages() -> list[bytes]:
    found = []
    for page in sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "examples").glob("*.html")) + \
            sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")):
        try:
            yalu.read(page)
        except yalu.YaluError:
            continue              # the page that must be refused is not an article
        found.append(page.read_bytes())
    return found


def per_second(fn, items: list, rounds: int) -> float:
    """Items a second, the best of ``rounds`` passes, each cold: every pass reads every page as new
    (benchmarks/memo.py), since a second reading of the same words would time yalu's memos."""
    for item in items:            # warm up: dictionaries, gazetteers, compiled tables
        fn(item)
    best = 0.0
    for _ in range(rounds):
        cold()
        start = time.perf_counter()
        for item in items:
            fn(item)
        best = max(best, len(items) / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=-1)   # no worker threads: one core, like yalu here
    raw = pages()
    texts = [yalu.read(page).text for page in raw]
    ours = per_second(lambda page: yalu.read(page, standard=True, mentions=True), raw, args.rounds)
    theirs = per_second(kiwi.tokenize, texts, args.rounds)
    print(f"{len(raw)} articles, {sum(map(len, texts)):,} characters, best of {args.rounds} cold passes, one core")
    print(f"yalu read+standardize+annotate: {ours:10,.0f} articles/s")
    print(f"kiwipiepy tokenize:             {theirs:10,.0f} articles/s")
    print(f"ratio yalu/kiwi:                {ours / theirs:10.2f}x")
    big = megabyte_page(texts)
    cold()
    seconds = timed(lambda: yalu.read(big, name="big.txt", mentions=True))
    paragraphs = big.decode().split("\n")      # Kiwi by paragraph: on one megabyte string it takes minutes
    kiwi_seconds = timed(lambda: [kiwi.tokenize(p) for p in paragraphs])
    print(f"one page of {len(big.decode()):,} characters: yalu read+annotate {seconds:.2f} s, "
          f"kiwi tokenize (by paragraph) {kiwi_seconds:.2f} s")


def megabyte_page(texts: list[str]) -> bytes:
    body = "\n\n".join(texts)
    return ("한 메가바이트 페지\n\n" + (body * (1_000_000 // len(body) + 1))[:1_000_000]).encode()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
