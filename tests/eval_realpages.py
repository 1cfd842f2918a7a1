"""Scores the reader on the real pages of this press: ../shared/realpages/pages.jsonl (Chinese Korean).

    python tests/eval_realpages.py [-v]       (or `make eval`)

The facts in pages.jsonl were written by reading the pages; its README says where they are weak. Per
field, right/total:
- headline: the page's headline (kicker + headline may together make it), or none where the excerpt
  shows none (it starts inside the article, or is a list page): an invented headline is wrong;
- published: pages whose date is printed in the header (`datetime_from` starts with "header"), to the
  minute;
- byline: pages whose byline names a person (BYLINE_PERSONS, read from each page's `byline` fact): every
  person named is found, and no one else but the editors the page prints;
- source: pages with a `source_line` (SOURCES: the source it names, in the forms a reader accepts);
- body kept: the body holds at least half of the page's characters, or a warning says why not.
Pages cut off before their foot carry no byline in the excerpt; they are counted, not scored.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "realpages" / "pages.jsonl"
sys.path.insert(0, str(ROOT / "src"))

import yalu  # noqa: E402

# The persons each byline fact names (the outlet and the uploader are no persons: 조글로미디어, 관리자,
# lnsm003, 发布人:료녕신문), written by reading the `byline` field of each page.
BYLINE_PERSONS = {
    "r000": {"최화"}, "r002": {"유경봉"}, "r008": {"이수산"}, "r013": {"황유복"}, "r014": {"김철"},
    "r033": {"김룡"}, "r035": {"김룡"}, "r040": {"김영화"}, "r056": {"홍옥"}, "r066": {"오정국"},
    "r067": {"김정진"}, "r068": {"오정국"}, "r071": {"윤승길"}, "r072": {"김군"}, "r076": {"오건"},
    "r085": {"정호원"}, "r088": {"김정함"}, "r099": {"오기활"}, "r102": {"리련화"}, "r109": {"장연하"},
}
# Others a byline line may rightly name beside them: a photo credit, the uploader in Hanzi.
BYLINE_ALSO = {"r056": {"최승호"}, "r068": {"白一婷"}}

# The source each `source_line` fact names; any of the forms is right.
SOURCES = {
    "r000": {"길림신문"}, "r002": {"길림신문"}, "r017": {"료녕신문"}, "r020": {"료녕신문"},
    "r026": {"중국조선어방송넷"}, "r028": {"중앙인민방송국"}, "r029": {"연변일보"},
    "r030": {"연변라지오TV넷", "연변라지오TV넷 연변뉴스APP"}, "r032": {"연변라지오TV넷", "연변라지오TV넷 연변뉴스APP"},
    "r033": {"길림신문"}, "r035": {"길림신문"}, "r037": {"길림성문화관광넷"}, "r040": {"吉林日报", "길림일보"},
    "r047": {"동북망 조선어채널", "동북망"}, "r049": {"동북망"}, "r056": {"경제일보"},
    "r060": {"흑룡강라디오텔레비전방송 뉴스채널", "흑룡강라디오텔레비전방송"}, "r061": {"흑룡강신문"},
    "r062": {"흑룡강신문"}, "r063": {"오로라뉴스"}, "r076": {"길림신문"}, "r080": {"중국국제방송"}, "r084": {"료녕신문"},
    "r088": {"료녕신문"}, "r100": {"연변일보"}, "r103": {"길림신문"}, "r108": {"길림신문"},
}


def _squeeze(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def pages() -> list[dict]:
    assert PAGES.is_file(), f"{PAGES} is missing: the real-page evaluation reads it there"
    rows = [json.loads(line) for line in PAGES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["variety"] == "chinese_korean"]


def _read(page: dict) -> tuple[yalu.Document | None, str | None]:
    try:
        return yalu.read(page["text"].encode("utf-8"), name=page["id"], url=page["url"]), None
    except yalu.YaluError as error:
        return None, str(error)


def _headline_right(page: dict, doc: yalu.Document | None) -> bool:
    gold = page["headline"]
    if gold is None or gold.endswith("(section list)"):
        return doc is None or doc.headline is None
    if doc is None or doc.headline is None:
        return False
    return _squeeze(gold) in (_squeeze(doc.headline), _squeeze((doc.kicker or "") + doc.headline))


def _published_right(page: dict, doc: yalu.Document | None) -> bool:
    return doc is not None and (doc.published or "")[:16] == page["datetime_iso"][:16]


def _byline_right(page: dict, doc: yalu.Document | None) -> bool:
    if doc is None:
        return False
    found = {a.name for a in doc.authors}
    gold = BYLINE_PERSONS[page["id"]]
    editors = set(re.findall(r"[가-힣]{2,4}", page.get("editors") or ""))
    return gold <= found and found <= gold | editors | BYLINE_ALSO.get(page["id"], set())


def _body_kept(page: dict, doc: yalu.Document | None) -> bool:
    if doc is None:         # refused with an error that names the page and says why: not silent
        return True
    body = sum(len(_squeeze(p)) for p in doc.paragraphs)
    return body >= len(_squeeze(page["text"])) / 2 or any(w.code.startswith("body.") for w in doc.warnings)


def evaluate() -> dict[str, tuple[int, int, list[str]]]:
    """{field: (right, total, misses)} over the Chinese Korean real pages."""
    scores: dict[str, list] = {f: [0, 0, []] for f in ("headline", "published", "byline", "source", "body kept")}

    def score(field: str, ok: bool, page: dict, found: object, want: object) -> None:
        scores[field][0] += ok
        scores[field][1] += 1
        if not ok:
            scores[field][2].append(f"{page['id']}: {found!r}, not {want!r}")

    for page in pages():
        doc, error = _read(page)
        shown = error if doc is None else None
        score("headline", _headline_right(page, doc), page, shown or doc.headline, page["headline"])
        if (page["datetime_from"] or "").startswith("header"):
            score("published", _published_right(page, doc), page, shown or doc.published, page["datetime_iso"])
        if page["id"] in BYLINE_PERSONS:
            score("byline", _byline_right(page, doc), page,
                  shown or [(a.name, a.role) for a in doc.authors], sorted(BYLINE_PERSONS[page["id"]]))
        if page["id"] in SOURCES:
            score("source", doc is not None and doc.source in SOURCES[page["id"]], page,
                  shown or doc.source, sorted(SOURCES[page["id"]]))
        score("body kept", _body_kept(page, doc), page,
              shown or f"{sum(map(len, doc.paragraphs))} body chars", "half the page or body.* warning")
    return {f: (r, t, m) for f, (r, t, m) in scores.items()}


def no_byline_in_excerpt() -> int:
    """Pages whose excerpt holds no byline at all (most are cut off before their foot)."""
    return sum(1 for p in pages() if not p["byline"])


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    print(f"real pages: {len(pages())} Chinese Korean pages of {PAGES}")
    for field, (right, total, misses) in evaluate().items():
        print(f"  {field:10} {right:3}/{total:<3} {right / total:.3f}")
        if verbose:
            for miss in misses:
                print(f"      {miss}")
    print(f"  pages with no byline in their excerpt (cut off before it, or none printed): {no_byline_in_excerpt()}")


if __name__ == "__main__":
    main()
