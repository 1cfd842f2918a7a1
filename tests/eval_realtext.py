"""The spelling engine on the real pages of ../shared/realpages/pages.jsonl (library calls, no network).

    python tests/eval_realtext.py [-v]

Prints three figures:
  (a) damage: on the ``south_korean_standard`` pages, the pages and the changes ``yalu.standardize``
      makes (standard text must come out unchanged; every change is damage). ``-v`` lists them.
  (b) a rough recall on the ``chinese_korean`` pages: each ``orthography_tokens`` pair {ck, sk} that is a
      spelling pair counts once per page; it is found when, at some place where the page has ck, the
      changes inside that stretch turn it into sk. A pair is a spelling pair when sk has no "(" and,
      spaces removed, ck and sk have the same number of characters with at most half of them
      different (so 습근평→시진핑, 진일보→한층 and 옵세트→오프셋 are left out as names, vocabulary or
      loanwords outside any rule). Pairs whose ck is not in the (truncated) text are not counted.
  (c) idempotence: the pages (all varieties) where standardize(standardize(x)) != standardize(x).
  (d) the variety standardize read each page as, against the page's label (issue 10, item 1).

The page text stays in ../shared: this script reads it and never writes it anywhere.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "realpages" / "pages.jsonl"
sys.path.insert(0, str(ROOT / "src"))

import yalu  # noqa: E402
from yalu.orthography import apply_changes  # noqa: E402


@dataclass
class RealText:
    standard_pages: int = 0
    damaged_pages: int = 0
    damage: list[tuple[str, str, str, str]] = field(default_factory=list)   # page id, before, after, rule
    pairs: int = 0
    found: int = 0
    missed: list[tuple[str, str, str, str]] = field(default_factory=list)   # page id, ck, sk, got
    pages: int = 0
    not_idempotent: list[str] = field(default_factory=list)
    varieties: list[tuple[str, str, str]] = field(default_factory=list)     # page id, labelled, read

    def variety_right(self, labelled: str) -> tuple[int, int]:
        rows = [(want, got) for _, want, got in self.varieties if want == labelled]
        return sum(_SAME.get(want, want) == got for want, got in rows), len(rows)


# the development set's labels and the four varieties yalu reads
_SAME = {"south_korean_standard": "south_korean"}


def load_pages() -> list[dict]:
    with open(PAGES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def spelling_pair(ck: str, sk: str) -> bool:
    if "(" in sk or ck == sk:
        return False
    a, b = ck.replace(" ", ""), sk.replace(" ", "")
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b)) * 2 <= len(a)


def converted(text: str, changes, ck: str) -> str | None:
    """What the first place holding ck became, preferring a place where it became something else."""
    best = None
    at = text.find(ck)
    while at >= 0:
        end = at + len(ck)
        inside = [c for c in changes if at <= c.start and c.end <= end
                  and not (c.start == c.end and c.start in (at, end))]
        shifted = [type(c)(c.start - at, c.end - at, c.replacement, c.rule, c.tier) for c in inside]
        got = apply_changes(ck, shifted)
        if best is None or got != ck:
            best = got
        at = text.find(ck, at + 1)
    return best


def context(text: str, start: int, end: int, width: int = 8) -> str:
    return text[max(0, start - width):start] + "[" + text[start:end] + "]" + text[end:end + width]


def evaluate() -> RealText:
    score = RealText()
    for page in load_pages():
        text = page["text"]
        result = yalu.standardize(text)
        once = result.text
        score.pages += 1
        if result.variety is not None:
            score.varieties.append((page["id"], page["variety"], result.variety.name))
        if yalu.standardize(once).text != once:
            score.not_idempotent.append(page["id"])
        if page["variety"] == "south_korean_standard":
            score.standard_pages += 1
            if result.changes:
                score.damaged_pages += 1
            for c in result.changes:
                score.damage.append((page["id"], context(text, c.start, c.end).replace("\n", " "),
                                     repr(c.replacement), c.rule))
        elif page["variety"] == "chinese_korean":
            seen = set()
            for pair in page.get("orthography_tokens") or []:
                ck, sk = pair["ck"], pair["sk"]
                if (ck, sk) in seen or not spelling_pair(ck, sk) or ck not in text:
                    continue
                seen.add((ck, sk))
                score.pairs += 1
                got = converted(text, result.changes, ck)
                if got == sk:
                    score.found += 1
                else:
                    score.missed.append((page["id"], ck, sk, got or ""))
    return score


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    s = evaluate()
    print(f"(a) standard pages changed: {s.damaged_pages} of {s.standard_pages}, "
          f"{len(s.damage)} changes (each is damage)")
    if verbose:
        for page, where, new, rule in s.damage:
            print(f"    {page} {rule}: {where} → {new}")
    recall = s.found / s.pairs if s.pairs else 1.0
    print(f"(b) spelling pairs found on chinese_korean pages: {s.found} of {s.pairs} ({recall:.2f})")
    if verbose:
        for page, ck, sk, got in s.missed:
            print(f"    {page} {ck} → {sk} (got {got})")
    print("(d) variety read right: " + ", ".join(
        f"{name} {s.variety_right(name)[0]}/{s.variety_right(name)[1]}"
        for name in ("chinese_korean", "south_korean_standard", "north_korean", "mixed")))
    if verbose:
        for page, want, got in s.varieties:
            if _SAME.get(want, want) != got:
                print(f"    {page} {want} read as {got}")
    print(f"(c) pages not idempotent: {len(s.not_idempotent)} of {s.pages}"
          + (f" ({', '.join(s.not_idempotent)})" if s.not_idempotent else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
