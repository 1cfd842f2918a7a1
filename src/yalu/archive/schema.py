"""The archive's tables, as numbered migrations: an archive made by today's yalu opens in tomorrow's.

Each migration runs once, in its own transaction, and is recorded in ``schema_version`` with its name
and when it ran. A new version of the tables is a new entry at the end of ``MIGRATIONS``; an entry is
never edited once released. An archive whose version is newer than this yalu knows is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from ..document import Document
from ..errors import YaluError
from . import stories

_INITIAL = """
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT
);
-- one row per distinct article text: the same article on several sites (조글로 reposts the papers)
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE,      -- sha256 of the normalised body (no spaces, no punctuation)
  article_id TEXT NOT NULL,              -- the copy that was added first: the one search shows
  copies INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE articles (
  key INTEGER PRIMARY KEY,               -- date order: yyyymmdd × 10^7 + n (0 … when undated); the FTS rowid
  id TEXT NOT NULL UNIQUE,               -- Document.id: sha256 of url and text, first 16 hex digits
  story_id INTEGER NOT NULL REFERENCES stories(id),
  url TEXT,
  outlet TEXT,
  source TEXT,
  kicker TEXT,
  headline TEXT,
  subheadlines TEXT,                     -- JSON list
  published TEXT,                        -- ISO 8601, as in the record
  published_date TEXT,                   -- its day, YYYY-MM-DD
  published_from TEXT,
  year INTEGER GENERATED ALWAYS AS (CAST(substr(published_date, 1, 4) AS INTEGER)) VIRTUAL,
  month TEXT GENERATED ALWAYS AS (substr(published_date, 1, 7)) VIRTUAL,
  authors TEXT,                          -- JSON list of {name, role}
  review_first TEXT,                     -- 初审
  review_second TEXT,                    -- 复审
  review_final TEXT,                     -- 终审
  text TEXT NOT NULL,
  standard_text TEXT,                    -- text with the spelling changes applied
  encoding TEXT,
  warnings TEXT,                         -- JSON list of {code, message}
  record TEXT NOT NULL,                  -- the versioned JSON record (Document.to_json)
  input TEXT,                            -- the file or record it was added from
  added TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published_date);
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,   -- code points in articles.text
  original TEXT, replacement TEXT, rule TEXT, tier TEXT
);
CREATE INDEX changes_article ON changes(article_id);
CREATE TABLE entities (
  id TEXT PRIMARY KEY,                   -- person:习近平, place:222401, place:RU, name:恒泰
  kind TEXT NOT NULL,                    -- person, place, name
  hanzi TEXT, traditional TEXT,
  reading TEXT,                          -- the Chinese Korean form (습근평)
  pinyin TEXT,
  standard TEXT,                         -- the South Korean form (시진핑)
  code TEXT, level TEXT, parent TEXT, province TEXT,
  latitude REAL, longitude REAL,
  roles TEXT                             -- JSON list, for people of the gazetteer
);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  kind TEXT NOT NULL,                    -- person, place, org, date, term, quantity
  surface TEXT NOT NULL,                 -- text[start:end]
  entity_id TEXT REFERENCES entities(id),
  value TEXT, confidence REAL, source TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  title TEXT NOT NULL,                   -- 주당위 서기
  person_start INTEGER, person_end INTEGER,
  person TEXT,                           -- the name as written
  entity_id TEXT REFERENCES entities(id),
  as_of TEXT, as_of_source TEXT
);
CREATE INDEX roles_article ON roles(article_id);
CREATE INDEX roles_entity ON roles(entity_id);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,                    -- tour, meeting
  start_date TEXT, end_date TEXT, date_source TEXT,
  body TEXT                              -- for meetings: the body that met
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_kind ON events(kind);
CREATE TABLE event_people (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  entity_id TEXT REFERENCES entities(id),
  role TEXT
);
CREATE INDEX event_people_event ON event_people(event_id);
CREATE TABLE event_stops (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  seq INTEGER NOT NULL,
  place_id TEXT REFERENCES entities(id),
  name TEXT,                             -- as written
  sites TEXT,                            -- JSON list of the sites visited there
  start INTEGER, "end" INTEGER,
  latitude REAL, longitude REAL
);
CREATE INDEX event_stops_event ON event_stops(event_id);
CREATE INDEX event_stops_place ON event_stops(place_id);
CREATE TABLE event_agenda (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  seq INTEGER NOT NULL,
  kind TEXT,                             -- relayed, report, reviewed
  text TEXT,
  start INTEGER, "end" INTEGER
);
CREATE INDEX event_agenda_event ON event_agenda(event_id);
-- the files already added: a rerun of `yalu add` skips those whose size and time are unchanged
CREATE TABLE inputs (
  name TEXT PRIMARY KEY,
  size INTEGER, mtime_ns INTEGER,
  article_id TEXT,
  added TEXT NOT NULL
);
-- pages that could not be read, with the reason (cleared when a later run reads them)
CREATE TABLE problems (
  name TEXT PRIMARY KEY,
  code TEXT, reason TEXT,
  seen TEXT NOT NULL
);
-- the search index: yalu's own terms (see archive/terms.py), one row per story, rowid = articles.key
CREATE VIRTUAL TABLE search_index USING fts5(
  headline, body, standard, names,
  content='', tokenize='unicode61 remove_diacritics 2'
);
"""

# a repost that edits the body is the same story (stories.py): each story's sketch, indexed by value
_SKETCHES = """
ALTER TABLE stories ADD COLUMN shingles INTEGER;     -- distinct 6-character shingles of the body
CREATE TABLE sketches (
  story_id INTEGER NOT NULL REFERENCES stories(id),
  value INTEGER NOT NULL,                -- one of the 16 smallest hashes of the body's shingles
  PRIMARY KEY (story_id, value)
) WITHOUT ROWID;
CREATE INDEX sketches_value ON sketches(value);
"""


def _sketch_stories(conn: sqlite3.Connection) -> None:
    """Make the sketches table and sketch the stories already there, from the copy search shows."""
    for statement in _statements(_SKETCHES):
        conn.execute(statement)
    for (story_id,) in conn.execute("SELECT id FROM stories ORDER BY id").fetchall():
        record = conn.execute("SELECT a.record FROM stories s JOIN articles a ON a.id = s.article_id"
                              " WHERE s.id = ?", (story_id,)).fetchone()[0]
        stories.remember(conn, story_id, stories.body_of(Document.from_json(record)))


MIGRATIONS: list[tuple[int, str, str | Callable[[sqlite3.Connection], None]]] = [
    (1, "initial: articles, stories, mentions, entities, roles, events, changes, inputs, search index", _INITIAL),
    (2, "sketches: a repost with an edited body joins its story", _sketch_stories),
]

LATEST = MIGRATIONS[-1][0]


def version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT, applied TEXT)")
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def refuse_newer(conn: sqlite3.Connection, path: str) -> int:
    """The archive's version, or a YaluError when it is newer than this yalu knows."""
    before = version(conn)
    if before > LATEST:
        raise YaluError(path, f"archive schema version {before} is newer than this yalu knows ({LATEST}); "
                              "upgrade yalu")
    return before


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the archive up to ``LATEST``; returns the version it had before."""
    before = refuse_newer(conn, path)
    for number, name, step in MIGRATIONS:
        if number <= before:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) >= number:   # another process migrated while we waited for the lock
                conn.execute("COMMIT")
                continue
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                         (number, name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return before


def _statements(script: str) -> list[str]:
    """The statements of a script (executescript would commit on its own, outside our transaction)."""
    out, buffer = [], []
    for line in script.splitlines():
        buffer.append(line)
        if sqlite3.complete_statement("\n".join(buffer)):
            out.append("\n".join(buffer))
            buffer = []
    return out
