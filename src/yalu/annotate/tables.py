"""The annotation tables: read once per process from ``data/`` (and the countries from the names data).

Lists are one entry per line, TSVs have a header; ``#`` starts a comment line in both. The finders in
this package ask these; they hold no list of their own beyond a few grammatical endings.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources


def _lines(name: str, package: str = "yalu.annotate") -> list[str]:
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _tsv(name: str, package: str = "yalu.annotate") -> list[dict[str, str]]:
    return list(csv.DictReader(_lines(name, package), delimiter="\t"))


@cache
def org_endings() -> tuple[str, ...]:
    """Organisation endings, longest first (the longest that fits wins)."""
    return tuple(sorted((line.strip() for line in _lines("org_endings.txt")), key=len, reverse=True))


@cache
def congresses() -> list[tuple[re.Pattern[str], str, str, str]]:
    """Dated party congresses and plenums: (how the text names it, name, start, end)."""
    return [(re.compile(r["pattern"]), r["name"], r["start"], r["end"]) for r in _tsv("congresses.tsv")]


@cache
def surnames() -> frozenset[str]:
    return frozenset(line.strip() for line in _lines("surnames.txt"))


@cache
def titles() -> dict[str, dict[str, str]]:
    """Title → its row (side, role, sure)."""
    return {r["title"]: r for r in _tsv("titles.tsv")}


@cache
def units() -> tuple[str, ...]:
    """Units and counters, longest first."""
    return tuple(sorted((line.strip() for line in _lines("units.txt")), key=len, reverse=True))


@cache
def countries() -> dict[str, tuple[str, str]]:
    """Written form → (ISO code, Hanzi)."""
    return {form: (r["code"], r["hanzi"]) for r in _tsv("countries.tsv", "yalu.names") for form in r["forms"].split("|")}


@cache
def event_triggers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, the pattern of a sentence that reports an event of that kind), in the table's order."""
    return tuple((r["kind"], re.compile(r["pattern"])) for r in _tsv("events.tsv"))


@cache
def name_chars() -> tuple[frozenset[str], frozenset[str]]:
    """(surnames common enough to read a printed name by, given-name characters): the names data's
    character frequencies (sinonym's tables, compiled to names/data/name_chars.tsv)."""
    rows = _tsv("name_chars.tsv", "yalu.names")
    return (frozenset(r["hanzi"] for r in rows if r["kind"] == "surname" and float(r["ppm"]) >= 100),
            frozenset(r["hanzi"] for r in rows if r["kind"] == "given"))


@cache
def kinds(which: str) -> frozenset[str]:
    """The words of ``data/kinds.tsv`` of one list: "village", "body", "post", "prefix", "address" or
    "not_body"."""
    return frozenset(r["word"] for r in _tsv("kinds.tsv") if r["list"] == which)
