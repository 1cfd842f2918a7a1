"""Mentions over the seeds: issue 5's must-holds that concern people, places and dates."""

import pytest

import yalu


@pytest.fixture(scope="module")
def seed_docs(seeds):
    return {name: yalu.read(seeds / f"{name}.txt", mentions=True)
            for name in ("000_1674585d37812f59", "001_cab5228b4c32a580")}


def spans(doc, kind):
    return [(doc.text[m.start:m.end], m.value) for m in doc.mentions if m.kind == kind]


def test_annotate_xi_is_linked_in_both_seeds(seed_docs):
    for doc in seed_docs.values():
        assert ("습근평", "习近平") in spans(doc, "person")
        assert all(m.entity == "person:习近平" for m in doc.mentions if doc.text[m.start:m.end] == "습근평")


def test_annotate_never_a_place(seed_docs):
    for doc in seed_docs.values():
        places = {text for text, _ in spans(doc, "place")}
        assert not any(p.startswith(("허근", "대상", "공안", "서기", "구현", "위해", "흥안")) for p in places)


def test_annotate_tour_places_of_seed_001(seed_docs):
    doc = seed_docs["001_cab5228b4c32a580"]
    places = set(spans(doc, "place"))
    assert {("가목사", "佳木斯市"), ("쌍압산", "双鸭山市"), ("학강", "鹤岗市"), ("령동구", "岭东区"),
            ("룡강", "黑龙江省")} <= places
    assert ("허근", "许勤") in spans(doc, "person")


def test_annotate_dates_against_published_or_an_inferred_year(seed_docs):
    assert ("2월 28일", "2026-02-28") in spans(seed_docs["000_1674585d37812f59"], "date")
    tour = [m for m in seed_docs["001_cab5228b4c32a580"].mentions if m.kind == "date"]
    assert tour[0].value == "2021-11-26/2021-11-28"
    assert tour[0].source.startswith("inferred from 19th Central Committee, 6th plenum")


def test_annotate_organisations_with_their_hanzi(seed_docs):
    orgs = dict(spans(seed_docs["001_cab5228b4c32a580"], "org"))
    assert orgs["흑룡강항태(恒泰)건설그룹"] == "恒泰"
    for name in ("도시건설계획전시관", "가목사공업기술연구원", "흥안로파출소", "흑룡강건룡철강유한회사"):
        assert name in orgs


def test_annotate_mentions_round_trip(seed_docs):
    for doc in seed_docs.values():
        assert yalu.Document.from_json(doc.to_json()) == doc
