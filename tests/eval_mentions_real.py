"""Scores yalu's person, place and organisation mentions against the hand-marked real pages.

    python tests/eval_mentions_real.py [-v] [--pages PATH]

The gold is tests/gold/mentions_real/<page id>.tsv (how it was made: the README beside it), one file per
Chinese Korean page of the development set (../shared/realpages/pages.jsonl, or --pages, or the
environment variable YALU_REALPAGES). Each file starts with ``# text-sha256: <hex>``, the digest of the
``doc.text`` its offsets were marked on; a page whose text now reads differently is skipped with a
warning (its gold is stale, not wrong).

Per kind (person, place, org): gold, found, right, P and R, where a found mention is right when its kind
and span are a gold row's; then a lenient P and R, where a found mention and a gold row of the same kind
count as matched when their spans overlap. For persons and places, of the mentions found right whose gold
row carries Hanzi, how many carry that Hanzi (``Mention.value``), exactly and leniently (one Hanzi the
start of the other: 延边 for 延边朝鲜族自治州, 长春 for 长春市). ``-v`` lists misses and false finds.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "mentions_real"
PAGES = ROOT.parent / "shared" / "realpages" / "pages.jsonl"
sys.path.insert(0, str(ROOT / "src"))

import yalu  # noqa: E402

KINDS = ("person", "place", "org")
_COUNTS = ("gold", "found", "right", "lenient_found_right", "lenient_gold_found",
           "hanzi_gold", "hanzi_right", "hanzi_lenient")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_gold(path: Path) -> tuple[str, list[dict]]:
    """(the digest the file was marked against, its rows with integer start and end)."""
    with open(path, encoding="utf-8", newline="") as f:
        first = f.readline().strip()
        if not first.startswith("# text-sha256:"):
            raise SystemExit(f"{path.name}: the first line is not '# text-sha256: <hex>'")
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["start"], row["end"] = int(row["start"]), int(row["end"])
        row["hanzi"] = row.get("hanzi") or ""
    return first.split(":", 1)[1].strip(), rows


def load_pages(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {page["id"]: page for page in map(json.loads, filter(str.strip, f))}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_hanzi(found: str, gold: str, lenient: bool) -> bool:
    if not found or not gold:
        return False
    return found == gold or (lenient and (found.startswith(gold) or gold.startswith(found)))


def evaluate(verbose: bool = False, pages: Path | None = None, out=sys.stdout) -> dict:
    """{"pages": marked pages scored, "skipped": [stale or missing page ids],
    kind: {gold, found, right, lenient_found_right, lenient_gold_found, hanzi_gold, hanzi_right,
    hanzi_lenient, p, r, lenient_p, lenient_r}} for person, place and org."""
    pages = Path(pages or os.environ.get("YALU_REALPAGES") or PAGES)
    by_id = load_pages(pages)
    score = {kind: dict.fromkeys(_COUNTS, 0) for kind in KINDS}
    scored, skipped = 0, []
    for path in sorted(GOLD.glob("*.tsv")):
        page = by_id.get(path.stem)
        if page is None:
            print(f"warning: {path.name}: no page {path.stem} in {pages}; skipped", file=sys.stderr)
            skipped.append(path.stem)
            continue
        want, gold = read_gold(path)
        doc = yalu.read(page["text"].encode(), name=page["id"], url=page["url"], mentions=True)
        if doc is None or digest(doc.text) != want:
            print(f"warning: {path.name}: doc.text differs from the text the gold was marked on; skipped",
                  file=sys.stderr)
            skipped.append(path.stem)
            continue
        scored += 1
        found = [m for m in doc.mentions if m.kind in KINDS]
        for kind in KINDS:
            g = [r for r in gold if r["kind"] == kind]
            f = [m for m in found if m.kind == kind]
            gold_spans = {(r["start"], r["end"]): r for r in g}
            found_spans = {(m.start, m.end): m for m in f}
            s = score[kind]
            s["gold"] += len(gold_spans)
            s["found"] += len(found_spans)
            for span, m in found_spans.items():
                if span in gold_spans:
                    s["right"] += 1
                    hz = gold_spans[span]["hanzi"]
                    if hz and kind in ("person", "place"):
                        s["hanzi_gold"] += 1
                        s["hanzi_right"] += _same_hanzi(m.value or "", hz, False)
                        s["hanzi_lenient"] += _same_hanzi(m.value or "", hz, True)
                        if verbose and not _same_hanzi(m.value or "", hz, False):
                            print(f"  {path.stem} hanzi  {kind:6} {doc.text[span[0]:span[1]]!r} "
                                  f"{m.value or '-'} ≠ {hz}", file=out)
                if any(_overlap(span, o) for o in gold_spans):
                    s["lenient_found_right"] += 1
                elif verbose:
                    print(f"  {path.stem} false  {kind:6} {span[0]}-{span[1]} "
                          f"{doc.text[span[0]:span[1]]!r} {m.value or ''}", file=out)
            for span, r in gold_spans.items():
                if any(_overlap(span, o) for o in found_spans):
                    s["lenient_gold_found"] += 1
                if verbose and span not in found_spans:
                    near = [doc.text[o[0]:o[1]] for o in found_spans if _overlap(span, o)]
                    print(f"  {path.stem} miss   {kind:6} {span[0]}-{span[1]} {r['text']!r}"
                          + (f" (found {', '.join(map(repr, near))})" if near else ""), file=out)
    for s in score.values():
        s["p"] = s["right"] / s["found"] if s["found"] else 0.0
        s["r"] = s["right"] / s["gold"] if s["gold"] else 0.0
        s["lenient_p"] = s["lenient_found_right"] / s["found"] if s["found"] else 0.0
        s["lenient_r"] = s["lenient_gold_found"] / s["gold"] if s["gold"] else 0.0
    return {"pages": scored, "skipped": skipped, **score}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false finds")
    parser.add_argument("--pages", type=Path, help="the development set's pages.jsonl")
    args = parser.parse_args()
    result = evaluate(args.verbose, args.pages)
    print(f"real-page mentions: {result['pages']} pages scored"
          + (f", {len(result['skipped'])} skipped ({' '.join(result['skipped'])})" if result["skipped"] else ""))
    print(f"{'kind':8}{'gold':>6}{'found':>7}{'right':>7}{'P':>7}{'R':>7}   lenient P    R   hanzi (of right with gold Hanzi)")
    for kind in KINDS:
        s = result[kind]
        line = (f"{kind:8}{s['gold']:6}{s['found']:7}{s['right']:7}{s['p']:7.3f}{s['r']:7.3f}"
                f"   {s['lenient_p']:9.3f}{s['lenient_r']:7.3f}")
        if kind != "org":
            line += (f"   {s['hanzi_right']}/{s['hanzi_gold']} exact, "
                     f"{s['hanzi_lenient']}/{s['hanzi_gold']} with short forms")
        print(line)


if __name__ == "__main__":
    main()
