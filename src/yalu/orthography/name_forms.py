"""Names as the South Korean press writes them: ``standardize(text, names="standard")``.

The papers write Chinese names by the Sino-Korean reading of each character (습근평, 가목사, 허근); the
South Korean press by the Mandarin sound under the 외래어 표기법 (시진핑, 자무쓰, 쉬친), with conventional
forms where it has them (../shared/domain/names.md). Which words are names is decided by the annotate
stage's mentions, never by a lookup alone: a reading that is also an ordinary word (공안, 대상, 안도의 한숨)
is a name only where the mention finder says so and, when the dictionary reads it as one common word,
only when the text also names that place or person in a form that is no common word (안도현, 연변주) or
gives the person a post. What to write comes from the names engine (``yalu.names``):

- N1: a Chinese person or division of the gazetteer → its ``standard`` form; the division word the text
  writes stays Sino-Korean, as the standard keeps it (가목사시 → 자무쓰시, 할빈시 → 하얼빈시, 룡강 → 헤이룽장).
- N2: a Korean name → the initial-sound law on the surname (리송영 → 이송영), only where the text marks the
  word as a person (a title beside it: 리송영 사장) or the gazetteer knows the Korean person (its
  ``standard`` form: 리명박 → 이명박). A given name keeps its ㄹ (한글 맞춤법 제11항: 신립, 최린).

Towns, streets, countries and places abroad are left as written (their South Korean forms are not the
names engine's transcription alone, and countries are the loanword rule's).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from ..document import Change, Document, Mention
from ..names.places import initial_sound_law
from .morph import analyse
from .tables import load_tables

MODES = ("as_written", "standard")

_DIVISION = re.compile(r"place:\d{6}")          # a division of the gazetteer; towns carry place:…:镇
_DIVISION_WORDS = ("자치주", "자치현", "자치구", "자치기", "시", "현", "구", "성", "주", "기", "맹")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")


def name_changes(doc: Document, protect: Callable[[str], Iterable[tuple[int, int]]] | None = None, *,
                 korean: bool = True) -> list[Change]:
    """The N1 and N2 changes over ``doc.text``, from ``doc.mentions`` (found here when the annotate stage
    has not run). ``protect`` gives spans (South Korean paragraphs) where nothing changes; ``korean=False``
    leaves the Korean names the title finder found (the text spells by the South Korean norm, so its
    리빙 is a transcription of 李冰, not the papers' 리 for 이)."""
    if doc.mentions is None:
        from ..annotate import annotate      # annotate reads the spelling's morphemes: imported late
        doc = annotate(doc)
    text = doc.text
    # the Korean-language papers keep their own names in the South Korean press too (길림신문 보도, not
    # 지린신문); a Chinese body's name is transcribed (자무쓰공업기술연구원)
    papers = [(m.start, m.end) for m in doc.mentions or () if m.kind == "org" and text[m.start:m.end] in _papers()]
    mentions = [m for m in doc.mentions or () if (m.kind == "person" or _DIVISION.fullmatch(m.entity or ""))
                and not any(a <= m.start and m.end <= b for a, b in papers)]
    titled = {(r.person_start, r.person_end) for r in doc.roles or ()}
    plain_forms = _plain_forms(text, mentions)
    shield = sorted(protect(text)) if protect is not None else []
    tiers = load_tables().tiers
    out: list[Change] = []
    last_end = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < last_end or any(s < m.end and m.start < e for s, e in shield):
            continue
        surface = text[m.start:m.end]
        found = _replacement(m, surface, korean)
        if found is None:
            continue
        replacement, rule = found
        if replacement == surface or not replacement:
            continue
        # a reading the dictionary takes for a common word (안도 案道, 연변 沿邊) needs more evidence
        if m.entity and _ordinary(surface) and (m.entity, m.kind) not in plain_forms \
                and (m.start, m.end) not in titled:
            continue
        out.append(Change(m.start, m.end, replacement, rule, tiers[rule]))
        last_end = m.end
    return out


def merge(spelling: Iterable[Change], names: list[Change]) -> list[Change]:
    """The name changes, and the spelling changes that do not touch inside a name (an insertion at its
    edge stays: 리송영씨 → 이송영 씨)."""
    spans = [(c.start, c.end) for c in names]
    kept = [c for c in spelling if not any(
        (s < c.start < e) if c.start == c.end else (c.start < e and s < c.end) for s, e in spans)]
    return sorted(kept + names, key=lambda c: (c.start, c.end))


def _plain_forms(text: str, mentions: list[Mention]) -> set[tuple[str | None, str]]:
    """(entity, kind) of what the text names at least once in a form that is no common word."""
    return {(m.entity, m.kind) for m in mentions if m.entity and not _ordinary(text[m.start:m.end])}


def _ordinary(surface: str) -> bool:
    """The dictionary reads the word as one common word (공안 公安, 안도 案道), not a name."""
    morphs, _ = analyse(surface)
    return len(morphs) == 1 and morphs[0].tag != "NNP"


def _replacement(m: Mention, surface: str, korean: bool) -> tuple[str, str] | None:
    from .. import names

    if m.kind == "person":
        if m.entity is None:
            return _korean_name(surface) if m.source == "title" and korean else None
        candidate = names.from_hanzi(m.entity.removeprefix("person:"))
        if candidate.kind != "person" or surface.replace(" ", "") != candidate.reading.replace(" ", ""):
            return None
        is_korean = candidate.ethnicity == "朝鲜族" or any("korean_people" in why for why in candidate.why)
        return candidate.standard, "N2" if is_korean else "N1"
    _, by_code = names.index()
    candidate = by_code.get(m.entity.removeprefix("place:"))
    if candidate is None or candidate.hanzi != m.value:
        return None
    form = _place_form(surface, candidate)
    return (form, "N1") if form else None


def _place_form(surface: str, c) -> str | None:
    """The standard form of ``surface``, a written form of division ``c``: the full reading gives the full
    standard form (가목사시 → 자무쓰시), a base, short or conventional form the base's (가목사 → 자무쓰,
    할빈 → 하얼빈, 룡강 → 헤이룽장), and a division word written after one stays (할빈시 → 하얼빈시)."""
    from .. import names

    if surface == c.reading:
        return c.standard
    suffix = c.reading[len(c.base):] if c.base and c.reading.startswith(c.base) else ""
    if suffix and not c.standard.endswith(suffix):
        return None
    base_standard = c.standard[:len(c.standard) - len(suffix)]
    keys, _ = names.index()

    def names_it(form: str) -> bool:
        return form == c.base or any(e.candidate.code == c.code for e, _ in keys.get(form, ()))

    # the division word first: 하얼빈시 is also a key (the standard form), but 하얼빈 + 시 says more
    for word in _DIVISION_WORDS:
        if surface.endswith(word) and len(surface) >= len(word) + 2 and names_it(surface[:-len(word)]):
            return base_standard + word
    return base_standard if names_it(surface) else None


def _korean_name(surface: str) -> tuple[str, str] | None:
    """The initial-sound law on the surname of a Korean name the text marks as a person (리송영 사장 →
    이송영). A South Korean transcription the title finder also takes for a name (리창 총리) is left."""
    from .. import names

    keys, _ = names.index()
    if not _HANGUL.fullmatch(surface) or any(how == "standard" for _, how in keys.get(surface, ())):
        return None
    south = initial_sound_law(surface)
    return (south, "N2") if south != surface else None


@cache
def _papers() -> frozenset[str]:
    """The names of this press's own papers and sites (the outlet files): 길림신문, 료녕신문, 흑룡강신문 …"""
    from ..extract import load_outlets

    return frozenset(name for outlet in load_outlets() for name in outlet.names)
