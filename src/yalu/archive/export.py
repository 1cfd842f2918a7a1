"""Exports of a table or of a search's results: JSON Lines, CSV, and Parquet when pyarrow is installed.

Offsets stay in code points, as in the record. A JSONL export of ``articles`` (or of a search) writes
the versioned records themselves (``Document.to_json``: ``yalu add`` reads them back); other tables
write one object per row. Parquet files carry the archive's schema version, the record schema version
and the table's name in their key-value metadata (``yalu.archive_schema_version`` …).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from ..document import SCHEMA_VERSION
from . import schema

TABLES = ("articles", "stories", "mentions", "entities", "roles", "events", "event_people", "event_stops",
          "event_agenda", "changes", "problems", "inputs")
FORMATS = ("jsonl", "csv", "parquet")


def export(archive: Any, out: str | IO[str] | None = None, *, table: str = "articles", format: str | None = None,
           query: str | None = None, **filters: Any) -> int:
    """Write ``table`` (or, with ``query`` or filters, the articles of every matching story) to ``out``.

    Args:
        out: a path, an open text file, or None for stdout (not for Parquet).
        table: one of ``TABLES``; with a search, the rows of that table that belong to the hits.
        format: jsonl, csv or parquet; by default taken from the path's suffix, else jsonl.
        query, filters: a search (``Archive.search``'s query and keywords); every match is exported.

    Returns:
        The number of rows written.

    Raises:
        ValueError: an unknown table or format, or Parquet to stdout.
        ImportError: Parquet without pyarrow (``pip install 'yalu[parquet]'``).
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose from {', '.join(TABLES)}")
    if format is None:
        suffix = str(out).rsplit(".", 1)[-1].lower() if isinstance(out, str) and "." in str(out) else "jsonl"
        format = {"ndjson": "jsonl", "parq": "parquet"}.get(suffix, suffix if suffix in FORMATS else "jsonl")
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: choose from {', '.join(FORMATS)}")
    ids: list[str] | None = None
    if query or any(filters.values()):
        result = archive.search(query or "", limit=10**9, **filters)
        ids = [h.id for h in result.hits]
    columns, rows = _rows(archive.conn, table, ids)
    if format == "parquet":
        return _parquet(archive, out, table, columns, rows)
    handle, close = _open(out)
    try:
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
    finally:
        if close:
            handle.close()


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


def metadata(archive: Any, table: str) -> dict[str, str]:
    return {"yalu.archive_schema_version": str(schema.version(archive.conn)),
            "yalu.record_schema_version": str(SCHEMA_VERSION), "yalu.table": table,
            "yalu.offsets": "code points, end exclusive"}


def _parquet(archive: Any, out: Any, table: str, columns: list[str], rows: Iterator[tuple[Any, ...]]) -> int:
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
    frame = frame.replace_schema_metadata({**(frame.schema.metadata or {}),
                                           **{k.encode(): v.encode() for k, v in metadata(archive, table).items()}})
    pq.write_table(frame, str(out))
    return len(data)
