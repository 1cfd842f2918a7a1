"""Every sample page in examples/ against its hand-written expected record, field by field."""

import json
from pathlib import Path

import pytest

import yalu
from yalu.extract import load_outlets

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

EXPECTED = sorted(EXAMPLES.glob("*.expected.json"))
FIELDS = ("outlet", "source", "kicker", "headline", "subheadlines", "published", "published_from")


def page_of(expected_path):
    stem = expected_path.name.removesuffix(".expected.json")
    pages = [p for p in EXAMPLES.glob(stem + ".*") if not p.name.endswith(".expected.json")]
    assert len(pages) == 1, f"{stem}: expected one page beside its record, found {pages}"
    return pages[0]


def test_examples_cover_the_issue():
    pages = [page_of(e) for e in EXPECTED]
    assert len(pages) >= 24
    assert sum(p.suffix == ".txt" for p in pages) >= 8 and sum(p.suffix == ".html" for p in pages) >= 8
    outlets = {json.loads(e.read_text()).get("outlet") for e in EXPECTED}
    assert {o.name for o in load_outlets()} <= outlets


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_examples_page_matches_its_record(expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    page = page_of(expected_path)
    if "error" in expected:
        with pytest.raises(yalu.YaluError) as caught:
            yalu.read(page, url=expected["url"])
        assert caught.value.code == expected["error"]
        return
    doc = yalu.read(page, url=expected["url"])
    for field in FIELDS:
        assert getattr(doc, field) == expected[field], field
    assert doc.url == expected["url"]
    assert [{"name": a.name, "role": a.role} for a in doc.authors] == expected["authors"]
    review = None if doc.review is None else {
        "first": doc.review.first, "second": doc.review.second, "final": doc.review.final}
    assert review == expected["review"]
    assert doc.paragraphs == expected["paragraphs"]
    for line in expected["chrome"]:
        assert line in doc.chrome, f"chrome line not removed: {line!r}"
        assert line not in doc.text
    assert sorted({w.code for w in doc.warnings}) == sorted(expected["warnings"])
