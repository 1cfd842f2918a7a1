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


def test_a_bare_surname_with_a_form_of_address_is_a_person():
    # 오선생은, 김씨가: the surname alone names the person; 조선생활 is no 조 + 선생
    found = persons("마을에 사는 오선생은 밭을 갈았다. 이웃 김씨가 도와주었다. 조선생활은 힘들었다고 한다.")
    assert found.get("오", (None, None))[1] == "title" and "김" in found
    assert not {"조", "조선생활"} & set(found)


def test_two_names_each_with_a_bracket_and_a_list_after_a_titled_name():
    found = persons("소를 기르는 농호는 방철민(3마리), 구영호(4마리) 뿐이다. 나머지는 차성길 주임(5마리), "
                    "맹춘식(7마리), 표덕수(2마리), 남궁현(6마리) 농호이다.")
    assert {"방철민", "구영호", "맹춘식", "표덕수", "남궁현"} <= set(found)
    assert "주임" not in found


def test_a_name_after_its_title_loses_the_particle_and_before_one_keeps_its_syllables():
    # 과장 도흠은: 도흠 and the particle 은; 진우가 경리는: a name of three syllables before its title
    found = persons("문화관광국 과장 도흠은 관광객이 늘었다고 말했다. 합작사의 진우가 경리는 쌀을 팔았다.")
    assert "도흠" in found and "도흠은" not in found
    assert "진우가" in found


def test_a_word_of_the_dictionary_anonymises_only_paired_with_a_name():
    found = persons("경찰은 범죄혐의자 장모와 김모를 나포했다. 그 뒤 장모는 입을 열었다.")
    assert "장모" in found and "김모" in found
    found = persons("경찰은 사기혐의자 김모를 검거했다. 김모는 장모와 함께 살고 있었다고 한다.")
    assert "장모" not in found


def test_a_lone_surname_before_its_title_is_a_person_and_a_former_one_is_not():
    found = persons("행사장에서 리 주임이 인사말을 했다. 전 주임은 축하를 보냈다. 한 교수는 박수를 쳤다.")
    assert "리" in found
    assert not {"전", "한"} & set(found)


def test_a_list_run_on_without_spaces_and_a_name_that_ends_like_a_particle():
    # the first name glued to the text before it (…시합에서는서소민), and 류의 read whole before its bracket
    found = persons("달리기시합에서는서소민(12초5),오우양(12초8),류의(13초1)가앞섰다.")
    assert {"서소민", "오우양", "류의"} <= set(found)


def test_a_paper_between_a_name_and_its_post_and_a_villager_after_the_name():
    # 차명수 길림신문사 사장: the post through the paper, which stays an organisation; 설문식 농민은; 청년 한정성을;
    # 주민 두명은, …: the topic's 은 and a comma after a name of two syllables
    doc = yalu.read(("제목 줄은 이렇다\n\n지난해 봄, 차명수 길림신문사 사장이 새 건물을 둘러보았다. "
                     "마을의 설문식 농민은 기뻐했다. 그는 젊은 청년 한정성을 만났다. 동네 주민 두명은, "
                     "총서기를 만났다고 말했다.\n").encode(), name="page.txt", mentions=True)
    found = {doc.text[m.start:m.end]: m.kind for m in doc.mentions}
    assert found.get("차명수") == "person" and found.get("길림신문사") == "org"
    assert found.get("설문식") == "person" and found.get("한정성") == "person"
    assert found.get("두명") == "person" and "두명은" not in found


def test_names_with_long_brackets_in_a_list():
    found = persons("법원은 백소민(영문명 PAK SO MIN), 백응철(영문명 PAK UNG CHOL) 두 사람을 불러 물었다.")
    assert {"백소민", "백응철"} <= set(found)


def test_a_person_of_history_is_not_a_man_of_today_with_a_post():
    # 리홍광 회장 (an association's chairman in 2022) is not 李红光 (1910–1935), whom the people of history
    # table knows; 마준 without a post beside him in a history of the party is 马骏
    found = persons("2022년 가을, 한 협회의 리홍광 회장 일행이 심양을 다녀갔다. 력사학자들은 마준이 동북에서 "
                    "활동한 혁명가라고 소개했다.")
    assert found["리홍광"][0] is None and found["마준"][0] == "person:马骏"
