"""Scores yalu's mentions and roles against the hand-annotated pages in tests/gold/mentions/.

    python tests/eval_mentions.py [-v]          precision and recall per kind, and events page by page
    python tests/eval_mentions.py --check       every gold row points at the page's text
    python tests/eval_mentions.py --text PAGE   the cleaned text a gold file is written against

A found mention is right when its kind and span are a gold row's; persons and places are also scored
for their entity (of those found right, how many carry the gold entity). An event is right when it
comes out exactly as the page's file in tests/gold/events/ (dates, people, body, agenda, stops). Roles are right when their span
and the person they belong to are the gold row's. How to annotate: tests/gold/mentions/GUIDELINES.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "mentions"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(ROOT / "src"))

import yalu  # noqa: E402

KINDS = ("person", "place", "org", "date", "term", "quantity", "role")


def page_for(gold: Path) -> Path:
    pages = [p for p in EXAMPLES.glob(gold.stem + ".*") if not p.name.endswith(".json")]
    if len(pages) != 1:
        raise SystemExit(f"{gold.name}: no single page examples/{gold.stem}.* beside it")
    return pages[0]


def span_of(text: str, needle: str, n: int) -> tuple[int, int] | None:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            return None
    return at, at + len(needle)


def gold_rows(gold: Path, text: str) -> list[dict]:
    with open(gold, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for line, row in enumerate(rows, 2):
        span = span_of(text, row["text"], int(row["n"]))
        if row["kind"] not in KINDS or span is None:
            raise SystemExit(f"{gold.name}:{line}: {row['kind']} {row['text']!r} #{row['n']} is not in the text")
        row["span"] = span
    return rows


def found_rows(doc) -> list[dict]:
    rows = [{"kind": m.kind, "span": (m.start, m.end), "entity": m.entity or "", "value": m.value or ""}
            for m in doc.mentions]
    for role in doc.roles or ():
        rows.append({"kind": "role", "span": (role.start, role.end), "entity": "",
                     "value": doc.text[role.person_start:role.person_end]})
    return rows


def _key(row: dict) -> tuple:
    return (row["kind"], row["span"]) + ((row["value"],) if row["kind"] == "role" else ())


def evaluate(verbose: bool = False) -> dict[str, dict[str, int]]:
    """{kind: {gold, found, right, entity_right, entity_gold}} over every annotated page."""
    score: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(
        ("gold", "found", "right", "entity_right", "entity_gold"), 0))
    for gold in sorted(GOLD.glob("*.tsv")):
        doc = yalu.read(page_for(gold), mentions=True)
        expected = {_key(r): r for r in gold_rows(gold, doc.text)}
        got = {_key(r): r for r in found_rows(doc)}
        for key, row in expected.items():
            s = score[row["kind"]]
            s["gold"] += 1
            if key in got:
                s["right"] += 1
                if row["kind"] in ("person", "place") and row["entity"]:
                    s["entity_gold"] += 1
                    s["entity_right"] += got[key]["entity"] == row["entity"]
                    if verbose and got[key]["entity"] != row["entity"]:
                        print(f"  {gold.stem}: {row['text']} is {got[key]['entity']}, not {row['entity']}")
            elif verbose:
                print(f"  {gold.stem}: missed {row['kind']} {row['text']!r}")
        for key, row in got.items():
            score[row["kind"]]["found"] += 1
            if verbose and key not in expected:
                a, b = row["span"]
                print(f"  {gold.stem}: wrong {row['kind']} {doc.text[a:b]!r}")
    return dict(score)


def event_record(event) -> dict:
    """An event as the gold files in tests/gold/events/ write it."""
    record = {"kind": event.kind, "start": event.start, "end": event.end, "people": [list(p) for p in event.people]}
    if event.kind == "tour":
        record["stops"] = [{"place": s.place, "name": s.name, "sites": list(s.sites)} for s in event.stops]
    else:
        record["body"] = event.body
        record["agenda"] = {k: [a.text for a in event.agenda if a.kind == k] for k in ("relayed", "report", "reviewed")}
    return record


def evaluate_events(verbose: bool = False) -> tuple[int, int]:
    """(pages whose event comes out exactly as its gold file, pages with a gold event)."""
    right = files = 0
    for gold in sorted((GOLD.parent / "events").glob("*.json")):
        files += 1
        expected = json.loads(gold.read_text(encoding="utf-8"))
        expected.pop("date_inferred", None)
        doc = yalu.read(page_for(gold), mentions=True)
        got = [event_record(e) for e in doc.events if e.kind == expected["kind"]]
        right += got[:1] == [expected]
        if verbose and got[:1] != [expected]:
            print(f"  {gold.stem}: {got[:1]} is not {expected}")
    return right, files


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss and wrong mention")
    parser.add_argument("--check", action="store_true", help="only check that every gold row resolves")
    parser.add_argument("--text", metavar="PAGE", help="print the cleaned text of PAGE and stop")
    args = parser.parse_args()
    if args.text:
        print(yalu.read(args.text).text)
        return
    if args.check:
        files = sorted(GOLD.glob("*.tsv"))
        rows = sum(len(gold_rows(g, yalu.read(page_for(g)).text)) for g in files)
        print(f"{len(files)} pages, {rows} rows, all in their texts")
        return
    score = evaluate(args.verbose)
    print(f"{'kind':<9} {'gold':>5} {'found':>5} {'right':>5} {'P':>6} {'R':>6}  entity")
    for kind in KINDS:
        s = score.get(kind)
        if not s:
            continue
        entity = f"{s['entity_right']}/{s['entity_gold']}" if s["entity_gold"] else ""
        print(f"{kind:<9} {s['gold']:>5} {s['found']:>5} {s['right']:>5} {ratio(s['right'], s['found']):>6.3f} "
              f"{ratio(s['right'], s['gold']):>6.3f}  {entity}")
    right, files = evaluate_events(args.verbose)
    print(f"events: {right} of {files} pages come out exactly as their gold event")


if __name__ == "__main__":
    main()
