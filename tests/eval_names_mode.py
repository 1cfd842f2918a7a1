"""standardize(text, names="standard") on the real pages of ../shared/realpages/pages.jsonl (issue 10, item 5).

    python tests/eval_names_mode.py [-v]

Prints:
- of the Chinese persons and places the pages' hand-written ``orthography_tokens`` pair with their South
  Korean press form (NAME_PAIRS below: the pairs of the 73 Chinese Korean pages that are names, picked by
  reading them; ethnic groups such as 위글 and 시버족 and vocabulary are left out), how many come out in that
  form at every place the page writes them;
- the South Korean standard pages whose names the mode changes, with each change;
- the pages where a second standardize in names mode changes more (must be none);
- characters per second in each mode, in the same run.

The page text stays in ../shared: this script reads it and never writes it anywhere.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yalu

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "realpages" / "pages.jsonl"

# (page, as the page writes it, as the South Korean press writes it), from the pages' orthography_tokens
NAME_PAIRS = [
    ("r002", "습근평", "시진핑"), ("r002", "경준해", "징쥔하이"), ("r004", "습근평", "시진핑"),
    ("r007", "할빈", "하얼빈"), ("r012", "할빈", "하얼빈"), ("r016", "료녕", "랴오닝"), ("r018", "뢰봉", "레이펑"),
    ("r024", "률전서", "리잔수"), ("r024", "리극강", "리커창"), ("r026", "향항", "홍콩"), ("r026", "오문", "마카오"),
    ("r028", "료녕", "랴오닝"), ("r036", "료녕철인", "랴오닝 톄런"), ("r045", "할빈", "하얼빈"),
    ("r047", "할빈", "하얼빈"), ("r048", "상해", "상하이"), ("r048", "가목사", "자무쓰"), ("r066", "료양", "랴오양"),
    ("r070", "녕덕시", "닝더시"), ("r076", "심수", "선전"), ("r076", "과감", "코캉"), ("r080", "리극강", "리커창"),
]


def load_pages() -> list[dict]:
    with open(PAGES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def output_position(changes, at: int) -> int:
    """Where offset ``at`` of the original lands in the output (the start of a change that covers it)."""
    shift = 0
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if c.start > at or (c.start == c.end == at):
            break
        if c.start <= at < c.end:
            return c.start + shift
        shift += len(c.replacement) - (c.end - c.start)
    return at + shift


def places_written_as(text: str, result, reading: str, form: str) -> tuple[int, int]:
    """Of the places the page writes ``reading``, how many read ``form`` in the output, and how many there are."""
    output = result.text
    at = text.find(reading)
    right = places = 0
    while at >= 0:
        places += 1
        right += output.startswith(form, output_position(result.changes, at))
        at = text.find(reading, at + 1)
    return right, places


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    pages = load_pages()
    by_id = {p["id"]: p for p in pages}
    results = {}
    timings = {}
    for mode in ("as_written", "standard"):
        start = time.perf_counter()
        for page in pages:
            results[mode, page["id"]] = yalu.standardize(page["text"], names=mode)
        timings[mode] = sum(len(p["text"]) for p in pages) / (time.perf_counter() - start)
    counts = {pair: places_written_as(by_id[pair[0]]["text"], results["standard", pair[0]], *pair[1:])
              for pair in NAME_PAIRS}
    everywhere = sum(right == places for right, places in counts.values())
    somewhere = sum(right > 0 for right, _ in counts.values())
    print(f"name pairs written as the press does: at every place the page writes them {everywhere} / "
          f"{len(NAME_PAIRS)}, at one place at least {somewhere} / {len(NAME_PAIRS)}; places "
          f"{sum(r for r, _ in counts.values())} / {sum(n for _, n in counts.values())}")
    for (pid, reading, form), (right, places) in counts.items():
        if right < places:
            print(f"  {pid} {reading} → {form}: {right} of {places} places")
    touched = []
    for page in pages:
        if page["variety"] != "south_korean_standard":
            continue
        names = [c for c in results["standard", page["id"]].changes if c.tier == "T4"]
        if names:
            touched.append(page["id"])
            print(f"  standard page {page['id']}: " + ", ".join(
                f"{page['text'][c.start:c.end]} → {c.replacement} {c.rule}" for c in names))
    print(f"standard pages with names changed: {len(touched)} / "
          f"{sum(p['variety'] == 'south_korean_standard' for p in pages)}")
    again = [p["id"] for p in pages if yalu.standardize(results["standard", p["id"]].text, names="standard").text
             != results["standard", p["id"]].text]
    print(f"pages not idempotent in names mode: {len(again)} {again}")
    n1 = sum(c.rule == "N1" for (mode, _), r in results.items() if mode == "standard" for c in r.changes)
    n2 = sum(c.rule == "N2" for (mode, _), r in results.items() if mode == "standard" for c in r.changes)
    print(f"name changes on all {len(pages)} pages: N1 {n1}, N2 {n2}")
    print(f"characters/s: as_written {timings['as_written']:,.0f}, standard {timings['standard']:,.0f}")
    if verbose:
        for page in pages:
            for c in results["standard", page["id"]].changes:
                if c.tier == "T4":
                    print(f"  {page['id']} {page['text'][c.start:c.end]} → {c.replacement} {c.rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
