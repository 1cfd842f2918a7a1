"""The data files load, every row is used as intended, and outlets are known by domain and marker."""

import re

import pytest

from yalu.extract import load_outlets, load_rules

RULES = load_rules()


def test_rules_every_outlet_file_is_complete():
    outlets = load_outlets()
    assert len(outlets) >= 10
    for outlet in outlets:
        assert outlet.name and outlet.domains and outlet.markers and outlet.names, outlet.slug
        for domain in outlet.domains:
            assert RULES.outlet_for_url(f"http://{domain}/news/1.html") is outlet
            assert RULES.outlet_for_url(f"https://www.{domain}/a") is outlet
        for marker in outlet.markers:
            assert RULES.outlet_named(RULES.marker.search(f"xx {marker} xx").group(0)) is outlet


def test_rules_domains_and_markers_are_not_shared():
    outlets = load_outlets()
    domains = [d for o in outlets for d in o.domains]
    markers = [m for o in outlets for m in o.markers]
    assert len(domains) == len(set(domains)) and len(markers) == len(set(markers))


def test_rules_unknown_domain_is_no_outlet():
    assert RULES.outlet_for_url("http://example.com/iybrb.com/1.html") is None
    assert RULES.outlet_for_url("http://notiybrb.com/") is None


@pytest.mark.parametrize("line", [
    "• 많이 본 기사", "吉ICP备09000490-2号 | Copyright © 2007-", "互联网新闻信息服务许可证编号:22120180019",
    "주소:중국 길림성 연길시 신화가 2호", "신고 및 련락 전화번호: 0433-2513100", "클릭: [ ]", "조회:4441",
    "选择字号【大 中 小】", "中文 / English / Партнеры", "사용자 삽입 이미지",
])
def test_rules_chrome_lines(line):
    assert RULES.chrome.search(line)


@pytest.mark.parametrize("line", [
    "2월 28일, 성당위 상무위원이며 주당위 서기인 호가복이 회의를 소집했다.",
    "보다 큰 강도와 실무적인 조치로 1.4분기 ‘좋은 출발’ 힘써 실현해야",
    "연변의 각항 사업이 꾸준히 새로운 진보를 가져오도록 추동해야 한다.",
])
def test_rules_article_lines_are_not_chrome(line):
    assert not RULES.chrome.search(line) and not RULES.chrome_before_fields.search(line)


def test_rules_roles_cover_every_label_the_byline_patterns_capture():
    labels = set()
    for _, pattern in RULES.bylines:
        for alternative in re.findall(r"\(\?P<label>([^)]*)\)", pattern.pattern):
            labels.update(alternative.split("|"))
    assert labels <= set(RULES.roles)
