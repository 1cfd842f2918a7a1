"""Which Korean a text is written in: Chinese Korean, North Korean, South Korean, or a mix.

The evidence is the spelling itself, counted on the words the initial-sound law decides: a Sino-Korean
word of two or more syllables that starts a word and whose first hanja is read with ㄹ (or ㄴ before
ㅣ ㅕ ㅛ ㅠ) breaks the law when written so (력량, 로동, 녀성: Chinese and North Korean) and keeps it when
written with ㅇ/ㄴ (역량, 노동, 여성: South Korean). 되였다/되여 against 되었다/되어 count the same way,
and so do marks of one norm: the papers' loanword and convention spellings (메터, 위엔, 날자), their
names of Chinese leaders (습근평) and a Korean surname before a title (리경호 주장) on one side; the South
Korean press's names (북한, 지린, 시진핑) and 이경호 대표 on the other. No South Korean page writes a
Chinese Korean form, so any beside a South Korean mark makes the text mixed. Which of Chinese or North
Korean is read from cue words (rules/variety.toml), since both norms spell alike. A text with too little
evidence is taken as Chinese Korean, the press this library reads.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from ..names.places import initial_sound_law
from .morph import analyse, compose
from .variants import _readings

VARIETIES = ("chinese_korean", "north_korean", "south_korean", "mixed")

def _law_initials() -> str:
    """The syllables the law decides a word by: any with ㄴ or ㄹ, and ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (역, 이:
    the law's output for 력, 리); 우리, 아니, 있다 start with no such syllable and are not tagged."""
    ieung = "".join(chr(0xAC00 + (11 * 21 + v) * 28) + "-" + chr(0xAC00 + (11 * 21 + v) * 28 + 27)
                    for v in (2, 6, 7, 12, 17, 20))
    return "나-닣라-맇" + ieung


# a word that starts with such a syllable: only these can break or keep the initial-sound law
# (after a digit 년 is a counter, 2000년대, and starts no word)
_WORD_START = re.compile(r"(?<![가-힣0-9])[" + _law_initials() + r"][가-힣]+")
_CK_ENDINGS = re.compile(r"[되쥐개베뛰]였|되여")
_SK_ENDINGS = re.compile(r"[되쥐개베뛰]었|되어")
# 《》 as quotes, 것 and 있다 written solid, a leader addressed as 동지 (호금도동지), the Juche calendar
_NORTH_HABITS = re.compile(r"《|[는은을]것|고있|[가-힣]{2}동지(?!들)|주체 ?\d")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Variety:
    """The variety of a text and why: ``evidence`` counts each kind of word seen."""

    name: str
    evidence: dict[str, int] = field(default_factory=dict)
    assumed: bool = False       # too little evidence: the default (chinese_korean) was taken

    @property
    def standard(self) -> bool:
        return self.name == "south_korean"


@cache
def _cues() -> dict:
    return tomllib.loads(resources.files("yalu.orthography").joinpath("rules", "variety.toml").read_text("utf-8"))


@lru_cache(maxsize=65536)
def _law_word(word: str) -> str | None:
    """'broken' (력량), 'kept' (역량) or None for a word the initial-sound law does not decide."""
    morphs, _ = analyse(word)
    if not morphs:
        return None
    m = morphs[0]
    if m.start != 0 or not m.hanja or m.tag not in ("NNG", "XR", "MAG", "NNB") or len(m.hanja) < 2:
        return None
    original = _readings().get(m.hanja[0])
    written = compose(m.surface)[:1]
    if not original or not written:
        return None
    standard = initial_sound_law(original)        # 력 → 역, 녀 → 여; 연 stays: the law does not decide it
    if standard == original:
        return None
    if written == original:
        return "broken"
    return "kept" if written == standard else None


@cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns for the marks of one norm: a spelling only the Chinese Korean and North Korean papers use
    (메터, 날자, 페지: the loanword and convention tables' own forms, at the start of a word), and a
    Korean person's surname before a title as each norm writes it (리경호 주장 / 이경호 대표)."""
    from .tables import load_tables

    tables = load_tables()
    forms = sorted(set(tables.loanwords) | set(tables.conventions), key=len, reverse=True)
    titles = "|".join(sorted(tables.spacing["person"]["titles"], key=len, reverse=True))
    # at a word's start, or after a number written in Hangul (4천만위엔)
    spellings = re.compile(r"(?:(?<![가-힣])|(?<=[십백천만억]))(?:" + "|".join(map(re.escape, forms)) + ")")
    name = r"(?<![가-힣]){}[가-힣]{{2}}(?= ?(?:" + titles + "))"
    return spellings, re.compile(name.format("리")), re.compile(name.format("이"))


def _evidence(text: str) -> dict[str, int]:
    seen: dict[str, str | None] = {}
    broken = kept = 0
    for match in _WORD_START.finditer(text):
        word = match.group()[:6]
        verdict = seen.get(word)
        if word not in seen:
            verdict = seen[word] = _law_word(word)
        broken += verdict == "broken"
        kept += verdict == "kept"
    cues = _cues()
    spellings, ri_names, i_names = _marks()
    return {
        "law_broken": broken,
        "law_kept": kept,
        "yeo": len(_CK_ENDINGS.findall(text)),
        "eo": len(_SK_ENDINGS.findall(text)),
        "south_forms": sum(text.count(w) for w in cues["south"]["words"]),
        "shared_forms": sum(text.count(w) for w in cues["south"]["shared"]),
        "chinese_forms": sum(text.count(w) for w in cues["chinese"]["words"]),
        "north_cues": sum(text.count(w) for w in cues["north"]["words"]) + len(_NORTH_HABITS.findall(text)),
        "china_cues": sum(text.count(w) for w in cues["china"]["words"]),
        "chinese_spellings": len(spellings.findall(text)),
        "names_ri": len(ri_names.findall(text)),
        "names_i": len(i_names.findall(text)),
    }


def _sides(ev: dict[str, int]) -> tuple[int, int]:
    """Pieces of Chinese/North Korean evidence and of South Korean evidence."""
    ck = ev["law_broken"] + ev["yeo"] + ev["chinese_forms"] + ev["chinese_spellings"] + ev["names_ri"]
    sk = ev["law_kept"] + ev["eo"] + ev["south_forms"] + ev["shared_forms"] + ev["names_i"]
    return ck, sk


def _decide(ev: dict[str, int]) -> tuple[str, bool]:
    cues = _cues()["thresholds"]
    ck, sk = _sides(ev)
    north = ev["north_cues"] >= max(cues["north_ratio"] * ev["china_cues"] + 1, cues["north_minimum"])
    if ck + sk < cues["minimum"] and not (ck and ev["south_forms"] + ev["names_i"]):
        return ("north_korean" if north else "chinese_korean"), True
    share = ck / (ck + sk)
    # No South Korean page writes a Chinese Korean form (력사, 되였다, 메터, 습근평, 리경호 주장), so one
    # beside South Korean spelling is a mix: when a South Korean mark (북한, 지린, 이경호 대표) is there,
    # or the South Korean side is large. Law-keeping words alone (이해, 유리) also occur in Chinese
    # Korean text, so a few of them beside many Chinese Korean forms do not make a mix.
    if ck and sk and (ev["south_forms"] + ev["names_i"] or share < cues["mixed_below"]):
        return "mixed", False
    if share <= cues["south_below"]:
        return "south_korean", False
    if north:
        return "north_korean", False
    return "chinese_korean", False


def variety(text: str) -> Variety:
    """The variety of ``text`` with its evidence.

    A page whose paragraphs disagree (some South Korean, some Chinese or North Korean) is ``mixed``.

    Raises:
        TypeError: ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"variety() takes a str, not {type(text).__name__}")
    # counted a paragraph at a time (no evidence runs across a line) and summed: one reading serves
    # the text and the test of its paragraphs
    parts = [_evidence(p) for p in _paragraphs(text)]
    ev = {key: sum(part[key] for part in parts) for key in parts[0]} if parts else _evidence("")
    name, assumed = _decide(ev)
    if name != "mixed" and not assumed and {"south", "other"} <= {_pure(part) for part in parts}:
        name = "mixed"
    return Variety(name, ev, assumed)


def _pure(ev: dict[str, int]) -> str | None:
    """'south' or 'other' for a paragraph whose spelling evidence is all of one side and enough to tell."""
    ck, sk = _sides(ev)
    minimum = _cues()["thresholds"]["minimum"]
    if sk >= minimum and not ck:
        return "south"
    if ck >= minimum and not sk:
        return "other"
    return None


def spans_kept_in_a_mix(text: str) -> list[tuple[int, int]]:
    """The paragraphs of a mixed text that standardize leaves as written: every one that does not lean
    Chinese Korean (no more Chinese Korean evidence than South Korean, or none at all). A paragraph of
    a South Korean page changed is damage, one of a Chinese Korean page left alone only a miss; on a
    mixed page the paragraphs that show the papers' spelling are the ones to standardize."""
    spans = []
    for s, e in paragraph_spans(text):
        ck, sk = _sides(_evidence(text[s:e]))
        if ck <= sk:
            spans.append((s, e))
    return spans


def _paragraphs(text: str) -> list[str]:
    return [p for p in _PARAGRAPH.split(text) if p.strip()]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs (lines) of ``text``."""
    spans, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
