"""Consistency check for the orthography gold files (not a test; run by hand).

    python tests/gold/orthography/check_gold.py

For every row of changes.tsv, applies the listed `original→replacement` pairs
left to right to `chinese_korean` (each original is searched from the end of the
previous one) and compares the result with `standard`. Also checks ids, the
column layout, rule ids, NFC and duplicates, and prints the count per rule.
Exits 1 on any problem.
"""
import collections
import pathlib
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
RULES = "D1 D2 D3 D4 D5 Y1 E1 Z1 L1 Q1 S1 S2 S3 S4 S5 P1 P2".split()


def read(name, header):
    lines = (HERE / name).read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", f"{name}: must end with a newline"
    lines = lines[:-1]
    assert lines[0] == header, f"{name}: bad header {lines[0]!r}"
    return lines[1:]


def parse_changes(field):
    out = []
    for part in field.split(" ; "):
        pair, _, rule = part.rpartition(":")
        orig, arrow, repl = pair.partition("→")
        if not arrow or rule not in RULES or not orig or orig == repl:
            raise ValueError(f"bad change {part!r}")
        out.append((orig, repl, rule))
    return out


def apply(text, changes):
    pieces, cursor = [], 0
    for orig, repl, _ in changes:
        at = text.find(orig, cursor)
        if at < 0:
            raise ValueError(f"{orig!r} not found after position {cursor}")
        pieces += [text[cursor:at], repl]
        cursor = at + len(orig)
    pieces.append(text[cursor:])
    return "".join(pieces)


def main():
    problems = []
    counts = collections.Counter()
    rows = read("changes.tsv", "id\tchinese_korean\tstandard\tchanges")
    seen = set()
    for n, line in enumerate(rows, 1):
        cols = line.split("\t")
        if len(cols) != 4 or not all(c.strip() == c and c for c in cols):
            problems.append(f"changes line {n + 1}: need 4 non-empty trimmed fields")
            continue
        rid, ck, std, field = cols
        if rid != f"oc-{n:04d}":
            problems.append(f"{rid}: expected id oc-{n:04d}")
        for c in (ck, std, field):
            if not unicodedata.is_normalized("NFC", c):
                problems.append(f"{rid}: not NFC")
        if ck in seen:
            problems.append(f"{rid}: duplicate sentence")
        seen.add(ck)
        try:
            changes = parse_changes(field)
            got = apply(ck, changes)
        except ValueError as e:
            problems.append(f"{rid}: {e}")
            continue
        if got != std:
            problems.append(f"{rid}: applying changes gives\n    {got}\n  expected\n    {std}")
        counts.update(rule for _, _, rule in changes)

    unchanged = read("unchanged.tsv", "id\tsentence\tnote")
    useen = set()
    for n, line in enumerate(unchanged, 1):
        cols = line.split("\t")
        if len(cols) != 3 or not all(c.strip() == c and c for c in cols):
            problems.append(f"unchanged line {n + 1}: need 3 non-empty trimmed fields")
            continue
        rid, sent, _ = cols
        if rid != f"un-{n:04d}":
            problems.append(f"{rid}: expected id un-{n:04d}")
        if not unicodedata.is_normalized("NFC", sent):
            problems.append(f"{rid}: not NFC")
        if sent in useen:
            problems.append(f"{rid}: duplicate sentence")
        useen.add(sent)

    print(f"changes.tsv: {len(rows)} sentences, {sum(counts.values())} changes")
    for r in RULES:
        print(f"  {r}\t{counts[r]}")
    print(f"unchanged.tsv: {len(unchanged)} sentences")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
