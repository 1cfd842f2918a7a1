"""Names the page itself pairs with their Hanzi, as entities of that Document.

Evidence inside the page beats any ranking (names.md): 흑룡강항태(恒泰)건설그룹 says 항태 is 恒泰, and
初审:林洪吉 gives a Hanzi name whose reading is 림홍길. A pair counts only when the reading of the Hanzi
is (mostly) what the page wrote before the bracket: 시뮬레이션(演示) is a translation, not a reading.
"""

from __future__ import annotations

import re

from ..document import Document, Entity, Span
from . import forms
from .gazetteer import index

_PAREN = re.compile(r"([가-힣]+)[(（]([\u4e00-\u9fff]{2,12})[)）]")
_HANZI_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def entities(doc: Document) -> tuple[Entity, ...]:
    keys, _ = index()
    found: dict[str, Entity] = {}

    def add(hanzi: str, reading: str, evidence: str, span: Span | None, person: bool) -> None:
        known = next((e.candidate for e, how in keys.get(hanzi, []) if how == "hanzi"), None)
        if hanzi in found:
            if span is not None:
                old = found[hanzi]
                found[hanzi] = Entity(old.id, old.kind, old.hanzi, old.reading, old.pinyin, old.standard,
                                      old.evidence, old.spans + (span,), old.code)
            return
        kind = known.kind if known else ("person" if person else "name")
        found[hanzi] = Entity(
            f"e{len(found) + 1}", kind, hanzi, reading,
            known.pinyin if known else forms.pinyin(hanzi, person=person),
            known.standard if known else forms.standard(hanzi, person=person),
            evidence, (span,) if span else (), known.code if known else None)

    for match in _PAREN.finditer(doc.text):
        korean, hanzi = match.group(1), match.group(2)
        reading = forms.reading(hanzi)
        written = korean[-len(reading):]
        # most syllables must agree: 가성유리(佳星玻璃) writes 玻璃 as the Korean word 유리 (琉璃)
        if len(written) == len(reading) and sum(a == b for a, b in zip(written, reading)) >= 0.7 * len(reading):
            end = match.start(1) + len(korean)
            add(hanzi, written, "parentheses", Span(end - len(written), end), person=False)
    chain = [doc.review.first, doc.review.second, doc.review.final] if doc.review else []
    for name in filter(None, chain):
        if _HANZI_NAME.fullmatch(name):
            add(name, forms.reading(name, person=True), "review", None, person=True)
    for author in doc.authors:
        if _HANZI_NAME.fullmatch(author.name):
            add(author.name, forms.reading(author.name, person=True), "byline", None, person=True)
    return tuple(found.values())
