"""Quoted terms and quantities: what a meeting pushed and how much of it.

A term is a slogan, programme or title the text puts in quotation marks (‘5신 산업’, “두가지 확립”),
with a word glued to the closing mark (‘445’산업발전프로젝트); quoted speech is told apart by its length
and its sentence ending. A quantity is a number with a unit or counter from data/units.txt (4개,
980억 5000만원, 11.3%); its value is the thing counted, the words after it up to the first particle.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Document, Mention
from . import tables

_QUOTED = re.compile(r"‘[^‘’\n]{1,40}’|“[^“”\n]{1,40}”|'[^'\n]{1,40}'|\"[^\"\n]{1,40}\"|「[^「」\n]{1,40}」")
_GLUED = re.compile(r"[가-힣A-Za-z0-9]+")
_PARTICLE = re.compile(r"(?:으로는|에서는|에서|으로|로는|에는|과의|와의|이다|이라는|라는|이란|란|로|과|와|을|를|이|가|은|는|의|에|도|만)$")
# Speech ends as a sentence does: 했다, 합니다, 하자, 겠다 …; a term does not
_SPEECH = re.compile(r"(?:다|요|까|자|네|오|라|지|죠|[.!?…])\s*$")

_NUMBER = (r"(?:\d[\d,]*(?:\.\d+)?|[일이삼사오륙육칠팔구십백천만억]+(?=[백천만억]))"
           r"(?:\s?[십백천만억]+(?:\s?\d[\d,]*(?:\.\d+)?\s?[십백천만억]*)*)?")


@cache
def _units() -> re.Pattern[str]:
    # 여 writes "some" (100여대, 3여만명)
    return re.compile(rf"(?<![\w.]){_NUMBER}여?\s?(?:{'|'.join(map(re.escape, tables.units()))})")


def terms(doc: Document) -> list[Mention]:
    out = []
    for match in _QUOTED.finditer(doc.text):
        inner = match.group()[1:-1].strip()
        if not inner or _SPEECH.search(inner) or len(inner.split()) > 6:
            continue
        end = match.end()
        if glued := _GLUED.match(doc.text, end):
            end += len(_PARTICLE.sub("", glued.group()))
        out.append(Mention(match.start(), end, "term", None, inner, 0.8))
    return out


# A word that is a verb or ends a clause is not the thing counted (100명이 참가했다)
_VERB = re.compile(r"(?:다|고|며|여|서|면|게|던|는데|지만)$")


def quantities(doc: Document) -> list[Mention]:
    text = doc.text
    out = []
    for match in _units().finditer(text):
        rest = _GLUED.match(text, match.end())
        if rest and _PARTICLE.sub("", rest.group()):
            continue          # the unit is the start of a longer word (4개월 is a unit of its own)
        out.append(Mention(match.start(), match.end(), "quantity", None, None if rest else _counted(text, match.end()),
                           0.7))
    return out


def _counted(text: str, end: int) -> str | None:
    """The words after a quantity up to the first that carries a particle: 4개 양수에너지축적발전소를 → 양수에너지축적발전소."""
    words = re.match(r" ([^\s,.，。]+(?: [^\s,.，。]+){0,3})", text[end:end + 60])
    if not words:
        return None
    phrase = []
    for word in words.group(1).split():
        bare = _PARTICLE.sub("", word)
        if _VERB.search(bare) or not re.fullmatch(r"[가-힣A-Za-z()（）]+", bare):
            break
        phrase.append(bare)
        if bare != word:
            return " ".join(phrase)
    return phrase[0] if len(phrase) == 1 else None
