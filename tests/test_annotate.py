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


def test_annotate_tour_of_seed_001_exactly(seed_docs):
    doc = seed_docs["001_cab5228b4c32a580"]
    (tour,) = [e for e in doc.events if e.kind == "tour"]
    assert (tour.start, tour.end) == ("2021-11-26", "2021-11-28")
    assert tour.date_source.startswith("inferred")
    assert tour.people == (("person:许勤", "leader"),)
    assert [(s.name, s.place) for s in tour.stops] == [
        ("가목사", "place:230800"), ("쌍압산", "place:230500"), ("학강", "place:230400")]
    assert [s.sites for s in tour.stops] == [
        ("도시건설계획전시관", "흑룡강항태(恒泰)건설그룹", "가목사공업기술연구원",
         "가목사중건재가성유리(中建材佳星玻璃)(흑룡강)유한회사"),
        ("시 도서관", "령동구 중산가두 통달주민지역사회", "흑룡강건룡철강유한회사"),
        ("흥안로파출소", "흑룡강국신통(国信通)과학기술정보산업주식유한회사", "중국오광그룹(흑룡강)흑연산업유한회사"),
    ]
    for stop in tour.stops:          # every part points to the span it came from
        assert [doc.text[s.start:s.end] for s in stop.spans[1:]] == list(stop.sites)


def test_annotate_no_tour_in_a_meeting_report(seed_docs):
    assert not [e for e in seed_docs["000_1674585d37812f59"].events if e.kind == "tour"]


def test_annotate_meeting_of_seed_000(seed_docs):
    doc = seed_docs["000_1674585d37812f59"]
    (meeting,) = [e for e in doc.events if e.kind == "meeting"]
    assert meeting.start == "2026-02-28"
    assert meeting.people == (("person:胡家福", "주당위 서기"),)
    assert meeting.body == "주당위 상무위원회"
    kinds = [item.kind for item in meeting.agenda]
    assert (kinds.count("relayed"), kinds.count("report"), kinds.count("reviewed")) == (7, 2, 2)
    assert [item.text for item in meeting.agenda if item.kind == "reviewed"] == [
        "‘중공연변주위 상무위원회 2026년 사업 요점’",
        "‘1.4분기 전 주 경제, 사회 발전이 량호한 시작을 실현하도록 추동할 데 관한 사업방안’"]
    for item in meeting.agenda:
        assert doc.text[item.span.start:item.span.end] == item.text
