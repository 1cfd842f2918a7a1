"""The archive: one SQLite file (WAL) holding every article, its layers, and yalu's search index.

Ingest is idempotent and crash-safe. An article's id is ``Document.id`` (a hash of its url and text), so
the same page added twice is one row; each article goes in with everything it carries (changes,
mentions, entities, roles, events, its index row) in one transaction, so a ``kill -9`` leaves either
all of it or none of it. The same text on several sites (조글로 reposts the papers), also when a repost
edits it a little (stories.py), is one story: every copy is stored, only the first is indexed, and
search shows the story once with its copies.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..document import Document
from ..orthography import standardize
from ..errors import YaluError
from . import entities as entity_rows
from . import schema, stories, terms

DEFAULT_PATH = "yalu.db"
DAY = 10_000_000          # articles.key = yyyymmdd × DAY + n
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Outcome:
    """What became of one input of ``Archive.ingest``.

    ``status``: added (a new story), copy (a new article whose text, or a close edit of it, the
    archive already holds: one more copy of its story), present (this very article was already
    there), unchanged (a file added before and not modified since: not read again), failed (``error``
    says why).
    """

    name: str
    status: str
    article_id: str | None = None
    error: YaluError | None = None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Archive:
    """An archive of articles in one SQLite file, searchable across scripts and spellings.

        >>> archive = Archive("yalu.db")
        >>> archive.add(yalu.read_many(["pages/"], mentions=True, standard=True))
        >>> archive.search("시진핑").hits[0].headline

    Opening creates the file or brings its tables up to this yalu's schema version. Many readers and
    one writer may use the same file at once (WAL). A reader that only searches may open with
    ``migrate=False``: an older archive is then read as it is, and its migration, which takes the
    write lock for as long as it runs (minutes on a large archive), is left to the next writer, so
    that searching while ``yalu add`` writes never locks the writer out.
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_PATH, *, timeout: float = 30.0, migrate: bool = True):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")      # WAL + NORMAL: a killed process loses nothing committed
        # checkpoints (the only fsyncs under WAL + NORMAL) every ~40 MB of WAL rather than 4: ingest 1.6× faster
        self.conn.execute("PRAGMA wal_autocheckpoint=10000")
        self.conn.execute("PRAGMA foreign_keys=ON")
        if migrate or schema.version(self.conn) == 0:
            schema.migrate(self.conn, self.path)
        else:
            schema.refuse_newer(self.conn, self.path)
        self._entities_seen: set[str] = set()

    # -- plumbing ---------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema.version(self.conn)

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, stories, mentions, entities, roles, events, changes, problems."""
        tables = ("articles", "stories", "mentions", "entities", "roles", "events", "event_stops", "event_agenda",
                  "changes", "problems")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608 (fixed names)

    # -- reading back -----------------------------------------------------------------------------
    def get(self, article_id: str) -> Document:
        """The Document stored under ``article_id`` (KeyError when there is none)."""
        if not isinstance(article_id, str):
            raise TypeError(f"get() takes an article id (str), not {type(article_id).__name__}")
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(article_id)
        return Document.from_json(row["record"])

    def __contains__(self, article_id: object) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- adding -----------------------------------------------------------------------------------
    def add(self, documents: Iterable[Document | Any]) -> dict[str, int]:
        """Add Documents (or ``yalu.read_many`` Results); returns how many were added, copies, present,
        failed. Documents not yet standardized or annotated are, first."""
        tally = {"added": 0, "copy": 0, "present": 0, "failed": 0}
        for item in documents:
            doc = getattr(item, "document", item) if not isinstance(item, Document) else item
            if doc is None:
                tally["failed"] += 1
                continue
            if not isinstance(doc, Document):
                raise TypeError(f"add() takes Documents, not {type(doc).__name__}")
            tally[self.add_document(doc)] += 1
        return tally

    def add_document(self, doc: Document, *, input: str | None = None,
                     stat: tuple[int, int] | None = None) -> str:
        """Add one Document in one transaction; returns added, copy or present (see ``Outcome``)."""
        doc = complete(doc)
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            status = self._insert(doc, input)
            if input is not None and stat is not None:
                conn.execute("INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?)", (input, *stat, doc.id, _now()))
                conn.execute("DELETE FROM problems WHERE name = ?", (input,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return status

    def _insert(self, doc: Document, input: str | None) -> str:
        conn = self.conn
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (doc.id,)).fetchone():
            return "present"
        body = stories.body_of(doc)
        found = stories.find(conn, body)
        if found is None:
            story_id = conn.execute("INSERT INTO stories (fingerprint, article_id) VALUES (?, ?)",
                                    (body.fingerprint, doc.id)).lastrowid
            stories.remember(conn, story_id, body)
        else:
            story_id = found
            conn.execute("UPDATE stories SET copies = copies + 1 WHERE id = ?", (story_id,))
        date = _DATE.match(doc.published or "")
        day = int("".join(date.groups())) if date else 0
        last = conn.execute("SELECT max(key) FROM articles WHERE key > ? AND key < ?",
                            (day * DAY, (day + 1) * DAY)).fetchone()[0]
        key = (last or day * DAY) + 1
        standard_text = doc.standard_text
        record = doc.to_dict()
        review = doc.review
        conn.execute(
            "INSERT INTO articles (key, id, story_id, url, outlet, source, kicker, headline, subheadlines, published,"
            " published_date, published_from, authors, review_first, review_second, review_final, text,"
            " standard_text, encoding, warnings, record, input, added)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, doc.id, story_id, doc.url, doc.outlet, doc.source, doc.kicker, doc.headline,
             _json(doc.subheadlines), doc.published, date.group() if date else None, doc.published_from,
             _json(record["authors"]), review and review.first, review and review.second, review and review.final,
             doc.text, standard_text, doc.encoding, _json(record["warnings"]),
             json.dumps(record, ensure_ascii=False), input, _now()))
        text = doc.text
        conn.executemany(
            'INSERT INTO changes (article_id, start, "end", original, replacement, rule, tier) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(doc.id, c.start, c.end, text[c.start:c.end], c.replacement, c.rule, c.tier) for c in doc.changes or ()])
        linked: list[str] = []
        for m in doc.mentions or ():
            if m.entity and self._entity(m.entity):
                linked.append(m.entity)
        for e in doc.entities or ():
            eid = page_entity_id(e)
            if self._entity(eid, page=e):
                linked.append(eid)
        known = set(linked)
        conn.executemany(
            'INSERT INTO mentions (article_id, start, "end", kind, surface, entity_id, value, confidence, source)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, m.start, m.end, m.kind, text[m.start:m.end], m.entity if m.entity in known else None, m.value,
              m.confidence, m.source) for m in doc.mentions or ()]
            + [(doc.id, s.start, s.end, "name", text[s.start:s.end], page_entity_id(e), e.hanzi, 1.0, e.evidence)
               for e in doc.entities or () for s in e.spans])
        conn.executemany(
            'INSERT INTO roles (article_id, start, "end", title, person_start, person_end, person, entity_id, as_of,'
            " as_of_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, r.start, r.end, text[r.start:r.end], r.person_start, r.person_end,
              text[r.person_start:r.person_end], r.entity if r.entity in known else None, r.as_of, r.as_of_source)
             for r in doc.roles or ()])
        for seq, event in enumerate(doc.events or (), 1):
            event_id = conn.execute(
                "INSERT INTO events (article_id, seq, kind, start_date, end_date, date_source, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc.id, seq, event.kind, event.start, event.end, event.date_source, event.body)).lastrowid
            conn.executemany("INSERT INTO event_people (event_id, entity_id, role) VALUES (?, ?, ?)",
                             [(event_id, e if e in known else None, r) for e, r in event.people])
            for number, stop in enumerate(event.stops, 1):
                place = self._entity(stop.place) if stop.place else None
                first = stop.spans[0] if stop.spans else None
                conn.execute(
                    'INSERT INTO event_stops (event_id, seq, place_id, name, sites, start, "end", latitude, longitude)'
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (event_id, number, stop.place if place else None, stop.name, _json(list(stop.sites)),
                     first and first.start, first and first.end, place and place["latitude"],
                     place and place["longitude"]))
            conn.executemany(
                'INSERT INTO event_agenda (event_id, seq, kind, text, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
                [(event_id, n, a.kind, a.text, a.span.start, a.span.end) for n, a in enumerate(event.agenda, 1)])
        if found is None:
            self._index(key, doc, standard_text, dict.fromkeys(linked))
        return "added" if found is None else "copy"

    def _index(self, key: int, doc: Document, standard_text: str, linked: Iterable[str]) -> None:
        head = "\n".join(filter(None, [doc.kicker, doc.headline, *doc.subheadlines]))
        body = doc.body if doc.paragraph_spans else doc.text
        own = {run for run, _ in terms.runs(doc.text)}
        changed = [run for run, _ in terms.runs(standard_text) if run not in own]
        forms: list[str] = []
        for eid in linked:
            forms.extend(self._forms(eid))
        self.conn.execute("INSERT INTO search_index (rowid, headline, body, standard, names) VALUES (?, ?, ?, ?, ?)",
                          (key, terms.index_text(head), terms.index_text(body), terms.index_text(" ".join(changed)),
                           terms.index_text(" , ".join(forms))))

    def _forms(self, entity_id: str) -> list[str]:
        row = self.conn.execute("SELECT reading, hanzi, traditional, pinyin, standard, kind FROM entities WHERE id = ?",
                                (entity_id,)).fetchone()
        if row is None:
            return []
        forms = [row["reading"], row["hanzi"], row["traditional"], row["pinyin"], row["standard"]]
        return [f for f in dict.fromkeys(forms) if f]

    def _entity(self, entity_id: str, page: Any = None) -> dict[str, Any] | None:
        """Make sure the entities row exists; returns it (None for an id yalu cannot resolve)."""
        found = self.conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if found is not None:
            return dict(found)
        made = entity_rows.row(entity_id)
        if made is None and page is not None:
            made = {"id": entity_id, "kind": page.kind, "hanzi": page.hanzi, "traditional": None,
                    "reading": page.reading, "pinyin": page.pinyin, "standard": page.standard, "code": page.code,
                    "level": None, "parent": None, "province": None, "latitude": None, "longitude": None,
                    "roles": None}
        if made is None:
            return None
        made.pop("forms", None)
        columns = ", ".join(made)
        self.conn.execute(f"INSERT INTO entities ({columns}) VALUES ({', '.join('?' * len(made))})",  # noqa: S608
                          tuple(made.values()))
        return made

    # -- pages and records ------------------------------------------------------------------------
    def ingest(self, inputs: Iterable[str | Path], *, url: str | None = None, workers: int | None = None,
               reread: bool = False) -> Iterator[Outcome]:
        """Read pages, folders and ``.jsonl`` record files (``yalu read --jsonl``) into the archive.

        Pages are read with the spelling and mentions stages (``read_many(standard=True,
        mentions=True, entities=True)``). A file added before and not modified since is skipped unless
        ``reread``; a page that cannot be read is recorded in ``problems`` and skipped. Yields one
        Outcome per page or record, in order.
        """
        from .. import expand, read_many   # the package's batch reader (yalu/__init__ imports this module)

        pages: list[str] = []
        stats: dict[str, tuple[int, int]] = {}
        for name in expand(inputs):
            if name == "-" or name.endswith((".jsonl", ".ndjson")):
                yield from self._records(name)
                continue
            try:
                st = os.stat(name)
                stats[name] = (st.st_size, st.st_mtime_ns)
            except OSError:
                pass
            if not reread and name in stats:
                row = self.conn.execute("SELECT size, mtime_ns, article_id FROM inputs WHERE name = ?",
                                        (name,)).fetchone()
                if row is not None and (row["size"], row["mtime_ns"]) == stats[name]:
                    yield Outcome(name, "unchanged", row["article_id"])
                    continue
            pages.append(name)
        for result in read_many(pages, url=url, standard=True, mentions=True, entities=True, workers=workers):
            if result.error is not None:
                self._problem(result.name, result.error)
                yield Outcome(result.name, "failed", error=result.error)
                continue
            status = self.add_document(result.document, input=result.name, stat=stats.get(result.name))
            yield Outcome(result.name, status, result.document.id)

    def _records(self, name: str) -> Iterator[Outcome]:
        import sys
        handle = sys.stdin if name == "-" else open(name, encoding="utf-8-sig")  # noqa: SIM115 (closed below)
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{name}:{number}"
                try:
                    doc = Document.from_json(line)
                except YaluError as error:
                    yield self._failed(where, error)
                    continue
                except (ValueError, KeyError, TypeError) as error:
                    yield self._failed(where, YaluError(where, f"not a yalu record ({type(error).__name__}: {error})"))
                    continue
                yield Outcome(where, self.add_document(doc, input=where), doc.id)
        except (OSError, UnicodeDecodeError) as error:
            yield self._failed(name, YaluError(name, f"cannot read records ({error})"))
        finally:
            if handle is not sys.stdin:
                handle.close()

    def _failed(self, name: str, error: YaluError) -> Outcome:
        self._problem(name, error)
        return Outcome(name, "failed", error=error)

    def _problem(self, name: str, error: YaluError) -> None:
        self.conn.execute("INSERT OR REPLACE INTO problems VALUES (?, ?, ?, ?)",
                          (name, getattr(error, "code", "error"), getattr(error, "reason", str(error)), _now()))

    # -- search and export (search.py, export.py) -------------------------------------------------
    def search(self, query: str = "", **filters: Any):
        """Search the archive; see ``yalu.archive.search.search`` for the query language and filters."""
        from .search import search
        return search(self, query, **filters)

    def export(self, out: Any, **options: Any) -> int:
        """Write a table or a search's results as JSONL, CSV or Parquet; see ``yalu.archive.export.export``."""
        from .export import export
        return export(self, out, **options)


def page_entity_id(e: Any) -> str:
    """The archive id of a name the page pairs with its Hanzi: its place, or name:Hanzi."""
    if e.code:
        return f"place:{e.code}"
    return f"{'person' if e.kind == 'person' else 'name'}:{e.hanzi}"


def complete(doc: Document) -> Document:
    """The Document with its spelling changes and mentions, running the stages a record lacks."""
    if doc.changes is None:
        result = standardize(doc.text)
        doc = dataclasses.replace(doc, changes=result.changes, glosses=result.glosses)
    if doc.mentions is None:
        from ..annotate import annotate
        doc = annotate(doc)
    return doc


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
