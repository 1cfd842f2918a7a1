"""Events the article reports, built from its mentions and roles: inspection tours with their ordered
stops, and meetings with their convener, body and agenda.

A tour report (조사연구, 시찰, 고찰) follows one leader through cities; each city opens with
「X시에서 …」 and the organisations named until the next city are the sites visited there. The dates come
from the first date mention (a range: 지난 11월 26일부터 28일까지), with how their year was known.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections import Counter

from ..document import AgendaItem, Document, Event, Mention, Role, Span, Stop
from . import tables

_TOUR = re.compile(r"조사연구|시찰|고찰|현지지도|검사지도")
_CITY_OPENS = re.compile(r"(?:시|현|구)?에서")
# The leadership a tour speaks of (당중앙, 성당위, 국무원) is not a site it visits
_LEADERSHIP = re.compile(r"(?:중앙|당위|성위|정치국|국무원|상무위원회)$")


def events(doc: Document, mentions: tuple[Mention, ...], roles: tuple[Role, ...] = ()) -> tuple[Event, ...]:
    mentions = _Sorted(mentions)
    found = [e for e in (_tour(doc, mentions), _meeting(doc, mentions, roles)) if e is not None]
    kinds = {e.kind for e in found} | ({"visit"} if any(e.kind == "tour" for e in found) else set())
    return tuple(found + [e for e in _reported(doc, mentions) if e.kind not in kinds])


# A sentence: up to its full stop (not a decimal point), or a line of its own (a headline).
_SENTENCE = re.compile(r"(?:[^.!?。\n]|(?<=\d)\.(?=\d))+[.!?。]?")
_WHERE = re.compile(r"\s*(?:시|현|구|성)?(?:에서|서|을|를)(?![가-힣])")
# A meeting's name, with the ordinals and bodies written before it: 제13기 전국인민대표대회 제1차회의
_MEETING_NAME = re.compile(r"(?:(?:제\d+[기차회]|[^\s,.‘’“”《》]*(?:대회|위원회))\s)*"
                           r"[^\s,.‘’“”《》]*(?:회의|좌담회|련석회의|연석회의|간담회|대회|포럼|발표회|세미나|교류회|설명회)"
                           r"|[^\s,.‘’“”《》]*대표단\s*(?:의\s*)?심의")


def _reported(doc: Document, mentions: _Sorted) -> list[Event]:
    """Meetings, receptions and visits in the many wordings of this press (``data/events.tsv``), read
    sentence by sentence, headline first. Sentences that report the same event (the headline's
    「좌담회 연길서 개최」 and the lead's 「11일, … 좌담회가 연길에서 개최되였다」) are one event: a later
    one of the same kind merges into an earlier one of its paragraph, or of the headline, unless their
    people or their days differ."""
    spans = ((doc.headline_span,) if doc.headline_span else ()) + doc.paragraph_spans
    found: list[tuple[int, Event]] = []        # (the paragraph it was first reported in, the event)
    last_who: tuple[str, str | None] | None = None
    for n, span in enumerate(spans):
        for sentence in _SENTENCE.finditer(doc.text, span.start, span.end):
            for kind, pattern in tables.event_triggers():
                trigger = pattern.search(sentence.group())
                if trigger is None:
                    continue
                at = sentence.start() + trigger.start()
                # 그는 … 참관하고, 일행은 …: the pronoun stands for the one of the event just reported
                stand_in = last_who if _PRONOUN.match(sentence.group()) else None
                # the headline tells the lead's event: its date is the lead's
                told = doc.paragraph_spans[0] if span is doc.headline_span and doc.paragraph_spans else span
                event = _event(doc, kind, Span(sentence.start(), sentence.end()), at, mentions, told, stand_in)
                if event is None:
                    continue
                _merge(found, n, event, headline=bool(doc.headline_span))
                last_who = event.people[0] if event.people else last_who
    return [event for _, event in found]


_PRONOUN = re.compile(r"\s*(?:그는|그가|그녀는|그녀가|그들은|일행은)")


def _merge(found: list[tuple[int, Event]], paragraph: int, event: Event, headline: bool) -> None:
    for n, (where, other) in enumerate(found):
        if other.kind != event.kind:
            continue
        who, who_else = event.people[:1], other.people[:1]
        if (who and who_else and who != who_else) or (event.start and other.start and event.start != other.start):
            continue
        # in another paragraph, the same people at another body (사천대표단 심의, 신강대표단 심의) met again
        if where != paragraph and not (headline and where == 0) and other.body and event.body and \
                other.body != event.body:
            continue
        body = max((b for b in (other.body, event.body) if b), key=len, default=None)
        found[n] = (where, Event(other.kind, other.start or event.start, other.end or event.end,
                                 other.date_source or event.date_source, other.people or event.people,
                                 other.stops or event.stops, body, other.agenda, other.span))
        return
    found.append((paragraph, event))


def _event(doc: Document, kind: str, sentence: Span, at: int, mentions: _Sorted,
           paragraph: Span, stand_in: tuple[str, str | None] | None = None) -> Event | None:
    inside = _within(mentions, sentence.start, sentence.end)
    before = [m for m in inside if m.start < at]
    who = None if stand_in else _subject(doc, [m for m in before if m.kind in ("person", "org")], kind, sentence)
    if who is None and stand_in is None and kind != "meeting":
        return None          # a visit or a reception needs someone who made it
    people = [(_name(doc, who), _ROLE[kind][0])] if who else [(stand_in[0], _ROLE[kind][0])] if stand_in else []
    if kind == "reception" and who is not None:  # the guest: the person (else body) nearest before the verb
        later = [m for m in reversed(before) if m.start >= who.end]
        guest = next((m for m in later if m.kind == "person"), next((m for m in later if m.kind == "org"), None))
        if guest is not None:
            people.append((_name(doc, guest), _ROLE[kind][1]))
    where = next((m for m in inside if m.kind == "place" and _WHERE.match(doc.text, m.end)), None)
    stops = (Stop(where.entity, doc.text[where.start:where.end], (), (Span(where.start, where.end),)),) if where else ()
    start, end, source = _when(doc, sentence, paragraph, mentions)
    body = None
    if kind == "meeting" and (name := _MEETING_NAME.search(doc.text, sentence.start, sentence.end)):
        body = name.group()
    return Event(kind, start, end, source, tuple(people), stops, body, (), sentence)


def _subject(doc: Document, actors: list[Mention], kind: str, sentence: Span) -> Mention | None:
    """Who did it: the first person before the verb that is not its object (라옥순(녀, 90세)을), else
    the first such body (연변대학 학우들이); a body written just before a person is that person's post
    (료녕성조선족련의회 리홍광 회장). A meeting's convener is a person, or the body that hosted it
    (…번역국에서 주최하고): otherwise the body that met is only the meeting's name."""
    actors = [m for m in actors if not _OBJECT.match(doc.text, m.end)]
    person = next((m for m in actors if m.kind == "person"), None)
    if person is not None:
        return person
    if kind != "meeting":
        party = _PARTY.search(doc.text, sentence.start, sentence.end)   # 련의회 일행은: a party named by its body
        party = Mention(party.start(1), party.end(1), "org") if party else None
        return actors[0] if actors else party
    host = _HOST.search(doc.text, sentence.start, sentence.end)
    return next((m for m in actors if host and m.end <= host.start()), None)


_OBJECT = re.compile(r"\s*(?:\([^)]{0,20}\))?\s*(?:일행)?(?:을|를)(?![가-힣])")
_PARTY = re.compile(r"([^\s,.]+)\s*일행(?:은|이)")
_HOST = re.compile(r"주최(?:하고|하여|한|로)")
_DAY = re.compile(r"(?<![\d.월])(\d{1,2})일")


def _when(doc: Document, sentence: Span, paragraph: Span, mentions: _Sorted
          ) -> tuple[str | None, str | None, str | None]:
    """The event's first and last day: a date the sentence (or else its paragraph) names, or a day
    written alone (2일 오후), which this press means in the month of publication, or the month before
    when that day is still to come."""
    date = next((m for m in _within(mentions, sentence.start, sentence.end) if m.kind == "date"), None) or next(
        (m for m in _within(mentions, paragraph.start, paragraph.end) if m.kind == "date"), None)
    if date is not None and date.value:
        start, _, end = date.value.partition("/")
        return start, end or start, date.source
    day = _DAY.search(doc.text, sentence.start, sentence.end)
    if day is None or not doc.published:
        return None, None, None
    published = datetime.date.fromisoformat(doc.published[:10])
    month = published.replace(day=1) if int(day.group(1)) <= published.day else (
        published.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    try:
        iso = month.replace(day=int(day.group(1))).isoformat()
    except ValueError:
        return None, None, None
    return iso, iso, f"the day written alone, in the month of {doc.published[:10]}"


class _Sorted(tuple):
    """The mentions in the order of their starts, which it keeps beside them for bisection."""

    starts: list[int]

    def __new__(cls, mentions) -> _Sorted:
        self = super().__new__(cls, sorted(mentions, key=lambda m: m.start))
        self.starts = [m.start for m in self]
        return self


def _within(mentions: _Sorted, start: int, end: int) -> list[Mention]:
    """The mentions that start in [start, end), by bisection: a page of many sentences stays linear."""
    return list(mentions[bisect_left(mentions.starts, start):bisect_left(mentions.starts, end)])


_ROLE = {"reception": ("host", "guest"), "meeting": ("convener", None), "visit": ("visitor", None)}


def _name(doc: Document, mention: Mention) -> str:
    """A person's or body's entity when the gazetteers know it, else the name as written."""
    return mention.entity or doc.text[mention.start:mention.end]


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


def _meeting(doc: Document, mentions: _Sorted, roles: tuple[Role, ...] = ()) -> Event | None:
    if not doc.paragraph_spans:
        return None
    first = doc.paragraph_spans[0]
    paragraph = doc.text[first.start:first.end]
    meeting = _MEETING.search(paragraph)
    if meeting is None:
        return None
    at = first.start
    inside = _within(mentions, first.start, first.end)
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


def _tour(doc: Document, mentions: _Sorted) -> Event | None:
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
        opening = next((m for m in _within(mentions, span.start, span.start + 1) if m.kind == "place"), None)
        if opening and _CITY_OPENS.match(doc.text, opening.end):
            written = doc.text[opening.start:opening.end]
            name = written[:-1] if len(written) > 2 and written.endswith(("시", "현", "구")) else written
            stops.append(Stop(opening.entity, name, (), (Span(opening.start, opening.end),)))
        if not stops:
            continue
        sites = [m for m in _within(mentions, span.start, span.end) if m.kind == "org"
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
