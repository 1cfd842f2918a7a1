"""Morphemes of Chinese Korean text, from NK-HanDic (a MeCab dictionary of North Korean) with offsets.

NK-HanDic knows the Chinese/North Korean forms (력량, 리해, 되여) and gives each Sino-Korean word its
hanja, which is what tells 리해 (理解) from 리 (a surname) or 라면 (a loanword). It reads text with
Hangul syllables decomposed into conjoining jamo; we decompose only the syllables and keep a map from
every jamo back to the character it came from, so each morpheme has a span in the original text.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple
from unicodedata import normalize

_S_BASE, _L_BASE, _V_BASE, _T_BASE = 0xAC00, 0x1100, 0x1161, 0x11A7
_V_COUNT, _T_COUNT = 21, 28


class Morph(NamedTuple):      # a tuple: made by the ten thousand a page, it is built fastest so
    start: int          # span in the original text (characters); a morpheme that is only a final
    end: int            # consonant (ᆻ, ᆯ) shares its character with the morpheme before it
    jstart: int         # span in the decomposed text
    jend: int
    surface: str        # decomposed surface as the tagger saw it
    pos: str            # NK-HanDic's part of speech (Noun, Verb, Ending, …)
    detail: str         # its second and third fields, e.g. 普通,動作 (an action noun)
    lemma: str
    tag: str            # Sejong tag: NNG, NNP, NNB, VV, VA, VX, VCP, XSV, EC, ETM, JKS …
    hanja: str | None   # 力量 for 력량, in unified ideographs
    north: bool         # the dictionary marks the entry as North (and Chinese) Korean
    gloss: str | None   # "‘역량’의 북한어." when it names the standard form


def _syllable_table() -> dict[int, str]:
    table = {}
    for code in range(11172):
        lead, rest = divmod(code, _V_COUNT * _T_COUNT)
        vowel, tail = divmod(rest, _T_COUNT)
        table[_S_BASE + code] = chr(_L_BASE + lead) + chr(_V_BASE + vowel) + (chr(_T_BASE + tail) if tail else "")
    return table


_DECOMPOSE = _syllable_table()
_SIZES = {chr(code): len(jamo) for code, jamo in _DECOMPOSE.items()}


@dataclass(frozen=True)
class Jamo:
    """A text with its Hangul syllables decomposed, and the way back.

    ``ends[i]`` is the jamo position just after character ``i``; character ``i`` covers jamo
    ``[ends[i-1], ends[i])``.
    """

    text: str
    ends: list[int]

    def char_of(self, j: int) -> int:
        return bisect_right(self.ends, j)

    def span_of(self, char: int) -> tuple[int, int]:
        return (self.ends[char - 1] if char else 0), self.ends[char]


def decompose(text: str) -> Jamo:
    """Hangul syllables → conjoining jamo (as NFD would, but only for syllables)."""
    return Jamo(text.translate(_DECOMPOSE), list(accumulate(map(_SIZES.get, text, repeat(1)))))


@lru_cache(maxsize=65536)
def compose(jamo: str) -> str:
    """Conjoining jamo → syllables (the inverse of ``decompose``; other characters pass through)."""
    return normalize("NFC", jamo)


@cache
def _tagger():
    import MeCab
    import nkhandic

    return MeCab.Tagger(nkhandic.MECAB_ARGS)


def _fields(feature: str) -> list[str]:
    """The comma-separated fields of a tagger line. Only the gloss (the 13th) is ever quoted, so it is
    cut off by hand; a line quoted elsewhere goes through the CSV reader."""
    quote = feature.find('"')
    if quote < 0:
        return feature.split(",")
    if quote and feature[quote - 1] == "," and feature.count(",", 0, quote) == 12 and feature.endswith('"'):
        return feature[:quote - 1].split(",") + [feature[quote + 1:-1].replace('""', '"')]
    return next(csv.reader([feature]))


def _unified(hanja: str) -> str:
    # the dictionaries write some hanja as compatibility ideographs (率 as U+F9DB); NFC unifies them
    return normalize("NFC", hanja) if max(hanja) >= "\uf900" else hanja


def analyse(text: str) -> tuple[list[Morph], Jamo]:
    """The morphemes of ``text`` with their spans, and the decomposed text."""
    jamo = decompose(text)
    morphs: list[Morph] = []
    pos = 0
    find, char_of = jamo.text.find, jamo.char_of
    # parse() and one split beat walking MeCab's nodes from Python by a factor of three
    for line in _tagger().parse(jamo.text).split("\n"):
        surface, _, feature = line.partition("\t")
        if not feature:
            continue
        at = find(surface, pos, pos + len(surface) + 64)
        if at < 0:          # never seen; the tagger echoes its input. Skip rather than misplace.
            continue
        end = at + len(surface)
        f = _fields(feature)
        n = len(f)
        morphs.append(Morph(
            char_of(at), char_of(end - 1) + 1, at, end, surface, f[0], f"{f[1]},{f[2]}",
            f[5] if n > 5 and f[5] != "*" else "", f[10] if n > 10 else "",
            _unified(f[7]) if n > 7 and f[7] != "*" else None,
            n > 11 and f[11] == "&북한어", f[12] if n > 12 and f[12] != "*" else None,
        ))
        pos = end
    return morphs, jamo


def word_breaks(text: str) -> list[int]:
    """Where ``text``, written without spaces, breaks into words: the character offsets after a
    particle or an ending (J*, E*) that a noun, verb or modifier (N*, V*, M*) follows. The tagger
    prints only each morpheme and its tag here, and offsets are worked out only at a break: on a
    run without spaces this is the cost of reading it (``analyse`` builds a record per morpheme)."""
    jamo = decompose(text)
    find, ends = jamo.text.find, jamo.ends
    breaks: list[int] = []
    pos, closes = 0, False
    for line in _tag_tagger().parse(jamo.text).split("\n"):
        surface, _, tag = line.partition("\t")
        if not tag:
            continue
        at = find(surface, pos, pos + len(surface) + 64)
        if at < 0:
            continue
        if closes and tag[0] in "NVM":
            start = jamo.char_of(at)
            if start and ends[start - 1] == at and (not breaks or breaks[-1] < start):
                breaks.append(start)          # at a syllable's start, not inside one (할 = 하 + ㄹ)
        closes = tag[0] in "JE"
        pos = at + len(surface)
    return breaks


@cache
def _tag_tagger():
    import MeCab
    import nkhandic

    line = r"%m\\t%f[10]\\n"      # the surface and the tag (field 10), one morpheme a line
    return MeCab.Tagger(f"{nkhandic.MECAB_ARGS} --node-format={line} --unk-format={line} --eos-format=")
