"""yalu reads the Korean-language press of China into clean, linked article records.

    >>> import yalu
    >>> doc = yalu.read("page.html", url="http://www.iybrb.com/…")
    >>> doc.headline, doc.published, doc.to_json()
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import dataclasses

from .document import SCHEMA_VERSION, Author, Change, Document, Entity, Event, Gloss, Mention, Review, Role, Span, Warning
from .errors import AlignmentError, NoArticle, UnreadableInput, YaluError
from .extract import extract
from . import names
from .orthography import Standardized, standardize, variants
from .sources import MAX_BYTES, Page, load
from .archive import Archive

__all__ = [
    "Archive", "SCHEMA_VERSION", "AlignmentError", "Author", "Change", "Document", "Entity", "Event", "Gloss", "Mention", "NoArticle", "Page", "Result", "Review", "Role",
    "Span", "Standardized", "UnreadableInput", "Warning", "YaluError", "expand", "names", "read", "read_many",
    "standardize", "variants",
]

# Files a folder argument picks up; a file named on its own is read whatever its name.
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml")


def read(source: str | Path | bytes, *, url: str | None = None, name: str | None = None,
         max_bytes: int = MAX_BYTES, standard: bool = False, entities: bool = False,
         mentions: bool = False) -> Document:
    """Read one page (a path, ``"-"`` for stdin, or bytes) into a Document.

    ``url`` is where the page came from, when it was saved to a file: it tells the outlet and, when the
    page prints no date, the date. ``standard=True`` also runs the orthography stage, filling
    ``doc.changes`` (``doc.standard_text`` works either way); ``entities=True`` adds the names the page
    pairs with their Hanzi (항태(恒泰), the review chain) as ``doc.entities``; ``mentions=True`` the people,
    places, organisations, dates, quoted terms and quantities the text names, as ``doc.mentions``, the
    posts its people hold as ``doc.roles``, and the events built from them (meetings with their agenda,
    inspection tours with their stops) as ``doc.events``. Raises a YaluError subclass
    naming the input and the reason.
    """
    doc = extract(load(source, name=name, url=url, max_bytes=max_bytes), url=url)
    if standard:
        result = standardize(doc.text)
        doc = dataclasses.replace(doc, changes=result.changes, glosses=result.glosses)
    if entities:
        from .names.evidence import entities as page_entities
        doc = dataclasses.replace(doc, entities=page_entities(doc))
    if mentions:
        from .annotate import annotate
        doc = annotate(doc)
    return doc


@dataclass(frozen=True)
class Result:
    """One input of a batch: its document, or the error that stopped it."""

    name: str
    document: Document | None = None
    error: YaluError | None = None


def expand(inputs: Iterable[str | Path]) -> Iterator[str]:
    """Inputs as page names: folders are walked recursively (page files only, in name order)."""
    for item in inputs:
        path = Path(item)
        if str(item) != "-" and path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and sub.suffix.lower() in PAGE_SUFFIXES and not sub.name.startswith("."):
                    yield str(sub)
        else:
            yield str(item)


def _read_one(name: str, **options) -> Result:
    try:
        return Result(name, document=read(name, **options))
    except YaluError as error:
        return Result(name, error=error)
    except Exception as error:  # a bug in yalu must not sink a batch: report it on this page and go on
        return Result(name, error=YaluError(name, f"internal error ({type(error).__name__}: {error}); please report"))


def read_many(inputs: Iterable[str | Path], *, url: str | None = None, standard: bool = False,
              entities: bool = False, mentions: bool = False, workers: int | None = None) -> Iterator[Result]:
    """Read pages and folders, yielding a Result per page in order; one bad page never stops the rest.

    With more than a few pages the work is spread over ``workers`` processes (default: all cores).
    The stage options are those of ``read``.
    """
    names = list(expand(inputs))
    one = partial(_read_one, url=url, standard=standard, entities=entities, mentions=mentions)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(names) < 8 or "-" in names:
        yield from map(one, names)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(one, names, chunksize=max(1, len(names) // (workers * 8)))
