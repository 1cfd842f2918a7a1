"""Scores yalu.standardize against the hand-written gold set in tests/gold/orthography/.

    python tests/eval_orthography.py

Prints precision and recall per rule and per tier. A gold change (original → standard, rule) counts as
found when yalu's changes inside that stretch of the sentence turn it into exactly the standard
form; every other change yalu makes, and every change on a sentence of unchanged.tsv, is a false one.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold" / "orthography"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from yalu.orthography import apply_changes, load_tables, standardize  # noqa: E402


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    sentences: int = 0
    exact: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def pr(self, rules) -> tuple[float, float, int]:
        tp = sum(self.tp[r] for r in rules)
        fp = sum(self.fp[r] for r in rules)
        fn = sum(self.fn[r] for r in rules)
        return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp + fn


def _rows(name: str) -> list[dict[str, str]]:
    with open(GOLD / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def parse_changes(cell: str) -> list[tuple[str, str, str]]:
    out = []
    for part in filter(None, (p.strip() for p in cell.split(" ; "))):
        pair, _, rule = part.rpartition(":")
        original, _, replacement = pair.partition("→")
        out.append((original, replacement, rule.strip()))
    return out


def evaluate() -> Score:
    score = Score()
    for row in _rows("changes.tsv"):
        text, gold_standard = row["chinese_korean"], row["standard"]
        mine = list(standardize(text).changes)
        used: set[int] = set()
        cursor = 0
        for original, replacement, rule in parse_changes(row["changes"]):
            a = text.find(original, cursor)
            if a < 0:
                raise ValueError(f"{row['id']}: {original!r} is not in the sentence after position {cursor}")
            b = a + len(original)
            cursor = b
            inside = [i for i, c in enumerate(mine) if a <= c.start < b and c.end <= b]
            produced = apply_changes(original, [_shift(mine[i], -a) for i in inside])
            if produced == replacement:
                score.tp[rule] += 1
                used.update(inside)
            else:
                score.fn[rule] += 1
                score.misses.append(f"{row['id']} {rule}: {original}→{replacement}, got {produced}")
        for i, change in enumerate(mine):
            if i not in used:
                score.fp[change.rule] += 1
                score.false.append(f"{row['id']} {change.rule}: {_show(text, change)}")
        score.sentences += 1
        score.exact += apply_changes(text, mine) == gold_standard
    for row in _rows("unchanged.tsv"):
        for change in standardize(row["sentence"]).changes:
            score.fp[change.rule] += 1
            score.false.append(f"{row['id']} {change.rule}: {_show(row['sentence'], change)}")
    return score


def _shift(change, by: int):
    from yalu import Change
    return Change(change.start + by, change.end + by, change.replacement, change.rule, change.tier)


def _show(text: str, change) -> str:
    s, e = change.start, change.end
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return f"{text[s:e]} → {apply_changes(text[s:e], [_shift(change, -s)])}"


def main() -> None:
    score = evaluate()
    tiers = load_tables().tiers
    print(f"{'rule':<6}{'tier':<6}{'gold':>6}{'precision':>11}{'recall':>9}")
    for rule in sorted(tiers, key=lambda r: (tiers[r], r)):
        p, r, n = score.pr([rule])
        print(f"{rule:<6}{tiers[rule]:<6}{n:>6}{p:>11.3f}{r:>9.3f}")
    for tier in ("T1", "T2"):
        p, r, n = score.pr([x for x in tiers if tiers[x] == tier])
        print(f"{tier:<12}{n:>6}{p:>11.3f}{r:>9.3f}")
    print(f"sentences standardized exactly: {score.exact}/{score.sentences}")
    if "-v" in sys.argv:
        print("\nmissed:", *score.misses, "\nfalse:", *score.false, sep="\n  ")


if __name__ == "__main__":
    main()
