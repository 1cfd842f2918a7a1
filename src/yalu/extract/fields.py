"""Reading one line for the page-level fields it holds: a date, bylines, a source, review stages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..document import Author
from .rules import Rules

# Before the web existed no page of this press was online; a date before this is a broken CMS
# (the 1970 epoch) or a widget, never a publication date.
EARLIEST_YEAR = 1995


@dataclass(frozen=True)
class Stamp:
    """A date read from a page: ``iso`` is "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS+08:00"; the offset is
    China's until the extractor knows the outlet's country (``article._in_local_time``)."""

    iso: str
    day: str          # "YYYY-MM-DD", to compare stamps whatever their precision
    start: int        # where in the line it was found
    end: int


def find_date(line: str, rules: Rules, today: date | None = None) -> tuple[Stamp | None, str | None]:
    """The first publication date on the line, or (None, the refused string) when one was refused."""
    refused = None
    for _, pattern in rules.dates:
        for match in pattern.finditer(line):
            stamp = _stamp(match, today or date.today())
            if stamp is not None:
                return stamp, None
            refused = refused or match.group(0)
    return None, refused


def _stamp(match: re.Match[str], today: date) -> Stamp | None:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else 2000 + int(groups["yy"])
    try:
        day = date(year, int(groups["m"]), int(groups["d"]))
    except ValueError:
        return None
    # A year of slack for pages dated ahead (time zones, pre-dated editions); a timedelta, because
    # today.replace(year=…) fails on 29 February.
    if year < EARLIEST_YEAR or day > today + timedelta(days=366):
        return None
    iso = day.isoformat()
    if groups.get("H") is not None:
        hour, minute, second = int(groups["H"]), int(groups["M"]), int(groups.get("S") or 0)
        if hour > 23 or minute > 59 or second > 59:
            return None
        full = f"{iso}T{hour:02d}:{minute:02d}:{second:02d}+08:00"
    else:
        full = iso
    return Stamp(full, iso, match.start(), match.end())


def url_date(url: str | None, rules: Rules) -> str | None:
    if not url:
        return None
    for pattern in rules.url_dates:
        if match := pattern.search(url):
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                continue
    return None


def meta_date(content: str | None, rules: Rules) -> Stamp | None:
    if not content:
        return None
    stamp, _ = find_date(content.replace("T", " ").split("+")[0], rules)
    return stamp


def find_bylines(line: str, rules: Rules) -> tuple[list[Author], str | None]:
    """The people a byline names, and the id of the byline form that matched.

    A paper or station in the name's place (发布人:료녕신문) is no person and is dropped.
    """
    for form, pattern in rules.bylines:
        match = pattern.search(line)
        if match is None:
            continue
        label = match.groupdict().get("label")
        role = rules.roles.get(label) if label else None
        names = re.split(r"[ ,、]+", match["names"].strip())
        return [Author(name, role) for name in names if name and not rules.media.match(name)], form
    return [], None


def find_source(line: str, rules: Rules) -> str | None:
    if match := rules.source.search(line) or rules.trailing_source.search(line):
        return match["source"].strip() or None
    return None


def find_review(line: str, rules: Rules) -> dict[str, str | None]:
    """Review stages on the line: {"first": "林洪吉", "final": None, …}; an empty stage is None."""
    stages: dict[str, str | None] = {}
    for match in rules.review_stage.finditer(line):
        stages[rules.review_labels[match["label"]]] = match["name"] or None
    return stages
