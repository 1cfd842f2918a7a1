"""Scores ``yalu.standardize`` against the hand-marked real-text gold in tests/gold/realtext/.

    python tests/eval_realtext_gold.py           precision and recall per rule and per tier
    python tests/eval_realtext_gold.py -v        also every miss and every false change
    python tests/eval_realtext_gold.py --check   only check the gold (every ck at its offset)

The gold (``changes.tsv``) marks, on the pages listed in ``pages.txt``, every change the South Korean
standard requires, by reading (see tests/gold/realtext/README.md). The page text is read from
../shared/realpages/pages.jsonl and never written anywhere.

How a change is judged. Every change (gold row or yalu's Change) is first reduced to the part that
differs: the common beginning and end of the old span and its replacement are dropped, so
``력량``→``역량`` and ``력``→``역`` are the same change, and ``깊이있게``→``깊이 있게`` is an insertion
of a space after 이. Then each of yalu's changes is given to
  1. the scored gold row (kind spelling, loanword or spacing) whose reduced change it is exactly;
  2. else nothing, when it lies inside a gold span of kind name, vocabulary or typo (neither right
     nor wrong: names and T3 are not changed by the default mode, typos are not norm differences),
     or inside a chrome line (``chrome.tsv``: navigation, bylines, footers);
  3. else the smallest scored gold row whose span contains it;
  4. else it is a false change.
A gold row is right when the changes given to it turn its ``ck`` into its ``sk`` (one change or
several: ``천년동안``→``천 년 동안`` may come as two insertions). A found change is right when the
row it was given to is right. Precision is counted on yalu's changes by yalu's rule id, recall on the
gold rows by the gold's rule id; the tiers are T1 (gold kinds spelling + loanword; yalu tier T1) and
T2 (gold kind spacing; yalu tier T2). Gold rules X1 and X2 are changes the standard requires that no
rule of the orthography tables names (날자, 페막, 이곳 저곳 …).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "realtext"
PAGES = ROOT.parent / "shared" / "realpages" / "pages.jsonl"
sys.path.insert(0, str(ROOT / "src"))

SCORED = {"spelling": "T1", "loanword": "T1", "spacing": "T2"}
NEUTRAL = {"name", "vocabulary", "typo"}
KINDS = set(SCORED) | NEUTRAL


@dataclass
class Row:
    page: str
    start: int
    ck: str
    sk: str
    rule: str
    kind: str
    note: str
    members: list = field(default_factory=list)   # yalu's changes given to this row

    @property
    def end(self) -> int:
        return self.start + len(self.ck)

    @property
    def tier(self) -> str | None:
        return SCORED.get(self.kind)

    @property
    def uncertain(self) -> bool:
        return "uncertain" in self.note

    def right(self) -> bool:
        if not self.members:
            return False
        out, pos = [], 0
        for s, e, r, _c in sorted(self.members, key=lambda m: (m[0], m[1])):
            s, e = s - self.start, e - self.start
            if s < pos:
                return False
            out.append(self.ck[pos:s])
            out.append(r)
            pos = e
        out.append(self.ck[pos:])
        return "".join(out) == self.sk


def reduce(text: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """The part of a change that differs: common beginning and end of old and new dropped."""
    old = text[start:end]
    i = 0
    while i < len(old) and i < len(replacement) and old[i] == replacement[i]:
        i += 1
    j = 0
    while j < len(old) - i and j < len(replacement) - i and old[-1 - j] == replacement[-1 - j]:
        j += 1
    return start + i, end - j, replacement[i:len(replacement) - j]


def load_pages() -> dict[str, str]:
    with open(PAGES, encoding="utf-8") as f:
        return {p["id"]: p["text"] for p in map(json.loads, f)}


def load_gold() -> tuple[list[str], list[Row], dict[str, list[tuple[int, int]]]]:
    pages = [line.strip() for line in (GOLD / "pages.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(GOLD / "changes.tsv", encoding="utf-8", newline="") as f:
        rows = [Row(r["page"], int(r["start"]), r["ck"], r["sk"], r["rule"], r["kind"], r["note"])
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    chrome: dict[str, list[tuple[int, int]]] = defaultdict(list)
    with open(GOLD / "chrome.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            chrome[r["page"]].append((int(r["start"]), int(r["end"])))
    return pages, rows, chrome


def check(pages: list[str], rows: list[Row], texts: dict[str, str]) -> list[str]:
    problems = []
    listed = set(pages)
    for p in pages:
        if p not in texts:
            problems.append(f"{p}: not a page of the development set")
    for r in rows:
        text = texts.get(r.page, "")
        if text[r.start:r.end] != r.ck:
            problems.append(f"{r.page} {r.start}: ck {r.ck!r} is not at its offset")
        if r.kind not in KINDS:
            problems.append(f"{r.page} {r.start}: kind {r.kind!r}")
        if r.page not in listed:
            problems.append(f"{r.page} {r.start}: page not in pages.txt")
        if r.kind in SCORED and r.ck == r.sk:
            problems.append(f"{r.page} {r.start}: ck and sk are the same")
    return problems


def inside(s: int, e: int, a: int, b: int) -> bool:
    return a <= s and e <= b


def evaluate(verbose: bool = False) -> dict:
    import yalu  # noqa: E402 (imported here so that --check works without the engine)

    texts = load_pages()
    pages, rows, chrome = load_gold()
    by_page: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_page[r.page].append(r)

    found = Counter()          # yalu rule → changes counted
    found_right = Counter()
    found_tier = Counter()
    found_tier_right = Counter()
    false_changes = []
    neutral = Counter()        # name / vocabulary / typo / chrome
    given = []                 # (rule, tier, row) for every yalu change given to a row

    for pid in pages:
        text = texts[pid]
        result = yalu.standardize(text)
        scored = [r for r in by_page[pid] if r.tier]
        spans_neutral = [(r.start, r.end, r.kind) for r in by_page[pid] if r.kind in NEUTRAL]
        spans_neutral += [(a, b, "chrome") for a, b in chrome.get(pid, [])]
        reduced_rows = {id(r): reduce(text, r.start, r.end, r.sk) for r in scored}
        for c in result.changes:
            s, e, rep = reduce(text, c.start, c.end, c.replacement)
            exact = [r for r in scored if reduced_rows[id(r)] == (s, e, rep)]
            row = exact[0] if exact else None
            if row is None:
                zone = next((k for a, b, k in spans_neutral if inside(s, e, a, b)), None)
                if zone:
                    neutral[zone] += 1
                    continue
                containing = [r for r in scored if inside(s, e, r.start, r.end)]
                if containing:
                    row = min(containing, key=lambda r: r.end - r.start)
            if row is None:
                found[c.rule] += 1
                found_tier[c.tier] += 1
                false_changes.append((pid, c, text))
                continue
            row.members.append((s, e, rep, c))
            given.append((c.rule, c.tier, row))

    for rule, tier, row in given:   # a change counts for yalu's own tier (T1/T2), whatever the row's kind
        found[rule] += 1
        found_tier[tier] += 1
        if row.right():
            found_right[rule] += 1
            found_tier_right[tier] += 1

    gold = Counter()
    gold_right = Counter()
    gold_tier = Counter()
    gold_tier_right = Counter()
    misses = []
    for r in rows:
        if r.page not in pages or not r.tier:
            continue
        gold[r.rule] += 1
        gold_tier[r.tier] += 1
        if r.right():
            gold_right[r.rule] += 1
            gold_tier_right[r.tier] += 1
        else:
            misses.append(r)

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "

    kinds = Counter(r.kind for r in rows if r.page in pages)
    print(f"real-text gold: {len(pages)} pages, {sum(kinds.values())} rows "
          + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print(f"{'rule':6} {'gold':>5} {'found':>5} {'right(g)':>8} {'right(f)':>8} {'P':>6} {'R':>6}")
    for rule in sorted(set(gold) | set(found)):
        print(f"{rule:6} {gold[rule]:5} {found[rule]:5} {gold_right[rule]:8} {found_right[rule]:8} "
              f"{ratio(found_right[rule], found[rule]):>6} {ratio(gold_right[rule], gold[rule]):>6}")
    for tier in ("T1", "T2"):
        print(f"{tier:6} {gold_tier[tier]:5} {found_tier[tier]:5} {gold_tier_right[tier]:8} "
              f"{found_tier_right[tier]:8} {ratio(found_tier_right[tier], found_tier[tier]):>6} "
              f"{ratio(gold_tier_right[tier], gold_tier[tier]):>6}")
    # the same tiers with the rows noted "uncertain" (and yalu's changes given to them) left out
    for tier in ("T1", "T2"):
        g = [r for r in rows if r.page in pages and r.tier == tier and not r.uncertain]
        g_right = sum(r.right() for r in g)
        f = sum(1 for _rule, t, row in given if t == tier and not row.uncertain)
        f_right = sum(1 for rule, t, row in given if t == tier and not row.uncertain and row.right())
        f += sum(1 for _p, c, _t in false_changes if c.tier == tier)
        print(f"{tier + '*':6} {len(g):5} {f:5} {g_right:8} {f_right:8} {ratio(f_right, f):>6} "
              f"{ratio(g_right, len(g)):>6}   (* without the rows noted uncertain)")
    print("yalu's changes neither right nor wrong: "
          + (", ".join(f"{k} {n}" for k, n in sorted(neutral.items())) or "none"))
    print(f"misses {len(misses)}, false changes {len(false_changes)}")

    if verbose:
        print("\nmisses (gold row: what yalu did inside it)")
        for r in misses:
            did = "; ".join(f"{c.rule}:{texts[r.page][c.start:c.end]}→{c.replacement}"
                            for _s, _e, _r, c in r.members) or "nothing"
            print(f"  {r.page} {r.start:4} {r.rule:3} {r.ck}→{r.sk}   yalu: {did}")
        print("\nfalse changes (yalu's change: context)")
        for pid, c, text in false_changes:
            ctx = text[max(0, c.start - 6):c.end + 6].replace("\n", " ")
            print(f"  {pid} {c.start:4} {c.rule:3} {text[c.start:c.end]}→{c.replacement}   …{ctx}…")

    return {"gold": gold_tier, "found": found_tier, "gold_right": gold_tier_right,
            "found_right": found_tier_right, "misses": len(misses), "false": len(false_changes)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        pages, rows, _chrome = load_gold()
        problems = check(pages, rows, load_pages())
        print("\n".join(problems) or f"gold ok: {len(pages)} pages, {len(rows)} rows")
        sys.exit(1 if problems else 0)
    pages, rows, _chrome = load_gold()
    problems = check(pages, rows, load_pages())
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    evaluate(args.verbose)


if __name__ == "__main__":
    main()
