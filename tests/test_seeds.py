"""The two real pages in ../shared/seeds must come out exactly as issue 2 says."""

import yalu


def test_seed_000_yanbian_meeting(seeds):
    doc = yalu.read(seeds / "000_1674585d37812f59.txt")
    assert doc.kicker == "습근평 총서기 중요연설 중요지시 정신 깊이있게 학습 관철하여"
    assert doc.headline == "보다 큰 강도와 실무적인 조치로 1.4분기 ‘좋은 출발’ 힘써 실현해야"
    assert doc.subheadlines == ["주당위 상무위원회 회의 소집"]
    assert doc.text.split("\n")[:3] == [doc.kicker, doc.headline, doc.subheadlines[0]]
    assert doc.published == "2026-03-02T09:12:28+08:00"
    assert doc.published_from == "page"
    assert [(a.name, a.role) for a in doc.authors] == [("류전국", "기자")]
    assert doc.source == "延边日报"
    assert doc.review == yalu.Review(first="林洪吉", second="郑恩峰", final=None)
    assert doc.outlet == "연변일보"
    assert len(doc.paragraphs) == 5
    assert doc.paragraphs[0].startswith("2월 28일, 성당위")
    assert doc.paragraphs[-1].endswith("기타 사항을 연구했다.")
    assert doc.warnings == ()


def test_seed_000_chrome_is_removed_and_kept(seeds):
    doc = yalu.read(seeds / "000_1674585d37812f59.txt")
    kept = "\n".join(doc.chrome)
    for piece in ("많이 본 기사", "주소:중국 길림성", "0433-2513100", "互联网新闻信息服务许可证编号", "吉ICP备09000490-2号"):
        assert piece in kept
        assert piece not in doc.text
    for field_line in ("류전국 기자", "来源", "初审", "2026-03-02"):
        assert field_line not in doc.text


def test_seed_001_heilongjiang_tour(seeds):
    doc = yalu.read(seeds / "001_cab5228b4c32a580.txt")
    assert doc.headline == "허근, 가목사 쌍압산 학강 조사연구시 강조"
    assert doc.kicker is None and doc.subheadlines == []
    assert len(doc.paragraphs) == 12
    assert doc.paragraphs[0].startswith("지난 11월 26일부터 28일까지")
    assert doc.paragraphs[-1].endswith("록수청산을 보호해야 한다”라고 강조했다.")
    assert doc.source == "흑룡강일보"
    assert "흑룡강일보" not in doc.body          # the trailing tag is not body text
    assert doc.published is None and doc.published_from is None
    assert "published.missing" in {w.code for w in doc.warnings}
