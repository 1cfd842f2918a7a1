"""The article record: one immutable text, and everything else as spans over it or plain fields.

``Document.text`` is the cleaned article: the headline block lines (kicker, headline, subheads) joined
by newlines, a blank line, then the body paragraphs separated by blank lines. The headline block and
the paragraphs are ``Span``s into it; a span and its text are checked to agree whenever a Document is
built or loaded, so a record that round-trips through JSON is the record that was written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterable

from .errors import AlignmentError

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code points in ``Document.text``."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    role: str | None = None  # 기자, 특약기자, 통신원, 편역, 편집, 발표인; None when the page does not say


@dataclass(frozen=True, slots=True)
class Review:
    """The three-stage review chain (三审) Chinese news sites print; an empty stage is None."""

    first: str | None = None   # 初审
    second: str | None = None  # 复审
    final: str | None = None   # 终审


@dataclass(frozen=True, slots=True)
class Change:
    """A spelling or spacing change: ``text[start:end]`` becomes ``replacement`` (an empty span inserts).

    ``rule`` is an id of the orthography tables (D1, Y1, S1 …), ``tier`` T1 (spelling) or T2 (spacing);
    in standardize's ``names="standard"`` mode also N1, N2 with tier T4 (names as the South Korean press
    writes them).
    """

    start: int
    end: int
    replacement: str
    rule: str
    tier: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement,
                "rule": self.rule, "tier": self.tier}


@dataclass(frozen=True, slots=True)
class Gloss:
    """A word a South Korean reader would misread (T3): 봉사 (服务) means "service", not volunteering."""

    start: int
    end: int
    standard: tuple[str, ...]    # equivalents in the standard, best first: ("업무", "공작")
    sense: str
    confidence: str              # high, medium, low
    hanzi: str = ""              # the Chinese word it calques: 工作

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "standard": list(self.standard), "sense": self.sense,
                "confidence": self.confidence, "hanzi": self.hanzi}


@dataclass(frozen=True, slots=True)
class Entity:
    """A Chinese name the page itself pairs with its Hanzi: 항태(恒泰), or 林洪吉 in the review chain."""

    id: str                      # e1, e2 … within the Document
    kind: str                    # place, person, or name (known only by its forms)
    hanzi: str
    reading: str                 # the Chinese Korean form (the page's own, checked against the Hanzi)
    pinyin: str
    standard: str
    evidence: str                # parentheses, review, byline
    spans: tuple[Span, ...] = ()  # the reading in the text; none for names in bylines and review chains
    code: str | None = None      # division code, for places

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "hanzi": self.hanzi, "reading": self.reading,
                "pinyin": self.pinyin, "standard": self.standard, "evidence": self.evidence,
                "spans": [s.to_dict() for s in self.spans], "code": self.code}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that names something: kind person, place, org, date, term or quantity.

    ``entity`` links to a gazetteer entry (person:习近平, place:230800); ``value`` is the normalised
    form (the Hanzi, an ISO date or range, or for a quantity the thing counted); ``source`` says how
    a date's year was known, or by what a person was recognised (gazetteer, title).
    """

    start: int
    end: int
    kind: str
    entity: str | None = None
    value: str | None = None
    confidence: float = 0.0
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "entity": self.entity,
                "value": self.value, "confidence": round(self.confidence, 3), "source": self.source}


@dataclass(frozen=True, slots=True)
class Role:
    """A post the text gives a person, as written beside the name: 「성당위 상무위원이며 주당위 서기인
    호가복」 gives 호가복 two. ``as_of`` is the article's date, the evidence that the post was held then.
    """

    start: int                   # the title (주당위 서기)
    end: int
    person_start: int            # the person's mention
    person_end: int
    entity: str | None = None    # the person's entity, when known
    as_of: str | None = None     # ISO date
    as_of_source: str | None = None   # "published", or how the year was inferred

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "person": {"start": self.person_start, "end": self.person_end},
                "entity": self.entity, "as_of": self.as_of, "as_of_source": self.as_of_source}


@dataclass(frozen=True, slots=True)
class Stop:
    """One stop of a tour: a place, and the sites visited there, each backed by its span."""

    place: str                   # the place's entity (place:230800)
    name: str                    # as the text writes it (가목사)
    sites: tuple[str, ...]
    spans: tuple[Span, ...]      # the place's span first, then one per site


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """What a meeting did with one item: kind relayed (전달, 학습), report (회보 청취) or reviewed (심의)."""

    kind: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    """Something the article reports: an inspection tour (kind "tour") with its ordered stops, a
    meeting (kind "meeting") with its body and agenda, a reception (host and guest) or a visit; where
    it happened is a stop, and ``span`` the sentence that says so."""

    kind: str
    start: str | None            # ISO dates
    end: str | None
    date_source: str | None      # "published", "written", or "inferred from …"
    people: tuple[tuple[str, str | None], ...] = ()   # (entity, role in the event)
    stops: tuple[Stop, ...] = ()
    body: str | None = None      # the body that met (주당위 상무위원회)
    agenda: tuple[AgendaItem, ...] = ()
    span: Span | None = None     # the sentence that reports it

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "date_source": self.date_source,
                "people": [{"entity": e, "role": r} for e, r in self.people],
                "stops": [{"place": s.place, "name": s.name, "sites": list(s.sites),
                           "spans": [x.to_dict() for x in s.spans]} for s in self.stops],
                "body": self.body,
                "agenda": [{"kind": a.kind, "text": a.text, **a.span.to_dict()} for a in self.agenda],
                "span": None if self.span is None else self.span.to_dict()}


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """The text with the changes applied; they must not overlap."""
    out, pos = [], 0
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        out.append(text[pos:change.start])
        out.append(change.replacement)
        pos = change.end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Warning:
    """Why a field is null or doubtful: ``code`` is stable (``published.missing``), ``message`` is for people."""

    code: str
    message: str


@dataclass(frozen=True)
class Document:
    text: str
    headline_span: Span | None = None
    kicker_span: Span | None = None
    subheadline_spans: tuple[Span, ...] = ()
    paragraph_spans: tuple[Span, ...] = ()
    url: str | None = None
    outlet: str | None = None
    source: str | None = None
    published: str | None = None          # ISO 8601: "2026-03-02T09:12:28+08:00", or a date "2018-09-26"
    published_from: str | None = None     # "page", "meta" or "url"
    authors: tuple[Author, ...] = ()
    review: Review | None = None
    chrome: tuple[str, ...] = ()
    warnings: tuple[Warning, ...] = ()
    encoding: str | None = None
    changes: tuple[Change, ...] | None = None   # None: the orthography stage has not run
    glosses: tuple[Gloss, ...] | None = None
    entities: tuple[Entity, ...] | None = None   # None: the names stage has not run
    mentions: tuple[Mention, ...] | None = None
    roles: tuple[Role, ...] | None = None
    events: tuple[Event, ...] | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        for span in self.spans():
            if not 0 <= span.start <= span.end <= len(self.text):
                raise AlignmentError(self.id or "document", f"span {span.start}-{span.end} lies outside the text")
        if not self.id:
            digest = hashlib.sha256(f"{self.url or ''}\n{self.text}".encode()).hexdigest()
            object.__setattr__(self, "id", digest[:16])

    def spans(self) -> Iterable[Span]:
        if self.kicker_span:
            yield self.kicker_span
        if self.headline_span:
            yield self.headline_span
        yield from self.subheadline_spans
        yield from self.paragraph_spans
        for change in (self.changes or ()) + (self.glosses or ()):
            yield Span(change.start, change.end)
        for entity in self.entities or ():
            yield from entity.spans
        for mention in self.mentions or ():
            yield Span(mention.start, mention.end)
        for role in self.roles or ():
            yield Span(role.start, role.end)
            yield Span(role.person_start, role.person_end)
        for event in self.events or ():
            for stop in event.stops:
                yield from stop.spans
            for item in event.agenda:
                yield item.span

    def span_text(self, span: Span | None) -> str | None:
        return None if span is None else self.text[span.start:span.end]

    @property
    def kicker(self) -> str | None:
        return self.span_text(self.kicker_span)

    @property
    def headline(self) -> str | None:
        return self.span_text(self.headline_span)

    @property
    def subheadlines(self) -> list[str]:
        return [self.text[s.start:s.end] for s in self.subheadline_spans]

    @property
    def paragraphs(self) -> list[str]:
        return [self.text[s.start:s.end] for s in self.paragraph_spans]

    @property
    def standard_text(self) -> str:
        """The text in South Korean standard spelling: ``text`` with ``changes`` applied.

        Derived, never stored; computed on demand when the orthography stage has not run.
        """
        changes = self.changes
        if changes is None:
            from .orthography import standardize
            changes = standardize(self.text).changes
        return apply_changes(self.text, changes)

    @property
    def variety(self):
        """Which Korean the article is in (``yalu.orthography.Variety``: chinese_korean, north_korean,
        south_korean or mixed, with its evidence). Derived from ``text``, never stored."""
        from .orthography import variety
        return variety(self.text)

    @property
    def body(self) -> str:
        """The body paragraphs alone, separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        def span(s: Span | None) -> dict[str, int] | None:
            return None if s is None else s.to_dict()

        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "source": self.source,
            "kicker": self.kicker,
            "kicker_span": span(self.kicker_span),
            "headline": self.headline,
            "headline_span": span(self.headline_span),
            "subheadlines": self.subheadlines,
            "subheadline_spans": [s.to_dict() for s in self.subheadline_spans],
            "published": self.published,
            "published_from": self.published_from,
            "authors": [{"name": a.name, "role": a.role} for a in self.authors],
            "review": None if self.review is None else {
                "first": self.review.first, "second": self.review.second, "final": self.review.final},
            "text": self.text,
            "paragraphs": [s.to_dict() for s in self.paragraph_spans],
            "chrome": list(self.chrome),
            "warnings": [{"code": w.code, "message": w.message} for w in self.warnings],
            "encoding": self.encoding,
            "variety": self.variety.name,
            "changes": None if self.changes is None else [c.to_dict() for c in self.changes],
            "glosses": None if self.glosses is None else [g.to_dict() for g in self.glosses],
            "entities": None if self.entities is None else [e.to_dict() for e in self.entities],
            "mentions": None if self.mentions is None else [m.to_dict() for m in self.mentions],
            "roles": None if self.roles is None else [r.to_dict() for r in self.roles],
            "events": None if self.events is None else [e.to_dict() for e in self.events],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"schema_version {version!r} is not {SCHEMA_VERSION}, the version this yalu reads")
        text = data["text"]
        name = data.get("id") or "document"

        def span(d: dict[str, int] | None, expected: str | None = None) -> Span | None:
            if d is None:
                return None
            s = Span(d["start"], d["end"])
            if expected is not None and text[s.start:s.end] != expected:
                raise AlignmentError(name, f"span {s.start}-{s.end} reads {text[s.start:s.end]!r}, not {expected!r}")
            return s

        review = data.get("review")
        return cls(
            text=text,
            id=data.get("id", ""),
            url=data.get("url"),
            outlet=data.get("outlet"),
            source=data.get("source"),
            kicker_span=span(data.get("kicker_span"), data.get("kicker")),
            headline_span=span(data.get("headline_span"), data.get("headline")),
            subheadline_spans=tuple(
                span(d, t) for d, t in zip(data.get("subheadline_spans", []), data.get("subheadlines", []), strict=True)),
            paragraph_spans=tuple(span(d) for d in data.get("paragraphs", [])),
            published=data.get("published"),
            published_from=data.get("published_from"),
            authors=tuple(Author(a["name"], a.get("role")) for a in data.get("authors", [])),
            review=None if review is None else Review(review.get("first"), review.get("second"), review.get("final")),
            chrome=tuple(data.get("chrome", [])),
            warnings=tuple(Warning(w["code"], w["message"]) for w in data.get("warnings", [])),
            encoding=data.get("encoding"),
            changes=None if data.get("changes") is None else tuple(
                Change(c["start"], c["end"], c["replacement"], c["rule"], c["tier"]) for c in data["changes"]),
            glosses=None if data.get("glosses") is None else tuple(
                Gloss(g["start"], g["end"], tuple(g["standard"]), g["sense"], g["confidence"], g.get("hanzi", ""))
                for g in data["glosses"]),
            entities=None if data.get("entities") is None else tuple(
                Entity(e["id"], e["kind"], e["hanzi"], e["reading"], e["pinyin"], e["standard"], e["evidence"],
                       tuple(span(d) for d in e["spans"]), e.get("code")) for e in data["entities"]),
            mentions=None if data.get("mentions") is None else tuple(
                Mention(m["start"], m["end"], m["kind"], m.get("entity"), m.get("value"), m.get("confidence", 0.0),
                        m.get("source")) for m in data["mentions"]),
            roles=None if data.get("roles") is None else tuple(
                Role(r["start"], r["end"], r["person"]["start"], r["person"]["end"], r.get("entity"), r.get("as_of"),
                     r.get("as_of_source")) for r in data["roles"]),
            events=None if data.get("events") is None else tuple(
                Event(e["kind"], e["start"], e["end"], e["date_source"],
                      tuple((p["entity"], p["role"]) for p in e["people"]),
                      tuple(Stop(s["place"], s["name"], tuple(s["sites"]), tuple(span(x) for x in s["spans"]))
                            for s in e["stops"]), e.get("body"),
                      tuple(AgendaItem(a["kind"], a["text"], span({"start": a["start"], "end": a["end"]}, a["text"]))
                            for a in e.get("agenda", [])),
                      span(e["span"]) if e.get("span") else None) for e in data["events"]),
        )

    @classmethod
    def from_json(cls, raw: str) -> "Document":
        return cls.from_dict(json.loads(raw))


def assemble(headline_block: list[tuple[str, str]], paragraphs: list[str], **fields: Any) -> Document:
    """Build a Document from its pieces, computing every span.

    ``headline_block`` is a list of (part, line) with part in kicker/headline/subheadline, in page order.
    """
    pieces: list[str] = []
    pos = 0
    spans: dict[str, list[Span]] = {"kicker": [], "headline": [], "subheadline": [], "paragraph": []}

    def put(part: str, line: str, sep: str) -> None:
        nonlocal pos
        if pieces:
            pieces.append(sep)
            pos += len(sep)
        pieces.append(line)
        spans[part].append(Span(pos, pos + len(line)))
        pos += len(line)

    for part, line in headline_block:
        put(part, line, "\n")
    for line in paragraphs:
        put("paragraph", line, "\n\n")
    return Document(
        text="".join(pieces),
        kicker_span=(spans["kicker"] or [None])[0],
        headline_span=(spans["headline"] or [None])[0],
        subheadline_spans=tuple(spans["subheadline"]),
        paragraph_spans=tuple(spans["paragraph"]),
        **fields,
    )
