"""Exports of a table or of a search's results: JSON Lines, CSV, and Parquet when pyarrow is installed.

Offsets stay in code points, as in the record. A JSONL export of ``articles`` (or of a search) writes
the versioned records themselves (``Document.to_json``: ``yalu add`` reads them back); other tables
write one object per row.

Every export written to a file says what it is (``metadata``): the archive's schema version, the record
schema version, yalu's version, the table, the search that chose the rows. Parquet carries it in the
file's key-value metadata (``yalu.archive_schema_version`` …). JSONL and CSV carry it beside the file,
in ``<file>.meta.json``: inside, it would break what makes these formats useful. A first line of
metadata is not a row (a naive JSONL or CSV reader, and ``yalu add``, would take it for one), and a
``schema_version`` in every row of a table would be one more column that is not the table's (and, in
``articles``, clash with the record's own ``schema_version``). An export to standard output has no
sidecar: it has no name to put one beside.
"""

from __future__ import annotations

import csv
import importlib.metadata
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..document import SCHEMA_VERSION
from . import schema

TABLES = ("articles", "stories", "mentions", "entities", "roles", "events", "event_people", "event_stops",
          "event_agenda", "changes", "problems", "inputs")
FORMATS = ("jsonl", "csv", "parquet")


def export(archive: Any, out: str | os.PathLike | IO[str] | None = None, *, table: str = "articles", format: str | None = None,
           query: str | None = None, **filters: Any) -> int:
    """Write ``table`` (or, with ``query`` or filters, the articles of every matching story) to ``out``.

    Args:
        out: a path, an open text file, or None for stdout (not for Parquet). JSONL and CSV written to a
            path get ``metadata`` beside them, in ``<path>.meta.json``; Parquet carries it inside.
        table: one of ``TABLES``; with a search, the rows of that table that belong to the hits.
        format: jsonl, csv or parquet; by default taken from the path's suffix, else jsonl.
        query, filters: a search (``Archive.search``'s query and keywords); every match is exported.

    Returns:
        The number of rows written.

    Raises:
        ValueError: an unknown table or format, or Parquet to stdout.
        ImportError: Parquet without pyarrow (``pip install 'yalu[parquet]'``).
    """
    if isinstance(out, os.PathLike):
        out = os.fspath(out)                # a pathlib.Path is a path like a str
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose from {', '.join(TABLES)}")
    format = format_for(out, format)
    ids: list[str] | None = None
    searched = bool(query or any(filters.values()))
    if searched:
        result = archive.search(query or "", limit=10**9, **filters)
        ids = [h.id for h in result.hits]
    columns, rows = _rows(archive.conn, table, ids)
    about = metadata(archive, table, format, query, filters if searched else {})
    if format == "parquet":
        return _parquet(out, about, columns, rows)
    handle, close = _open(out)
    try:
        count = _write_text(handle, format, table, columns, rows)
    finally:
        if close:
            handle.close()
    if close:
        with open(f"{out}.meta.json", "w", encoding="utf-8") as sidecar:
            json.dump({**about, "rows": count}, sidecar, ensure_ascii=False, indent=2)
            sidecar.write("\n")
    return count


def format_for(out: str | IO[str] | None, format: str | None = None) -> str:
    """The format of an export: ``format`` if given, else the path's suffix, else jsonl."""
    if format is None:
        suffix = str(out).rsplit(".", 1)[-1].lower() if isinstance(out, str) and "." in str(out) else "jsonl"
        format = {"ndjson": "jsonl", "parq": "parquet"}.get(suffix, suffix if suffix in FORMATS else "jsonl")
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: choose from {', '.join(FORMATS)}")
    return format


def _write_text(handle: IO[str], format: str, table: str, columns: list[str],
                rows: Iterator[tuple[Any, ...]]) -> int:
    count = 0
    if format == "jsonl":
        for row in rows:
            if table == "articles":
                handle.write(row[columns.index("record")] + "\n")
            else:
                handle.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
            count += 1
    else:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _open(out: str | IO[str] | None) -> tuple[IO[str], bool]:
    if out is None or out == "-":
        return sys.stdout, False
    if isinstance(out, str):
        return open(out, "w", encoding="utf-8", newline=""), True
    return out, False


def _rows(conn: Any, table: str, ids: list[str] | None) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The columns and rows of a table; with ``ids``, only those of these articles (and their events)."""
    sql = f"SELECT * FROM {table}"  # noqa: S608 (table is one of TABLES)
    params: list[Any] = []
    if ids is not None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS export_ids (id TEXT PRIMARY KEY)")
        conn.execute("DELETE FROM export_ids")
        conn.executemany("INSERT OR IGNORE INTO export_ids VALUES (?)", [(i,) for i in ids])
        by = {"articles": "id", "stories": "article_id", "entities": None, "problems": None, "inputs": "article_id"}
        if table in ("event_people", "event_stops", "event_agenda"):
            sql += " WHERE event_id IN (SELECT e.id FROM events e JOIN export_ids x ON x.id = e.article_id)"
        elif table == "entities":
            sql += " WHERE id IN (SELECT entity_id FROM mentions m JOIN export_ids x ON x.id = m.article_id)"
        elif by.get(table, "article_id") is None:
            sql += " WHERE 0"
        else:
            sql += f" WHERE {by.get(table, 'article_id')} IN (SELECT id FROM export_ids)"
    order = {"articles": "key"}.get(table, "rowid" if table not in ("entities", "problems", "inputs") else "1")
    cursor = conn.execute(sql + f" ORDER BY {order}", params)
    columns = [d[0] for d in cursor.description]
    return columns, (tuple(r) for r in cursor)


def metadata(archive: Any, table: str, format: str, query: str | None = None,
             filters: dict[str, Any] | None = None) -> dict[str, Any]:
    """What an export is: the versions of the archive's schema, the record and yalu, the table, the format,
    the search that chose the rows (none: the whole table) and how offsets count."""
    try:
        version = importlib.metadata.version("yalu")
    except importlib.metadata.PackageNotFoundError:     # run from a source tree that is not installed
        version = None
    return {"archive_schema_version": schema.version(archive.conn), "record_schema_version": SCHEMA_VERSION,
            "yalu_version": version, "table": table, "format": format, "query": query or None,
            "filters": {k: v for k, v in (filters or {}).items() if v} or None,
            "offsets": "code points, end exclusive"}


def _parquet(out: Any, about: dict[str, Any], columns: list[str], rows: Iterator[tuple[Any, ...]]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ImportError("Parquet export needs pyarrow: pip install 'yalu[parquet]'") from error
    if out is None or out == "-" or isinstance(out, io.TextIOBase):
        raise ValueError("Parquet is written to a file: give a path (-o out.parquet)")
    data = list(rows)
    arrays = {c: [r[i] for r in data] for i, c in enumerate(columns)}
    frame = pa.table(arrays)
    # key-value metadata holds strings: the same keys as a sidecar's, prefixed, the values as JSON
    # would write them (a bare string stays bare)
    pairs = {f"yalu.{k}": v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in about.items()}
    frame = frame.replace_schema_metadata({**(frame.schema.metadata or {}),
                                           **{k.encode(): v.encode() for k, v in pairs.items()}})
    pq.write_table(frame, str(out))
    return len(data)
