"""The index terms yalu makes itself: character bigrams inside words, for Hangul and Hanzi alike.

FTS5's own tokenizers do not fit this press: ``unicode61`` keeps a word glued to its particle as one
token (력량을 never matches 력량), and ``trigram`` cannot find a two-syllable word. So yalu cuts the text
itself and hands FTS5 a stream of space-separated terms, which ``unicode61`` then only splits on spaces:

- a run of Hangul or Hanzi gives its overlapping bigrams and then its last character alone, the
  *end marker* (력량을 → 력량 량을 을; 习近平 → 习近 近平 平); a single character gives itself;
- any other run of letters and digits (pinyin, Latin, numbers) gives one term, folded to lower case
  without diacritics (Xí Jìnpíng → xi jinping);
- everything else (spaces, punctuation, lone jamo) gives nothing.

A query term becomes an FTS5 phrase of the same terms, so it matches inside words (역량 in 역량강화 and
력량을); its final end marker is left off so that the word may go on in the text. The same function cuts
the articles and the queries: what is indexed and what is asked always agree.
"""

from __future__ import annotations

import re
import unicodedata

VERSION = 1   # stored in the archive's meta table; a change of cutting means a rebuild of the index

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_RUN = re.compile(rf"(?P<cjk>[가-힣]+|[{_CJK}]+)|(?P<other>[^\W_가-힣{_CJK}\u1100-\u11ff\u3130-\u318f\uffa0-\uffdc]+)")


def fold(word: str) -> str:
    """Lower case without diacritics: Jìnpíng → jinping."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def runs(text: str) -> list[tuple[str, bool]]:
    """The runs of ``text`` that carry terms, each with whether it is Hangul/Hanzi (cut into bigrams)."""
    text = unicodedata.normalize("NFKC", text)
    return [(m.group(), m.lastgroup == "cjk") for m in _RUN.finditer(text)]


def _run_terms(run: str, cjk: bool) -> list[str]:
    if not cjk:
        return [fold(run)]
    return [a + b for a, b in zip(run, run[1:])] + [run[-1]]


def terms(text: str) -> list[str]:
    """The index terms of a text, in order."""
    out: list[str] = []
    for m in _RUN.finditer(unicodedata.normalize("NFKC", text)):
        run = m.group()
        if m.lastgroup == "cjk":
            out.extend(map(str.__add__, run, run[1:]))
            out.append(run[-1])
        else:
            out.append(fold(run))
    return out


def index_text(text: str) -> str:
    """What goes into an FTS5 column: the terms, separated by spaces."""
    return " ".join(terms(text))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def phrase(form: str) -> str | None:
    """An FTS5 expression that finds ``form`` anywhere in the text, also inside a longer word.

    None when the form has no term (punctuation, lone jamo). Every term is quoted: nothing the user
    typed reaches FTS5 as syntax.
    """
    pieces = runs(form)
    if not pieces:
        return None
    out: list[str] = []
    for run, cjk in pieces[:-1]:
        out.extend(_run_terms(run, cjk))
    run, cjk = pieces[-1]
    if cjk and len(run) == 1:
        # one character may start a bigram or end a word: a prefix query over the terms finds both
        out.append(run)
        return _quote(" ".join(out)) + " *"
    out.extend(_run_terms(run, cjk)[:-1] if cjk else _run_terms(run, cjk))
    return _quote(" ".join(out))
