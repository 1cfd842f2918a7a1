"""The archive: every article in one SQLite file, found in any script and either spelling.

    >>> from yalu import Archive
    >>> with Archive("yalu.db") as archive:
    ...     list(archive.ingest(["pages/"]))
    ...     archive.search("시진핑 --since 2020-01-01")
"""

from .store import DEFAULT_PATH, Archive, Outcome

__all__ = ["DEFAULT_PATH", "Archive", "Outcome"]
