"""Morphemes of Chinese Korean text, from NK-HanDic (a MeCab dictionary of North Korean) with offsets.

NK-HanDic knows the Chinese/North Korean forms (력량, 리해, 되여) and gives each Sino-Korean word its
hanja, which is what tells 리해 (理解) from 리 (a surname) or 라면 (a loanword). It reads text with
Hangul syllables decomposed into conjoining jamo; we decompose only the syllables and keep a map from
every jamo back to the character it came from, so each morpheme has a span in the original text.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

_S_BASE, _L_BASE, _V_BASE, _T_BASE = 0xAC00, 0x1100, 0x1161, 0x11A7
_V_COUNT, _T_COUNT = 21, 28


@dataclass(frozen=True, slots=True)
class Morph:
    start: int          # span in the original text (characters); a morpheme that is only a final
    end: int            # consonant (ᆻ, ᆯ) shares its character with the morpheme before it
    jstart: int         # span in the decomposed text
    jend: int
    surface: str        # decomposed surface as the tagger saw it
    pos: str            # NK-HanDic's part of speech (Noun, Verb, Ending, …)
    detail: str         # its second and third fields, e.g. 普通,動作 (an action noun)
    lemma: str
    tag: str            # Sejong tag: NNG, NNP, NNB, VV, VA, VX, VCP, XSV, EC, ETM, JKS …
    hanja: str | None   # 力量 for 력량
    north: bool         # the dictionary marks the entry as North (and Chinese) Korean
    gloss: str | None   # "‘역량’의 북한어." when it names the standard form


def decompose(text: str) -> tuple[str, list[int]]:
    """Hangul syllables → conjoining jamo; ``owner[j]`` is the index in ``text`` of jamo ``j``."""
    out: list[str] = []
    owner: list[int] = []
    for i, ch in enumerate(text):
        code = ord(ch) - _S_BASE
        if 0 <= code < 11172:
            lead, rest = divmod(code, _V_COUNT * _T_COUNT)
            vowel, tail = divmod(rest, _T_COUNT)
            out.append(chr(_L_BASE + lead))
            out.append(chr(_V_BASE + vowel))
            owner += (i, i)
            if tail:
                out.append(chr(_T_BASE + tail))
                owner.append(i)
        else:
            out.append(ch)
            owner.append(i)
    return "".join(out), owner


def compose(jamo: str) -> str:
    """Conjoining jamo → syllables (the inverse of ``decompose``; other characters pass through)."""
    out: list[str] = []
    i, n = 0, len(jamo)
    while i < n:
        lead = ord(jamo[i]) - _L_BASE
        if 0 <= lead < 19 and i + 1 < n and 0 <= (vowel := ord(jamo[i + 1]) - _V_BASE) < _V_COUNT:
            tail = 0
            if i + 2 < n and 0 < (t := ord(jamo[i + 2]) - _T_BASE) < _T_COUNT:
                tail = t
            out.append(chr(_S_BASE + (lead * _V_COUNT + vowel) * _T_COUNT + tail))
            i += 3 if tail else 2
        else:
            out.append(jamo[i])
            i += 1
    return "".join(out)


@cache
def _tagger():
    import MeCab
    import nkhandic

    return MeCab.Tagger(nkhandic.MECAB_ARGS)


def _fields(feature: str) -> list[str]:
    if '"' in feature:
        return next(csv.reader([feature]))
    return feature.split(",")


def analyse(text: str) -> tuple[list[Morph], str, list[int]]:
    """The morphemes of ``text`` with their spans, and the decomposed text and its owner map."""
    jamo, owner = decompose(text)
    morphs: list[Morph] = []
    node = _tagger().parseToNode(jamo)
    pos = 0
    while node is not None:
        surface = node.surface
        if surface:
            at = jamo.find(surface, pos)
            if at < 0:          # never seen; the tagger echoes its input. Skip rather than misplace.
                node = node.next
                continue
            end = at + len(surface)
            f = _fields(node.feature)
            get = lambda k: f[k] if len(f) > k and f[k] != "*" else None  # noqa: E731
            morphs.append(Morph(
                start=owner[at], end=owner[end - 1] + 1, jstart=at, jend=end, surface=surface,
                pos=f[0], detail=",".join(f[1:3]), lemma=get(5) or "", tag=get(10) or "",
                hanja=get(7), north=get(11) == "&북한어", gloss=get(12),
            ))
            pos = end
        node = node.next
    return morphs, jamo, owner
