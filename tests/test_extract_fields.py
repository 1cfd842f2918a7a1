"""Each date, byline, source and review form of page-formats.md, read from one line."""

from datetime import date

import pytest

from yalu.document import Author
from yalu.extract import load_rules
from yalu.extract.fields import find_bylines, find_date, find_review, find_source, url_date

RULES = load_rules()


@pytest.mark.parametrize("line, expected", [
    ("2026-03-02 09:12:28", "2026-03-02T09:12:28+08:00"),
    ("발표시간: 2025-07-18 09:19", "2025-07-18T09:19:00+08:00"),
    ("발표시간: [ 2021-10-30 15:26:45 ]", "2021-10-30T15:26:45+08:00"),
    ("2023년06월26일 11:16", "2023-06-26T11:16:00+08:00"),
    ("2022년 10월 24일 12:24", "2022-10-24T12:24:00+08:00"),
    ("날짜 2018-5-9 16:40:05", "2018-05-09T16:40:05+08:00"),
    ("• 2013-01-28 15:46:02", "2013-01-28T15:46:02+08:00"),
    ("조글로미디어(ZOGLO) 2022년10월24일 10시41분", "2022-10-24T10:41:00+08:00"),
    ("发布时间:25-12-05 11:22", "2025-12-05T11:22:00+08:00"),
    ("//hljxinwen.dbw.cn 2024-09-18 14:40:00", "2024-09-18T14:40:00+08:00"),
    ("주체107(2018)년 9월 26일", "2018-09-26"),
    ("2026年03月02日 09:12", "2026-03-02T09:12:00+08:00"),
    ("리전 길림신문 2025-12-23 14:50:58", "2025-12-23T14:50:58+08:00"),
    ("2022년 10월 24일", "2022-10-24"),
])
def test_fields_date_forms(line, expected):
    stamp, refused = find_date(line, RULES, today=date(2026, 11, 23))
    assert stamp is not None and stamp.iso == expected and refused is None


@pytest.mark.parametrize("line", ["1970년1월1일 08시00분", "1970-01-01 08:00:00", "2031-05-01 10:00", "2025-02-30 10:00"])
def test_fields_impossible_dates_are_refused(line):
    stamp, refused = find_date(line, RULES, today=date(2026, 11, 23))
    assert stamp is None and refused


def test_fields_dates_are_read_on_29_february():
    """issue 9: today.replace(year=today.year + 1) raised on a leap day, so every dated page failed."""
    leap_day = date(2028, 2, 29)
    stamp, refused = find_date("2028-02-29 09:12:28", RULES, today=leap_day)
    assert stamp is not None and stamp.iso == "2028-02-29T09:12:28+08:00" and refused is None
    assert find_date("2029-02-28 10:00", RULES, today=leap_day)[0].day == "2029-02-28"
    assert find_date("2029-04-01 10:00", RULES, today=leap_day) == (None, "2029-04-01 10:00")


@pytest.mark.parametrize("url, expected", [
    ("http://www.iybrb.com/news/content/2025-07/21/c_12.html", "2025-07-21"),
    ("http://hljxinwen.dbw.cn/system/2009/06/30/000123.shtml", "2009-06-30"),
    ("http://kr.lnd.com.cn/news/202412/t20241205_123.html", "2024-12-05"),
    ("http://www.zoglo.net/board/read/news/123456", None),
    (None, None),
])
def test_fields_url_dates(url, expected):
    assert url_date(url, RULES) == expected


@pytest.mark.parametrize("line, authors", [
    ("류전국 기자", [Author("류전국", "기자")]),
    ("  김설 기자", [Author("김설", "기자")]),
    ("□ 정호원", [Author("정호원", None)]),
    ("[본사소식 오정국 특약기자]", [Author("오정국", "특약기자")]),
    ("편집/기자: [ 김룡 ]", [Author("김룡", "기자")]),
    ("编辑:최화", [Author("최화", "편집")]),
    ("편역: 정명자", [Author("정명자", "편역")]),
    ("发布人:白一婷", [Author("白一婷", "발표인")]),
    ("김설 발표시간: 2025-07-18 09:19", [Author("김설", None)]),
    ("리전 길림신문 2025-12-23 14:50:58", [Author("리전", None)]),
    ("김철 박영 기자", [Author("김철", "기자"), Author("박영", "기자")]),
    ("출처: 신화망 | 인민망 조문판 | 편집: 陈畅", [Author("陈畅", "편집")]),
])
def test_fields_bylines(line, authors):
    assert find_bylines(line, RULES)[0] == authors


@pytest.mark.parametrize("line", ["회의에서는 또 기타 사항을 연구했다.", "습근평 총서기", "주당위 상무위원회 회의 소집"])
def test_fields_ordinary_lines_are_not_bylines(line):
    assert find_bylines(line, RULES)[0] == []


@pytest.mark.parametrize("line, source", [
    ("来源:延边日报", "延边日报"),
    ("출처: 길림신문", "길림신문"),
    ("출처: 吉林日报", "吉林日报"),
    ("원고래원: [ 길림신문 ]", "길림신문"),
    ("래원:연변일보", "연변일보"),
    ("/흑룡강일보", "흑룡강일보"),
    ("출처:료녕신문 / 편집:김철진", "료녕신문"),
    ("출처: 신화망 | 인민망 조문판 | 편집: 陈畅", "신화망"),
])
def test_fields_sources(line, source):
    assert find_source(line, RULES) == source


def test_fields_review_chain_keeps_empty_stages():
    stages = {}
    for line in ("初审:林洪吉", "复审:郑恩峰", "终审:"):
        stages.update(find_review(line, RULES))
    assert stages == {"first": "林洪吉", "second": "郑恩峰", "final": None}
    assert find_review("初审:林洪吉 复审:郑恩峰 终审:", RULES) == stages
