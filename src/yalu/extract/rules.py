"""Loads the page patterns and outlet files once per process and compiles them.

The data lives in ``patterns.toml`` (what any page of this press prints) and ``outlets/*.toml`` (one
file per outlet). Everything is compiled on first use and cached; nothing runs at import time.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from ..errors import YaluError
from ..names.places import initial_sound_law


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    domains: tuple[str, ...]
    markers: tuple[str, ...]
    names: tuple[str, ...]
    chrome: tuple[re.Pattern[str], ...]
    country: str = "cn"


@dataclass(frozen=True)
class Rules:
    dates: tuple[tuple[str, re.Pattern[str]], ...]
    dateline: re.Pattern[str]
    url_dates: tuple[re.Pattern[str], ...]
    bylines: tuple[tuple[str, re.Pattern[str]], ...]
    weak_bylines: frozenset[str]           # forms that count only beside another field (a bare name)
    media: re.Pattern[str]                 # a word naming a paper or station, never a person
    roles: dict[str, str]
    source: re.Pattern[str]
    trailing_source: re.Pattern[str]
    credit_source: re.Pattern[str]
    lead_source: re.Pattern[str]
    lead_byline: re.Pattern[str]
    tail_source: re.Pattern[str]
    tail_byline: re.Pattern[str]
    review_stage: re.Pattern[str]
    review_labels: dict[str, str]          # label → first/second/final
    chrome_before_fields: re.Pattern[str]
    chrome: re.Pattern[str]
    outlet_chrome: re.Pattern[str] | None
    lead_in: re.Pattern[str]
    subhead_mark: re.Pattern[str]
    label: re.Pattern[str]
    deck_mark: re.Pattern[str]
    outlets: tuple[Outlet, ...]
    marker: re.Pattern[str]                # any outlet's marker, to find one on a page
    offsets: dict[str, str]                # country (a domain's last label) → UTC offset of its time

    def outlet_named(self, marker_or_name: str) -> Outlet | None:
        for outlet in self.outlets:
            if marker_or_name in outlet.markers or marker_or_name in outlet.names or marker_or_name == outlet.name:
                return outlet
        return None

    def outlet_for_url(self, url: str | None) -> Outlet | None:
        host = host_of(url)
        for outlet in self.outlets if host else ():
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return outlet
        return None


def host_of(url: str | None) -> str:
    """The URL's host in lower case, or "" when there is none to go by ("http://[bad")."""
    if not url:
        return ""
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return ""


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise YaluError(where, f"bad pattern {pattern!r}: {error}") from None


def _alternation(patterns: list[str] | tuple[str, ...], where: str) -> re.Pattern[str]:
    return _compile("|".join(f"(?:{p})" for p in patterns), where)


@cache
def load_outlets() -> tuple[Outlet, ...]:
    outlets = []
    for entry in sorted(resources.files("yalu.extract").joinpath("outlets").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        where = f"outlets/{entry.name}"
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        for key in ("name", "domains", "markers", "names"):
            if key not in data:
                raise YaluError(where, f"missing key {key!r}")
        outlets.append(Outlet(
            slug=entry.name.removesuffix(".toml"),
            name=data["name"],
            domains=tuple(data["domains"]),
            markers=tuple(data["markers"]),
            names=tuple(data["names"]),
            chrome=tuple(_compile(p, where) for p in data.get("chrome", [])),
            country=data.get("country", "cn"),
        ))
    return tuple(outlets)


def _surnames() -> list[str]:
    """The surnames as these papers write them (리, 림, 로) and as South Korean text does (이, 임, 노)."""
    text = resources.files("yalu").joinpath("annotate/data/surnames.txt").read_text(encoding="utf-8")
    written = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return sorted(set(written) | {initial_sound_law(s) for s in written})


@cache
def load_rules() -> Rules:
    where = "extract/patterns.toml"
    data = tomllib.loads(resources.files("yalu.extract").joinpath("patterns.toml").read_text(encoding="utf-8"))
    outlets = load_outlets()
    outlet_names = sorted({n for o in outlets for n in o.names if re.fullmatch(r"[가-힣]+", n)}, key=len, reverse=True)
    review = data["review"]
    labels = {"first": review["first"], "second": review["second"], "final": review["final"]}
    review_labels = {label: stage for stage, alts in labels.items() for label in alts.split("|")}
    outlet_chrome = [p.pattern for o in outlets for p in o.chrome]
    media = data["media"]["pattern"]
    fill = {"{outlets}": "|".join(map(re.escape, outlet_names)), "{media}": media,
            "{name}": "(?:" + "|".join(sorted(_surnames(), key=len, reverse=True)) + ")[가-힣]{1,2}"}

    def filled(pattern: str) -> re.Pattern[str]:
        for key, value in fill.items():
            pattern = pattern.replace(key, value)
        return _compile(pattern, where)

    bylines = tuple((b["id"], filled(b["pattern"])) for b in data["byline"])
    return Rules(
        dates=tuple((d["id"], _compile(d["pattern"], where)) for d in data["date"]),
        dateline=_compile(data["dateline"]["pattern"], where),
        url_dates=tuple(_compile(d["pattern"], where) for d in data["url_date"]),
        bylines=bylines,
        weak_bylines=frozenset(b["id"] for b in data["byline"] if b.get("weak")),
        media=_compile(f"^(?:{media})$", where),
        roles=dict(data["roles"]),
        source=_compile(data["source"]["pattern"], where),
        trailing_source=_compile(data["source"]["trailing"], where),
        credit_source=filled(data["source"]["credit"]),
        lead_source=filled(data["lead"]["source"]),
        lead_byline=filled(data["lead"]["byline"]),
        tail_source=filled(data["lead"]["tail_source"]),
        tail_byline=filled(data["lead"]["tail_byline"]),
        review_stage=_compile(review["stage"].replace("{labels}", "|".join(labels.values())), where),
        review_labels=review_labels,
        chrome_before_fields=_alternation(data["chrome"]["before_fields"], where),
        chrome=_alternation(data["chrome"]["patterns"], where),
        outlet_chrome=_alternation(outlet_chrome, "outlets") if outlet_chrome else None,
        lead_in=_compile(data["headline"]["lead_in"], where),
        subhead_mark=_compile(data["headline"]["subhead_mark"], where),
        label=_compile(data["headline"]["label"], where),
        deck_mark=_compile(data["headline"]["deck_mark"], where),
        outlets=outlets,
        marker=_alternation([re.escape(m) for o in outlets for m in o.markers], "outlets"),
        offsets=dict(data["offsets"]),
    )
