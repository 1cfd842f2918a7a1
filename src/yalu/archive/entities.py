"""Entity rows: the four forms of a linked person or place, with coordinates, from the names engine.

Mentions link to ids (``person:习近平``, ``place:222401``, ``place:RU``); the page's own pairs of reading
and Hanzi (항태(恒泰)) become ``name:恒泰`` or the place they are. ``forms`` gives every written form a
search should match: readings, Hanzi simplified and traditional, pinyin and the standard transcription,
with and without the division word (연길시 and 연길, 延吉市 and 延吉).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .. import names
from ..names import forms as name_forms

_SUFFIXES_HANZI = ("自治州", "自治县", "自治区", "市", "县", "区", "省", "州", "盟", "旗")
_SUFFIXES_STANDARD = ("자치주", "자치현", "자치구", "시", "현", "구", "성", "주")


@cache
def _countries() -> dict[str, tuple[str, list[str], str]]:
    """ISO code → (Hanzi, the written forms, the standard form), from names/data/countries.tsv."""
    from ..names.places import read_tsv
    return {r["code"]: (r["hanzi"], r["forms"].split("|"), r["standard"]) for r in read_tsv("countries.tsv")}


def row(entity_id: str) -> dict[str, Any] | None:
    """The entities row for an id, or None when the id names nothing yalu knows."""
    kind, _, key = entity_id.partition(":")
    if not key:
        return None
    if kind == "place" and key.isdigit():
        candidate = names.index()[1].get(key)
        return None if candidate is None else _from_candidate(entity_id, candidate)
    if kind == "place" and key.isalpha() and key.isascii():
        country = _countries().get(key)
        if country is None:
            return None
        hanzi, written, standard = country
        return {"id": entity_id, "kind": "place", "hanzi": hanzi, "traditional": name_forms.traditional(hanzi),
                "reading": written[0], "pinyin": name_forms.pinyin(hanzi), "standard": standard, "code": key,
                "level": "country", "parent": None, "province": None, "latitude": None, "longitude": None,
                "roles": None, "forms": list(dict.fromkeys([*written, standard, hanzi]))}
    if kind in ("person", "name"):
        candidate = names.from_hanzi(key, person=kind == "person" or None)
        return _from_candidate(entity_id, candidate, kind=kind)
    return None


def _from_candidate(entity_id: str, c: names.Candidate, kind: str | None = None) -> dict[str, Any]:
    return {"id": entity_id, "kind": kind or c.kind, "hanzi": c.hanzi, "traditional": c.traditional,
            "reading": c.reading, "pinyin": c.pinyin, "standard": c.standard, "code": c.code, "level": c.level,
            "parent": c.parent, "province": c.province, "latitude": c.lat, "longitude": c.lon,
            "roles": json.dumps(list(c.roles), ensure_ascii=False) if c.roles else None,
            "forms": forms_of(c)}


def forms_of(c: names.Candidate) -> list[str]:
    """Every written form of a name: reading, base, Hanzi (simplified, traditional, without the division
    word), pinyin with and without tones, and the standard transcription (with and without its suffix)."""
    out = [c.reading, c.base, c.hanzi, c.traditional, c.pinyin, name_forms.plain(c.pinyin) if c.pinyin else None,
           c.standard]
    if c.kind == "place":
        for hanzi in (c.hanzi, c.traditional):
            for suffix in _SUFFIXES_HANZI:
                if hanzi and hanzi.endswith(suffix) and len(hanzi) - len(suffix) >= 2:
                    out.append(hanzi[: -len(suffix)])
                    break
        for suffix in _SUFFIXES_STANDARD:
            if c.standard and c.standard.endswith(suffix) and len(c.standard) - len(suffix) >= 2:
                out.append(c.standard[: -len(suffix)])
                break
    return list(dict.fromkeys(f for f in out if f))
