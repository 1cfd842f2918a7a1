"""Places beyond the divisions (issue 11, item 2): natural features, North and South Korean and Russian
places, towns below the county, the South Korean spellings of every place, and addresses of several levels."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from yalu import names
from yalu.names import places


@pytest.mark.parametrize("query, hanzi", [
    ("압록강", "鸭绿江"), ("두만강", "图们江"), ("해란강", "海兰江"), ("부르하통하", "布尔哈通河"), ("송화강", "松花江"),
    ("장백산", "长白山"), ("백두산", "长白山"), ("천지", "天池"), ("경박호", "镜泊湖"), ("우수리강", "乌苏里江"),
    ("쑹화강", "松花江"), ("투먼장", "图们江"), ("鸭绿江", "鸭绿江"), ("白头山", "长白山"),
    ("평양", "平壤"), ("청진", "清津"), ("신의주", "新义州"), ("라선", "罗先"), ("나선", "罗先"), ("함경북도", "咸镜北道"),
    ("량강도", "两江道"), ("양강도", "两江道"), ("서울", "首尔"), ("부산", "釜山"), ("제주도", "济州岛"),
    ("울라지보스또크", "符拉迪沃斯托克"), ("울라지보스도크", "符拉迪沃斯托克"), ("블라디보스토크", "符拉迪沃斯托克"),
    ("海参崴", "符拉迪沃斯托克"), ("하바롭스크", "哈巴罗夫斯克"),
])
def test_places_features_and_abroad_come_first_with_coordinates(query, hanzi):
    first = names.lookup(query)[0]
    assert (first.kind, first.hanzi) == ("place", hanzi), names.lookup(query)[:3]
    assert first.lat is not None and first.lon is not None
    assert ":" in first.code and not first.code[0].isdigit()      # KP:平壤, never a division code


def test_places_pyongyang_is_not_pingyang_county_and_the_province_keeps_heilongjiang():
    assert [c.hanzi for c in names.lookup("평양")[:2]] == ["平壤", "平阳县"]
    assert [c.hanzi for c in names.lookup("청진")[:2]] == ["清津", "清镇市"]
    heilongjiang = names.lookup("흑룡강")
    assert heilongjiang[0].hanzi == "黑龙江省"
    assert any(c.hanzi == "黑龙江" and c.level == "river" for c in heilongjiang)


def test_places_feature_tables_say_where_their_rows_came_from():
    for table in ("natural.tsv", "abroad.tsv"):
        text = resources.files("yalu.names").joinpath("data", table).read_text(encoding="utf-8")
        assert "# source:" in text, table
        rows = [r for r in csv.DictReader([ln for ln in text.splitlines() if ln and not ln.startswith("#")],
                                          delimiter="\t", quoting=csv.QUOTE_NONE)]
        assert rows and all(-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180 for r in rows), table


def test_places_features_tsv_is_what_the_tool_builds(script):
    built = script("tools/build_features.py").build_features()
    shipped = resources.files("yalu.names").joinpath("data", "features.tsv").read_text(encoding="utf-8")
    assert built == shipped, "run tools/build_features.py (make data)"


def test_places_towns_and_villages_are_what_the_tool_builds(script):
    """Needs jionlp (the data extra, build time only): skipped where it is not installed."""
    import importlib.util

    if importlib.util.find_spec("jionlp") is None:
        pytest.skip("jionlp is not installed (pip install -e '.[data]')")
    towns, villages = script("tools/build_features.py").build()
    data = resources.files("yalu.names").joinpath("data")
    assert towns == data.joinpath("towns.tsv").read_text(encoding="utf-8"), "run tools/build_features.py"
    assert villages == data.joinpath("villages.tsv").read_text(encoding="utf-8"), "run tools/build_features.py"


@pytest.mark.parametrize("reading, south", [
    ("료녕성", "요녕성"), ("룡정", "용정"), ("로야령", "노야령"), ("녕안", "영안"), ("라선", "나선"), ("량강도", "양강도"),
    ("림강", "임강"), ("류하", "유하"), ("뢰봉", "뇌봉"), ("락양", "낙양"), ("년", "연"),
    ("연길", "연길"), ("길림", "길림"), ("", ""), ("Yanji", "Yanji"),
])
def test_places_initial_sound_law(reading, south):
    assert places.initial_sound_law(reading) == south


def test_places_initial_sound_law_refuses_other_types():
    with pytest.raises(TypeError):
        places.initial_sound_law(None)


@pytest.mark.parametrize("papers, south, hanzi", [
    ("료녕성", "요녕성", "辽宁省"), ("룡정", "용정", "龙井市"), ("룡정시", "용정시", "龙井市"), ("녕안", "영안", "宁安市"),
    ("림강시", "임강시", "临江市"),
])
def test_places_south_korean_spelling_finds_the_place_a_little_below_the_papers_form(papers, south, hanzi):
    own, other = names.lookup(papers)[0], names.lookup(south)[0]
    assert own.hanzi == other.hanzi == hanzi
    assert 0 < own.confidence - other.confidence <= 0.25
    assert any("initial-sound law" in reason for reason in other.why)


def test_places_every_division_is_found_by_its_south_korean_spelling():
    """The spelling is indexed by a function for every place, not listed: each division whose reading
    the law changes is among the candidates of its South Korean spelling."""
    _, by_code = names.index()
    changed = [c for code, c in by_code.items() if code.isdigit() and places.initial_sound_law(c.reading) != c.reading]
    assert len(changed) > 100
    for c in changed:
        assert c.hanzi in {x.hanzi for x in names.lookup(places.initial_sound_law(c.reading))}, c.reading


@pytest.mark.parametrize("query, hanzi", [("심천", "深圳市"), ("혼춘", "珲春市"), ("내몽고", "内蒙古自治区")])
def test_places_conventional_short_forms_beat_persons(query, hanzi):
    first = names.lookup(query)[0]
    assert (first.kind, first.hanzi) == ("place", hanzi)


def test_places_towns_of_the_north_east():
    dongcheng = names.lookup("동성진", context="화룡시 동성진")[0]
    assert (dongcheng.hanzi, dongcheng.parent, dongcheng.level) == ("东城镇", "222406", "town")
    assert dongcheng.lat is not None and "county's" in " ".join(dongcheng.why)
    assert names.lookup("이도백하")[0].hanzi == "二道白河镇"
    assert names.lookup("명월진")[0].hanzi == "明月镇"
    assert names.lookup("민락조선족향")[0].hanzi == "民乐朝鲜族乡"
    assert names.lookup("민락향")[0].hanzi == "民乐朝鲜族乡"
    assert names.lookup("건설로")[0].kind != "place" or names.lookup("건설로")[0].level != "subdistrict"


def test_places_address_reads_each_level():
    parsed = names.address("화룡시 동성진 광동촌")
    assert [(lv.text, lv.level, lv.candidate.hanzi) for lv in parsed.levels] == [
        ("화룡시", "county", "和龙市"), ("동성진", "town", "东城镇"), ("광동촌", "village", "光东村")]
    assert [(lv.start, lv.end) for lv in parsed.levels] == [(0, 3), (4, 7), (8, 11)]
    assert parsed.place.hanzi == "和龙市东城镇光东村" and parsed.place.lat is not None
    assert parsed.to_dict()["levels"][1]["place"]["code"] == "222406:东城镇"


@pytest.mark.parametrize("query, hanzi, code", [
    ("할빈시 아성구", "哈尔滨市阿城区", "230112"),
    ("산동 빈주", "山东滨州", "371600"),
    ("흑룡강성 오상시 민락조선족향", "黑龙江省五常市民乐朝鲜族乡", "230184:民乐朝鲜族乡"),
    ("흑룡강성오상시", "黑龙江省五常市", "230184"),
    ("랴오닝성 선양시", "辽宁省沈阳市", "210100"),
    ("장백산 천지", "长白山天池", "CN:天池"),
    ("장백산(백두산)", "长白山", "CN:长白山"),
    ("헤이룽장성 동녕현", "黑龙江省东宁市", "231086"),
])
def test_places_lookup_reads_a_multi_word_query_as_an_address(query, hanzi, code):
    first = names.lookup(query)[0]
    assert (first.kind, first.hanzi, first.code) == ("place", hanzi, code)
    assert first.why[0].startswith("an address")


def test_places_a_village_alone_is_found_when_it_is_unique_or_the_article_names_its_county():
    wangqing = names.lookup("향수촌", context="왕청현 천교령진의 향수촌을 찾았다")[0]
    assert (wangqing.hanzi, wangqing.level, wangqing.parent) == ("响水村", "village", "222424:天桥岭镇")
    assert any("coordinates are its town's" in reason for reason in wangqing.why)
    assert names.lookup("북극촌")[0].hanzi == "北极村"                     # one in the north-east: 漠河
    assert names.address("향수촌").place is None                          # several, and no article to choose


def test_places_an_address_in_hanzi_is_read_when_every_level_is_known():
    first = names.lookup("和龙市东城镇光东村")[0]
    assert (first.hanzi, first.code, first.reading) == ("和龙市东城镇光东村", "222406:东城镇:光东村", "화룡시 동성진 광동촌")
    assert names.lookup("吉林省延边朝鲜族自治州和龙市")[0].code == "222406"
    assert names.lookup("延吉市公安局")[0].kind == "name"        # not all of it a place: the forms of the name


def test_places_address_keeps_an_unknown_level_and_says_so():
    parsed = names.address("연길시 건공파출소")
    assert [lv.candidate is None for lv in parsed.levels] == [False, True]
    assert parsed.place.hanzi == "延吉市" and any("knows no place" in reason for reason in parsed.place.why)
    assert names.address("김철수 기자").place is None
    with pytest.raises(TypeError):
        names.address(42)


@pytest.mark.parametrize("query", ["산동 빈주", "장백산역", "연길시공안국 건공파출소", "해란강", "요녕성", "용정", "심천",
                                   "평양", "신의주", "광동성 심수시"])
def test_places_a_place_query_never_puts_an_invented_person_first(query):
    first = names.lookup(query)[0]
    assert first.kind == "place", (query, first)


def test_places_every_feature_and_town_form_finds_a_place_first():
    keys, _ = names.index()
    forms_ = [key for key, entries in keys.items()
              if any(e.candidate.code and ":" in e.candidate.code for e, how in entries if how in ("full", "conventional"))]
    assert len(forms_) > 3000
    for key in forms_:
        assert names.lookup(key)[0].kind == "place", key
