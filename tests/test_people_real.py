"""Persons in the shapes real pages write them, on pages written here: a name with its Hanzi printed
beside it, and a name glued to its title."""

import yalu


def persons(text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = yalu.read(("제목 줄은 이렇다\n\n" + text + "\n").encode("utf-8"), name="page.txt",
                    url="http://www.jlcxwb.com.cn/news/content/2024-05/06/content_1.html", mentions=True)
    return {doc.text[m.start:m.end]: (m.entity, m.source) for m in doc.mentions if m.kind == "person"}


def test_a_name_with_its_hanzi_printed_is_that_person():
    found = persons("2001년부터 2003년까지 필정(毕政)이 신문사 사장을 맡았다. 그 뒤 필정은 북경으로 갔다.")
    assert found["필정"] == ("person:毕政", "printed Hanzi")


def test_hanzi_before_a_noun_or_of_a_place_make_no_person():
    found = persons("경찰은 백가(白家) 범죄집단을 소탕했다. 회의는 길림(吉林)에서 열렸다고 한다. 모두 기뻐했다.")
    assert "백가" not in found and "길림" not in found


def test_a_name_glued_to_its_title_is_a_person_and_a_body_glued_to_a_post_is_not():
    found = persons("연변축구협회 김광호주임과 박성철씨가 경기장을 찾았다. 당지부서기와 성위서기도 함께 왔다.")
    assert "김광호" in found and "박성철" in found
    assert not {"당지", "성위"} & set(found)


def test_names_in_a_list_are_persons_and_a_list_of_places_is_not():
    found = persons("회의에는 왕영철, 장우민, 서건호 및 관련 부문 책임자들이 참석했다. 일행은 심양, 안산, 철령을 거쳐 돌아왔다.")
    assert {"왕영철", "장우민", "서건호"} <= set(found)
    assert not {"심양", "안산", "철령"} & set(found)


def test_an_anonymised_person_is_a_person_and_an_aunt_is_not():
    found = persons("경찰은 사기혐의자 김모를 검거했다. 김모는 고모와 함께 살고 있었다고 한다.")
    assert "김모" in found and found["김모"][1] == "anonymised"
    assert "고모" not in found


def test_a_known_name_that_begins_a_longer_one_is_not_that_person():
    found = persons("리창연 촌서기는 신문을 로인협회에 전달했다. 국무원 총리 리창은 회의를 주재했다.")
    assert found["리창"][0] == "person:李强"
    assert "리창연" in found and found["리창연"][0] != "person:李强"
