"""Scores the name engine against the hand-written gold set in tests/gold/names/.

    python tests/eval_names.py [-v]

places.tsv: the first candidate of lookup(query) is the division with that code. people.tsv: the first
candidate of lookup(reading) is that person, and the transcription of the Hanzi is the standard form.
transcriptions.tsv: forms.standard(hanzi) is the standard form.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold" / "names"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from yalu.names import forms, lookup  # noqa: E402


def _rows(name: str) -> list[dict[str, str]]:
    with open(GOLD / name, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r]


def evaluate() -> dict[str, tuple[int, int, list[str]]]:
    """{set: (right, total, misses)}."""
    out = {}
    misses, right, rows = [], 0, _rows("places.tsv")
    for r in rows:
        found = lookup(r["query"])
        ok = bool(found) and found[0].code == r["code"]
        right += ok
        if not ok:
            misses.append(f"{r['query']} → {found[0].hanzi if found else None} {found[0].code if found else ''},"
                          f" not {r['hanzi']} {r['code']}")
    out["places"] = (right, len(rows), misses)
    misses, right, rows = [], 0, _rows("people.tsv")
    for r in rows:
        found = lookup(r["reading"])
        ok = bool(found) and found[0].hanzi == r["hanzi"] and found[0].standard == r["standard"]
        right += ok
        if not ok:
            misses.append(f"{r['reading']} → {[(c.hanzi, c.standard) for c in found[:1]]}, not {r['hanzi']} "
                          f"{r['standard']}")
    out["people"] = (right, len(rows), misses)
    misses, right, rows = [], 0, _rows("transcriptions.tsv")
    for r in rows:
        person = "person" in r.get("note", "")
        got = forms.standard(r["hanzi"], person=person)
        right += got == r["standard"]
        if got != r["standard"]:
            misses.append(f"{r['hanzi']} {r['pinyin']} → {got}, not {r['standard']}")
    out["transcriptions"] = (right, len(rows), misses)
    return out


def main() -> None:
    for name, (right, total, misses) in evaluate().items():
        print(f"{name:<15}{right:>5} / {total:<5}{right / total if total else 0:8.3f}")
        if "-v" in sys.argv:
            for miss in misses:
                print(f"    {miss}")


if __name__ == "__main__":
    main()
