"""The reader on real pages of this press (../shared/realpages/), and the mechanisms behind the figures,
each shown on a page written here in the shapes those pages take (no real page's text is copied)."""

import json
from importlib import resources

import jsonschema
import pytest

import yalu


def read(text: str, url: str | None = "http://www.jlcxwb.com.cn/news/content/2024-05/06/content_1.html"):
    return yalu.read(text.encode("utf-8"), name="page.txt", url=url)


BODY = ("5일, 연길시 조양천진에서는 올해 첫 모내기가 시작되였다. 농민들은 이른 아침부터 논에 나가 모를 내며 "
        "한해 농사의 첫걸음을 내디뎠다.\n\n"
        "진 농업중심 책임자는 올해 벼 재배면적이 지난해보다 늘었다고 소개했다. 기계로 모를 내는 면적도 "
        "해마다 늘어나 일손이 크게 덜어졌다고 한다.\n")


def test_real_pages_meet_the_bars(script):
    scores = script("tests/eval_realpages.py").evaluate()
    bars = {"headline": 0.90, "published": 0.95, "byline": 0.85, "source": 0.85, "body kept": 1.0}
    for field, bar in bars.items():
        right, total, misses = scores[field]
        assert total > 0 and right / total >= bar, (field, right, total, misses)


def test_a_title_that_ends_in_a_question_mark_is_the_headline_not_the_body():
    doc = read("사이트로고\n모내기는 왜 해마다 빨라지는가?\n조글로미디어(ZOGLO) 2024년5월6일 10시41분    조회:120\n\n" + BODY)
    assert doc.headline == "모내기는 왜 해마다 빨라지는가?"
    assert doc.published == "2024-05-06T10:41:00+08:00"
    assert len(doc.paragraphs) == 2 and doc.paragraphs[0].startswith("5일, 연길시")
    assert not any(w.code == "body.short" for w in doc.warnings)


def test_a_field_template_broken_over_lines_is_read_whole():
    doc = read("조양천진 첫 모내기 시작\n편집/기자: [\n김수련\n] 원고래원: [\n길림신문\n] 발표시간: [\n"
               "2024-05-06 18:01:51\n] 클릭: [ ] |\n" + BODY)
    assert [(a.name, a.role) for a in doc.authors] == [("김수련", "기자")]
    assert doc.source == "길림신문"
    assert doc.published == "2024-05-06T18:01:51+08:00"
    assert doc.headline == "조양천진 첫 모내기 시작"


def test_the_body_goes_on_past_a_photo_credit_and_a_date_in_a_sentence_is_text():
    page = ("조양천진 첫 모내기 시작\n발표시간: 2024-05-06 09:36   출처: 길림신문\n\n" + BODY +
            "\n/최민호 기자\n\n소개에 의하면 2023년 5월 10일 이 진에서는 처음으로 드론으로 비료를 뿌렸는데 "
            "올해는 그 면적이 두배로 늘었다.\n")
    doc = read(page)
    assert len(doc.paragraphs) == 3
    assert doc.paragraphs[2].startswith("소개에 의하면 2023년")
    assert ("최민호", "기자") in [(a.name, a.role) for a in doc.authors]
    assert doc.published == "2024-05-06T09:36:00+08:00"


@pytest.mark.parametrize("line, names", [
    ("김영수기자", ["김영수"]),                               # name and title written together
    ("(박춘화기자)", ["박춘화"]),
    ("/리성남 기자", ["리성남"]),                             # an end credit
    ("연변일보 최광 기자", ["최광"]),                          # the paper is no person
    ("기자 한옥란 장명", ["한옥란", "장명"]),                   # the role first
    ("연변대학 교수  조선언어학회 회장      허문철", ["허문철"]),  # who wrote an opinion piece
])
def test_bylines_in_the_forms_real_pages_print(line, names):
    doc = read("조양천진 첫 모내기 시작\n\n" + BODY + "\n" + line + "\n")
    assert [a.name for a in doc.authors] == names


def test_a_bracketed_lead_byline_and_a_repost_prefix_leave_the_first_sentence():
    doc = read("조양천진 첫 모내기 시작\n\n[본사소식 남명철 특약기자] " + BODY)
    assert [(a.name, a.role) for a in doc.authors] == [("남명철", "특약기자")]
    assert doc.paragraphs[0].startswith("5일, 연길시")
    doc = read("조양천진 첫 모내기 시작\n\n[료녕신문]" + BODY)
    assert doc.source == "료녕신문" and doc.paragraphs[0].startswith("5일, 연길시")


def test_a_publisher_field_naming_a_paper_gives_no_author_and_a_bare_name_beside_the_date_is_one():
    doc = read("조양천진 첫 모내기 시작\n\n발표일자:2024-5-6 14:05:32\n发布人:연변일보\n\n한금숙\n\n" + BODY)
    assert [a.name for a in doc.authors] == ["한금숙"]
    # the same name alone among paragraphs is text, not a byline
    doc = read("조양천진 첫 모내기 시작\n\n" + BODY + "\n한금숙\n\n" + BODY)
    assert doc.authors == ()
    # nor is a word of the dictionary beside a date, though it starts with a surname (성격, 정의)
    doc = read("조양천진 첫 모내기 시작\n\n성격\n2024-05-06 14:05:32\n정의\n\n" + BODY)
    assert doc.authors == ()


@pytest.mark.parametrize("line, source", [
    ("래원:연변일보 2024-05-06 15:17:00", "연변일보"),            # source and date on one line
    ("출처: 吉林日报 选择字号【", "吉林日报"),                      # a widget glued on
    ("원고래원: [ 료녕신문 ] 발표시간: [ 2024-05-06 22:04:52 ]", "료녕신문"),
    ("/동북망 조선어채널", "동북망 조선어채널"),                     # a trailing credit of two words
    ("[길림신문] |", "길림신문"),                                    # a repost's prefix on its own line
    ("자료제공: 연변주농업농촌국", "연변주농업농촌국"),
])
def test_sources_in_the_forms_real_pages_print(line, source):
    doc = read("조양천진 첫 모내기 시작\n" + line + "\n\n" + BODY)
    assert doc.source == source


def test_a_credit_glued_to_the_last_sentence_is_the_source():
    doc = read("조양천진 첫 모내기 시작\n\n" + BODY.rstrip() + "/중국조선어방송넷\n")
    assert doc.source == "중국조선어방송넷"
    assert doc.paragraphs[-1].endswith("한다.")


def test_menus_labels_and_breadcrumbs_are_not_the_headline():
    page = ("시작페지 설정\n최신 교육 과학 문화 스포츠 건강 관광 멀티미디어 포토 중국명승 특별추천\n"
            "图文\n연변일보 >> 경제 >> 농업\n\n조양천진 첫 모내기 시작\n\n2024년 05월 06일 14:37\n\n" + BODY)
    doc = read(page)
    assert doc.headline == "조양천진 첫 모내기 시작"
    assert doc.kicker is None


def test_a_list_page_says_that_most_of_it_is_not_body():
    items = "\n".join(f"• 제{n}회 조선족 민속축제 {n}일 개막" for n in range(1, 30))
    doc = read("흑룡강\n" + items + "\n\n한 촌의 로인협회가 새 활동실을 마련했다고 한다. 다들 기뻐했다.\n")
    warning = next(w for w in doc.warnings if w.code == "body.short")
    assert "went to chrome" in warning.message


def test_a_page_not_in_korean_says_which_language_it_is_in():
    doc = read("延吉市今年首批水稻插秧开始\n\n5日，延吉市朝阳川镇开始了今年第一批水稻插秧。农民们一大早就下田插秧，"
               "迈出了一年农事的第一步。\n", url=None)
    warning = next(w for w in doc.warnings if w.code == "language.not-korean")
    assert "Chinese" in warning.message
    doc = read("Rice planting begins in Yanji\n\nFarmers in Chaoyangchuan began planting rice on Monday, "
               "a week earlier than last year, the town's farm office said.\n", url=None)
    assert "English" in next(w.message for w in doc.warnings if w.code == "language.not-korean")
    assert not any(w.code == "language.not-korean" for w in read("조양천진 첫 모내기 시작\n\n" + BODY).warnings)


def test_a_time_carries_the_offset_of_the_outlets_country():
    page = "조양천진 첫 모내기 시작\n2024-05-06 14:37\n\n" + BODY
    assert read(page).published.endswith("+08:00")
    assert not any(w.code == "published.offset-assumed" for w in read(page).warnings)
    korean = read(page, url="https://www.example.co.kr/news/1")
    assert korean.published == "2024-05-06T14:37:00+09:00"
    schema = json.loads(resources.files("yalu").joinpath("schema/document.schema.json").read_text())
    jsonschema.validate(korean.to_dict(), schema)
    unknown = read(page, url="https://example.com/news/1")
    assert unknown.published.endswith("+08:00")
    assert any(w.code == "published.offset-assumed" for w in unknown.warnings)


def test_a_labelled_date_glued_to_the_first_sentence_keeps_its_time_and_the_sentence():
    doc = read("조양천진 첫 모내기 시작\n발행시간: 2024.05.06일 13:16 " + BODY)
    assert doc.published == "2024-05-06T13:16:00+08:00"
    assert doc.paragraphs[0].startswith("5일, 연길시")
    # a sentence that opens with a date is no header: it stays whole
    doc = read("조양천진 첫 모내기 시작\n\n2023년 5월 6일 연길시 조양천진에서는 처음으로 드론으로 비료를 뿌렸다고 한다.\n\n" + BODY,
               url="http://www.jlcxwb.com.cn/news/")
    assert doc.paragraphs[0].startswith("2023년 5월 6일 연길시") and doc.published is None


def test_a_community_board_page_gives_its_date_and_title_not_its_software():
    page = ("회원로그인\n\n조양천진 첫 모내기 시작\n\n페이지 정보\n\n작성자 :관리자| 작성일 :24-05-06 08:25|\n\n본문\n\n"
            "조양천진 첫 모내기 시작\n" + BODY)
    doc = read(page, url="http://example.com/bbs/board.php?bo_table=news&wr_id=1")
    assert doc.headline == "조양천진 첫 모내기 시작" and not doc.subheadlines
    assert doc.published.startswith("2024-05-06T08:25:00")


def test_a_date_in_a_year_slash_month_dash_day_url():
    doc = read("조양천진 첫 모내기 시작\n\n" + BODY, url="http://www.iybtv.cn/2024/05-06/abc.html")
    assert (doc.published, doc.published_from) == ("2024-05-06", "url")


def test_a_document_says_which_korean_it_is_in():
    chinese_korean = read("조양천진 첫 모내기 시작\n\n" + BODY + "\n" + BODY.replace("되였다", "되였으며 로동력이 절약되였다"))
    assert chinese_korean.variety.name == "chinese_korean"
    assert chinese_korean.to_dict()["variety"] == "chinese_korean"
    standard = read("조양천진 첫 모내기 시작\n\n5일 연길시 조양천진에서는 올해 첫 모내기가 시작되었다. 노동력이 절약되어 "
                    "농민들의 역량이 다른 일에 쓰이게 되었다고 한다. 여성 농민들도 이른 아침부터 논에 나갔다.\n")
    assert standard.variety.name == "south_korean"
