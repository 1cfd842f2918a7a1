"""Chinese Korean → South Korean standard, change by change.

The engine walks NK-HanDic's morphemes and asks of each the questions the rules in ``rules/`` pose
(does it carry hanja, does it start a word, what precedes it); what to write comes from the tables.
Every change is a span of the original text with its replacement, rule id and tier; the standard
text is the original with the changes applied, and nothing else.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from unicodedata import normalize

from ..document import Change, Document, Gloss, Mention, apply_changes
from ..names.places import initial_sound_law
from .name_forms import MODES as NAME_MODES, merge, name_changes
from .morph import Jamo, Morph, analyse, compose, decompose, word_breaks
from .tables import Tables, load_tables, place_spans
from .variety import VARIETIES, Variety, spans_kept_in_a_mix
from .variety import variety as read_variety
from .vocabulary import glosses, rewrite

# conjoining jamo
_RIEUL, _NIEUN, _IEUNG = "\u1105", "\u1102", "\u110b"
_TENSE = {"\u1100": "\u1101", "\u1109": "\u110a"}            # ᄀ→ᄁ, ᄉ→ᄊ
_YEO, _EO = "\u1167", "\u1165"
_FINAL_RIEUL, _FINAL_NIEUN = "\u11af", "\u11ab"
_PREDICATES = {"VV", "VA", "VX", "XSV", "XSA", "VCP", "VCN"}
_GLOSS = re.compile(r"‘([\uac00-\ud7a3]+)’의 (?:북한어|옛말)")
# what may follow a noun inside its word; a compound's second element is never one of these alone
_PARTICLES = {"이", "가", "은", "는", "을", "를", "의", "에", "도", "와", "과", "로", "만", "나", "랑"}
_Y1_VOWELS = {"\u1175", "\u1162", "\u1166", "\u116c", "\u1171", "\u1174"}   # ㅣ ㅐ ㅔ ㅚ ㅟ ㅢ


# first consonants the initial-sound law changes: (Chinese Korean, standard) → rule id
_LAW = {("\u1105", "\u110b"): "D1", ("\u1105", "\u1102"): "D2", ("\u1102", "\u110b"): "D3"}


@dataclass(frozen=True)
class Standardized:
    original: str
    changes: tuple[Change, ...]
    glosses: tuple[Gloss, ...] = ()
    variety: Variety | None = None     # the variety the text was read as, and the evidence

    @property
    def text(self) -> str:
        return apply_changes(self.original, self.changes)


def standardize(text: str, *, vocabulary: bool = False,
                protect: Callable[[str], Iterable[tuple[int, int]]] | None = None,
                variety: str | None = None, names: str = "as_written",
                mentions: tuple[Mention, ...] | None = None) -> Standardized:
    """The standard spelling of ``text`` as a list of changes over it, and the T3 glosses.

    ``vocabulary=True`` also rewrites glossed nouns (사업이 → 업무가). ``protect`` returns extra spans
    (names from a gazetteer) inside which nothing may change. ``variety`` says which Korean the text is
    in (``chinese_korean``, ``north_korean``, ``south_korean``, ``mixed``); by default it is read from
    the text (``yalu.orthography.variety``). South Korean text comes back unchanged, and so do the
    South Korean paragraphs of a mixed text; a text too short to tell is taken as Chinese Korean.

    ``names="standard"`` also writes the names the text's mentions find as the South Korean press does
    (습근평 → 시진핑 N1, 가목사시 → 자무쓰시 N1, 리송영 사장 → 이송영 사장 N2; tier T4; see
    ``name_forms``); the default ``"as_written"`` keeps every name as the text writes it. ``mentions``
    are the annotate stage's mentions over ``text`` (``doc.mentions``), when the caller has them; else
    the mention finder is run on the text.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: ``variety`` is not one of the four, or ``names`` is not ``as_written``/``standard``.
    """
    if not isinstance(text, str):
        raise TypeError(f"standardize() takes a str, not {type(text).__name__}")
    if names not in NAME_MODES:
        raise ValueError(f"names must be one of {', '.join(NAME_MODES)}, not {names!r}")
    if variety is None:
        found_variety = read_variety(text)
    elif variety in VARIETIES:
        found_variety = Variety(variety, {}, False)
    else:
        raise ValueError(f"variety must be one of {', '.join(VARIETIES)}, not {variety!r}")
    if found_variety.name == "south_korean":
        return Standardized(text, (), (), found_variety)
    if found_variety.name == "mixed":
        protect = _with_kept_paragraphs(protect)
    result = _standardize(text, vocabulary, protect)
    changes = result.changes
    if names == "standard":
        changes = _with_names(text, changes, vocabulary, protect, mentions, _korean_names(found_variety))
    return Standardized(text, changes, result.glosses, found_variety)


def _korean_names(found: Variety) -> bool:
    """Whether a Korean name written with ㄹ (리송영) is the papers' spelling, to which N2 applies: not in a
    text that shows South Korean spelling (역량 more than 력량, 북한), where 리빙 is a transcription (李冰)."""
    evidence = found.evidence
    return not evidence.get("south_forms") and evidence.get("law_kept", 0) <= evidence.get("law_broken", 0)


def _with_names(text: str, spelling: tuple[Change, ...], vocabulary: bool,
                protect: Callable[[str], Iterable[tuple[int, int]]] | None,
                mentions: tuple[Mention, ...] | None, korean: bool) -> tuple[Change, ...]:
    """The spelling changes and the name changes (N1, N2), read again until nothing more changes: a
    name written in the standard can read differently to the spelling rules, and the other way round."""
    doc = Document(text=text, mentions=mentions)
    changes = merge(spelling, name_changes(doc, protect, korean=korean))
    for _ in range(_PASSES):
        output = apply_changes(text, changes)
        again = _standardize(output, vocabulary, protect).changes
        more = merge(again, name_changes(Document(text=output), protect, korean=korean))
        if not more:
            break
        changes = _compose(text, changes, more)
    return tuple(changes)


def _with_kept_paragraphs(protect: Callable[[str], Iterable[tuple[int, int]]] | None
                           ) -> Callable[[str], list[tuple[int, int]]]:
    def spans(text: str) -> list[tuple[int, int]]:
        return (list(protect(text)) if protect is not None else []) + spans_kept_in_a_mix(text)
    return spans


def _standardize(text: str, vocabulary: bool,
                 protect: Callable[[str], Iterable[tuple[int, int]]] | None) -> Standardized:
    tables = load_tables()
    changes = _fixed_point(text, tables, protect)
    found = glosses(text)
    if vocabulary:
        changes = _resolve(changes + rewrite(text, found), _shield(text, tables, protect))
    return Standardized(text, tuple(changes), found)


def _fixed_point(text: str, tables: Tables,
                 protect: Callable[[str], Iterable[tuple[int, int]]] | None) -> list[Change]:
    """The changes that make ``text`` a fixed point of the rules.

    A rewrite can change how the next word reads (렬등류통: 열등 is a noun, 렬등 was not), so the output
    is read again and what that finds is folded into the changes of the original. Text without spaces
    is read through its spaced view, and the view of the output can break differently from the view of
    the input, so there the whole reading, view and all, is repeated until it finds nothing.
    """
    breaks: dict[str, list[int]] = {}       # a run that no change touched breaks as before
    view, spaces, runs = _spaced_view(text, breaks)
    changes = _changes(view, tables, protect)
    for _ in range(_PASSES if changes else 0):
        more = _changes(apply_changes(view, changes), tables, protect)
        if not more:
            break
        changes = _compose(view, changes, more)
    if not spaces:
        return changes
    changes = _without_spaces(changes, spaces, runs)
    for _ in range(_PASSES if changes else 0):
        output = apply_changes(text, changes)
        view, spaces, runs = _spaced_view(output, breaks)
        more = _without_spaces(_changes(view, tables, protect), spaces, runs)
        if not more:
            break
        changes = _compose(text, changes, more)
    return changes


_PASSES = 16    # each pass can settle one more word of a chain (렬등렬등렬각 …); real pages need two
_LONG_RUN = 16  # characters: no word of this press is so long; a run this long is text without spaces
_RUN = re.compile(r"\S{%d,}" % _LONG_RUN)


def _spaced_view(text: str, breaks: dict[str, list[int]]) -> tuple[str, list[int], list[tuple[int, int]]]:
    """``text`` with a space where a run written without spaces breaks into words (after a particle or
    an ending, before a noun, verb or modifier: 로동자들의력량을 → 로동자들의 력량을), where those
    spaces stand in the view, and the view's spans of those runs. The rules read the view as they read
    spaced text (력량을 starts a word there), at the same cost a word; the changes are then mapped back
    onto ``text``: the spelling is standardized, the spacing of such a run is the writer's. ``breaks``
    keeps each run's breaks for the next reading."""
    parts, spaces, runs, last = [], [], [], 0
    for match in _RUN.finditer(text):
        run = match.group()
        cuts = breaks.get(run)
        if cuts is None:
            cuts = breaks[run] = word_breaks(run) if _HANGUL.search(run) else []
        if not cuts:
            continue
        runs.append((match.start() + len(spaces), match.end() + len(spaces) + len(cuts)))
        for cut in cuts:
            at = match.start() + cut
            parts.append(text[last:at])
            spaces.append(at + len(spaces))
            last = at
    parts.append(text[last:])
    return " ".join(parts), spaces, runs


def _without_spaces(changes: list[Change], spaces: list[int], runs: list[tuple[int, int]]) -> list[Change]:
    """Changes over the spaced view as changes over the text it was made from. A change to the spacing
    of a run written without spaces is dropped, and so is one across a space of the view: the text
    has no space there."""
    out = []
    for c in changes:
        k = bisect_left(spaces, c.start)       # the view's spaces before the change
        if k < len(spaces) and spaces[k] < c.end:
            continue
        if not c.replacement.strip() and any(a <= c.start <= b for a, b in runs):
            continue
        out.append(Change(c.start - k, c.end - k, c.replacement, c.rule, c.tier))
    return out


def _dictionary_word_at(text: str, match: re.Match[str]) -> bool:
    """The protected name is the start of one dictionary word running on into its title (리사장은:
    理事長), or itself a word of three syllables or more (리사회 理事會); a two-syllable name (리정 주임)
    stays a name even when the dictionary has the word."""
    word = re.match(r"[가-힣]*", text[match.start():]).group()
    size = match.end() - match.start()
    if not word or len(word) > 8:
        return False
    return any(_one_word(word[:n]) for n in range(size + 1, len(word) + 1)) or (size >= 3 and _one_word(match.group()))


@lru_cache(maxsize=4096)
def _one_word(text: str) -> bool:
    """The dictionary reads ``text`` as one Sino-Korean word (생산량 生産量)."""
    morphs, _ = analyse(text)
    return len(morphs) == 1 and morphs[0].hanja is not None


def _changes(text: str, tables: Tables,
             protect: Callable[[str], Iterable[tuple[int, int]]] | None) -> list[Change]:
    shield = _shield(text, tables, protect)
    changes: list[Change] = []
    for start, end, replacement, rule in _string_rules(text):
        changes.append(Change(start, end, replacement, rule, tables.tiers[rule]))
    changes += _morph_changes(text, tables)
    return _resolve(changes, shield)


def _shield(text: str, tables: Tables,
            protect: Callable[[str], Iterable[tuple[int, int]]] | None) -> list[tuple[int, int]]:
    """Spans inside which nothing may change: the protected names and words, and the caller's."""
    # a surname before a title is a person (리 주임), unless surname and title are one word of the
    # dictionary (리사장 理事長, 리사회주석: 리사회 理事會 before 주석)
    titles = tuple(tables.spacing["person"]["titles"])
    shield = [(m.start(), m.end()) for m in tables.protected.finditer(text)
              if not (text[m.end():].lstrip().startswith(titles) and _dictionary_word_at(text, m))]
    shield += place_spans(text)
    if protect is not None:
        shield += list(protect(text))
    return shield


def _compose(text: str, first: list[Change], second: list[Change]) -> list[Change]:
    """Changes over ``text`` that do what ``first`` and then ``second`` (over first's output) do.

    A second change on untouched text moves back by the first's offsets; one that touches what a first
    change wrote is merged with it into one change, with the second's rule.
    """
    first = sorted(first, key=lambda c: (c.start, c.end))
    output = apply_changes(text, first)
    spans, shift = [], 0
    for c in first:
        spans.append((c.start + shift, c.start + shift + len(c.replacement)))
        shift += len(c.replacement) - (c.end - c.start)

    def back(pos: int) -> int:
        moved = 0
        for c, (_, oe) in zip(first, spans):
            if oe > pos:
                break
            moved += len(c.replacement) - (c.end - c.start)
        return pos - moved

    groups: dict[int, list[Change]] = {}
    out: list[Change] = []
    for m in second:
        hit = [k for k, (os, oe) in enumerate(spans) if _touches(os, oe, m)]
        if not hit:
            out.append(Change(back(m.start), back(m.end), m.replacement, m.rule, m.tier))
        elif len(hit) == 1:
            groups.setdefault(hit[0], []).append(m)
    for k, c in enumerate(first):
        if k not in groups:
            out.append(c)
            continue
        ms, (os, oe) = groups[k], spans[k]
        lo, hi = min([os] + [m.start for m in ms]), max([oe] + [m.end for m in ms])
        local = apply_changes(output[lo:hi], [Change(m.start - lo, m.end - lo, m.replacement, m.rule, m.tier)
                                              for m in ms])
        start = c.start if lo == os else back(lo)
        end = c.end if hi == oe else back(hi)
        out.append(Change(start, end, local, ms[-1].rule, ms[-1].tier))
    return _resolve(out, [])


def _touches(os: int, oe: int, m: Change) -> bool:
    if m.start == m.end:
        return os < m.start < oe
    return os < m.end and m.start < oe


# (word, next word, word before) → the changes of a word the trigger passes. They depend on nothing else
# (the rules load once), so they are kept for the process: the passes of one text and the articles of a corpus read a word once
# (words repeat: a page's words are mostly in the pages before it). Emptied when full.
_WORD_MEMO: dict[tuple[str, str, str], tuple[Change, ...]] = {}
_WORD_MEMO_SIZE = 200_000


def _morph_changes(text: str, tables: Tables) -> list[Change]:
    """Changes from the morpheme rules.

    Every rule works inside one word (a run of non-spaces), so words are tagged one at a time and
    only when some rule could touch them (``tables.trigger``): most words hold no ㄹ-initial syllable,
    no 여, no dependent noun, and tagging is most of the cost. A word read before is not tagged
    again (``_WORD_MEMO``). Tagged alone, a word also escapes its neighbours' pull: whole lines made
    the tagger read 있는데 as 있는 데 and miss 네번씩.
    """
    changes: list[Change] = []
    seen = _WORD_MEMO
    if len(seen) > _WORD_MEMO_SIZE:
        seen.clear()
    trigger = tables.trigger.search
    words = list(_WORD.finditer(text))
    for k, match in enumerate(words):
        word = match.group()
        # one rule looks past the word: 김씨 가문 (the clan) keeps 김씨 solid
        after = words[k + 1].group() if "씨" in word and k + 1 < len(words) else ""
        # and one looks before it: 설을 쇠였다 (a verb) against 그 뒤였다 (a noun and the copula)
        # (and 몇 년간, 두 년 keep 년 after a numeral word)
        before = words[k - 1].group() if k and ("였" in word or word[0] in "년냥") else ""
        if not trigger(word):
            continue
        found = seen.get((word, after, before))
        if found is None:
            found = seen[word, after, before] = _word_changes(word, tables, after, before)
        if found:
            changes += _shifted(found, match.start())
    return changes


def _word_changes(text: str, tables: Tables, after: str = "", before: str = "") -> tuple[Change, ...]:
    if not _HANGUL.search(text):
        return ()
    morphs, jamo = analyse(text)
    walk = _Walk(text, jamo, morphs, tables, after, before)
    for i in range(len(morphs)):
        walk.visit(i)
    return tuple(walk.changes) + _compound_seconds(text, walk.changes)


def _compound_seconds(word: str, found: list[Change]) -> tuple[Change, ...]:
    """D4 where the tagger misread a compound (조선족+련의회, 수학+려행기지): a syllable the law touches
    that starts an entry NK-HanDic glosses with its standard form (련의회 → ‘연의회’의 북한어), after a
    noun of two syllables or more, before nothing, particles or another noun, and where no dictionary
    word runs across the cut (관광전+략도 is 관광+전략+도) and no particle starts there (…사+로부터)."""
    out: list[Change] = []
    taken = {c.start for c in found}
    heads = load_tables().d4_heads
    for p in range(1, len(word) - 1):
        if p in taken or initial_sound_law(word[p]) == word[p] or _PARTICLE_RUN.fullmatch(word[p:]):
            continue
        if not (word[:p] in heads or _ends_in_noun(word[:p])):
            continue            # the first element (one test a cut, before the dictionary lookups of the second)
        for n in range(min(4, len(word) - p), 1, -1):
            if n == 2 and p + n == len(word) and word[-1] in _PARTICLES:
                continue        # 수입+량이 is 수입량 and a particle, not 량이 (兩耳)
            if not _may_follow(word[p + n:]):
                continue
            standard = _glossed_word(word[p:p + n])
            if standard is None:
                continue
            if _one_word(word[p - 1:p + 1]):
                break           # 관광전+략도 is 관광+전략+도, 체육관+리중심 체육+관리+중심: a word runs across the cut
            out.append(Change(p, p + 1, standard[0], "D4", "T1"))
            break
    return tuple(out)


@cache
def _table_firsts() -> frozenset[str]:
    """The first letters of the table words (L1, Z1, C1): most syllables start none."""
    tables = load_tables()
    return frozenset(key[0] for table in (tables.loanwords, tables.saisiot, tables.conventions) for key in table)


_PARTICLE_RUN = re.compile(r"(?:로부터|로서|로써|로는|로도|로만|로의|로|라고|라는|라며|라면|려고|려면|려는|러)")


@lru_cache(maxsize=8192)
def _glossed_word(text: str) -> str | None:
    """The standard form of ``text`` when a dictionary vouches for it as one Sino-Korean noun that
    differs only in the first consonant of the first syllable: NK-HanDic glossing it so (련의회 →
    ‘연의회’의 북한어), or HanDic, the standard dictionary, having it with hanja whose first reads as
    written here (연휴 連休, and 連 reads 련: 련휴 → 연휴)."""
    morphs, _ = analyse(text)
    if len(morphs) == 1 and morphs[0].tag == "NNG" and morphs[0].hanja and len(morphs[0].hanja) == len(text) \
            and morphs[0].gloss and (match := _GLOSS.match(morphs[0].gloss)) and \
            len(match.group(1)) == len(text) and match.group(1)[1:] == text[1:]:
        return match.group(1)
    return _standard_noun(text)


def _standard_noun(text: str) -> str | None:
    from .variants import _readings, _standard_tagger

    standard = initial_sound_law(text)
    if standard == text:
        return None
    lines = [ln for ln in _standard_tagger().parse(decompose(standard).text).split("\n") if ln and ln != "EOS"]
    if len(lines) != 1:
        return None
    fields = lines[0].partition("\t")[2].split(",")
    hanja = normalize("NFC", fields[7]) if len(fields) > 10 else ""
    if fields[-1] != "NNG" or len(hanja) != len(text) or _readings().get(hanja[0]) != text[0]:
        return None
    return standard


@lru_cache(maxsize=8192)
def _ends_in_noun(text: str) -> bool:
    """The text ends in a common noun of two syllables or more (조선족, 수학; not 팔 of 팔리고, nor a name:
    흥안+로 is a street)."""
    morphs, _ = analyse(text)
    return bool(morphs) and morphs[-1].tag == "NNG" and morphs[-1].end - morphs[-1].start >= 2


@lru_cache(maxsize=8192)
def _may_follow(rest: str) -> bool:
    """What follows a compound's second element in its word: nothing, particles, or another noun."""
    if rest in _PARTICLES or not rest:
        return True
    morphs, _ = analyse(rest)
    return bool(morphs) and (morphs[0].tag.startswith(("NN", "J", "XSN")))


def _shifted(changes: Iterable[Change], by: int) -> list[Change]:
    return [Change(c.start + by, c.end + by, c.replacement, c.rule, c.tier) for c in changes]


_WORD = re.compile(r"\S+")


_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SYLLABLES = re.compile(r"[\uac00-\ud7a3]+")
_Q1 = re.compile(r"(?<![\d.])([1-4])\.4(?=\s*분기)")
_P1 = re.compile(r"《([^《》\n]{1,300})》(?=\s*(?:이?라고|이?라며|이?라면서|하고|하며|고\s))")


def _string_rules(text: str) -> Iterable[tuple[int, int, str, str]]:
    for m in _Q1.finditer(text):
        yield m.start(), m.end(), m.group(1), "Q1"
    for m in _P1.finditer(text):
        yield m.start(), m.start() + 1, "“", "P1"
        yield m.end() - 1, m.end(), "”", "P1"


def _resolve(changes: list[Change], shield: list[tuple[int, int]]) -> list[Change]:
    """Drop changes that touch the inside of a protected span, then any change overlapping an earlier one.

    An insertion at a protected span's edge is allowed (리영철씨 → 리영철 씨 leaves the name whole).
    """
    shield.sort()
    kept: list[Change] = []
    last_end, k = -1, 0
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        while k < len(shield) and shield[k][1] <= change.start:
            k += 1
        inside = False
        for s, e in shield[k:]:
            if s >= max(change.end, change.start + 1):
                break
            inside = s < change.start < e if change.start == change.end else s < change.end and change.start < e
            if inside:
                break
        if inside or change.start < last_end or (
                kept and change.start == change.end == kept[-1].start == kept[-1].end):
            continue
        kept.append(change)
        last_end = max(last_end, change.end)
    return kept


class _Walk:
    """One pass over the morphemes; each ``_rule`` method may add changes for morpheme ``i``."""

    def __init__(self, text: str, jamo: Jamo, morphs: list[Morph], tables: Tables, after: str = "",
                 before: str = ""):
        self.text, self.j, self.jamo, self.morphs, self.t = text, jamo, jamo.text, morphs, tables
        self.after = after      # the next word, for the few rules that look past this one
        self.before = before    # the word before, for Y1 on a verb read as noun + copula
        self.solid_spans: list[tuple[int, int]] | None = None
        self.changes: list[Change] = []

    # --- helpers -----------------------------------------------------------------------------
    def attached(self, i: int) -> bool:
        """Morpheme i follows morpheme i-1 with no space between them."""
        return i > 0 and self.morphs[i - 1].jend == self.morphs[i].jstart

    def starts_word(self, i: int) -> bool:
        if not self.attached(i):
            return True
        before = self.morphs[i - 1]
        return before.pos == "Symbol" and before.tag not in ("SN", "SL", "SH")

    def nfc(self, m: Morph) -> str:
        return compose(m.surface)

    def edit(self, jpos: int, new: str, rule: str) -> None:
        """Replace the single jamo at ``jpos`` and record the change of the character it belongs to."""
        char = self.j.char_of(jpos)
        first, last = self.j.span_of(char)
        piece = self.jamo[first:jpos] + new + self.jamo[jpos + 1:last]
        self.changes.append(Change(char, char + 1, compose(piece), rule, self.t.tiers[rule]))

    def space_before(self, i: int, rule: str) -> None:
        at = self.morphs[i].start
        self.changes.append(Change(at, at, " ", rule, self.t.tiers[rule]))

    def syllables(self, m: Morph) -> list[int]:
        """Jamo positions where the syllables of the morpheme start."""
        return [j for j in range(m.jstart, m.jend) if "\u1100" <= self.jamo[j] <= "\u1112"]

    # --- rules ---------------------------------------------------------------------------------
    def visit(self, i: int) -> None:
        m = self.morphs[i]
        if self.table_word(i, m):      # before the name check: 로씨야, 빠리 are tagged as names
            return
        if m.tag == "NNP":
            return
        if not self.glossed(i, m):
            self.initial_sound(i, m)
            self.yeo(i, m)
        self.ending(i, m)
        if self.attached(i):
            self.spacing(i, m)

    def table_word(self, i: int, m: Morph) -> bool:
        """L1, Z1 and C1 words, matched on the text from a morpheme's start across morpheme cuts: where
        a word may start (a word's start, a compound's second element, after digits: 500메터), or
        anywhere for a loanword of three syllables or more (a convention of four), distinct enough
        to need neither that nor a morpheme cut after it: the tagger splits unknown loanwords anywhere
        (볼+가(JKS)+리아, 평방킬+로메터). A 사이시옷 key keeps every test (호수+가 is the lake and a particle)."""
        if self.starts_word(i):
            self.distinct_inside(m.start)
        if self.text[m.start:m.start + 1] not in _table_firsts():
            return False
        after_digits = self.attached(i) and self.morphs[i - 1].tag == "SN"
        positional = self.starts_word(i) or self.compound_second(i) or after_digits
        for table, rule in ((self.t.loanwords, "L1"), (self.t.saisiot, "Z1"), (self.t.conventions, "C1")):
            # a one-syllable key only right after digits (19꼴, 10껨: a goal and a game of a match)
            for size in range(min(self.t.longest, len(self.text) - m.start), 0 if after_digits else 1, -1):
                key = self.text[m.start:m.start + size]
                if key not in table:
                    continue
                distinct = size >= 3 and rule == "L1" or size >= 4 and rule == "C1"
                if distinct or positional and self.ends_morph(m.start + size) and \
                        self.no_particle(m.start, m.start + size):
                    end, replacement = self.particle_after(m.start + size, key, table[key])
                    self.changes.append(Change(m.start, end, replacement, rule, self.t.tiers[rule]))
                    return True
        return False

    def distinct_inside(self, start: int) -> None:
        """A loanword of three syllables or more (a convention of four) where no morpheme starts: inside a word
        the tagger cut elsewhere (평방+킬 | 로메터)."""
        end = start
        while end < len(self.text) and not self.text[end].isspace():
            end += 1
        starts = {x.start for x in self.morphs}
        firsts = _table_firsts()
        for p in range(start + 1, end - 2):
            if p in starts or self.text[p] not in firsts:
                continue          # the morpheme's own visit tries it there; no key starts so
            for table, rule, least in ((self.t.loanwords, "L1", 3), (self.t.conventions, "C1", 4)):
                key = next((self.text[p:p + n] for n in range(min(self.t.longest, end - p), least - 1, -1)
                            if self.text[p:p + n] in table), None)
                if key is not None:
                    self.changes.append(Change(p, p + len(key), table[key], rule, self.t.tiers[rule]))
                    return

    def ends_morph(self, char: int) -> bool:
        return char == len(self.text) or any(x.end == char for x in self.morphs)

    def particle_after(self, end: int, old: str, new: str) -> tuple[int, str]:
        """When the new spelling ends in a consonant and the old did not (인터네트 → 인터넷), the particle
        after it changes too (를 → 을): the change then covers the particle."""
        if len(decompose(old[-1]).text) == 3 or len(decompose(new[-1]).text) == 2:
            return end, new
        following = next((x for x in self.morphs if x.start == end and x.tag.startswith("J")), None)
        if following is not None:
            particle = self.text[following.start:following.end]
            switched = self.t.spacing["l1"]["after_consonant"].get(particle)
            if switched:
                return following.end, new + switched
        return end, new

    def no_particle(self, start: int, end: int) -> bool:
        """No particle inside: 바다+가 is the sea and a subject marker, not 바닷가."""
        return not any(start <= x.start < end and x.tag.startswith("J") for x in self.morphs)

    def glossed(self, i: int, m: Morph) -> bool:
        """NK-HanDic glosses a Chinese/North Korean entry with its standard form (리해 → ‘이해’의 북한어.).

        Where the gloss differs from the word only as the rules say (a first consonant by the
        initial-sound law, 여 for 어 after ㅣㅐㅔㅚㅟㅢ), the gloss decides. Returns whether it did.
        """
        if not m.north or not m.gloss or m.tag == "NNB":
            return False
        match = _GLOSS.match(m.gloss)
        if match is None:
            return False
        surface = compose(self.jamo[m.jstart:m.jend])
        standard = match.group(1)
        if len(standard) != len(surface) or standard == surface or not _SYLLABLES.fullmatch(surface):
            return False
        starts = self.syllables(m)
        if len(starts) != len(surface):
            return False
        edits = []
        for k, (a, b) in enumerate(zip(surface, standard)):
            if a == b:
                continue
            ja, jb = decompose(a).text, decompose(b).text
            j = starts[k]
            if ja[1:] == jb[1:] and (ja[0], jb[0]) in _LAW:
                if not m.hanja:
                    return False   # the law is for Sino-Korean words; 룽징 (a transcription) is not one
                if k == 0:
                    if ja[0] == _NIEUN and self.after_numeral_word(i):
                        return True     # 몇 년간, 두 년: 년 after a numeral stays (D3)
                    if len(surface) == 1 and self.starts_word(i) and self.word_alone(m):
                        return True     # 량 성장, 리 주임: a lone syllable is a surname before a title

                    if not (self.starts_word(i) or self.compound_second(i, relaxed=True)):
                        return True     # a glossed form in a place no rule covers: leave it
                    rule = _LAW[ja[0], jb[0]] if self.starts_word(i) else "D4"
                else:
                    rule = "D5" if a in "렬률" else "D4"
                edits.append((j, jb[0], rule))
            elif ja[0] == jb[0] == _IEUNG and (ja[1], jb[1]) == (_YEO, _EO) and k and \
                    decompose(surface[k - 1]).text[-1] in _Y1_VOWELS:
                edits.append((j + 1, _EO, "Y1"))
            else:
                return False   # the gloss names another word (a synonym), not a spelling
        # a lone syllable is a word only when nothing but particles follows (례를, 량이; not 린+장시), or
        # when it is the numeral 兩 on a Sino-Korean noun (량측 兩側, 량회 兩會)
        if len(surface) == 1 and not (self.starts_word(i) and (self.word_ends_after(i) or self.two_on_a_noun(i))):
            return True
        for j, new, rule in edits:
            self.edit(j, new, rule)
        return True

    def initial_sound(self, i: int, m: Morph) -> None:
        if not m.hanja or not "\u4e00" <= m.hanja[0] <= "\u9fff":
            return
        starts = self.syllables(m)
        if not starts or starts[0] != m.jstart:
            return
        if len(starts) == 1:
            self.d5_suffix(i, m)
            return
        lead, vowel = self.jamo[m.jstart], self.jamo[m.jstart + 1]
        if lead == _RIEUL:
            new, rule = (_IEUNG, "D1") if vowel in self.t.rieul_to_ieung else (_NIEUN, "D2")
        elif lead == _NIEUN and vowel in self.t.nieun_to_ieung and not self.after_numeral_word(i):
            new, rule = _IEUNG, "D3"
        else:
            new = rule = None
        if new is not None:
            if self.starts_word(i):
                self.edit(m.jstart, new, rule)
            elif self.compound_second(i):
                self.edit(m.jstart, new, "D4")
        self.d5(m, starts)

    def after_numeral_word(self, i: int) -> bool:
        """Morpheme i starts the word and the word before is a numeral (몇, 두, 수, 10): 몇 년간."""
        if i or not self.before:
            return False
        word = self.before
        return word in self.t.spacing["s2"]["determiners"] or word in ("수", "십", "백", "천", "만") or \
            word[-1].isdigit()

    def compound_second(self, i: int, relaxed: bool = False) -> bool:
        """Morpheme i starts the second word of a compound (혁신+리념, 비+론리, 중+로동): the first
        element is a noun of two or more syllables or a listed prefix (非 新 重), and the two are not
        one word of the dictionary misread (생산량+이 read as 생산+량이, 현재+로+선 as 현재+로선).

        ``relaxed`` is kept for the glossed path: the dictionary vouches for the second element, but
        not for the cut before it, so the first element must pass the same test.
        """
        if not self.attached(i):
            return False
        before = self.morphs[i - 1]
        m = self.morphs[i]
        if before.tag in ("NNG", "NNP", "NNB") and len(self.syllables(before)) >= 2:
            pass      # 혁신+리념, 중국+료리, 정보(read as a counter)+류출
        elif before.tag == "MAG" and len(self.syllables(before)) >= 2 and relaxed:
            # 상호+리해; but 현재+로+선 read as 현재+로선: the particle 로 is no word's start here
            if compose(self.jamo[m.jstart:self.syllables(m)[1] if len(self.syllables(m)) > 1 else m.jend]) \
                    in _PARTICLES:
                return False
        elif not (before.tag in ("XPN", "NNG") and before.hanja and before.hanja in self.t.d4_prefixes):
            return False
        return not self.misread_compound(before, m)

    def two_on_a_noun(self, i: int) -> bool:
        nxt = self.morphs[i + 1] if i + 1 < len(self.morphs) else None
        return self.morphs[i].tag == "MM" and nxt is not None and nxt.tag in ("NNG", "NNB") and \
            nxt.hanja is not None and self.attached(i + 1)

    def word_alone(self, m: Morph) -> bool:
        """The morpheme is its word and another word follows (량 in 량 성장; not 량이, nor 녀 in (녀, 90세))."""
        return m.end == len(self.text) or self.text[m.end].isspace()

    def misread_compound(self, before: Morph, m: Morph) -> bool:
        """What is left of m after its first syllable is a particle (or the copula's 인), and the cut
        before m runs through one dictionary word: the first element and that syllable are one
        (생산+량이 is 생산량 + 이), or the first element's last syllable and that syllable are
        (관광전+략도 is 관광 + 전략 + 도, 최북촌+락인 is 최북 + 촌락 + 인)."""
        starts = self.syllables(m)
        if len(starts) < 2:
            return False
        if compose(self.jamo[starts[1]:m.jend]) not in _PARTICLES | {"인"}:
            return False
        if self.noun_follows(m):
            return False    # 혁명+령도+업적: a noun after it, so 도 is no particle and 명령 no word here
        last = self.syllables(before)[-1]
        return _one_word(compose(self.jamo[before.jstart:starts[1]])) or _one_word(
            compose(self.jamo[last:starts[1]]))

    def noun_follows(self, m: Morph) -> bool:
        """A noun follows ``m`` inside its word."""
        end = m.end
        for x in self.morphs:
            if x.start == end:
                if x.tag in ("NNG", "NNP"):
                    return True
                end = x.end
        return False

    def d5(self, m: Morph, starts: list[int]) -> None:
        if len(m.hanja) != len(starts):
            return
        for k in range(1, len(starts)):
            if m.hanja[k] in self.t.d5_hanja and self.jamo[starts[k]] == _RIEUL:
                self.d5_at(starts[k])

    def d5_suffix(self, i: int, m: Morph) -> None:
        """률/렬 as a morpheme of its own (증가+률, 서+렬)."""
        if m.hanja in tuple(self.t.d5_hanja) and self.jamo[m.jstart] == _RIEUL and self.attached(i):
            self.d5_at(m.jstart)

    def d5_at(self, j: int) -> None:
        before = self.jamo[j - 1]
        if "\u1161" <= before <= "\u1175" or before == _FINAL_NIEUN:
            self.edit(j, _IEUNG, "D5")

    def yeo(self, i: int, m: Morph) -> None:
        """Y1: 여/였 after a stem ending in ㅣ ㅐ ㅔ ㅚ ㅟ ㅢ. In the last syllable of a predicate (되여,
        틀어쥐여), or inside a compound verb the dictionary marks as Chinese/North Korean (뛰여나다)."""
        if m.tag not in _PREDICATES or m.lemma.startswith("하다"):
            return
        starts = self.syllables(m)
        if not starts:
            return
        candidates = range(1, len(starts)) if m.north else [len(starts) - 1]
        for k in candidates:
            at = starts[k]
            if self.jamo[at] != _IEUNG or at + 1 >= m.jend or self.jamo[at + 1] != _YEO:
                continue
            if m.tag == "VCP" and k == 0 and not self.verb_read_as_noun(i):
                continue   # 세대였다 is 세대+이었다 contracted, already standard; only 이였 → 이었
            if k:
                before = self.jamo[starts[k - 1]:at]
            elif self.attached(i):
                prev = self.morphs[i - 1]
                before = self.jamo[prev.jstart:prev.jend]
            else:
                continue
            if before and before[-1] in _Y1_VOWELS:
                self.edit(at + 1, _EO, "Y1")

    def verb_read_as_noun(self, i: int) -> bool:
        """Morpheme i is 여 read as the copula after a one-syllable native noun that is really a verb
        stem: the word before is an object or an adverb in -게 (설을 쇠였다, 맑게 개였다), which a
        noun + copula cannot take (그 뒤였습니다, 초기였던 stay)."""
        if i != 1 or not self.attached(i):
            return False
        noun = self.morphs[0]
        if noun.hanja and noun.tag != "NNB" or len(self.syllables(noun)) != 1 or not noun.tag.startswith("N"):
            return False
        return self.before.endswith(("을", "를", "게"))

    def ending(self, i: int, m: Morph) -> None:
        if m.tag not in ("EC", "EF") or m.jend - m.jstart < 3:
            return
        if not self.attached(i) or self.morphs[i - 1].tag not in _PREDICATES | {"EP"}:
            return     # an ending follows a predicate: 기필고 is 기필코 misread as 기피+ㄹ고
        if self.jamo[m.jstart] == _FINAL_RIEUL and self.jamo[m.jstart + 1] in _TENSE:
            rest = compose(self.jamo[m.jstart + 1:m.jend])
            if any(rest.startswith(e) for e in self.t.spacing["e1"]["endings"]):
                self.edit(m.jstart + 1, _TENSE[self.jamo[m.jstart + 1]], "E1")

    def spacing(self, i: int, m: Morph) -> None:
        before = self.morphs[i - 1]
        sp = self.t.spacing
        surface = self.nfc(m)
        if self.in_solid_word(m.start):
            return
        # S1: noun or adverb + 있다/없다
        # (재미있다 and the other solid words were ruled out above, by in_solid_word)
        if m.lemma in sp["s1"]["lemmas"] and before.tag in ("NNG", "MAG"):
            self.space_before(i, "S1")
        # S2: numeral word + counter
        elif (m.tag == "NNB" or surface in sp["s2"]["counters"]) and self.after_numeral(i):
            self.space_before(i, "S2")
        # S3: Sino-Korean dependent noun attached to a noun
        elif surface in sp["s3"]["nouns"] and self.word_ends_after(i) and self.s3_after(before, surface):
            self.space_before(i, "S3")
        # S4: dependent nouns after an adnominal ending; auxiliaries after -고/-지 or a dependent noun
        elif m.tag == "NNB" and surface in sp["s4"]["nouns"] and before.tag == "ETM" and (
                surface != "데" or self.particle_follows(i)):
            self.space_before(i, "S4")
        elif m.lemma in sp["s4"]["auxiliaries"] and (
                before.tag == "NNB" and self.nfc(before) in sp["s4"]["nouns"]
                or before.tag in ("EC", "ETN") and self.nfc(before) in sp["s4"]["after_endings"]):
            self.space_before(i, "S4")
        # S5: 씨 and address terms after a name or a lone surname (김씨 가문, the clan, stays)
        elif surface in sp["s5"]["terms"] and self.s5_after(i, before):
            self.space_before(i, "S5")
        # P2: closing quote glued to a noun
        elif before.tag == "SS" and self.nfc(before) in sp["p2"]["closing"] and m.tag in ("NNG", "NNP") \
                and self.attached(i - 1):     # ’ closes a quote only after what it quotes, not at a word's start
            self.space_before(i, "P2")

    def in_solid_word(self, char: int) -> bool:
        """The position falls inside a word the standard writes solid (재미있다, 쓸데없다, 한번)."""
        if self.solid_spans is None:
            self.solid_spans = [(m.start(), m.end()) for m in self.t.solid.finditer(self.text)]
        return any(s < char < e for s, e in self.solid_spans)

    def after_numeral(self, i: int) -> bool:
        """Morpheme i is a counter after a numeral word (백만, 두, 열다섯, 천여), not Arabic digits
        (100만명 may stay), and ends its word: 세+명+일보, 오+리+농법 are words, not counts."""
        sp = self.t.spacing["s2"]
        counter = self.morphs[i]
        if not self.counter_ends_word(i):
            return False
        k = i - 1
        rounded = self.morphs[k].tag == "XSN" and self.nfc(self.morphs[k]) == "여" and self.attached(k)
        if rounded:
            k -= 1
        numeral = self.morphs[k]
        if k > 0 and self.attached(k) and self.morphs[k - 1].tag == "SN":
            return False    # 100만명, 75만7천명: Arabic numerals may stay attached (한글 맞춤법 제43항)
        short_counter = len(self.syllables(counter)) == 1 and counter.hanja is not None
        if numeral.tag == "NR":
            longer = k > 0 and self.attached(k) and self.morphs[k - 1].tag in ("NR", "MM")   # 이십+만
            if len(self.syllables(numeral)) >= 2 or longer:
                return True
            # a one-syllable numeral is too often a bad cut (열조 熱潮, 육통 六通, 열등 劣等): a Sino
            # one only with 여 (천여 명), a native one (열) only before a native or longer counter
            if numeral.hanja:
                return rounded
            return self.nfc(counter) in sp["counters"] and not short_counter
        if numeral.tag != "MM" or self.nfc(numeral) not in sp["determiners"]:
            return False
        # 한자 (漢字), 한중 (韓中): a Sino one-syllable noun after 한 is a word, unless a known counter
        return not short_counter or self.nfc(counter) in sp["counters"]

    def counter_ends_word(self, i: int) -> bool:
        """Only particles, a suffix or the copula follow morpheme i in its word (세 번째이다, 두 가지씩,
        몇 년간)."""
        for k in range(i + 1, len(self.morphs)):
            if not self.attached(k):
                return True
            follower = self.morphs[k]
            if not (follower.tag[:1] in ("J", "E", "S") or follower.tag in ("XSN", "VCP")
                    or self.nfc(follower) in self.t.spacing["s2"]["suffixes"]):
                return False
        return True

    def s3_after(self, before: Morph, surface: str) -> bool:
        sp = self.t.spacing["s3"]
        if before.tag not in ("NNG", "NNP") or len(self.syllables(before)) < 2 or self.nfc(before) in sp["not_after"]:
            return False
        # 시 (時) after an action noun (조사연구 시) or a listed one (필요 시); 연길시 (市) stays
        return surface != "시" or "動作" in before.detail or self.nfc(before) in sp["si_after"]

    def s5_after(self, i: int, before: Morph) -> bool:
        sp = self.t.spacing["s5"]
        lone_surname = self.starts_word(i - 1) and self.nfc(before) in sp["surnames"]
        if not (before.tag == "NNP" or lone_surname):
            return False
        # a one-syllable term other than 씨 (양, 군, 옹) only after a full name and at the word's end:
        # 조양 and 남양 are cities (朝阳, 南阳), 훈춘양꼬치 is lamb skewers; 김동수군 is 김동수 군
        surface = self.nfc(self.morphs[i])
        if surface != "씨" and len(surface) == 1 and (
                lone_surname or len(self.syllables(before)) < 2 or not self.word_ends_after(i)):
            return False
        if self.nfc(self.morphs[i]) == "씨":
            rest = self.text[self.morphs[i].end:] or self.after
            return not any(rest.lstrip(" ").startswith(word) for word in sp["clan_words"])
        return True

    def particle_follows(self, i: int) -> bool:
        return i + 1 < len(self.morphs) and self.attached(i + 1) and self.morphs[i + 1].tag.startswith("JK")

    def word_ends_after(self, i: int) -> bool:
        """Morpheme i ends its word, or only particles follow it."""
        for k in range(i + 1, len(self.morphs)):
            if not self.attached(k):
                return True
            if not self.morphs[k].tag.startswith("J"):
                return False
        return True
