"""Place and organisation mentions in the shapes real pages write, on pages written here: a country's
name for a people, a language or a manner, an ordinary word that is also a far-away place, generic
villages, places inside names, papers and teams."""

import yalu


def mentioned(text: str, kind: str) -> list[str]:
    doc = yalu.read(("제목 줄은 이렇다\n\n" + text + "\n").encode("utf-8"), name="page.txt",
                    url="http://www.jlcxwb.com.cn/news/content/2024-05/06/content_1.html", mentions=True)
    return [doc.text[m.start:m.end] for m in doc.mentions if m.kind == kind]


def places(text: str) -> list[str]:
    return mentioned(text, "place")


def test_a_countrys_name_for_a_people_a_language_or_a_manner_is_no_place():
    found = places("주정부는 조선언어문자 사업을 중시하고 조선사람들의 중국식 현대화와 중국특색 발전을 이야기했다. "
                   "조선과 로씨야의 대표도 왔다.")
    assert sorted(found) == ["로씨야", "조선"]             # the countries themselves, by a particle


def test_an_ordinary_word_is_a_far_away_place_only_when_the_article_names_it_in_full():
    found = places("산동성 위해시에서 온 일행은 네 개 조로 나뉘였는데 매개 조에는 조장이 있었다.")
    assert "조장" not in found and "위해시" in found


def test_generic_villages_are_no_towns_and_a_named_korean_village_is_one():
    found = places("민속촌과 관광촌을 둘러본 뒤 일행은 신광조선족촌을 찾았다. 조선족촌들은 모두 깨끗했다.")
    assert "신광조선족촌" in found
    assert not {"민속촌", "관광촌", "조선족촌"} & set(found)


def test_papers_and_stations_are_organisations_and_a_team_by_its_rank_is_not():
    found = mentioned("로인들은 《길림신문》과 《료녕일보》를 읽고 연변방송을 듣는다. 3위팀과 상대팀이 맞섰고 "
                      "국가에너지국은 전력 공급을 점검했다.", "org")
    assert {"길림신문", "료녕일보", "국가에너지국"} <= set(found)
    assert not {"3위팀", "상대팀"} & set(found)


def test_a_place_inside_a_quoted_name_is_a_place():
    found = places("로인들은 《길림신문》과 《흑룡강신문》을 즐겨 읽는다고 했다.")
    assert found.count("길림") == 1 and found.count("흑룡강") == 1


def test_a_place_before_its_hanzi_a_delegation_or_the_copula_is_a_place():
    found = places("성소재지는 장춘시이다. 습근평은 길림성(吉林省)에 도착해 연변대표단을 만났으며 연변일보사로부터 "
                   "보고를 받았다.")
    assert {"장춘시", "길림성", "연변"} <= set(found) and found.count("연변") == 2


def test_a_place_may_follow_a_place_inside_one_word():
    found = places("연변룡정팀은 료양시문성구에서 훈련했다고 한다.")
    assert found[:2] == ["연변", "룡정"] and {"료양시", "문성구"} <= set(found)


def test_a_place_of_the_region_opens_a_compound_name_and_a_word_of_other_hanzi_is_no_place():
    # 연변축구, 료양학우회, 할빈신광: a province or a name of the papers' region opening a longer name;
    # 통화량 (通貨 money), 안도감 (安堵感 relief) and 마중하러 (to go and meet) are words, not 通化, 安图
    found = places("연변축구의 정신을 살려 료양학우회와 할빈신광 신문을 찾았다. 통화량이 늘고 안도감을 느꼈다. "
                   "손님을 마중하러 나갔다.")
    assert found == ["연변", "료양", "할빈"]


def test_a_town_by_its_bare_name_needs_its_county_and_a_people_or_a_building_is_no_place():
    # 동방홍 (东方红镇 of 虎林, and a song) bare in an article that names only the province is no place;
    # 연변인민들 and 연변인 are a people; 인민대회당 is a building (a facility, not a place); 연변인민정부 is
    # a body of the place
    found = places("흑룡강에서 노래 동방홍을 불렀다. 220만 연변인민들과 연변인의 마음이 모였다. "
                   "대표들은 인민대회당에서 만났다. 연변인민정부가 발표했다.")
    assert found == ["흑룡강", "연변"]


def test_a_common_word_ending_like_a_paper_is_no_organisation():
    # 진일보 (進一步, a step further) ends like a paper (일보 日報) but is a word; 연변일보 is a paper
    assert mentioned("협력을 진일보 강화하였다. 연변일보가 보도하였다.", "org") == ["연변일보"]
