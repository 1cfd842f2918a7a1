"""Which story an article belongs to: the same text on several sites, also when a repost edits it.

조글로 reposts the papers with a source line added, the last paragraph dropped or a typo fixed; that is
still the same story, and search should show it once. An article joins a story when

1. its body is the story's body once spaces and punctuation are removed (the *fingerprint*, a hash:
   the cheapest test, made first), or
2. its body closely resembles the story's: the Jaccard resemblance of their sets of 6-character
   shingles is at least ``RESEMBLANCE``.

The second test must not compare a new body with every story. Each story keeps a *sketch* of its body
(Broder's bottom-k MinHash): every shingle hashed with a stable 64-bit hash (blake2b, not Python's
salted ``hash``), the ``K`` smallest hashes kept, in the table ``sketches``, indexed by value. A new
body's sketch finds, by ``K`` index lookups, the story sharing the most values; the sketches estimate
the two bodies' resemblance, and only when the estimate passes a low screen is the story's text read
back to measure it exactly (an estimate from 16 values is too coarse to decide alone: see ``SCREEN``).

The shingle length, ``K`` and the hash are part of the archive's schema: changing them means a
migration that sketches every story again (schema.py).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..document import Document

# A 6-character shingle, spaces removed, is about two words of this press (a word with its particle is
# about three syllables): shorter shingles are shared by unrelated texts through common phrases
# (중국공산당 is five), longer ones lose more of a text to each edit (an edit changes up to 6 of them).
# On the 156 bodies of examples/, the seeds and the development set, the two distinct articles most
# alike (two parts of one series, opening with the same paragraph) resemble each other at 0.24 with
# 6-character shingles (0.25 with 5, 0.24 with 8): the length matters little.
SHINGLE = 6
K = 16
# Distinct articles of those 156 resemble each other at most 0.24 (the series above); the same news
# rewritten by another outlet 0.10. A repost with a source line added or a typo fixed resembles its
# story above 0.9; one with the last of five paragraphs dropped about 0.8, the last of two 0.5. Half
# way between lies 0.5. A wrong merge costs more than a missed one (only a story's first copy is
# indexed, so a wrongly merged article is found only through its story), so the bar is not lower.
RESEMBLANCE = 0.5
# The Jaccard resemblance of two sets is at most the smaller's size over the larger's: a body with less
# than half the shingles of the story cannot reach 0.5, and is not compared. So an excerpt (one
# paragraph of a long article) is its own story: a reader looking for it should find it.
SIZE_RATIO = RESEMBLANCE
# The estimate from 16 values is roughly binomial: a pair that truly resembles at 0.24 would reach 0.5 in
# ~2% of cases, one at 0.8 fall under it in ~0.2%. So the estimate only screens: a story estimated at
# 0.25 or more (a pair at 0.5 passes with probability ~0.998, unrelated texts at 0.05 ~0.007) has its
# text read back and the exact resemblance decides.
SCREEN = 0.25
# A value shared by thousands of stories (a phrase every article prints, whose hash happens to be small)
# would make each lookup read thousands of rows: only the latest stories holding each value are read.
# A repost is found through its other values, which only its story has.
POSTINGS = 64

_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Body:
    """An article's body as stories compare it: without spaces and punctuation. Its fingerprint is made
    first; its shingles are hashed only when the fingerprint finds no story (a copy costs no sketch)."""

    normal: str

    @cached_property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.normal.encode()).hexdigest()[:32]

    @cached_property
    def _hashes(self) -> list[bytes]:
        """The distinct hashes of the shingles, ascending."""
        return sorted({hashlib.blake2b(s, digest_size=8).digest() for s in _shingle_run(self.normal)})

    @property
    def size(self) -> int:
        """Distinct shingles."""
        return len(self._hashes)

    @cached_property
    def sketch(self) -> tuple[int, ...]:
        """The K smallest hashes, as unsigned 64-bit shifted into SQLite's signed integers (order kept)."""
        return tuple(int.from_bytes(h, "big") - 2**63 for h in self._hashes[:K])


def body_of(doc: Document) -> Body:
    """The body of ``doc`` (or, for a page without paragraphs, its text) as stories compare it."""
    return Body(_NOT_WORD.sub("", unicodedata.normalize("NFKC", doc.body or doc.text)).casefold())


def _shingle_run(normal: str) -> Iterator[bytes]:
    """Every shingle of a normal body, in order, as UTF-32 (a fixed width per character)."""
    data = normal.encode("utf-32-le")
    width = 4 * SHINGLE
    return (data[i:i + width] for i in range(0, len(data) - width + 4, 4))


def estimate(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The resemblance of two bodies estimated from their sketches: of the K smallest values of both,
    the share found in both (Broder 1997). Exact when both bodies have fewer than K shingles."""
    union = sorted(set(a) | set(b))[:K]
    both = set(a) & set(b)
    return sum(v in both for v in union) / len(union) if union else 0.0


def resemblance(a: str, b: str) -> float:
    """The Jaccard resemblance of two normal bodies' sets of shingles."""
    ours, theirs = set(_shingle_run(a)), set(_shingle_run(b))
    return len(ours & theirs) / len(ours | theirs) if ours or theirs else 0.0


def find(conn: sqlite3.Connection, body: Body) -> int | None:
    """The story ``body`` belongs to: the one with the same body or one it closely resembles; None when
    it is a new story."""
    same = conn.execute("SELECT id FROM stories WHERE fingerprint = ?", (body.fingerprint,)).fetchone()
    if same is not None:
        return same[0]
    candidate = _most_shared(conn, body.sketch)
    if candidate is None or not _resembles(conn, body, *candidate):
        return None
    return candidate[0]


def _resembles(conn: sqlite3.Connection, body: Body, story_id: int, size: int | None) -> bool:
    """Whether ``body`` resembles the story's closely: sizes first, then the sketches, then the texts."""
    if not size or min(size, body.size) < SIZE_RATIO * max(size, body.size):
        return False
    stored = tuple(v for (v,) in conn.execute("SELECT value FROM sketches WHERE story_id = ? ORDER BY value",
                                              (story_id,)))
    if estimate(body.sketch, stored) < SCREEN:
        return False
    record = conn.execute("SELECT a.record FROM stories s JOIN articles a ON a.id = s.article_id WHERE s.id = ?",
                          (story_id,)).fetchone()[0]
    return resemblance(body.normal, body_of(Document.from_json(record)).normal) >= RESEMBLANCE


def _most_shared(conn: sqlite3.Connection, sketch: tuple[int, ...]) -> tuple[int, int | None] | None:
    """The story sharing the most sketch values with ``sketch`` (the latest on a tie), and its size."""
    if not sketch:
        return None
    postings = ("SELECT * FROM (SELECT story_id FROM sketches WHERE value = ?"
                f" ORDER BY story_id DESC LIMIT {POSTINGS})")
    row = conn.execute(
        f"SELECT s.id, s.shingles FROM ({' UNION ALL '.join([postings] * len(sketch))}) p"  # noqa: S608 (fixed text)
        " JOIN stories s ON s.id = p.story_id GROUP BY s.id ORDER BY count(*) DESC, s.id DESC LIMIT 1",
        sketch).fetchone()
    return None if row is None else (row[0], row[1])


def remember(conn: sqlite3.Connection, story_id: int, body: Body) -> None:
    """Store a story's sketch and size, so that later articles find it."""
    conn.execute("UPDATE stories SET shingles = ? WHERE id = ?", (body.size, story_id))
    conn.executemany("INSERT OR IGNORE INTO sketches (story_id, value) VALUES (?, ?)",
                     [(story_id, value) for value in body.sketch])
