"""Consistency check of the hand-written name gold and name data (run by hand, not a test).

    python tests/gold/names/check_gold.py

Every TSV has its header, the right number of tab-separated fields on every line and no duplicate
rows; every code in places.tsv is in cpca's resources/adcodes.csv under that name, with the level and
province the code implies (needs cpca installed; skipped with a note otherwise).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "src" / "yalu" / "names" / "data"
HEADERS = {
    HERE / "places.tsv": "query hanzi code level province note",
    HERE / "transcriptions.tsv": "hanzi pinyin standard note",
    DATA / "conventional.tsv": "hanzi reading kind seen note",
    DATA / "standard_forms.tsv": "hanzi standard note",
}


def check_shape(path: Path, header: str) -> list[str]:
    problems, seen = [], set()
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    want = header.split()
    if not lines or lines[0].split("\t") != want:
        problems.append(f"{path.name}: header is {lines[0]!r}, not {chr(9).join(want)!r}")
    for n, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != len(want):
            problems.append(f"{path.name}:{n}: {len(fields)} fields, not {len(want)}")
        if any(f != f.strip() for f in fields) or not fields[0]:
            problems.append(f"{path.name}:{n}: empty first field or stray spaces")
        if line in seen:
            problems.append(f"{path.name}:{n}: duplicate row")
        seen.add(line)
    return problems


def check_codes() -> list[str]:
    try:
        from importlib import resources
        text = resources.files("cpca").joinpath("resources", "adcodes.csv").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError):
        print("cpca is not installed: codes not checked")
        return []
    names = {r["adcode"][:6]: r["name"] for r in csv.DictReader(text.splitlines())
             if r["adcode"].endswith("000000")}
    problems = []
    with open(HERE / "places.tsv", encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            code = r["code"]
            if names.get(code) != r["hanzi"]:
                problems.append(f"places.tsv:{n}: {code} is {names.get(code)!r} in cpca, not {r['hanzi']!r}")
            level = "province" if code.endswith("0000") else "prefecture" if code.endswith("00") else "county"
            if r["level"] != level:
                problems.append(f"places.tsv:{n}: level {r['level']}, the code says {level}")
            if names.get(code[:2] + "0000") != r["province"]:
                problems.append(f"places.tsv:{n}: province {r['province']}, the code says {names.get(code[:2] + '0000')}")
    with open(DATA / "conventional.tsv", encoding="utf-8", newline="") as f:
        known = set(names.values())
        for n, r in enumerate(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            if r["hanzi"] not in known:
                problems.append(f"conventional.tsv:{n}: {r['hanzi']} is no cpca division")
    return problems


def main() -> int:
    problems = [p for path, header in HEADERS.items() for p in check_shape(path, header)] + check_codes()
    for p in problems:
        print(p)
    for path in HEADERS:
        print(f"{path.name:<22}{len(path.read_text(encoding='utf-8').splitlines()) - 1:>5} rows")
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
