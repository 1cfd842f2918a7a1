"""How fast yalu.standardize runs, beside Kiwi's tokenize on the same text, in one run on one core.

    python benchmarks/standardize.py [--rounds N]

The text is every sample page in examples/ plus the two seed pages (when ../shared is there).
Not a test: figures vary by machine. The README quotes one run. Issue 3's target: 4x Kiwi.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yalu

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> str:
    texts = []
    for page in sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")):
        try:
            texts.append(yalu.read(page).text)
        except yalu.YaluError:
            continue
    return "\n\n".join(texts)


def chars_per_second(fn, text: str, rounds: int) -> float:
    fn(text)  # warm up: dictionaries, compiled tables
    start = time.perf_counter()
    for _ in range(rounds):
        fn(text)
    return rounds * len(text) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=-1)   # no worker threads: one core, like yalu here
    text = corpus()
    ours = chars_per_second(yalu.standardize, text, args.rounds)
    theirs = chars_per_second(kiwi.tokenize, text, args.rounds)
    print(f"{len(text):,} characters, {args.rounds} rounds, one core")
    print(f"yalu.standardize:  {ours:12,.0f} chars/s")
    print(f"kiwipiepy tokenize:{theirs:12,.0f} chars/s")
    print(f"ratio yalu/kiwi:   {ours / theirs:12.2f}x")


if __name__ == "__main__":
    main()
