import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, strategies as st

import yalu
from yalu.document import Document, Span, assemble


def test_document_json_round_trips_unchanged(seeds):
    for page in seeds.glob("*.txt"):
        doc = yalu.read(page)
        again = Document.from_json(doc.to_json())
        assert again == doc
        assert again.to_json() == doc.to_json()


def test_document_json_has_the_agreed_keys(seeds):
    record = yalu.read(seeds / "000_1674585d37812f59.txt").to_dict()
    for key in ("schema_version", "id", "url", "outlet", "source", "kicker", "headline", "subheadlines",
                "published", "published_from", "authors", "review", "text", "paragraphs", "chrome", "warnings"):
        assert key in record
    assert record["review"] == {"first": "林洪吉", "second": "郑恩峰", "final": None}
    assert record["text"][record["headline_span"]["start"]:record["headline_span"]["end"]] == record["headline"]


def test_document_json_matches_its_schema(seeds):
    schema = json.loads(resources.files("yalu").joinpath("schema/document.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for page in seeds.glob("*.txt"):
        jsonschema.validate(yalu.read(page).to_dict(), schema)


def test_document_load_refuses_a_span_that_disagrees_with_its_text(seeds):
    record = yalu.read(seeds / "000_1674585d37812f59.txt").to_dict()
    record["headline"] = "다른 제목"
    with pytest.raises(yalu.AlignmentError):
        Document.from_dict(record)


def test_document_refuses_spans_outside_the_text():
    with pytest.raises(yalu.AlignmentError):
        Document(text="짧다", headline_span=Span(0, 10))


def test_document_load_refuses_another_schema_version(seeds):
    record = yalu.read(seeds / "000_1674585d37812f59.txt").to_dict()
    record["schema_version"] = 99
    with pytest.raises(ValueError, match="schema_version"):
        Document.from_dict(record)


lines = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), min_size=1)


@given(st.lists(lines, max_size=3), st.lists(lines, max_size=6))
def test_document_assemble_spans_point_at_their_lines(block, paragraphs):
    parts = ["kicker", "headline", "subheadline"][: len(block)]
    doc = assemble(list(zip(parts, block)), paragraphs)
    assert doc.paragraphs == paragraphs
    assert doc.kicker == (block[0] if block else None)
    assert doc.headline == (block[1] if len(block) > 1 else None)
    assert doc.subheadlines == block[2:]
    assert Document.from_json(doc.to_json()) == doc
