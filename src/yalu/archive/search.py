"""Search across scripts and spellings: a query is expanded through yalu's knowledge before FTS5 sees it.

Each term of a query becomes the set of its written forms:

- the term as typed, its standard spelling (``standardize``: 력량 → 역량) and its Chinese Korean
  variants (``variants``: 역량 → 력량);
- when the names engine knows it (``names.lookup``: 시진핑, 习近平, 習近平, Xi Jinping, 습근평, 연길, 延吉),
  every form of that person or place: Chinese Korean reading, Hanzi simplified and traditional, pinyin,
  the South Korean transcription, with and without the division word.

Every form is cut into the archive's own terms (``terms.phrase``: character bigrams, matched inside
words) and quoted; the forms of a term are OR-ed, the terms AND-ed. Nothing the user types reaches SQL
or FTS5 as syntax: a query with quotes, stars, brackets or operators gives results or a message.

The query language::

    역량 강화               both terms (each in any of its forms)
    "깊이 있게"             a phrase
    훈춘 OR 연길            either
    조선족 -축구 / NOT 축구  without
    person:李景浩 place:훈춘 org:상무위원회   linked through the mentions (or written in any form)
    outlet:길림신문 kind:tour since:2020-01-01 until:2020-12-31
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .. import names
from ..orthography import standardize, variants
from . import terms
from .entities import forms_of
from .store import DAY

MAX_TERMS = 16          # a pasted paragraph is cut to its first terms, and the result says so
MAX_TERM_LENGTH = 64
FACETS = ("outlet", "year", "month", "person", "place", "kind")
SORTS = ("relevance", "date")
FIELDS = ("person", "place", "org", "outlet", "kind", "since", "until")
WEIGHTS = (4.0, 1.0, 1.0, 2.0)      # bm25 weights of headline, body, standard, names
MARK = ("**", "**")                  # how snippets mark a match

_TOKEN = re.compile(r'(?P<field>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"?|(?P<value>\S+))'
                    r'|"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+)')
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class Term:
    """One term of a query with every form it was expanded to, and the entities it names."""

    text: str
    forms: tuple[str, ...]
    entities: tuple[str, ...] = ()
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "forms": list(self.forms), "entities": list(self.entities), "negated": self.negated}


@dataclass(frozen=True)
class Hit:
    id: str
    headline: str | None
    outlet: str | None
    published: str | None
    url: str | None
    score: float
    snippet: str
    standard_snippet: str | None
    copies: tuple[dict[str, Any], ...] = ()     # the other copies of the story: {id, outlet, url, published}
    events: tuple[dict[str, Any], ...] = ()     # {kind, start, end, stops: [names]}

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "headline": self.headline, "outlet": self.outlet, "published": self.published,
                "url": self.url, "score": round(self.score, 4), "snippet": self.snippet,
                "standard_snippet": self.standard_snippet, "copies": list(self.copies), "events": list(self.events)}


@dataclass(frozen=True)
class SearchResult:
    query: str
    terms: tuple[Term, ...]
    total: int                                   # stories that match (each story once, with its copies)
    hits: tuple[Hit, ...]
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    messages: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "terms": [t.to_dict() for t in self.terms], "total": self.total,
                "hits": [h.to_dict() for h in self.hits], "facets": self.facets, "messages": list(self.messages)}


# -- expansion ------------------------------------------------------------------------------------
def _known(text: str) -> list[names.Candidate]:
    """People and places the names engine is sure enough of (guesses from character frequencies are not)."""
    out = []
    for c in names.lookup(text):
        if c.kind == "person" and c.confidence >= 0.5 or c.kind == "place" and c.confidence >= 0.5:
            out.append(c)
        elif c.kind == "name":       # Hanzi in no gazetteer: its forms are computed, not guessed
            out.append(c)
    return out


def _entity_id(c: names.Candidate) -> str | None:
    if c.kind == "place" and c.code:
        return f"place:{c.code}"
    if c.kind == "person":
        return f"person:{c.hanzi}"
    return None


def expand(text: str, *, negated: bool = False, kind: str | None = None) -> Term:
    """The forms of one term: as typed, standard, Chinese Korean variants, and a name's forms."""
    text = unicodedata.normalize("NFC", text.strip())[:MAX_TERM_LENGTH]
    found: list[str] = [text]
    if re.search(r"[가-힣]", text):
        standard = standardize(text).text
        found.append(standard)
        for word in dict.fromkeys((text, standard)):
            found.extend(variants(word))
    entities: list[str] = []
    for c in _known(text):
        if kind and c.kind not in (kind, "name"):
            continue
        found.extend(forms_of(c))
        if (eid := _entity_id(c)) is not None:
            entities.append(eid)
        elif c.kind == "name" and kind == "person":
            entities.append(f"person:{c.hanzi}")
    forms = tuple(f for f in dict.fromkeys(found) if terms.phrase(f) is not None)
    return Term(text, forms, tuple(dict.fromkeys(entities)), negated)


def _match(term: Term) -> str | None:
    phrases = list(dict.fromkeys(p for p in map(terms.phrase, term.forms) if p))
    if not phrases:
        return None
    return "(" + " OR ".join(phrases) + ")"


# -- parsing --------------------------------------------------------------------------------------
@dataclass
class _Parsed:
    groups: list[list[Term]] = field(default_factory=list)     # AND of ORs
    negated: list[Term] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def parse(query: str) -> _Parsed:
    """The query's terms (expanded), negations and field filters."""
    parsed = _Parsed()
    words: list[tuple[str, str | None]] = []      # (text, field) in order; operators as ("OR", "op")
    for m in _TOKEN.finditer(query or ""):
        if m.group("field") and m.group("field").lower() in FIELDS:
            value = m.group("quoted") if m.group("quoted") is not None else m.group("value")
            if value and value.strip():
                parsed.filters.setdefault(m.group("field").lower(), []).append(value.strip())
            continue
        if m.group("phrase") is not None:
            words.append((m.group("phrase"), "phrase"))
            continue
        word = m.group(0)
        if word in ("OR", "AND", "NOT", "|"):
            words.append((word, "op"))
        else:
            words.append((word, None))
    # a query of several plain words that together name a person or place is that one name (Xi Jinping)
    plain = [w for w, kind in words if kind is None]
    if len(plain) > 1 and len(plain) == len(words) and any(
            c.kind in ("person", "place") for c in _known(" ".join(plain))):
        words = [(" ".join(plain), "phrase")]
    if len([w for w in words if w[1] != "op"]) > MAX_TERMS:
        parsed.messages.append(f"the query was cut to its first {MAX_TERMS} terms")
    joined, negate, count = False, False, 0
    for text, kind in words:
        if kind == "op":
            if text in ("OR", "|"):
                joined = bool(parsed.groups)
            elif text == "NOT":
                negate = True
            continue
        if count >= MAX_TERMS:
            break
        count += 1
        if kind is None and text.startswith("-") and len(text) > 1:
            text, negate = text[1:], True
        if len(text.strip()) > MAX_TERM_LENGTH:
            parsed.messages.append(f"a term of {len(text.strip()):,} characters was cut to its first {MAX_TERM_LENGTH}")
        term = expand(text, negated=negate)
        if not term.forms:
            parsed.messages.append(f"nothing searchable in {text[:40]!r} (no letters, digits, Hangul or Hanzi)")
        elif negate:
            parsed.negated.append(term)
        elif joined and parsed.groups:
            parsed.groups[-1].append(term)
        else:
            parsed.groups.append([term])
        joined, negate = False, False
    return parsed


def _day(value: str, end: bool) -> int:
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m.group(1)), int(m.group(2) or (12 if end else 1)), int(m.group(3) or (31 if end else 1))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return year * 10000 + month * 100 + day


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# -- the query --------------------------------------------------------------------------------------
def search(archive: Any, query: str = "", *, outlet: str | list[str] | None = None, since: str | None = None,
           until: str | None = None, kind: str | list[str] | None = None, person: str | list[str] | None = None,
           place: str | list[str] | None = None, org: str | list[str] | None = None, sort: str = "relevance",
           limit: int = 20, offset: int = 0, facets: tuple[str, ...] | list[str] = ()) -> SearchResult:
    """Search ``archive``: the stories that match, best first (``sort="relevance"``) or newest first.

    Args:
        query: terms, "phrases", OR, NOT/-term and field:value filters (see the module's docstring).
        outlet, since, until, kind, person, place, org: the same filters as keywords.
        sort: ``relevance`` (bm25, headline and names weighted) or ``date`` (newest first).
        limit, offset: the page of hits.
        facets: any of outlet, year, month, person, place, kind: counts over every match.

    Returns:
        A SearchResult: the expanded terms, the total number of matching stories, the hits with
        snippets in both spellings, the facets and any messages (a term with nothing searchable, a
        query cut short).

    Raises:
        ValueError: an unknown sort or facet, or a date that is not YYYY[-MM[-DD]].
        TypeError: a query that is not a string.
    """
    if not isinstance(query, str):
        raise TypeError(f"search() takes a str query, not {type(query).__name__}")
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    unknown = [f for f in facets if f not in FACETS]
    if unknown:
        raise ValueError(f"unknown facet {unknown[0]!r}: choose from {', '.join(FACETS)}")
    parsed = parse(query)
    for name, value in (("outlet", outlet), ("since", since), ("until", until), ("kind", kind),
                        ("person", person), ("place", place), ("org", org)):
        if value:
            parsed.filters.setdefault(name, []).extend([value] if isinstance(value, str) else list(value))
    conn = archive.conn
    where: list[str] = []
    params: list[Any] = []
    term_list: list[Term] = [t for group in parsed.groups for t in group]
    match = " AND ".join("(" + " OR ".join(filter(None, map(_match, group))) + ")" for group in parsed.groups)
    low, high = 0, (99991231 + 1) * DAY
    if parsed.filters.get("since"):
        low = max(_day(v, end=False) for v in parsed.filters["since"]) * DAY
    if parsed.filters.get("until"):
        high = (min(_day(v, end=True) for v in parsed.filters["until"]) + 1) * DAY
    rowid = "search_index.rowid" if match else "a.key"
    if low or high != (99991231 + 1) * DAY:
        where.append(f"{rowid} >= ? AND {rowid} < ?")
        params += [low, high]
    for value in parsed.filters.get("outlet", []):
        where.append("EXISTS (SELECT 1 FROM articles c WHERE c.story_id = a.story_id AND c.outlet = ?)")
        params.append(value)
    for value in parsed.filters.get("kind", []):
        where.append("a.id IN (SELECT article_id FROM events WHERE kind = ?)")
        params.append(value)
    for name in ("person", "place", "org"):
        for value in parsed.filters.get(name, []):
            term = _entity_term(value, name)
            term_list.append(term)
            clauses = []
            if term.entities:
                clauses.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_id IN "
                               f"({', '.join('?' * len(term.entities))}))")
                params.extend(term.entities)
            if name == "org":
                clauses.append("a.id IN (SELECT article_id FROM mentions WHERE kind = 'org' AND ("
                               + " OR ".join("surface LIKE ? ESCAPE '\\'" for _ in term.forms) + "))")
                params.extend(_like(f) for f in term.forms)
            else:
                clauses.append("a.key IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
                params.append(_match(term))
            where.append("(" + " OR ".join(clauses) + ")")
    for term in parsed.negated:
        term_list.append(term)
        if match:       # inside the FTS5 expression: one pass over the index
            match = f"({match}) NOT {_match(term)}"
        else:
            where.append("a.key NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
            params.append(_match(term))
    if not match and not parsed.filters and parsed.messages:
        return SearchResult(query, tuple(term_list), 0, (), {}, tuple(parsed.messages))
    columns = "a.key, a.id, a.story_id, a.headline, a.outlet, a.published, a.url, a.text, a.standard_text"
    page = [max(0, int(limit)), max(0, int(offset))]
    if match:
        source = "search_index JOIN articles a ON a.key = search_index.rowid"
        where.insert(0, "search_index MATCH ?")
        params.insert(0, match)
        score = "bm25(search_index, " + ", ".join(map(str, WEIGHTS)) + ")"
        order = "score" if sort == "relevance" else "search_index.rowid DESC"
    else:
        source = "articles a JOIN stories s ON s.id = a.story_id AND s.article_id = a.id"
        score = "0.0"
        order = "a.key DESC"
    condition = " AND ".join(where) or "1"
    if match and all(w.startswith("search_index") for w in where):
        # nothing but the index is asked: count and rank in FTS5 alone, then read the page's articles
        total = conn.execute(f"SELECT count(*) FROM search_index WHERE {condition}", params).fetchone()[0]  # noqa: S608
        keys = conn.execute(f"SELECT rowid, {score} AS score FROM search_index WHERE {condition}"  # noqa: S608
                            f" ORDER BY {order} LIMIT ? OFFSET ?", [*params, *page]).fetchall()
        by_key = {r["key"]: r for r in conn.execute(
            f"SELECT {columns} FROM articles a WHERE a.key IN ({', '.join('?' * len(keys))})",  # noqa: S608
            [k[0] for k in keys])}
        rows = [dict(by_key[k[0]], score=k[1]) for k in keys if k[0] in by_key]
    else:
        total = conn.execute(f"SELECT count(*) FROM {source} WHERE {condition}", params).fetchone()[0]  # noqa: S608
        rows = conn.execute(f"SELECT {columns}, {score} AS score FROM {source} WHERE {condition}"  # noqa: S608
                            f" ORDER BY {order} LIMIT ? OFFSET ?", [*params, *page]).fetchall()
    forms = [f for t in term_list if not t.negated for f in t.forms]
    hits = tuple(_hit(conn, row, forms) for row in rows)
    facet_counts = {name: _facet(conn, name, source, condition, params) for name in facets}
    return SearchResult(query, tuple(term_list), total, hits, facet_counts, tuple(parsed.messages))


def _entity_term(value: str, kind: str) -> Term:
    """person:/place:/org: values: an entity id as stored (person:习近平, place:222401) or any form."""
    if re.fullmatch(r"[0-9]{6}|[A-Z]{2}", value) and kind == "place":
        return Term(value, (value,), (f"place:{value}",))
    if kind == "org":
        term = expand(value)
        return Term(term.text, term.forms)
    return expand(value, kind=kind)


def _hit(conn: Any, row: Any, forms: list[str]) -> Hit:
    copies = tuple(dict(r) for r in conn.execute(
        "SELECT id, outlet, url, published FROM articles WHERE story_id = ? AND id != ? ORDER BY key",
        (row["story_id"], row["id"])))
    events = []
    for e in conn.execute("SELECT id, kind, start_date, end_date FROM events WHERE article_id = ? ORDER BY seq",
                          (row["id"],)):
        stops = [s["name"] for s in conn.execute("SELECT name FROM event_stops WHERE event_id = ? ORDER BY seq",
                                                 (e["id"],))]
        events.append({"kind": e["kind"], "start": e["start_date"], "end": e["end_date"], "stops": stops})
    text, standard = row["text"], row["standard_text"]
    snippet = snippet_of(text, forms)
    standard_snippet = snippet_of(standard, forms) if standard and standard != text else None
    if standard_snippet == snippet:
        standard_snippet = None
    return Hit(row["id"], row["headline"], row["outlet"], row["published"], row["url"], float(row["score"]),
               snippet, standard_snippet, copies, tuple(events))


def snippet_of(text: str, forms: list[str], width: int = 60) -> str:
    """About ``width`` characters on each side of the first form found, each form found marked **so**."""
    usable = sorted({f for f in forms if f and f.strip()}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, usable)), re.IGNORECASE) if usable else None
    first = pattern.search(text) if pattern else None
    if first is None:
        start = 0
    else:
        start = max(0, first.start() - width)
    end = min(len(text), (first.end() if first else 0) + width * (1 if first else 2))
    window = text[start:end]
    if pattern:
        window = pattern.sub(lambda m: MARK[0] + m.group() + MARK[1], window)
    window = re.sub(r"\s*\n\s*", " / ", window).strip()
    return ("…" if start > 0 else "") + window + ("…" if end < len(text) else "")


def _facet(conn: Any, name: str, source: str, condition: str, params: list[Any]) -> list[dict[str, Any]]:
    hits = f"SELECT a.id, a.story_id, a.published_date FROM {source} WHERE {condition}"  # noqa: S608
    if name == "outlet":
        sql = (f"WITH hits AS ({hits}) SELECT c.outlet AS value, count(DISTINCT c.story_id) AS count FROM hits"
               " JOIN articles c ON c.story_id = hits.story_id GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")
    elif name in ("year", "month"):
        size = 4 if name == "year" else 7
        sql = (f"WITH hits AS ({hits}) SELECT substr(published_date, 1, {size}) AS value, count(*) AS count"
               " FROM hits GROUP BY 1 ORDER BY 1 DESC LIMIT 50")
    elif name == "kind":
        sql = (f"WITH hits AS ({hits}) SELECT e.kind AS value, count(DISTINCT e.article_id) AS count FROM hits"
               " JOIN events e ON e.article_id = hits.id GROUP BY 1 ORDER BY 2 DESC")
    else:
        sql = (f"WITH hits AS ({hits}) SELECT m.entity_id AS value, count(DISTINCT m.article_id) AS count,"
               " coalesce(n.reading, '') || ' ' || coalesce(n.hanzi, '') AS label FROM hits"
               f" JOIN mentions m ON m.article_id = hits.id AND m.kind = '{name}' AND m.entity_id IS NOT NULL"
               " LEFT JOIN entities n ON n.id = m.entity_id GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20")
    return [{k: r[k] for k in r.keys()} for r in conn.execute(sql, params)]
