"""Events the article reports, built from its mentions: inspection tours with their ordered stops.

A tour report (조사연구, 시찰, 고찰) follows one leader through cities; each city opens with
「X시에서 …」 and the organisations named until the next city are the sites visited there. The dates come
from the first date mention (a range: 지난 11월 26일부터 28일까지), with how their year was known.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import AgendaItem, Document, Event, Mention, Span, Stop

_TOUR = re.compile(r"조사연구|시찰|고찰|현지지도|검사지도")
_CITY_OPENS = re.compile(r"(?:시|현|구)?에서")
# The leadership a tour speaks of (당중앙, 성당위, 국무원) is not a site it visits
_LEADERSHIP = re.compile(r"(?:중앙|당위|성위|정치국|국무원|상무위원회)$")


def events(doc: Document, mentions: tuple[Mention, ...]) -> tuple[Event, ...]:
    return tuple(e for e in (_tour(doc, mentions), _meeting(doc, mentions)) if e is not None)


# A meeting report's first sentence: 「… 서기인 호가복이 주당위 상무위원회 회의를 소집하여 … 정신을 전달, 학습하고
# … 에 관한 회보를 청취했으며 ‘…’, ‘…’을 심의했다」.
_CONVENED = re.compile(r"(?P<roles>(?:[가-힣 ]+?(?:이며|인)\s)*)(?P<name>[가-힣]{2,4})[이가]\s+"
                       r"(?P<body>[가-힣 ]+?)\s*회의를\s*소집")
_RELAYED = re.compile(r"소집하(?:여|고)\s*(?P<items>.+?)을\s*전달")
_REPORTS = re.compile(r"(?:학습하고|하고|했으며|하며)\s*(?P<items>[^‘’]+?)에\s*관한\s*회보를\s*청취")
_REVIEWED = re.compile(r"(?P<items>(?:‘[^’]+’(?:,\s*)?)+)을\s*심의")


def _meeting(doc: Document, mentions: tuple[Mention, ...]) -> Event | None:
    if not doc.paragraph_spans:
        return None
    first = doc.paragraph_spans[0]
    sentence = doc.text[first.start:first.end]
    convened = _CONVENED.search(sentence)
    if convened is None:
        return None
    at = first.start
    person = next((m for m in mentions if m.kind == "person" and m.start == at + convened.start("name")), None)
    roles = [r.strip() for r in re.split(r"이며|인", convened["roles"]) if r.strip()]
    date = next((m for m in mentions if m.kind == "date" and first.start <= m.start < first.end), None)
    agenda: list[AgendaItem] = []
    if relayed := _RELAYED.search(sentence):
        agenda += _items("relayed", re.split(r"(?<=정신),\s*", relayed["items"]), sentence, at,
                         relayed.start("items"))
    if reports := _REPORTS.search(sentence):
        agenda += _items("report", re.split(r",\s*", reports["items"]), sentence, at, reports.start("items"))
    if reviewed := _REVIEWED.search(sentence):
        agenda += _items("reviewed", re.findall(r"‘[^’]+’", reviewed["items"]), sentence, at,
                         reviewed.start("items"))
    people = ((person.entity, roles[-1] if roles else None),) if person else ()
    start = date.value.partition("/")[0] if date and date.value else None
    return Event("meeting", start, start, date.source if date else None, people, (),
                 convened["body"].strip(), tuple(agenda))


def _items(kind: str, parts: list[str], sentence: str, offset: int, search_from: int) -> list[AgendaItem]:
    out = []
    for part in (p.strip() for p in parts if p.strip()):
        where = sentence.find(part, search_from)
        if where >= 0:
            out.append(AgendaItem(kind, part, Span(offset + where, offset + where + len(part))))
            search_from = where + len(part)
    return out


def _tour(doc: Document, mentions: tuple[Mention, ...]) -> Event | None:
    head = " ".join([doc.headline or ""] + doc.paragraphs[:1])
    if not _TOUR.search(head):
        return None
    people = Counter(m.entity for m in mentions if m.kind == "person")
    if not people:
        return None
    leader = people.most_common(1)[0][0]
    date = next((m for m in mentions if m.kind == "date"), None)
    start, _, end = (date.value or "").partition("/") if date else (None, "", None)
    stops: list[Stop] = []
    for span in doc.paragraph_spans:
        opening = next((m for m in mentions if m.start == span.start and m.kind == "place"), None)
        if opening and _CITY_OPENS.match(doc.text, opening.end):
            written = doc.text[opening.start:opening.end]
            name = written[:-1] if len(written) > 2 and written.endswith(("시", "현", "구")) else written
            stops.append(Stop(opening.entity, name, (), (Span(opening.start, opening.end),)))
        if not stops:
            continue
        sites = [m for m in mentions if m.kind == "org" and span.start <= m.start < span.end
                 and not _LEADERSHIP.search(doc.text, m.start, m.end)]
        current = stops[-1]
        for site in sites:
            name = doc.text[site.start:site.end]
            if name not in current.sites:
                current = Stop(current.place, current.name, current.sites + (name,),
                               current.spans + (Span(site.start, site.end),))
        stops[-1] = current
    if not stops:
        return None
    return Event("tour", start or None, end or start or None, date.source if date else None,
                 ((leader, "leader"),), tuple(stops))
