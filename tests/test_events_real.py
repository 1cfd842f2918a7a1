"""Events in the wordings this press uses on real pages (receptions, meetings held or convened,
visits), shown on pages written here: who, the other side, where, when, and the sentence."""

import yalu


def events(text: str, url: str = "http://www.iybrb.com/news/content/2024-05/06/content_1.html"):
    doc = yalu.read(text.encode("utf-8"), name="page.txt", url=url, mentions=True)
    return doc, {e.kind: e for e in doc.events}


def test_a_reception_has_host_guest_place_and_a_day_written_alone():
    doc, found = events("허근 서기 한국 경제대표단 회견\n발표시간: 2024-05-06 09:30\n\n"
                        "흑룡강성위 서기 허근이 3일 오후 할빈에서 김영남 한국경제인협회 회장 일행을 회견했다. "
                        "허근은 한국 기업들이 흑룡강에 투자하는 것을 환영한다고 말했다.\n")
    reception = found["reception"]
    assert reception.people[0] == ("person:许勤", "host")
    assert reception.people[1][1] == "guest" and reception.people[1][0] == "김영남"
    assert [s.name for s in reception.stops] == ["할빈"]
    assert (reception.start, reception.end) == ("2024-05-03", "2024-05-03")
    assert doc.text[reception.span.start:reception.span.end].startswith("흑룡강성위 서기 허근이 3일")


def test_a_day_still_to_come_this_month_is_last_months():
    _, found = events("허근 서기 대표단 회견\n발표시간: 2024-05-06 09:30\n\n"
                      "흑룡강성위 서기 허근이 28일 할빈에서 김영남 회장 일행을 회견했다. 량측은 협력을 론의했다.\n")
    assert found["reception"].start == "2024-04-28"


def test_a_meeting_held_somewhere_in_the_short_locative_has_its_body_and_place():
    _, found = events("제5회 조선어문 사업 좌담회 장춘서 개최\n발표시간: 2024-05-06 09:30\n\n"
                      "5일, 제5회 동북3성 조선어문사업 좌담회가 장춘서 개최되였다. 회의에는 세 성의 대표 "
                      "40여명이 참가했다.\n")
    meeting = found["meeting"]
    assert meeting.body.endswith("좌담회")
    assert [s.name for s in meeting.stops] == ["장춘"]
    assert meeting.start == "2024-05-05"


def test_a_visit_by_a_body_and_no_visit_for_a_pronoun():
    _, found = events("연변대학 학우들 료양 방문\n발표시간: 2024-05-06 09:30\n\n"
                      "연변대학 학우회 일행이 4일 료양시를 방문했다. 그들은 조선족학교를 참관하고 교사들과 "
                      "이야기를 나누었다.\n")
    assert found["visit"].people[0][1] == "visitor" and found["visit"].people[0][0].startswith("연변대학")
    assert [s.name for s in found["visit"].stops] == ["료양시"]
    _, found = events("전시회 개막\n발표시간: 2024-05-06 09:30\n\n그는 전시 구역을 참관하고 기업들을 둘러보았다. "
                      "전시회는 사흘 동안 열린다고 한다.\n")
    assert "visit" not in found


def test_events_survive_the_json_record():
    doc, _ = events("허근 서기 대표단 회견\n발표시간: 2024-05-06 09:30\n\n"
                    "흑룡강성위 서기 허근이 3일 오후 할빈에서 김영남 회장 일행을 회견했다. 량측은 협력을 론의했다.\n")
    again = yalu.Document.from_json(doc.to_json())
    assert again.events == doc.events and again.events[0].span is not None


def test_events_on_real_pages_meet_the_bar(script):
    scores = script("tests/eval_events_real.py").evaluate()
    assert scores["gold"] >= 30
    assert scores["right"] / scores["gold"] >= 0.80, scores
