"""Events the article reports, built from its mentions: inspection tours with their ordered stops.

A tour report (조사연구, 시찰, 고찰) follows one leader through cities; each city opens with
「X시에서 …」 and the organisations named until the next city are the sites visited there. The dates come
from the first date mention (a range: 지난 11월 26일부터 28일까지), with how their year was known.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Document, Event, Mention, Span, Stop

_TOUR = re.compile(r"조사연구|시찰|고찰|현지지도|검사지도")
_CITY_OPENS = re.compile(r"(?:시|현|구)?에서")


def events(doc: Document, mentions: tuple[Mention, ...]) -> tuple[Event, ...]:
    tour = _tour(doc, mentions)
    return (tour,) if tour else ()


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
        sites = [m for m in mentions if m.kind == "org" and span.start <= m.start < span.end]
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
