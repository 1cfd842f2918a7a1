"""Places and people by any of their forms, ranked with reasons.

The places come from ``data/places.tsv`` (built from cpca by tools/build_gazetteers.py) and
``data/conventional.tsv`` (forms the papers use that the reading does not give: 훈춘, 할빈, 룡강); the
people from ``data/people.tsv``, compiled from ``data/officials.yaml``, a curated list of the officials this press names most,
and ``data/korean_people.tsv``, the Korean persons it names (their own Hanzi, not guessed). Everything is
indexed once per process under every form a reader might type: the Chinese Korean reading (full, base,
short), Hanzi, pinyin and the South Korean transcription.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from .context import as_context
from . import forms, places

NORTH_EAST = ("21", "22", "23")     # 辽宁, 吉林, 黑龙江: the papers' home provinces
_HAN = re.compile(r"[\u4e00-\u9fff]")
# The ways a key is indexed that running text uses: the papers write readings, not transcriptions
TEXT_FORMS = frozenset({"full", "base", "short", "conventional", "reading"})
_LATIN = re.compile(r"[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ]")


@dataclass(frozen=True)
class Candidate:
    kind: str                         # "place", "person", or "name" (forms only, in no gazetteer)
    hanzi: str
    traditional: str
    reading: str
    pinyin: str
    standard: str
    code: str | None = None           # division code (230800)
    level: str | None = None          # province, prefecture, county
    parent: str | None = None         # the parent division's code
    province: str | None = None       # the province's Hanzi
    lat: float | None = None
    lon: float | None = None
    base: str | None = None           # a place's reading without its suffix (가목사)
    roles: tuple[str, ...] = ()
    confidence: float = 0.0
    why: tuple[str, ...] = ()
    ethnicity: str | None = None      # a person's (汉族, 朝鲜族 …): it decides how the South writes the name
    born: int | None = None           # a person's birth year
    native: str | None = None         # a person's native place (吉林省 延边朝鲜族自治州 龙井县)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "hanzi": self.hanzi, "traditional": self.traditional, "reading": self.reading,
                "pinyin": self.pinyin, "standard": self.standard, "code": self.code, "level": self.level,
                "parent": self.parent, "province": self.province, "lat": self.lat, "lon": self.lon,
                "base": self.base,
                "roles": list(self.roles), "confidence": round(self.confidence, 3), "why": list(self.why),
                "ethnicity": self.ethnicity, "born": self.born, "native": self.native}


@dataclass
class _Entry:
    candidate: Candidate
    ordinary: bool = False        # the base reading is also a common word (대상)
    prior: float = 0.75           # a feature's or abroad place's table prior (places.score)


def _data(name: str) -> str:
    return resources.files("yalu.names").joinpath("data", name).read_text(encoding="utf-8")


@cache
def index() -> tuple[dict[str, list[tuple[_Entry, str]]], dict[str, Candidate]]:
    """key → [(entry, how)], and code → the division's candidate."""
    keys: dict[str, list[tuple[_Entry, str]]] = defaultdict(list)
    by_code: dict[str, Candidate] = {}
    rows = places.read_tsv("places.tsv")
    provinces = {r["code"]: r["hanzi"] for r in rows if r["level"] == "province"}
    entries_by_hanzi: dict[str, _Entry] = {}
    for r in rows:
        candidate = Candidate(
            "place", r["hanzi"], r["traditional"], r["reading"], r["pinyin"], r["standard"], code=r["code"],
            level=r["level"], parent=r["parent"] or None, province=provinces.get(r["code"][:2] + "0000"),
            lat=float(r["lat"]) if r["lat"] else None, lon=float(r["lon"]) if r["lon"] else None, base=r["base"])
        entry = _Entry(candidate, ordinary=r["ordinary"] == "1")
        by_code[r["code"]] = candidate
        entries_by_hanzi.setdefault(r["hanzi"], entry)
        for key, how in ((r["reading"], "full"), (r["char_reading"], "full"), (r["base"], "base"),
                         (r["short"], "short"), (r["hanzi"], "hanzi"),
                         (r["base_hanzi"], "hanzi"), (r["traditional"], "hanzi"), (forms.plain(r["pinyin"]), "pinyin"),
                         (r["standard"], "standard"), (r["base_standard"], "standard")):
            if key and (entry, how) not in keys[key]:
                keys[key].append((entry, how))
    for r in places.read_tsv("conventional.tsv"):
        entry = entries_by_hanzi.get(r["hanzi"])
        if entry is not None:
            keys[r["reading"]].append((entry, "short" if r.get("kind") == "short" else "conventional"))
    places.extend(keys, by_code, _Entry)     # features, places abroad, towns, South Korean spellings
    for r in places.read_tsv("countries.tsv"):          # for lookups (yalu name 미국); text finds them in annotate
        country = _Entry(Candidate(
            "place", r["hanzi"], r["traditional"], r["forms"].split("|")[0], r["pinyin"],
            r["standard"], code=f"{r['code']}:{r['hanzi']}", level="country",
            why=(f"a country ({r['code']}; countries.tsv)",)))
        for key in {*r["forms"].split("|"), r["hanzi"], country.candidate.traditional, r["standard"]}:
            keys[key].append((country, "country"))
    # people last: what places.extend reads of every key (its South Korean spellings) is places' own
    for person in _person_entries():
        for key, how in person.keys():
            keys[key].append((person, how))
    return dict(keys), by_code


def _people() -> list[Candidate]:
    """The one people table (data/people.tsv, built by tools/build_people.py from officials.yaml,
    korean_people.tsv and CPED): each person with the source that knows them as the first reason."""
    return [person.candidate for person in _person_entries()]


class _Person:
    """A person's index entry. Its Candidate is made when a lookup first touches it: 4,000 people load in
    a few milliseconds, and a lookup builds only the few it returns."""

    __slots__ = ("row", "_candidate")
    ordinary = False

    def __init__(self, row: list[str]) -> None:
        self.row = row              # the fields of people.tsv, in _PEOPLE_COLUMNS' order
        self._candidate: Candidate | None = None

    @property
    def candidate(self) -> Candidate:
        if self._candidate is None:
            r = dict(zip(_PEOPLE_COLUMNS, self.row))
            self._candidate = Candidate(
                "person", r["hanzi"], r["traditional"], r["reading"], r["pinyin"], r["standard"],
                roles=tuple(filter(None, r["roles"].split(" | "))), why=(_PEOPLE_SOURCES[r["source"]](r),),
                ethnicity=r["ethnicity"] or None, born=int(r["born"]) if r["born"] else None,
                native=r["native"] or None)
        return self._candidate

    def keys(self) -> list[tuple[str, str]]:
        """(key, how) under every form a reader may type. The reading of an official only CPED knows is no
        text form (``cped``): 주민, 전원, 조금 are words before they are officials. The papers' own people's are:
        a Korean-Chinese official's (리경호, 전철수), and a reading of three syllables or more of an official
        native of the north-east (on the real pages this finds one more person right and none wrong; all
        CPED readings of three syllables would find five more right and one wrong, precision 0.953 → 0.949)."""
        hanzi, traditional, reading, pinyin, standard, ethnicity = self.row[:6]
        key = pinyin.lower().translate(_PLAIN)
        if not (key.isascii() and key.isalpha()) or "v" in key:
            key = forms.plain(pinyin)          # ü, or a romanisation with other signs
        text = self.row[_SOURCE] != "cped" or ethnicity == "朝鲜族" or \
            len(reading) >= 3 and self.row[_NATIVE].startswith(_NE_PROVINCES)
        out = [(reading.replace(" ", ""), "reading" if text else "cped"), (hanzi, "hanzi"),
               (key, "pinyin"), (standard.replace(" ", ""), "standard")]
        if traditional != hanzi:
            out.append((traditional, "hanzi"))
        if self.row[-1]:                       # other forms the papers write (officials.yaml's also: 바인초루)
            out += [(form.replace(" ", ""), "reading") for form in self.row[-1].split(" | ")]
        return [form for form in out if form[0]]


_PEOPLE_COLUMNS = ("hanzi", "traditional", "reading", "pinyin", "standard", "ethnicity", "born", "native", "region",
                   "roles", "source", "note", "also")
_SOURCE, _NATIVE = _PEOPLE_COLUMNS.index("source"), _PEOPLE_COLUMNS.index("native")
# pinyin as a search key, the fast way (forms.plain is the reference): tones off, spaces and signs out
_PLAIN = str.maketrans("āáǎàēéěèīíǐìōóǒò", "aaaaeeeeiiiioooo", " '’·-.")
_PLAIN.update(str.maketrans("ūúǔù", "uuuu"))


@cache
def _person_entries() -> list[_Person]:
    lines = _data("people.tsv").splitlines()
    lines = [line for line in lines if line and not line.startswith("#")]
    if tuple(lines[0].split("\t")) != _PEOPLE_COLUMNS:
        raise ValueError(f"people.tsv: columns {lines[0].split()} are not {_PEOPLE_COLUMNS}: run make data")
    return [_Person(line.split("\t")) for line in lines[1:]]


_CPED = "official in CPED 1.0 (1995–2015)"
_PEOPLE_SOURCES = {
    "officials.yaml": lambda r: "official (officials.yaml)",
    "officials.yaml cped": lambda r: "official (officials.yaml, CPED)",
    "korean_people.tsv": lambda r: f"in korean_people.tsv ({r['note']})",
    "historical_people.tsv": lambda r: f"a person of history (historical_people.tsv; {r['born']}–)"
                                       + (f" [{r['note']}]" if r["note"] else ""),
    "cped": lambda r: _CPED + (f" [{r['note']}]" if r["note"] else ""),
}


def _korean_people() -> list[Candidate]:
    """Korean persons the press names (data/korean_people.tsv, hand-written): their own Hanzi and
    romanisation (in ``pinyin``: the Latin form of their name), and the South Korean form as ``standard``."""
    return [Candidate("person", r["hanzi"], r["traditional"], r["reading"], r["roman"], r["standard"],
                      roles=tuple(filter(None, r["roles"].split(" | "))), why=(f"in korean_people.tsv ({r['note']})",))
            for r in places.read_tsv("korean_people.tsv")]


def from_hanzi(hanzi: str, *, person: bool | None = None) -> Candidate:
    """The four forms of any Chinese name, known or not (a known one comes with its gazetteer facts)."""
    keys, _ = index()
    known = [entry.candidate for entry, how in keys.get(hanzi, []) if how == "hanzi"]
    if known:
        return known[0]
    is_person = forms.person_shaped(hanzi) if person is None else person
    why = ("forms computed from the Hanzi; in no gazetteer",)
    if person is None and is_person:
        why += ("read as a person's name: it begins with a surname that reads differently as a surname",)
    return Candidate("name", hanzi, forms.traditional(hanzi), forms.reading(hanzi, person=is_person),
                     forms.pinyin(hanzi, person=is_person), forms.standard(hanzi, person=is_person),
                     confidence=0.5, why=why)


def lookup(text: str, context: str | None = None) -> list[Candidate]:
    """Every place or person ``text`` may name, best first, each with its confidence and why.

    ``text`` is a Chinese Korean reading (가목사, 습근평), Hanzi (佳木斯, 习近平), pinyin (Jiamusi,
    "Xi Jinping") or a South Korean transcription (자무쓰, 시진핑). ``context`` (the article) ranks
    places whose province or prefecture it names first, and Hanzi it prints beside the reading
    (필정(毕政)) decide over any gazetteer entry or guess.
    """
    if not isinstance(text, str):
        raise TypeError(f"lookup() takes a str, not {type(text).__name__}")
    query = text.strip()
    if not query:
        return []
    keys, by_code = index()
    context = as_context(context)      # read once however many lookups it serves
    key = forms.plain(query) if _LATIN.search(query) and not _HAN.search(query) else query.replace(" ", "")
    found = _unique(keys.get(key, []))
    scored = sorted((_score(entry, how, key, len(found), context, by_code) for entry, how in found),
                    key=lambda sc: (-sc[0], sc[1].code or "", sc[1].hanzi))
    ranked = [c for _, c in scored]
    if context and ranked and _historical(ranked[0]) and _titled_in(key, context):
        # 리홍광 회장 in an article of today: not 李红光 (1910–1935); the people of history go last
        ranked = [c for c in ranked if not _historical(c)] + [c for c in ranked if _historical(c)]
        if not ranked or _historical(ranked[0]):
            ranked = guess_person(key) + ranked if _READING.fullmatch(key) else ranked
    printed = _printed(key, context) if context and _HANGUL.fullmatch(key) else []
    if printed:
        return printed + [c for c in ranked if c.hanzi not in {p.hanzi for p in printed}]
    if not ranked and (_HANGUL.search(query) or _HAN.search(query)):   # 할빈시 아성구, 和龙市东城镇
        parsed = places.address(query, context)     # a known place before any guess; Hanzi only when whole
        whole = parsed.place is not None and all(lv.candidate for lv in parsed.levels)
        if whole:
            return [parsed.place]                   # 화룡시 동성진 광동촌, 광동촌 (光东村, a village it knows)
        if _HANGUL.fullmatch(key) and (" " not in query or query.split()[-1] in _ending_readings()):
            # one word named by its kind (장백산역), or words whose last is a kind alone (조설근 기념관)
            ends_so, composed = by_ending(key, context)
            if composed is not None:
                return [composed]           # 长白山站, 延边图书馆, not 长白山 alone
            if ends_so:
                return []      # a place or a body by its ending, whose Hanzi yalu cannot tell: no person
        if parsed.place is not None and _HANGUL.search(query):
            return [parsed.place]
    if not ranked and _HAN.search(query):
        return [from_hanzi(query)]
    if not ranked and _READING.fullmatch(key):
        readings = guess_person(key)
        return guess_transcribed(key) + readings if context is not None and context.south else readings
    if not ranked and _TRANSCRIBED.fullmatch(key) and context is not None and context.south:
        return guess_transcribed(key)
    return ranked


_READING = re.compile(r"[\uac00-\ud7a3]{2,4}")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")


def _historical(c: Candidate) -> bool:
    return c.kind == "person" and any(reason.startswith("a person of history") for reason in c.why)


def _titled_in(reading: str, context: str) -> bool:
    """The article writes the reading with a post or title after it (리홍광 회장): someone holding it now."""
    from ..annotate.people import title_after

    return any(title_after(context, m.end()) for m in re.finditer(re.escape(reading), context))


def _printed(reading: str, context: str) -> list[Candidate]:
    """The Hanzi the article prints in brackets right after ``reading`` (필정(毕政), 항태(恒泰)), as the
    first candidate: evidence on the page beats any gazetteer guess (names.md). The Hanzi must read as
    written, mostly (as in evidence.py): 시뮬레이션(演示) is a translation, not a reading."""
    keys, _ = index()
    for printed, hanzi in as_context(context).printed(reading):
        if len(hanzi) > len(reading) and all(_HAN.match(ch) for ch in hanzi):
            hanzi = hanzi[-len(reading):]   # 아성구 성건(阿城区城建): the Hanzi of the words before, then its own
        agrees = max(sum(a == b for a, b in zip(reading, forms.reading(hanzi, person=person)))
                     for person in (False, True))
        if len(hanzi) != len(reading) or agrees < 0.7 * len(reading):
            continue
        why = (f"the article prints its Hanzi beside it: {printed}",)
        known = lookup(hanzi, context) if hanzi in keys else []     # 조양(朝阳): the 朝阳 the article means
        if known:
            return [replace(known[0], confidence=0.99, why=why + known[0].why)] + known[1:]
        computed = from_hanzi(hanzi)
        return [replace(computed, reading=reading, confidence=0.99, why=why + computed.why)]
    return []


@cache
def _name_chars() -> tuple[dict[str, list[tuple[str, float]]], dict[str, list[tuple[str, float]]]]:
    surnames: dict[str, list[tuple[str, float]]] = defaultdict(list)
    given: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for r in places.read_tsv("name_chars.tsv"):
        (surnames if r["kind"] == "surname" else given)[r["reading"]].append((r["hanzi"], float(r["ppm"])))
    for table in (surnames, given):
        for options in table.values():
            options.sort(key=lambda o: -o[1])
    return surnames, given


def guess_person(reading: str, limit: int = 5) -> list[Candidate]:
    """Hanzi a Chinese Korean reading of a person's name could stand for, by character frequency.

    Proposals only: for 400 random names the true Hanzi came first one time in eight (names.md), so
    these carry a low confidence and say so; a gazetteer or the page's own Hanzi decides.
    """
    surnames, given = _name_chars()
    split = 2 if len(reading) >= 4 and reading[:2] in surnames else 1
    options = [surnames.get(reading[:split], [])] + [given.get(syllable, [])[:8] for syllable in reading[split:]]
    if any(not o for o in options):
        return []
    combos: list[tuple[str, float]] = [("", 1.0)]
    for choices in options:
        combos = sorted(((h + c, p * w) for h, p in combos for c, w in choices[:8]), key=lambda x: -x[1])[:50]
    total = sum(p for _, p in combos) or 1.0
    out = []
    for hanzi, weight in combos[:limit]:
        person = from_hanzi(hanzi, person=True)
        out.append(replace(person, kind="person", reading=reading, confidence=round(min(0.2, weight / total), 3),
                           roles=(), born=None, native=None,     # a guess: no known person's facts
                           why=("guessed from the frequencies of surname and given-name characters",
                                "in no gazetteer: a proposal, not a fact")))
    return out


@cache
def _endings() -> list[dict[str, str]]:
    return sorted(places.read_tsv("endings.tsv"), key=lambda r: -len(r["reading"]))


@cache
def _ending_readings() -> frozenset[str]:
    return frozenset(r["reading"] for r in _endings())


def ending_alone(text: str) -> Candidate | None:
    """A word that is only a kind of body or place (공안국, 도서관): its Hanzi, as a level of an address."""
    row = next((r for r in _endings() if r["reading"] == text and r["sure"] == "yes"), None)
    if row is None:
        return None
    return replace(from_hanzi(row["hanzi"], person=False), kind="place", reading=text, confidence=0.4,
                   why=(f"{text} ({row['hanzi']}): a {row['kind']} of the place before it",))


def by_ending(text: str, context=None, outer: Candidate | None = None) -> tuple[bool, Candidate | None]:
    """Whether ``text`` names a place or a body by its ending (data/endings.tsv: 기념관, 공원, 로 …), and
    its Hanzi composed from a stem yalu can read: 공원로 → 公园路, 연변도서관 → 延边图书馆, 연변대학체육장
    → 延边大学体育场, 연길서역 → 延吉西站, with the stem's coordinates when it is a place. None when the stem
    reads as nothing yalu knows; an ending names of people also end in (교, 가) counts only then."""
    for row in _endings():
        ending = row["reading"]
        if text == ending and row["sure"] == "yes":
            return True, None     # the kind alone (기념관): a place or a body, no name of anyone
        if not text.endswith(ending) or len(text) <= len(ending):
            continue
        if row["sure"] != "yes" and len(text) - len(ending) < 2:
            continue      # 리교, 왕하: two syllables ending so are a person's name as often (李娇, 王霞)
        if row["kind"] == "village" and places.villages_named(text):
            return True, None     # villages yalu knows by this name (several: 향수촌): the tree decides, not a guess
        stem = text[:-len(ending)]
        found = (_person_stem(stem) if row["kind"] == "memorial" else None) or _stem(stem, context) or \
            _town_stem(stem, outer)
        if found is not None and row["name"] == "yes" and _person_shaped(text) and \
                (found[1] is None or (found[1].code or "")[:2] not in NORTH_EAST):
            found = None          # 리성호, 한정호: a person's name (李成浩) before 鲤城湖 of a far-away 鲤城区
        if found is None:
            return row["sure"] == "yes", None
        hanzi, place = found
        hanzi += row["hanzi"]
        computed = from_hanzi(hanzi, person=False)
        return True, replace(
            computed, kind="place", reading=text, confidence=0.4, lat=place.lat if place else None,
            lon=place.lon if place else None, province=place.province if place else None,
            why=(f"{ending} ({row['hanzi']}) names a {row['kind']}; {stem} read as {found[0]}"
                 + (f" ({place.hanzi})" if place else " (words of the dictionary)"),
                 "composed from its parts, in no gazetteer: the Hanzi may differ (homophones)"))
    return False, None


def _town_stem(stem: str, outer: Candidate | None) -> tuple[str, Candidate] | None:
    """A stem that is a town of the county an address names before it (건공 in 연길시: 建工街道 → 建工)."""
    town = places.town_within(stem, outer) if outer is not None else None
    if town is None:
        return None
    return places.split_town(town.hanzi, places.TOWN_SUFFIXES)[0], town


def _person_stem(stem: str) -> tuple[str, None] | None:
    """A person a memorial is named after, when yalu knows exactly one by that reading (뢰봉 → 雷锋)."""
    keys, _ = index()
    people = {e.candidate.hanzi for e, how in keys.get(stem, ()) if e.candidate.kind == "person" and how == "reading"}
    return (people.pop(), None) if len(people) == 1 else None


def _person_shaped(reading: str) -> bool:
    """A surname of the name-character table and two syllables more (리성호, 한정호)."""
    surnames, _ = _name_chars()
    return len(reading) == 3 and reading[0] in surnames


_DIRECTIONS = {"동": "东", "서": "西", "남": "南", "북": "北"}


def _stem(stem: str, context) -> tuple[str, Candidate | None] | None:
    """The Hanzi of a name's stem: a place yalu knows (written as the text writes it: 연변 → 延边), a
    place and a direction (연길서 → 延吉西), a stem that itself ends so (연변대학), or Sino-Korean nouns of
    the dictionary (공원 → 公园, 중앙 → 中央)."""
    keys, _ = index()
    if len(stem) >= 2 and _text_place(keys, stem):
        place = next(c for c in lookup(stem, context) if c.kind == "place")
        town = place.level in ("town", "township", "subdistrict")      # 칠성포 of 七星泡镇: 七星泡农场
        short = places.split_town(place.hanzi, places.TOWN_SUFFIXES)[0] if town else forms.split_suffix(place.hanzi)[0]
        return (place.hanzi if stem == place.reading else short), place
    if len(stem) >= 3 and stem[-1] in _DIRECTIONS:
        inner = _stem(stem[:-1], context)
        if inner is not None and inner[1] is not None:
            return inner[0] + _DIRECTIONS[stem[-1]], inner[1]
    composed = by_ending(stem, context)[1] if len(stem) >= 3 else None
    if composed is not None:
        place = composed if composed.lat is not None else None
        return composed.hanzi, place
    hanzi = _dictionary_hanzi(stem)
    if hanzi:
        return hanzi, None
    for size in range(len(stem) - 1, 1, -1):        # a place, then words: 흑룡강 + 조선민족
        head = _stem(stem[:size], context) if _text_place(keys, stem[:size]) else None
        rest = _dictionary_hanzi(stem[size:]) if head else None
        if head and rest:
            return head[0] + rest, head[1]
    return None


def _text_place(keys: dict, key: str) -> bool:
    """``key`` names a place in a form running text writes (TEXT_FORMS)."""
    return any(e.candidate.kind == "place" for e, how in keys.get(key, ()) if how in TEXT_FORMS)


@cache
def _dictionary_hanzi(stem: str) -> str | None:
    """The simplified Hanzi of a stem the dictionary reads as Sino-Korean nouns, every syllable (공원 公園 →
    公园); None for anything else (a name it does not know, a native word)."""
    from ..orthography.morph import analyse

    morphs, _ = analyse(stem)
    if not morphs or any(not m.tag.startswith("NN") or not m.hanja for m in morphs):
        return None
    hanzi = "".join(m.hanja for m in morphs)
    if len(hanzi) != len(stem):
        return None
    return forms.simplified(hanzi)


_TRANSCRIBED = re.compile(r"[\uac00-\ud7a3]{2,8}")


@cache
def _transcribed_chars() -> tuple[dict[str, list[tuple[str, float]]], dict[str, list[tuple[str, float]]]]:
    """The name characters of name_chars.tsv by their South Korean transcription (马 → 마, 占 → 잔,
    周 → 저우), surnames and given-name characters apart, most frequent first."""
    surnames: dict[str, list[tuple[str, float]]] = defaultdict(list)
    given: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for r in places.read_tsv("name_chars.tsv"):
        is_surname = r["kind"] == "surname"
        written = forms.standard(r["hanzi"], person=is_surname)
        if written:
            (surnames if is_surname else given)[written].append((r["hanzi"], float(r["ppm"])))
    for table in (surnames, given):
        for options in table.values():
            options.sort(key=lambda o: -o[1])
    return surnames, given


def guess_transcribed(written: str, limit: int = 5) -> list[Candidate]:
    """Hanzi a South Korean transcription of a Chinese name could stand for (마잔청 → 马占成), cut into a
    surname and one or two given-name characters, each by character frequency. Proposals only, like
    ``guess_person``; offered where the article is written in South Korean spelling."""
    surnames, given = _transcribed_chars()
    combos: list[tuple[str, float]] = []
    for cut in range(1, min(3, len(written)) + 1):
        for first, weight in surnames.get(written[:cut], [])[:4]:
            for rest, rest_weight in _given_spellings(written[cut:], given, 2):
                combos.append((first + rest, weight * rest_weight))
    combos.sort(key=lambda c: -c[1])
    total = sum(w for _, w in combos) or 1.0
    out = []
    for hanzi, weight in combos[:limit]:
        person = from_hanzi(hanzi, person=True)
        out.append(replace(person, kind="person", confidence=round(min(0.2, weight / total), 3),
                           roles=(), born=None, native=None,
                           why=("guessed from the frequencies of name characters, read as a South Korean "
                                "transcription (the article is written in South Korean spelling)",
                                "in no gazetteer: a proposal, not a fact")))
    return out


def _given_spellings(written: str, given: dict, chars: int) -> list[tuple[str, float]]:
    """The given names of at most ``chars`` characters whose transcriptions spell ``written``."""
    if not written:
        return [("", 1.0)]
    if not chars:
        return []
    out = []
    for cut in range(1, min(3, len(written)) + 1):
        for char, weight in given.get(written[:cut], [])[:6]:
            out += [(char + rest, weight * w) for rest, w in _given_spellings(written[cut:], given, chars - 1)]
    return sorted(out, key=lambda o: -o[1])[:12]


def _unique(found: list[tuple[_Entry, str]]) -> list[tuple[_Entry, str]]:
    best: dict[int, tuple[_Entry, str]] = {}
    order = ["full", "hanzi", "reading", "cped", "conventional", "short", "standard", "pinyin", "base"]
    for entry, how in found:
        seen = best.get(id(entry))
        if seen is None or places.rank_how(order, how) < places.rank_how(order, seen[1]):
            best[id(entry)] = (entry, how)
    return list(best.values())


def _score(entry: _Entry, how: str, query: str, competitors: int, context: str | None,
           by_code: dict[str, Candidate]) -> tuple[float, Candidate]:
    """The candidate with its confidence (capped at 0.99) and why, and the uncapped score that ranks it:
    two readings of 화평구 may both reach the cap, and the one whose city the article names still wins."""
    c = entry.candidate
    if c.kind == "person":
        return _score_person(c, how, query, context)
    if c.code and ":" in c.code:                   # a feature, a place abroad, a town: places.py
        return places.score(entry, how, query, competitors, context, by_code)
    south = how.startswith("south-")                # 요녕성: the South Korean spelling of 료녕성
    how = how.removeprefix("south-")
    score, why = 0.5, [f"matched its {how} form"]
    if how in ("full", "hanzi", "conventional"):
        score += 0.25
        why.append("an explicit suffix or Hanzi" if how != "conventional" else "the form the papers use")
    if c.code and c.code[:2] in NORTH_EAST:
        score += 0.1
        why.append("in the north-east")
    # the north-east outweighs level: 화전 is 桦甸 (Jilin) before 和田 (Xinjiang) for these papers' readers
    score += {"province": 0.1, "prefecture": 0.06, "county": 0.0}.get(c.level or "", 0)
    # elsewhere than the papers' own region, a base reading that is also a common word (대상) loses weight
    if entry.ordinary and how == "base" and not home(c):
        score -= 0.2
        why.append("also an ordinary word")
    if context and c.code:
        own = {c.reading, c.base} - {query}
        if any(form and len(form) >= 2 and form in context for form in own):      # 구 (邱) alone is no evidence
            score += 0.3
            why.append("the article names it in full")
        for code in {c.code[:2] + "0000", c.code[:4] + "00"} - {c.code}:
            around = by_code.get(code)
            # the parent named by the same ambiguous word (아파 for 阿坝县 and 阿坝州) is no evidence
            if around and (around.reading in context or around.base and around.base != query and around.base in context):
                score += 0.3
                why.append(f"the article names {around.reading}")
                break
    if south:
        score -= places.SOUTH_PENALTY
        why.append("its South Korean spelling (the initial-sound law)")
    if competitors > 1:
        why.append(f"{competitors} entries share this form")
    return score, replace(c, confidence=max(0.05, min(score, 0.99)), why=tuple(why))


# People: several officials may share a reading (리강 李强 ×3, 왕용 王勇 ×2, 장건 张健 …). The hand-written
# tables (officials.yaml, korean_people.tsv) know the persons this press names most and come first; CPED's
# officials rank by the north-east (native place or posts in Jilin, Heilongjiang, Liaoning: the papers' own
# region), by recency (posts held now, else the birth year: CPED covers 1995–2015, so the younger the more
# likely still in office), and by the article naming their native place. A frequency guess comes only when
# no person is known (guess_person), so it never ranks above one.
_NE_PROVINCES = ("辽宁", "吉林", "黑龙江")
_NE_POSTS = re.compile(r"길림|흑룡강|료녕|연변|장춘|할빈|심양|대련")
_ROLE_YEARS = re.compile(r"\((\?|\d{4})–(\d{4})?\)")
_PERSON_FORMS = {"reading": "reading", "cped": "reading", "hanzi": "Hanzi", "pinyin": "pinyin",
                 "standard": "South Korean form"}


def _score_person(c: Candidate, how: str, query: str, context: str | None) -> tuple[float, Candidate]:
    """A person's score (which ranks) and confidence (capped at 0.99), with the reasons for both."""
    keys, _ = index()
    entries = keys.get(query, ())
    sharing = len({id(e) for e, _h in entries if e.candidate.kind == "person"})
    place_too = any(e.candidate.kind == "place" for e, _h in entries)
    curated, score, reasons = _person_facts(c)
    why = [f"{c.why[0]}, by its {_PERSON_FORMS.get(how, how)}", *reasons]
    if context and c.native:
        named = _native_named(c.native, context)
        if named:
            score += 0.15
            why.append(f"the article names the native place {named}")
    if place_too and not curated:      # a known place outranks an official only CPED knows: 동강 is 同江市, not 董强
        score -= 0.55
        why.append("also a place's name")
    confidence = score
    if sharing > 1:
        confidence -= 0.15
        why.append(f"{sharing} people share this form")
    return score, replace(c, confidence=round(max(0.05, min(confidence, 0.99)), 3), why=tuple(why))


_FACTS: dict[int, tuple[Candidate, bool, float, tuple[str, ...]]] = {}


def _person_facts(c: Candidate) -> tuple[bool, float, tuple[str, ...]]:
    """What ranks a person whatever the query: (from a hand-written table, score, reasons), worked out once
    per person and kept beside the candidate it was worked out for."""
    known = _FACTS.get(id(c))
    if known is not None and known[0] is c:
        return known[1:]
    curated = not c.why[0].startswith(_CPED)
    score = 0.9 if curated else 0.6
    why = []
    if c.native and c.native.startswith(_NE_PROVINCES):
        score += 0.1
        why.append(f"native of the north-east ({c.native})")
    elif _NE_POSTS.search(" ".join(c.roles)):
        score += 0.1
        why.append("posts in the north-east")
    if c.ethnicity == "朝鲜族":
        score += 0.05
        why.append("Korean-Chinese (朝鲜族): written as a Korean name, 이 for 리 in the South")
    ends = [m.group(2) for m in _ROLE_YEARS.finditer(" ".join(c.roles))]
    if ends and any(end is None for end in ends):
        score += 0.06
        why.append("holds a post now")
    elif ends:
        score += 0.06 * max(0.0, min(1.0, (int(max(ends)) - 1990) / 40))
        why.append(f"last post ended {max(ends)}")
    elif c.born:
        score += 0.05 * max(0.0, min(1.0, (c.born - 1925) / 50))
        why.append(f"born {c.born}")
    _FACTS[id(c)] = (c, curated, score, tuple(why))
    return curated, score, tuple(why)


def _native_named(native: str, context: str) -> str:
    """The reading of a division of ``native`` (吉林省 延边朝鲜族自治州) that the article writes, or ""."""
    keys, _ = index()
    for hanzi in reversed(native.split()):
        for entry, how in keys.get(hanzi, ()):
            c = entry.candidate
            if c.kind == "place" and how == "hanzi":
                for form in (c.reading, c.base):
                    if form and len(form) >= 2 and form in context:
                        return form
    return ""


def home(c: Candidate) -> bool:
    """The papers' own region, whose names are always places (names.md): the north-east's
    prefecture-level divisions and Yanbian's counties."""
    return bool(c.code) and (c.code[:2] in NORTH_EAST and c.level != "county" or c.code[:4] == "2224")
