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


def roles_of(doc, name):
    return [(doc.text[r.start:r.end], r.entity, r.as_of, r.as_of_source) for r in doc.roles
            if doc.text[r.person_start:r.person_end] == name]


def test_annotate_roles_of_the_meeting_convener(seed_docs):
    doc = seed_docs["000_1674585d37812f59"]
    # 「성당위 상무위원이며 주당위 서기인 호가복」: two posts, dated by the article
    assert roles_of(doc, "호가복") == [("성당위 상무위원", "person:胡家福", "2026-03-02", "published"),
                                    ("주당위 서기", "person:胡家福", "2026-03-02", "published")]
    assert not [m for m in doc.mentions if m.kind == "person" and m.entity is None]


def test_annotate_role_of_the_tour_leader_with_an_inferred_year(seed_docs):
    doc = seed_docs["001_cab5228b4c32a580"]
    posts = roles_of(doc, "허근")
    assert posts[0][:3] == ("흑룡강성성위 서기", "person:许勤", "2021")
    assert posts[0][3].startswith("inferred from 19th Central Committee")
    assert {p[0] for p in posts} == {"흑룡강성성위 서기", "서기"}


def test_annotate_terms_and_quantities_of_seed_000(seed_docs):
    doc = seed_docs["000_1674585d37812f59"]
    terms = [t for t, _ in spans(doc, "term")]
    assert {"‘5신 산업’", "‘445’산업발전프로젝트", "‘중공연변주위 상무위원회 2026년 사업 요점’"} <= set(terms)
    assert ("4개", "양수에너지축적발전소") in spans(doc, "quantity")
    assert [t for t, _ in spans(seed_docs["001_cab5228b4c32a580"], "term")][:2] == ["“두가지 확립”", "“두가지 수호”"]


def annotated(text, published="2026-05-04"):
    from yalu.annotate import annotate
    from yalu.document import assemble
    return annotate(assemble([("headline", "제목")], [text], published=published))


def test_annotate_persons_by_their_titles():
    doc = annotated("촌당지부 서기 박명수는 김철 기자에게 “올해는 풍년이 들었다”고 말했다. "
                    "14일 오전 기자가 찾은 마을에서 리영호 동지와 로인 최순자도 만났다. 김철은 돌아갔다.")
    people = [doc.text[m.start:m.end] for m in doc.mentions if m.kind == "person"]
    assert people == ["박명수", "김철", "리영호", "최순자", "김철"]       # not 오전: a word, before 기자가
    assert [(doc.text[r.start:r.end], doc.text[r.person_start:r.person_end]) for r in doc.roles] == [
        ("촌당지부 서기", "박명수"), ("기자", "김철")]              # 동지 and 로인 are no posts
    assert all(r.as_of == "2026-05-04" for r in doc.roles)


def test_annotate_countries_and_towns():
    doc = annotated("흑룡강성의 대로씨야 무역이 늘었다. 조선족 마을인 룡정시 동성용진 명동촌을 찾았다. "
                    "사업을 추진하고 농촌 발전을 촉진했다.")
    places = [(doc.text[m.start:m.end], m.entity) for m in doc.mentions if m.kind == "place"]
    assert ("로씨야", "place:RU") in places
    # 东盛涌镇 is a town of 龙井 that names.places knows (towns.tsv); 명동촌 is a village found by its ending
    assert ("동성용진", "place:222405:东盛涌镇") in places and ("명동촌", None) in places
    assert not {"조선", "추진", "농촌", "촉진"} & {p for p, _ in places}


def test_annotate_words_that_only_begin_with_a_place_reading():
    # 옥수수 is corn, 아파트 a block of flats; 장백현 and 연변대학 keep their place, and 장백산 is the
    # mountain (natural.tsv, issue 11), not 长白县
    doc = annotated("장백산 아래 옥수수 밭과 아파트가 있다. 장백현과 연변대학도 있다.")
    places = [(doc.text[m.start:m.end], m.entity) for m in doc.mentions if m.kind == "place"]
    assert [p for p, _ in places] == ["장백산", "장백현", "연변"]
    assert places[0][1] == "place:CN:长白山"


def test_annotate_the_gold_set_scores(script):
    scorer = script("tests/eval_mentions.py")
    score = scorer.evaluate()
    assert len(list(scorer.GOLD.glob("*.tsv"))) >= 30

    def p(kind):
        s = score[kind]
        return s["right"] / s["found"], s["right"] / s["gold"]

    assert min(p("person")[0], p("place")[0]) >= 0.95
    assert min(p("person")[1], p("place")[1]) >= 0.90
    assert min(p("org")) >= 0.85
    assert score["place"]["entity_right"] == score["place"]["entity_gold"]


def test_annotate_events_of_the_sample_pages(script):
    # four meetings in four wordings and the undated tour come out exactly as their gold files
    right, files = script("tests/eval_mentions.py").evaluate_events()
    assert files == 8 and right >= 5
