"""Places beyond the divisions: natural features, North and South Korean and Russian places, towns and
villages of the north-east, the South Korean spellings of every place, and addresses of several levels.

- ``data/features.tsv``, compiled by tools/build_features.py from two hand-written tables that say where
  their rows came from: ``natural.tsv`` (rivers, mountains, lakes, a few landmarks: 압록강 鸭绿江,
  장백산/백두산 长白山) and ``abroad.tsv`` (평양 平壤, 청진 清津, 서울 首尔, 울라지보스또크 符拉迪沃斯托克).
  Their codes are namespaced by country (``KP:平壤``, ``CN:鸭绿江``) so they never pass for a division.
- ``data/towns.tsv`` and ``data/villages.tsv`` (jionlp's tree, the north-east only): towns (镇 진, 乡 향,
  街道 가두) coded under their county (``222406:东城镇``), with the county's coordinates; villages are read
  only inside an address.
- :func:`initial_sound_law`: the South Korean spelling of a reading (료녕성 → 요녕성, 룡정 → 용정), which
  the index adds for every place, ranked a little below the papers' own form.
- :func:`address`: «화룡시 동성진 광동촌» → 和龙市 > 东城镇 > 光东村, each level with what is known.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Candidate

# suffixes below the county, as the papers read them (街道 is 가두 on their pages; the reading is 가도)
TOWN_SUFFIXES = {"街道": "가두", "镇": "진", "乡": "향"}
VILLAGE_SUFFIXES = {"社区": "사구", "村": "촌"}
SOUTH_PENALTY = 0.02        # a South Korean spelling ranks this much below the papers' own form

# vowels (jungseong index) before which ㄹ and ㄴ become ㅇ at a word's start: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
_IOTATED = frozenset({2, 3, 6, 7, 12, 17, 20})
_NIEUN, _RIEUL, _IEUNG = 2, 5, 11


def initial_sound_law(reading: str) -> str:
    """The South Korean spelling of a reading: the initial-sound law (두음법칙) on its first syllable.

    ㄹ becomes ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ and ㄴ elsewhere; ㄴ becomes ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ.
    료녕성 → 요녕성, 룡정 → 용정, 로야령 → 노야령, 녕안 → 영안, 라선 → 나선; 연길 stays 연길.

    Raises:
        TypeError: ``reading`` is not a str.
    """
    if not isinstance(reading, str):
        raise TypeError(f"initial_sound_law() takes a str, not {type(reading).__name__}")
    if not reading or not "\uac00" <= reading[0] <= "\ud7a3":
        return reading
    code = ord(reading[0]) - 0xAC00
    lead, vowel, tail = code // 588, code % 588 // 28, code % 28
    if lead == _RIEUL:
        lead = _IEUNG if vowel in _IOTATED else _NIEUN
    elif lead == _NIEUN and vowel in _IOTATED:
        lead = _IEUNG
    else:
        return reading
    return chr(0xAC00 + lead * 588 + vowel * 28 + tail) + reading[1:]


def split_town(name: str, suffixes: dict[str, str]) -> tuple[str, str]:
    """东城镇 → (东城, 镇); 民乐朝鲜族乡 → (民乐朝鲜族, 乡); no known suffix → (name, "")."""
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def read_tsv(name: str) -> list[dict[str, str]]:
    """The rows of a table of data/ (tab-separated, # comments), as dicts."""
    text = resources.files("yalu.names").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _float(value: str | None) -> float | None:
    return float(value) if value else None


@cache
def features() -> tuple[tuple[Candidate, tuple[tuple[str, str], ...], float], ...]:
    """(candidate, ((key, how), …), prior) for every row of features.tsv."""
    from .gazetteer import Candidate

    out = []
    for r in read_tsv("features.tsv"):
        hanzi = r["hanzi"].split("|")
        readings = r["forms"].split("|")
        standards = r["standard"].split("|")
        code = f"{r['country']}:{hanzi[0]}"
        candidate = Candidate(
            "place", hanzi[0], r["traditional"], readings[0], r["pinyin"], standards[0], code=code,
            level=r["kind"], parent=r["country"], province=r["province"] or None,
            lat=_float(r["lat"]), lon=_float(r["lon"]), base=readings[0],
            why=(f"in {r['table']} ({r['note']})" if r["note"] else f"in {r['table']}",))
        keys: list[tuple[str, str]] = [(readings[0], "full")]
        keys += [(form, "conventional") for form in readings[1:]]
        keys += [(h, "hanzi") for h in hanzi] + [(r["traditional"], "hanzi")]
        keys += [(s.replace(" ", ""), "standard") for s in standards]
        keys.append((r["pinyin_plain"], "pinyin"))
        out.append((candidate, tuple(dict.fromkeys(k for k in keys if k[0])), float(r["prior"] or 0.75)))
    return tuple(out)


@cache
def _town_rows() -> tuple[dict[str, str], ...]:
    """towns.tsv's rows; split by hand (no quoting in it), as csv's reader is slower at load time."""
    text = resources.files("yalu.names").joinpath("data", "towns.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    columns = lines[0].split("\t")
    return tuple(dict(zip(columns, line.split("\t"))) for line in lines[1:])


def towns(by_code: dict[str, Candidate]) -> list[tuple[Candidate, tuple[tuple[str, str], ...]]]:
    """(candidate, keys) for every town of towns.tsv, with its county's coordinates (from ``by_code``)."""
    from .gazetteer import Candidate

    out = []
    for r in _town_rows():
        county = by_code.get(r["county"])
        base, suffix = split_town(r["hanzi"], TOWN_SUFFIXES)
        base_reading = r["reading"][: -len(TOWN_SUFFIXES[suffix])] if suffix else r["reading"]
        kind = "subdistrict" if suffix == "街道" else "township" if suffix == "乡" else "town"
        candidate = Candidate(
            "place", r["hanzi"], r["traditional"], r["reading"], r["pinyin"], r["standard"],
            code=f"{r['county']}:{r['hanzi']}", level=kind, parent=r["county"],
            province=county.province if county else None, lat=county.lat if county else None,
            lon=county.lon if county else None, base=base_reading,
            why=(f"a {kind} of {county.hanzi if county else r['county']} (jionlp's tree); the coordinates "
                 "are its county's",))
        keys = [(r["reading"], "full"), (r["hanzi"], "hanzi")]
        if suffix == "街道":
            keys.append((base_reading + "가도", "full"))       # the character reading of 街道
        ethnic = _ETHNIC.search(base) if base.endswith("族") else None
        if ethnic:                                             # 민락조선족향 → 민락향
            short = base_reading[: -len(_ethnic_reading(ethnic.group()))]
            keys.append((short + TOWN_SUFFIXES[suffix], "short"))
        elif len(base_reading) >= 3 and suffix != "街道":      # 이도백하 (二道白河镇); not 건설로 (建设路街道), a road
            keys.append((base_reading, "base"))
        # the press writes some towns by their Mandarin sound (야부리 for 亚布力镇): the standard form, whole
        # and, when a suffix ends it, without (for lookups only: running text is read by readings)
        keys.append((r["standard"], "standard"))
        if suffix and suffix != "街道" and r["standard"].endswith(TOWN_SUFFIXES[suffix]):
            keys.append((r["standard"][: -len(TOWN_SUFFIXES[suffix])], "standard"))
        out.append((candidate, tuple(k for k in keys if len(k[0]) >= 3)))
    return out


_ETHNIC = re.compile(r"(?:朝鲜|蒙古|满|回|锡伯|达斡尔|鄂伦春|赫哲|柯尔克孜)族$")
_ETHNIC_READINGS = {"朝鲜族": "조선족", "蒙古族": "몽고족", "满族": "만족", "回族": "회족", "锡伯族": "석백족",
                    "达斡尔族": "달알이족", "鄂伦春族": "악륜춘족", "赫哲族": "혁철족", "柯尔克孜族": "가이극자족"}


def _ethnic_reading(word: str) -> str:
    return _ETHNIC_READINGS.get(word, "족")


def extend(keys: dict, by_code: dict, entry) -> None:
    """Adds the features, the towns and the South Korean spellings of every place to the index being built
    by gazetteer.index(); ``entry`` makes an index entry from a candidate."""
    for candidate, ks, prior in features():
        e = entry(candidate, prior=prior)
        by_code[candidate.code] = candidate
        for key, how in ks:
            keys.setdefault(key, []).append((e, how))
    for candidate, ks in towns(by_code):
        e = entry(candidate)
        by_code[candidate.code] = candidate
        for key, how in ks:
            keys.setdefault(key, []).append((e, how))
    south: dict[str, list] = defaultdict(list)
    for key, entries in keys.items():
        if not ("나" <= key[:1] <= "닣" or "라" <= key[:1] <= "맇"):       # only ㄴ and ㄹ change
            continue
        changed = initial_sound_law(key)
        if changed == key:
            continue
        for e, how in entries:
            if how in ("full", "base", "short", "conventional") and e.candidate.kind == "place":
                south[changed].append((e, "south-" + how))
    for key, entries in south.items():
        known = keys.setdefault(key, [])
        there = {id(e) for e, _ in known}          # 나선 is already 罗先's South Korean form: keep that
        known.extend(pair for pair in entries if id(pair[0]) not in there)


def rank_how(order: list[str], how: str) -> float:
    """Where a way of matching stands in ``order`` (gazetteer._unique); a South Korean spelling just after
    the form it spells."""
    plain = how.removeprefix("south-")
    return (order.index(plain) if plain in order else len(order)) + (0.5 if plain != how else 0)


def score(entry, how: str, query: str, competitors: int, context: str | None, by_code: dict) -> tuple[float, Candidate]:
    """The rank of a place of this module (codes ``KP:平壤``, ``CN:鸭绿江``, ``222406:东城镇``): its table's
    prior (0.75 by default; a town 0.85, as the north-east) for a reading, its Hanzi or a form the papers
    print, 0.1 less for a transcription (a town's base 0.25 less: 송화강 is the river before 松花江镇), 0.4 less for a South Korean spelling (요하 is 饶河县 before
    辽河); +0.3 when the article names it in another form or names the county a town is in, +0.1 when it
    names its province or prefecture."""
    c = entry.candidate
    town = c.code is not None and c.code[:1].isdigit()
    prior = entry.prior + (0.1 if town else 0)
    south = how.startswith("south-")
    how = how.removeprefix("south-")
    score = prior if how in ("full", "hanzi", "conventional") else prior - (0.25 if town else 0.1)
    why = [f"matched its {how} form", *c.why]
    if south:            # below any division's own reading, even a common word's: 요하 is 饶河县 before 辽河
        score -= 0.4
        why.append("its South Korean spelling (the initial-sound law)")
    if context:
        others = ({c.reading} | {f for f in (c.hanzi, c.standard) if f}) - {query}
        county = by_code.get(c.parent or "") if town else None
        around = [by_code.get(code) for code in ((c.parent or "")[:4] + "00", (c.parent or "")[:2] + "0000")] \
            if town else []
        if county is not None and any(form and len(form) >= 2 and form in context for form in (county.reading, county.base)):
            score += 0.3
            why.append(f"the article names {county.reading}")
        elif any(len(form) >= 2 and form in context for form in others):
            score += 0.3
            why.append("the article names it in full")
        elif any(a is not None and a.reading in context for a in around):
            score += 0.1
            why.append("the article names its province or prefecture")
        elif c.province and c.province in context:
            score += 0.1
            why.append(f"the article names {c.province}")
    if competitors > 1:
        why.append(f"{competitors} entries share this form")
    return score, replace(c, confidence=max(0.05, min(score, 0.99)), why=tuple(why))


# ---------------------------------------------------------------------------------------------- addresses

@dataclass(frozen=True)
class Level:
    """One level of an address: the words that name it, where they stand, and what is known of it."""

    text: str
    start: int
    end: int
    level: str | None                       # province, prefecture, county, town, village, river …; None: unknown
    candidate: Candidate | None = None      # the place, when known (a village: its Hanzi and reading only)

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "level": self.level,
                "place": self.candidate.to_dict() if self.candidate else None}


@dataclass(frozen=True)
class Address:
    """An address read into its levels, largest first, and the place it names (its deepest known level,
    with the Hanzi of every level as the text writes them: 和龙市东城镇光东村)."""

    text: str
    levels: tuple[Level, ...]
    place: Candidate | None

    def to_dict(self) -> dict:
        return {"text": self.text, "levels": [lv.to_dict() for lv in self.levels],
                "place": self.place.to_dict() if self.place else None}


_LEVEL_END = ("성", "시", "현", "구", "주", "진", "향", "촌", "가두", "강", "산", "호", "도", "기", "맹")
_RANK = {"country": 0, "province": 1, "prefecture": 2, "county": 3, "town": 4, "township": 4, "subdistrict": 4,
         "village": 5}


@cache
def _villages() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(county code, reading or Hanzi) → [(town Hanzi, village Hanzi, reading)], from villages.tsv."""
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for r in read_tsv("villages.tsv"):
        row = (r["town"], r["hanzi"], r["reading"])
        out[(r["county"], r["reading"])].append(row)
        out[(r["county"], r["hanzi"])].append(row)
        south = initial_sound_law(r["reading"])
        if south != r["reading"]:
            out[(r["county"], south)].append(row)
    return out


def _place_keys(word: str) -> bool:
    from .gazetteer import index

    return any(e.candidate.kind == "place" for e, _ in index()[0].get(word, ()))


def _segments(word: str) -> list[tuple[str, bool]]:
    """A word cut into known place keys, longest first (흑룡강성오상시 → 흑룡강성, 오상시; 장백산역 → 장백산,
    역). A known head counts only when it has three syllables or more (조양호 stays a name, 연주성 is no
    兖州 + 성)."""
    if len(word) >= 2 and _place_keys(word):
        return [(word, True)]
    for size in range(len(word) - 1, 2, -1):
        head = word[:size]
        if _place_keys(head):
            return [(head, True)] + _segments(word[size:])
    return [(word, False)]


_DIVISION_ENDS = ("시", "현", "구", "기")


def _renamed(part: str, outer: Candidate | None, context: str | None) -> Candidate | None:
    """A division named with the suffix it had before a change of status (동녕현 for 东宁市, now a city;
    평과시 for 平果县): the division whose base is the rest, inside ``outer`` when there is one."""
    from .gazetteer import lookup

    if len(part) < 3 or not part.endswith(_DIVISION_ENDS) or not _place_keys(part[:-1]):
        return None
    options = [c for c in lookup(part[:-1], context=context) if c.kind == "place" and c.code and c.code.isdigit()
               and c.level in ("prefecture", "county") and c.base == part[:-1]]
    if outer is not None:
        options = [c for c in options if _inside(c, outer)]
    if len(options) != 1 and outer is None:
        return None
    return replace(options[0], why=(f"{part}: {options[0].hanzi} under an earlier name of its status",
                                    *options[0].why)) if options else None


def _by_ending(part: str, context: str | None, outer: Candidate | None) -> Candidate | None:
    """A level named by its kind and composed (중앙대가 → 中央大街; 건공파출소 after 연길시 → 建工派出所, 建工
    being a subdistrict of 延吉: gazetteer.by_ending), or the kind alone after a place (연길시공안국: 公安局,
    the place's body)."""
    from .gazetteer import by_ending, ending_alone

    if outer is not None and (alone := ending_alone(part)) is not None:
        return alone
    return by_ending(part, context, outer)[1] if len(part) >= 3 else None


def _inside(c: Candidate, outer: Candidate) -> bool:
    """``c`` lies within the division ``outer`` (by code: 222406:东城镇 in 222406 in 222400 in 220000); a
    feature, an abroad place or a town holds nothing here (a town's villages are read apart)."""
    if not c.code or not outer.code or not outer.code.isdigit():
        return False
    code = c.code.split(":")[0]
    if not code.isdigit() or c.code == outer.code:
        return False
    if outer.level == "province":
        return code[:2] == outer.code[:2]
    if outer.level == "prefecture":
        return code[:4] == outer.code[:4]
    return code == outer.code


def address(text: str, context: str | None = None) -> Address:
    """An address of several levels read into its levels, largest first.

    «화룡시 동성진 광동촌» → 和龙市 (county) > 东城镇 (town) > 光东村 (village); «할빈시 아성구» →
    哈尔滨市 > 阿城区; words may also be glued (흑룡강성오상시). Each level is resolved within the one
    before it where it can be (조양 after 장춘시 is 朝阳区 of 长春); a word that names no place yalu knows
    stays a level of its own with ``candidate`` None.

    Raises:
        TypeError: ``text`` is not a str.
    """
    from .gazetteer import Candidate, lookup

    if not isinstance(text, str):
        raise TypeError(f"address() takes a str, not {type(text).__name__}")
    levels: list[Level] = []
    outer: Candidate | None = None
    for match in re.finditer(r"[^\s()（）]+", text):
        position = match.start()
        for part, known in _segments(match.group()):
            start, end = position, position + len(part)
            position = end
            found = None
            if known:
                options = [c for c in lookup(part, context=context or text) if c.kind == "place"]
                inside = [c for c in options if outer is not None and _inside(c, outer)]
                found = (inside or options or [None])[0]
            else:
                found = _renamed(part, outer, context or text)
            if found is None and not known and outer is not None and outer.code and outer.code[0].isdigit():
                found = _village(part, outer)       # a village, after its county or town
            elif found is None and not known and outer is None:
                found = _lone_village(part, context)    # 향수촌 in an article that names 왕청
            if found is None and not known:
                found = _by_ending(part, context or text, outer)   # 중앙대가 → 中央大街, after the villages
            if found is not None and levels and levels[-1].candidate is not None \
                    and found.hanzi == levels[-1].candidate.hanzi:
                continue                           # 장백산(백두산): the same place twice
            levels.append(Level(part, start, end, found.level if found else None, found))
            if found is not None and found.level not in ("village", None):
                outer = found            # a division; not a village, nor a body or street read by its kind
    return Address(text, tuple(levels), _combined(text, levels))


def _village(reading: str, outer: Candidate) -> Candidate | None:
    from .gazetteer import Candidate

    if not reading.endswith(tuple(VILLAGE_SUFFIXES.values()) + tuple(VILLAGE_SUFFIXES)):
        return None
    if ":" in (outer.code or ""):
        county, town = outer.code.split(":")
        rows = [row for row in _villages().get((county, reading), []) if row[0] == town]
    else:
        county, town = outer.code or "", ""
        rows = _villages().get((county, reading), [])
    if len({v for _, v, _ in rows}) != 1:
        return None
    town_hanzi, hanzi, reading = rows[0]
    from . import forms        # the forms of the one village an address names, computed when it is read

    base, suffix = split_town(hanzi, VILLAGE_SUFFIXES)
    return Candidate("place", hanzi, forms.traditional(hanzi), reading, forms.pinyin(base),
                     forms.standard(base, split=False) + VILLAGE_SUFFIXES.get(suffix, ""),
                     code=f"{county}:{town_hanzi}:{hanzi}", level="village",
                     confidence=0.8,
                     parent=f"{county}:{town_hanzi}", province=outer.province, lat=outer.lat, lon=outer.lon,
                     why=(f"a village of {town_hanzi} (jionlp's tree); the coordinates are its "
                          f"{'town' if town else 'county'}'s",))


@cache
def _villages_by_reading() -> dict[str, list[tuple[str, str, str]]]:
    """reading → [(county code, town Hanzi, village Hanzi)] over the whole north-east."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for (county, reading), rows in _villages().items():
        out[reading].extend((county, town, hanzi) for town, hanzi, _ in rows)
    return out


@cache
def _towns_by_base() -> dict[tuple[str, str], Candidate]:
    """(county code, a town's reading without its suffix) → the town, when one town of the county reads so."""
    from .gazetteer import index

    _, by_code = index()
    out: dict[tuple[str, str], Candidate] = {}
    seen: set[tuple[str, str]] = set()
    for code, c in by_code.items():
        if c.level in ("town", "township", "subdistrict") and c.parent and c.base:
            key = (c.parent, c.base)
            if key in seen:
                out.pop(key, None)
            else:
                out[key] = c
            seen.add(key)
    return out


def town_within(base: str, outer: Candidate) -> Candidate | None:
    """The town, township or subdistrict of the county ``outer`` whose name without its suffix reads
    ``base`` (건공 in 연길시: 建工街道)."""
    return _towns_by_base().get((outer.code or "", base)) if outer.code and outer.code.isdigit() else None


def villages_named(reading: str) -> bool:
    """The village tree of the north-east has a village read so."""
    return bool(_villages_by_reading().get(reading))


def _lone_village(reading: str, context: str | None) -> Candidate | None:
    """A village named alone: the one village of the north-east with that reading, or the one in a county
    or town the article names (향수촌 in an article on 왕청: 响水村 of 天桥岭镇, 汪清县)."""
    from .gazetteer import index

    if len(reading) < 3 or not reading.endswith(tuple(VILLAGE_SUFFIXES.values())):
        return None
    rows = _villages_by_reading().get(reading, [])
    if len(rows) > 1 and context:
        _, by_code = index()

        def named(county: str, town: str) -> bool:
            c = by_code.get(county)
            forms_ = [c.reading, c.base] if c else []
            forms_ += [t.reading for t in (by_code.get(f"{county}:{town}"),) if t]
            return any(f and len(f) >= 2 and f in context for f in forms_)

        rows = [row for row in rows if named(row[0], row[1])] or _beside_its_neighbours(reading, rows, context)
    if len({(county, hanzi) for county, _, hanzi in rows}) != 1:
        return None
    county, town, hanzi = rows[0]
    _, by_code = index()
    outer = by_code.get(f"{county}:{town}") or by_code.get(county)
    return _village(reading, outer) if outer is not None else None


def _beside_its_neighbours(reading: str, rows: list[tuple[str, str, str]], context: str) -> list:
    """The rows of the town where the other villages the article names lie too (향수촌 and 강서촌, both of
    渤海镇 in 宁安: each alone is several villages of the north-east, together one town's two)."""
    towns = set()
    for other in set(re.findall(r"[가-힣]{1,4}(?:촌|툰)", context)) - {reading}:
        towns |= {(county, town) for county, town, _ in _villages_by_reading().get(other, [])}
    return [row for row in rows if (row[0], row[1]) in towns]


def _written(level: Level) -> str:
    """The Hanzi of a level as the text writes it: 산동 is 山东, 산동성 山东省."""
    c = level.candidate
    if c is None:
        return ""
    if c.base and level.text in (c.base, initial_sound_law(c.base)) and c.code and ":" not in c.code:
        from . import forms

        return forms.split_suffix(c.hanzi)[0]
    if c.base and level.text == c.base and c.level in ("town", "township", "subdistrict"):
        return split_town(c.hanzi, TOWN_SUFFIXES)[0]       # 칠성포 of 七星泡镇, before 농장: 七星泡农场
    return c.hanzi


def _combined(text: str, levels: list[Level]) -> Candidate | None:
    known = [lv for lv in levels if lv.candidate is not None]
    if not known:
        return None
    if len(levels) == 1 and levels[0].level is None:
        return known[0].candidate          # one word read by its ending (공원로): its own candidate and why
    deepest = known[-1].candidate
    assert deepest is not None
    located = next((lv.candidate for lv in reversed(known) if lv.candidate and lv.candidate.lat is not None), None)
    unknown = [lv.text for lv in levels if lv.candidate is None]
    why = ["an address: " + " > ".join(f"{lv.text} → {lv.candidate.hanzi if lv.candidate else '?'}"
                                       f" ({lv.level or 'unknown'})" for lv in levels)]
    if unknown:
        why.append("yalu knows no place for " + ", ".join(unknown))
    if deepest.level == "village":
        why.extend(deepest.why)                 # whose village, and whose coordinates
    if located is not None and located is not deepest:
        why.append(f"the coordinates are those of {located.hanzi}")
    confidence = min(lv.candidate.confidence or 0.5 for lv in known if lv.candidate) * (0.6 if unknown else 1.0)
    return replace(
        deepest, hanzi="".join(_written(lv) for lv in known),
        traditional="".join(lv.candidate.traditional for lv in known if lv.candidate),
        reading=" ".join(lv.text if re.search("[가-힣]", lv.text) or lv.candidate is None else lv.candidate.reading
                         for lv in known), pinyin=" ".join(lv.candidate.pinyin for lv in known if lv.candidate),
        standard=" ".join(lv.candidate.standard for lv in known if lv.candidate),
        lat=located.lat if located else None, lon=located.lon if located else None,
        confidence=max(0.05, min(confidence, 0.99)), why=tuple(why))
