"""How fast yalu reads pages, beside trafilatura's extraction of the same HTML, in one run on one core.

    python benchmarks/read.py [--rounds N]

Prints pages per second for yalu on the plain-text and the HTML sample pages, and for
trafilatura.extract (with metadata, JSON output) on the same HTML bytes, with the ratio.
Not a test: figures vary by machine. The README quotes one run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yalu

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def pages(suffix: str) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(EXAMPLES.glob(f"*{suffix}"))]


def rate(fn, items: list[tuple[str, bytes]], rounds: int) -> float:
    for name, data in items:       # warm up: compiled patterns, imports
        fn(name, data)
    start = time.perf_counter()
    for _ in range(rounds):
        for name, data in items:
            fn(name, data)
    return rounds * len(items) / (time.perf_counter() - start)


def yalu_read(name: str, data: bytes) -> None:
    try:
        yalu.read(data, name=name)
    except yalu.YaluError:
        pass  # the index page is refused on purpose; refusing it is part of the work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    import trafilatura

    def trafilatura_extract(name: str, data: bytes) -> None:
        trafilatura.extract(data, with_metadata=True, output_format="json")

    text, html = pages(".txt"), pages(".html")
    text_rate = rate(yalu_read, text, args.rounds)
    html_rate = rate(yalu_read, html, args.rounds)
    reference = rate(trafilatura_extract, html, args.rounds)
    print(f"{len(text)} text pages, {len(html)} HTML pages, {args.rounds} rounds, one core")
    print(f"yalu read, text pages:       {text_rate:8.0f} pages/s")
    print(f"yalu read, HTML pages:       {html_rate:8.0f} pages/s")
    print(f"trafilatura.extract, HTML:   {reference:8.0f} pages/s")
    print(f"ratio yalu/trafilatura HTML: {html_rate / reference:8.2f}x")


if __name__ == "__main__":
    main()
