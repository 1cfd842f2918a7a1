"""Scores names.lookup on the persons and places of the real pages (the development set).

    python tests/eval_names_real.py [-v]

For every `persons` and `places` entry of ../shared/realpages/pages.jsonl with ``hanzi_certain`` true,
the first candidate of ``lookup(ko)`` must carry that Hanzi (compared in simplified characters; a place
may be given without its suffix: 延边 counts for 延边朝鲜族自治州, 二道白河 for 二道白河镇). Scored twice: the name alone, and with
the page's text as ``context`` (as ``yalu name KO --context @page`` would). The pages are read where they
lie and never copied into the project.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "realpages" / "pages.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from yalu.names import forms, lookup  # noqa: E402


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(hanzi: str) -> str:
    return _t2s().convert(hanzi)


def matches(found: str, gold: str, kind: str) -> bool:
    found, gold = simplified(found), simplified(gold)
    if found == gold:
        return True
    return kind == "places" and _short(found) == _short(gold)


def _short(hanzi: str) -> str:
    """A division without its suffix: the names engine's division suffixes, and a township's (镇, 乡),
    which are divisions too (二道白河镇 = 二道白河)."""
    base = forms.split_suffix(hanzi)[0]
    return base[:-1] if base == hanzi and len(hanzi) > 2 and hanzi[-1] in "镇乡" else base


def cases() -> list[tuple[str, str, str, str, str]]:
    """(kind, page id, ko, hanzi, page text) for every entry with certain Hanzi."""
    out = []
    with open(PAGES, encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            for kind in ("persons", "places"):
                for entry in page.get(kind) or []:
                    if entry.get("hanzi_certain") and entry.get("hanzi") and entry.get("ko"):
                        out.append((kind, page["id"], entry["ko"], entry["hanzi"], page.get("text") or ""))
    return out


def evaluate(with_context: bool) -> dict[str, tuple[int, int, list[str]]]:
    """{kind: (right, total, misses)}."""
    out: dict[str, tuple[int, int, list[str]]] = {}
    for kind in ("persons", "places"):
        right, misses, rows = 0, [], [c for c in cases() if c[0] == kind]
        for _, page, ko, hanzi, text in rows:
            found = lookup(ko, context=text if with_context else None)
            ok = bool(found) and matches(found[0].hanzi, hanzi, kind)
            right += ok
            if not ok:
                misses.append(f"{page} {ko} → {found[0].hanzi if found else None}, not {hanzi}")
        out[kind] = (right, len(rows), misses)
    return out


def main() -> None:
    if not PAGES.exists():
        sys.exit(f"no development set at {PAGES}")
    for label, with_context in (("alone", False), ("with page", True)):
        for kind, (right, total, misses) in evaluate(with_context).items():
            print(f"{kind:<9}{label:<11}{right:>5} / {total:<5}{right / total if total else 0:8.3f}")
            if "-v" in sys.argv:
                for miss in misses:
                    print(f"    {miss}")


if __name__ == "__main__":
    main()
