"""Events the article reports, built from its mentions and roles: inspection tours with their ordered
stops, and meetings with their convener, body and agenda.

A tour report (조사연구, 시찰, 고찰) follows one leader through cities; each city opens with
「X시에서 …」 and the organisations named until the next city are the sites visited there. The dates come
from the first date mention (a range: 지난 11월 26일부터 28일까지), with how their year was known.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import AgendaItem, Document, Event, Mention, Role, Span, Stop

_TOUR = re.compile(r"조사연구|시찰|고찰|현지지도|검사지도")
_CITY_OPENS = re.compile(r"(?:시|현|구)?에서")
# The leadership a tour speaks of (당중앙, 성당위, 국무원) is not a site it visits
_LEADERSHIP = re.compile(r"(?:중앙|당위|성위|정치국|국무원|상무위원회)$")


def events(doc: Document, mentions: tuple[Mention, ...], roles: tuple[Role, ...] = ()) -> tuple[Event, ...]:
    return tuple(e for e in (_tour(doc, mentions), _meeting(doc, mentions, roles)) if e is not None)


# A meeting report's first paragraph: who convened or chaired (소집, 주재) which body's meeting, what it
# relayed and studied (… 정신을 전달, 학습), the reports it heard (…에 관한 회보를 청취) and the documents it
# reviewed (‘…’을 심의). The wording varies: 「서기인 호가복이 주당위 상무위원회 회의를 소집하여」,
# 「서기인 황강이 주재한 성당위 상무위원회 회의가 열렸다」, 「량혜령 성장이 … 성정부 상무회의를 소집하고」.
_MEETING = re.compile(r"회의(?:를|가)?\s*(?:소집|주재|열)|주재(?:한|로|하)")
_RELAYED = re.compile(r"(?P<items>[^.]+?정신)(?:을|를)\s*(?:재차\s*)?(?:전달|학습)")
_HEARD = re.compile(r"(?P<items>[^‘’]+?)에\s*관한\s*회보(?:를|을)\s*청취")
_CLAUSE_OPENS = re.compile(r"^(?:,?\s*(?:학습|전달|토론)?(?:하고|했으며|하며|했고|했다\.)\s*|\s*회의는\s*)+")
_REVIEWED = re.compile(r"(?P<items>(?:‘[^’]+’(?:,\s*|과\s*|와\s*)?)+)(?:을|를)\s*(?:토론,?\s*)?심의")
_AGENDA_OPENS = re.compile(r"(?:소집하(?:여|고)|주재하고|열렸다\.?\s*회의는|열고|회의는)\s*")


def _meeting(doc: Document, mentions: tuple[Mention, ...], roles: tuple[Role, ...] = ()) -> Event | None:
    if not doc.paragraph_spans:
        return None
    first = doc.paragraph_spans[0]
    paragraph = doc.text[first.start:first.end]
    meeting = _MEETING.search(paragraph)
    if meeting is None:
        return None
    at = first.start
    inside = [m for m in mentions if first.start <= m.start < first.end]
    # the convener: the first person of the paragraph with a post; the body: the organisation right before 회의
    convener = next((m for m in inside if m.kind == "person" and any(r.person_start == m.start for r in roles)),
                    next((m for m in inside if m.kind == "person"), None))
    posts = [doc.text[r.start:r.end] for r in roles if convener and r.person_start == convener.start]
    body = next((doc.text[m.start:m.end] for m in inside if m.kind == "org"
                 and re.match(r"\s*(?:상무)?회의", doc.text[m.end:m.end + 6])), None)
    date = next((m for m in inside if m.kind == "date"), None)
    opens = _AGENDA_OPENS.search(paragraph, meeting.start())
    agenda_from = opens.end() if opens else meeting.end()
    agenda: list[AgendaItem] = []
    for relayed in _RELAYED.finditer(paragraph, agenda_from):
        items = _CLAUSE_OPENS.sub("", relayed["items"])
        parts = re.split(r"(?<=정신)(?:,\s*|과\s+|와\s+|및\s+)", items)
        agenda += _items("relayed", parts, paragraph, at, relayed.start("items"))
        agenda_from = relayed.end()
    if heard := _HEARD.search(paragraph, agenda_from):
        items = _CLAUSE_OPENS.sub("", re.sub(r"^[^가-힣‘]*(?:전달|학습)", "", heard["items"]))
        parts = re.split(r"에\s*관한\s*회보(?:와|과)\s*|,\s*", items)
        agenda += _items("report", parts, paragraph, at, heard.start("items"))
    if reviewed := _REVIEWED.search(paragraph, agenda_from):
        agenda += _items("reviewed", re.findall(r"‘[^’]+’", reviewed["items"]), paragraph, at, reviewed.start("items"))
    people = ((convener.entity, posts[-1] if posts else None),) if convener else ()
    start = date.value.partition("/")[0] if date and date.value else None
    return Event("meeting", start, start, date.source if date else None, people, (), body, tuple(agenda))


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
