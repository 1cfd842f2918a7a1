"""Issue 10, item 5: names as the South Korean press writes them, in standardize's names="standard" mode.

The seeds are read from ../shared/seeds (never copied); the rules' own examples (N1, N2 in rules.toml)
run in tests/test_orthography.py.
"""

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

import yalu
from yalu.cli import main
from yalu.orthography import apply_changes, standardize

SEED = "001_cab5228b4c32a580.txt"
# the papers' reading → the South Korean press form, on seed 001 (issue 10's "Done when")
SEED_NAMES = {"습근평": "시진핑", "가목사": "자무쓰", "쌍압산": "솽야산", "학강": "허강", "허근": "쉬친"}


def test_name_forms_seed_001_on_the_command_line(seeds):
    runner = CliRunner()
    path = str(seeds / SEED)
    standard = runner.invoke(main, ["standardize", path, "--names", "standard"])
    assert standard.exit_code == 0, standard.output
    for reading, form in SEED_NAMES.items():
        assert form in standard.output and reading not in standard.output, reading
    assert "자무쓰시에서" in standard.output and "솽야산시에서" in standard.output   # the division word stays
    # the default mode changes none of these names
    default = runner.invoke(main, ["standardize", path])
    assert default.exit_code == 0
    for reading, form in SEED_NAMES.items():
        assert reading in default.output and form not in default.output, reading
    assert default.output == runner.invoke(main, ["standardize", path, "--names", "as_written"]).output


def test_name_forms_each_change_says_its_rule(seeds):
    result = CliRunner().invoke(main, ["standardize", str(seeds / SEED), "--names", "standard", "--json"])
    changes = json.loads(result.output)["changes"]
    names = {(c["original"], c["replacement"]) for c in changes if c["tier"] == "T4"}
    assert set(SEED_NAMES.items()) <= names
    assert {c["rule"] for c in changes if c["tier"] == "T4"} == {"N1"}
    # the spelling changes of the default mode are all still there
    default = json.loads(CliRunner().invoke(main, ["standardize", str(seeds / SEED), "--json"]).output)["changes"]
    assert default and all(c in changes for c in default)


@pytest.mark.parametrize("text", [
    "공안 기관은 대상을 확정했다.",        # 公安县, 大祥区: common words first
    "조양천에서 왔다.",                    # 조양 (朝阳) is not a word of its own here
    "그는 안도의 한숨을 쉬었다.",           # 安图县 is a Yanbian county, but here 안도 is relief
    "대상 사회 진흥 강화 자금",
])
def test_name_forms_an_ordinary_word_is_left_alone(text):
    result = standardize(text, names="standard")
    assert not [c for c in result.changes if c.tier == "T4"], result.changes


def test_name_forms_an_ordinary_word_named_otherwise_too_is_a_name():
    # 안도현 names the county, so the text's 안도 is the county too; 공안국 is the police
    assert standardize("안도현과 안도", names="standard").text == "안투현과 안투"
    assert standardize("호북성 형주시 공안현 공안국", names="standard").text == "후베이성 징저우시 궁안현 공안국"


def test_name_forms_korean_name_with_a_title_takes_the_initial_sound_law():
    result = standardize("리송영 사장은 말했다. 리송영은 웃었다.", names="standard")
    assert result.text == "이송영 사장은 말했다. 이송영은 웃었다."
    assert {(c.rule, c.tier) for c in result.changes} == {("N2", "T4")}
    # the given name keeps its ㄹ: only the surname starts the word (한글 맞춤법 제11항)
    assert standardize("촌당지부 서기 림룡수는 웃었다.", names="standard").text.startswith("촌당지부 서기 임룡수")


def test_name_forms_korean_name_without_a_title_is_kept():
    assert standardize("리송영은 말했다.", names="standard").text == "리송영은 말했다."
    assert standardize("리송영 사장은 말했다.").text == "리송영 사장은 말했다."     # default mode


def test_name_forms_korean_names_only_where_the_text_spells_by_the_papers_norm():
    # r105 (ajunews) writes 李冰 리빙, a transcription: a text with South Korean forms (북한 for 조선) is no
    # evidence that its 리 is the papers' spelling of 이
    text = "리빙 부주석은 북한 대표와 만나 력량을 모으고 로동자들과 리해를 높였다."
    assert standardize(text, names="standard").text.startswith("리빙 부주석은")
    text = "리송영 사장은 력량을 모으고 로동자들과 리해를 높였다."
    assert standardize(text, names="standard").text == "이송영 사장은 역량을 모으고 노동자들과 이해를 높였다."


def test_name_forms_places_keep_their_division_word():
    text = "할빈시와 할빈, 연변주, 가목사시, 룡강의 진흥"
    assert standardize(text, names="standard").text == "하얼빈시와 하얼빈, 옌볜주, 자무쓰시, 헤이룽장의 진흥"
    assert standardize(text).text == text


def test_name_forms_a_transcription_is_not_a_korean_name():
    # 리창 is the South Korean form of 李强: 총리 beside it does not make it 이창
    assert standardize("리강 총리가 말했다.", names="standard").text == "리창 총리가 말했다."
    assert standardize("리창 총리가 말했다.", names="standard").text == "리창 총리가 말했다."


def test_name_forms_uses_the_annotate_stage_mentions(seeds, monkeypatch):
    import yalu.annotate

    doc = yalu.read(seeds / SEED, mentions=True)
    calls = []
    annotate = yalu.annotate.annotate
    monkeypatch.setattr(yalu.annotate, "annotate", lambda d: calls.append(d.text) or annotate(d))
    given_mentions = standardize(doc.text, names="standard", mentions=doc.mentions)
    with_given = len(calls)
    found_here = standardize(doc.text, names="standard")
    assert given_mentions.changes == found_here.changes
    # the mentions given are used: the original text is not annotated again (its outputs still are,
    # in the passes to a fixed point)
    assert doc.text not in calls[:with_given] and doc.text in calls[with_given:]
    # doc.standard_text stays the default mode
    assert "습근평" in doc.standard_text and "시진핑" not in doc.standard_text


def test_name_forms_rejects_an_unknown_mode():
    with pytest.raises(ValueError):
        standardize("습근평", names="south")


@pytest.mark.parametrize("name", [SEED, "000_1674585d37812f59.txt"])
def test_name_forms_idempotent_on_the_seeds(seeds, name):
    once = standardize((seeds / name).read_text(), names="standard")
    assert apply_changes(once.original, once.changes) == once.text
    assert standardize(once.text, names="standard").text == once.text


names_and_words = st.sampled_from([
    "습근평", "총서기", "허근", "서기는", "가목사시에서", "가목사", "할빈시", "할빈", "룡강의", "리송영", "사장은",
    "리강", "총리가", "림철수", "기자", "공안", "대상", "조양천", "안도의", "안도현", "연변주", "령동구", "력량을",
    "되였다", "깊이있게", "씨가", "리영철씨", "학강", "쌍압산시",
])
hangul = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(names_and_words | hangul, max_size=10), st.sampled_from([" ", "\n"]))
def test_name_forms_idempotent_on_random_text(parts, sep):
    text = sep.join(parts)
    once = standardize(text, names="standard")
    spans = [(c.start, c.end) for c in once.changes]
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))          # no overlap
    assert standardize(once.text, names="standard").text == once.text


def test_name_forms_real_pages_are_fixed_points(script):
    """Every page of ../shared/realpages is a fixed point in the names mode too, and no South Korean
    standard page gets a Korean name rewritten (a Chinese place may be: r069 writes 심양 for 沈阳)."""
    pages = script("tests/eval_realtext.py").load_pages()
    for page in pages:
        once = standardize(page["text"], names="standard")
        assert standardize(once.text, names="standard").text == once.text, page["id"]
        if page["variety"] == "south_korean_standard":
            assert not [c for c in once.changes if c.rule == "N2"], page["id"]


def test_names_mode_keeps_a_korean_papers_own_name():
    text = "길림신문이 전한 소식에 따르면 길림성 장춘시에서 행사가 열렸다."
    out = yalu.standardize(text, names="standard").text
    assert "길림신문" in out and "지린성" in out
