"""An article as the context of many lookups, read once.

``lookup(word, context=text)`` asks two things of the article: does it name a form (``form in
context``), and which Hanzi does it print in brackets after a reading (필정(毕政)). Asked of a plain
string, each costs a pass over the article, and annotating an article looks up every name in it: a
megabyte page took minutes. A Context answers both from what it has already read.
"""

from __future__ import annotations

import re

# a run of Hangul, then Hanzi in brackets: 흑룡강항태(恒泰) indexes 항태, 강항태, 룡강항태 and the whole run
_PRINTED = re.compile(r"([\uac00-\ud7a3]+)\s*[(（]\s*([\u4e00-\u9fff]{1,12})\s*[)）]")


class Context(str):
    """The article's text (it is a str), remembering what was asked of it."""

    def __new__(cls, text: str) -> Context:
        self = super().__new__(cls, text)
        self._contains: dict[str, bool] = {}
        self._printed: dict[str, list[tuple[str, str]]] | None = None
        self._south: bool | None = None
        return self

    @property
    def south(self) -> bool:
        """The article is written in South Korean spelling, or partly (a mixed page): there a Chinese
        name is likely a transcription (마잔청 马占成), not the papers' Sino-Korean reading."""
        if self._south is None:
            from ..orthography import variety

            self._south = variety(str(self)).name in ("south_korean", "mixed")
        return self._south

    def __contains__(self, form: object) -> bool:
        if not isinstance(form, str):
            return str.__contains__(self, form)
        found = self._contains.get(form)
        if found is None:
            found = self._contains[form] = str.__contains__(self, form)
        return found

    def printed(self, reading: str) -> list[tuple[str, str]]:
        """(the text as printed, the Hanzi) wherever the article writes ``reading`` and Hanzi in brackets."""
        if self._printed is None:
            self._printed = {}
            for match in _PRINTED.finditer(self):
                run = match.group(1)
                for size in range(2, len(run) + 1):
                    printed = self[match.start(1) + len(run) - size:match.end()]
                    self._printed.setdefault(run[-size:], []).append((printed, match.group(2)))
        return self._printed.get(reading, [])


def as_context(text: str | None) -> Context | None:
    return text if text is None or isinstance(text, Context) else Context(text)
