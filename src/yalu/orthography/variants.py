"""The reverse direction: the Chinese Korean forms a search for a standard word should also try.

역량 → 력량: HanDic (the South Korean twin of NK-HanDic) gives the word's hanja, 力量, and the `hanja`
package reads it without the initial-sound law, 력량. Endings (되어 → 되여), 사이시옷 and loanwords
come from the same tables the forward rules use, read backwards. Without hanja evidence a syllable map
only proposes, and only a vocabulary (the words an archive really holds) lets such a guess through:
이상 → 리상 is right only for 理想.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from unicodedata import normalize

from .engine import load_tables
from .morph import compose, decompose

_YEO, _EO, _IEUNG = "\u1167", "\u1165", "\u110b"
_Y1_VOWELS = {"\u1175", "\u1162", "\u1166", "\u116c", "\u1171", "\u1174"}
# Syllables that a Chinese Korean word may have had before the initial-sound law, for words with no
# hanja evidence; only a vocabulary lets these through.
_GUESSES = {"이": "리니", "여": "려녀", "역": "력녁", "연": "련년", "열": "렬", "염": "렴념", "영": "령녕",
            "예": "례", "요": "료뇨", "용": "룡", "유": "류뉴", "육": "륙뉵", "윤": "륜", "율": "률", "익": "닉",
            "인": "린닌", "임": "림닌", "입": "립", "노": "로", "녹": "록", "논": "론", "농": "롱", "뇌": "뢰",
            "누": "루", "능": "릉", "나": "라", "낙": "락", "난": "란", "남": "람", "낭": "랑", "내": "래",
            "냉": "랭", "양": "량냥", "약": "략냑", "야": "랴"}


@cache
def _standard_tagger():
    import handic
    import MeCab

    return MeCab.Tagger(handic.MECAB_ARGS)


@cache
def _readings() -> dict[str, str]:
    from hanja.table import hanja_table  # readings before the initial-sound law: 力 → 력

    return hanja_table


def _sino_forms(word: str) -> set[str]:
    """The word with its Sino-Korean morphemes read from their hanja without the initial-sound law."""
    jamo = decompose(word).text
    readings = _readings()
    forms, pos = {""}, 0
    for line in _standard_tagger().parse(jamo).split("\n"):
        surface, _, feature = line.partition("\t")
        if not feature:
            continue
        at = jamo.find(surface, pos)
        if at < 0:
            continue
        f = feature.split(",")
        # HanDic writes the initial-sound-law readings with compatibility ideographs (力 as U+F98A)
        hanja, text = normalize("NFC", f[7] if len(f) > 7 else "*"), compose(surface)
        options = {surface}
        if len(hanja) == len(text) and all("\u4e00" <= h <= "\u9fff" for h in hanja):
            read = "".join(_unlaw(h, t, readings, k) for k, (h, t) in enumerate(zip(hanja, text)))
            options.add(decompose(read).text)
        forms = {f + jamo[pos:at] + o for f in forms for o in options}
        pos = at + len(surface)
    return {compose(f + jamo[pos:]) for f in forms} - {word}


def _unlaw(hanja: str, syllable: str, readings: dict[str, str], position: int) -> str:
    """The syllable as written before the initial-sound law, when its hanja says it had one."""
    reading = readings.get(hanja, syllable)
    if reading == syllable or len(reading) != 1:
        return syllable
    if position and syllable in ("열", "율") and hanja in load_tables().d5_hanja:
        return "렬" if syllable == "열" else "률"
    a, b = decompose(reading).text, decompose(syllable).text
    # only the first consonant may differ, and only as the law changes it (ㄹ→ㅇ/ㄴ, ㄴ→ㅇ)
    if a[1:] == b[1:] and (a[0], b[0]) in (("\u1105", "\u110b"), ("\u1105", "\u1102"), ("\u1102", "\u110b")):
        return reading
    return syllable


def _ending_forms(word: str) -> set[str]:
    """되어 → 되여, 되었다 → 되였다; -ㄹ까 → -ㄹ가."""
    jamo = decompose(word).text
    out = set()
    for j in range(2, len(jamo) - 1):
        if jamo[j] == _IEUNG and jamo[j + 1] == _EO and jamo[j - 1] in _Y1_VOWELS:
            out.add(compose(jamo[:j + 1] + _YEO + jamo[j + 2:]))
    # -ㄹ까 → -ㄹ가: the ㄹ is the final of the syllable before, so work on jamo
    for standard, chinese in (("\u11af\u1101", "\u11af\u1100"), ("\u11af\u110a", "\u11af\u1109")):
        at = jamo.rfind(standard)
        if at >= 0 and at >= len(jamo) - 5:
            out.add(compose(jamo[:at] + chinese + jamo[at + 2:]))
    return out


def variants(word: str, vocabulary: Collection[str] | None = None) -> list[str]:
    """Chinese Korean forms of a standard word or phrase, most certain first.

    With ``vocabulary``, only forms in it are returned (and syllable-map guesses are allowed);
    without it, only forms backed by hanja or by the rule tables.
    """
    if not isinstance(word, str):
        raise TypeError(f"variants() takes a str, not {type(word).__name__}")
    word = word.strip()
    if not word:
        return []
    tables = load_tables()
    found: list[str] = []

    def add(forms):
        for form in sorted(forms):
            if form != word and form not in found:
                found.append(form)

    solid = word.replace(" ", "")
    add(_sino_forms(solid))
    add(_ending_forms(solid))
    for table in (tables.loanwords, tables.saisiot):
        add(ck + solid[len(standard):] for ck, standard in table.items() if solid.startswith(standard))
    if " " in word:
        add([solid])     # older pages write phrases solid: 깊이 있게 → 깊이있게
    if vocabulary is not None:
        guesses = {c + solid[1:] for c in _GUESSES.get(solid[:1], "")}
        add(guesses)
        found = [form for form in found if form in vocabulary]
    return found
