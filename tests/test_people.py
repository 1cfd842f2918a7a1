"""The one people table (issue 11, item 1): officials.yaml, korean_people.tsv and CPED, built by
tools/build_people.py into data/people.tsv, and how lookup ranks the people who share a form."""

from importlib import resources

import pytest

from yalu import names
from yalu.names import gazetteer


def _first(query: str, context: str | None = None) -> names.Candidate:
    found = names.lookup(query, context=context)
    assert found, query
    return found[0]


@pytest.mark.parametrize("query", ["리경호", "이경호", "李景浩", "Li Jinghao"])
def test_people_korean_chinese_official_is_a_korean_name(query):
    """李景浩 (朝鲜族, CPED): 리경호 in these papers, 이경호 in the South, not the Mandarin 리징하오."""
    c = _first(query)
    assert (c.kind, c.hanzi, c.reading, c.pinyin, c.standard) == ("person", "李景浩", "리경호", "Lǐ Jǐnghào", "이경호")
    assert c.ethnicity == "朝鲜族" and c.born == 1961 and c.native.startswith("吉林省 延边")
    assert any("Korean-Chinese" in why for why in c.why)


def test_people_korean_chinese_from_officials_yaml_takes_the_initial_sound_law():
    c = _first("리룡희")
    assert (c.hanzi, c.standard, c.ethnicity) == ("李龙熙", "이용희", "朝鲜族")
    assert _first("이용희").hanzi == "李龙熙"


@pytest.mark.parametrize("query, hanzi, standard", [
    ("축연풍", "竺延风", "주옌펑"), ("탁진", "庹震", "퉈전"), ("전철수", "全哲洙", "전철수"),
])
def test_people_an_official_only_cped_knows(query, hanzi, standard):
    """Neither officials.yaml nor korean_people.tsv has them: CPED does, and no frequency guess is made."""
    found = names.lookup(query)
    assert (found[0].kind, found[0].hanzi, found[0].standard) == ("person", hanzi, standard)
    assert "CPED" in found[0].why[0] and found[0].born
    assert not any("proposal" in " ".join(c.why) for c in found)


def test_people_a_shared_reading_is_ranked_with_its_reasons():
    """리강: 李强 (officials.yaml, premier) first, then CPED's namesakes and near-namesakes, each saying
    how many share the form; confidences fall with the rank."""
    found = names.lookup("리강")
    assert found[0].hanzi == "李强" and "officials.yaml" in found[0].why[0]
    assert "holds a post now" in found[0].why
    assert len(found) > 2 and all(any("people share this form" in w for w in c.why) for c in found)
    assert [c.confidence for c in found] == sorted((c.confidence for c in found), reverse=True)


def test_people_the_north_east_ranks_first_and_the_article_can_overrule_it():
    """류위평: 刘伟平 (native of Heilongjiang) before 刘卫平 (Jiangxi); an article that names 刘卫平's
    native place (길안, 吉安) puts him first, and says why."""
    found = names.lookup("류위평")
    assert [c.hanzi for c in found[:2]] == ["刘伟平", "刘卫平"]
    assert any(w.startswith("native of the north-east") for w in found[0].why)
    first = _first("류위평", context="강서성 길안시 출신인 류위평은 …")
    assert first.hanzi == "刘卫平" and any("names the native place 길안" in w for w in first.why)


def test_people_a_known_place_outranks_an_official_only_cped_knows():
    """동강 is 同江市 (Heilongjiang), not 董强 of CPED; 董强 is still offered, lower, saying why."""
    found = names.lookup("동강")
    assert found[0].kind == "place" and found[0].hanzi == "同江市"
    person = next(c for c in found if c.hanzi == "董强")
    assert "also a place's name" in person.why


def test_people_a_cped_reading_is_no_text_form():
    """CPED's readings are indexed as ``cped``, which running text does not use: 주민 (residents) and
    전원 (everyone) are words before they are 朱民 or an official of that reading."""
    keys, _ = gazetteer.index()
    hows = {how for _, how in keys["주민"]}
    assert "cped" in hows and not hows & {"full", "base", "short", "conventional", "reading"}   # mentions' text forms
    assert _first("주민").hanzi == "朱民"          # asked for directly, the official is found
    assert "reading" in {how for _, how in keys["리경호"]}    # a Korean-Chinese official's reading is a text form
    native = next(c for c in names.lookup("류위평") if c.hanzi == "刘伟平")       # native of Heilongjiang
    assert native.native.startswith("黑龙江") and "reading" in {how for _, how in keys["류위평"]}
    assert {how for e, how in keys["정아군"] if e.candidate.hanzi == "郑亚军"} == {"cped"}   # of Gansu


def test_people_a_korean_chinese_official_is_a_mention_in_running_text():
    import yalu

    doc = yalu.read("연변조선족자치주 주장 리경호는 회의에서 말했다.".encode(), mentions=True)
    assert [(doc.text[m.start:m.end], m.entity) for m in doc.mentions if m.kind == "person"] == \
        [("리경호", "person:李景浩")]


def test_people_sound_written_minority_names_are_transcribed():
    """努尔·白克力 (Uyghur) writes a name by its sound: the reading is the transcription, not 노이·백극력."""
    c = _first("努尔·白克力")
    assert (c.reading, c.standard, c.ethnicity) == ("누얼·바이커리", "누얼·바이커리", "维吾尔族")
    assert _first("운공민").hanzi == "云公民"       # a Mongol official with a name of Han shape is read


def test_people_table_names_its_sources_in_its_header():
    text = resources.files("yalu.names").joinpath("data", "people.tsv").read_text(encoding="utf-8")
    header, columns = text.splitlines()[:2]
    assert header.startswith("# generated by tools/build_people.py")
    for source in ("officials.yaml", "korean_people.tsv", "CPED 1.0", "github.com/luciasalar/government_officials",
                   "commit 1c09be0", "sha256"):
        assert source in header
    assert columns.split("\t") == ["hanzi", "traditional", "reading", "pinyin", "standard", "ethnicity", "born",
                                   "native", "region", "roles", "source", "note", "also"]
    assert text.count("\n") - 2 > 4000


@pytest.mark.parametrize("reading, surname, expected", [
    ("리경호", 1, "이경호"), ("리룡희", 1, "이용희"), ("림철", 1, "임철"), ("로태우", 1, "노태우"),
    ("남상복", 1, "남상복"), ("류녀", 1, "유녀"),
])
def test_people_south_korean_form_of_a_korean_name(script, reading, surname, expected):
    """The surname and the first syllable of a given name of two syllables take the initial-sound law; a
    one-syllable given name keeps its sound (한글 맞춤법 제11항 붙임 1: 신립, 최린)."""
    assert script("tools/build_people.py").south_korean(reading, surname) == expected


def test_people_other_forms_the_papers_write():
    """officials.yaml's also: 巴音朝鲁 is 파음조로 by the characters and 바인초루 by the Mongolian sound."""
    assert _first("바인초루").hanzi == _first("파음조로").hanzi == "巴音朝鲁"


def test_people_officials_yaml_keeps_priority_for_posts():
    c = _first("허근")
    assert c.hanzi == "许勤" and "officials.yaml" in c.why[0] and c.roles and c.born == 1961


@pytest.mark.parametrize("hanzi, traditional", [("于永泉", "于永泉"), ("余欣荣", "余欣榮"), ("范长龙", "范長龍")])
def test_people_a_surname_is_its_own_traditional_form(hanzi, traditional):
    """OpenCC's s2t writes 於, 餘, 範 for the surnames 于, 余, 范; the table keeps the surname."""
    assert names.from_hanzi(hanzi).traditional == traditional


def test_people_of_history_the_press_names_are_in_the_table():
    # historical_people.tsv: the north-east's revolutionaries and fighters, Korean-Chinese figures, a few
    # writers and officials of the past; four forms computed as for CPED's, the ethnicity deciding the South
    # Korean one (李红光 is Korean-Chinese: 이홍광)
    found = names.lookup("마준")[0]
    assert (found.hanzi, found.kind) == ("马骏", "person") and "person of history" in found.why[0]
    assert names.lookup("양정우")[0].hanzi == "杨靖宇"
    assert names.lookup("리홍광")[0].standard == "이홍광"
    assert names.lookup("뢰봉")[0].standard == "레이펑"


def test_people_of_history_step_back_for_a_man_of_today_with_a_post():
    # with an article where 리홍광 holds a post today, the martyr 李红光 (1910–1935) is not offered first,
    # and a frequency guess carries no known person's facts
    first = names.lookup("리홍광", context="한 협회의 리홍광 회장 일행이 심양을 다녀갔다")[0]
    assert "guessed" in first.why[0] and first.born is None and first.confidence <= 0.2
    assert names.lookup("리홍광")[0].born == 1910
