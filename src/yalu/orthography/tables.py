"""The orthography rule tables: read once per process from ``rules/`` and compiled.

``rules.toml`` holds the rules (ids, tiers, examples) and the initial-sound law as jamo;
``spacing.toml`` the word lists the spacing rules consult; the TSV files the loanword, 사이시옷,
solid-word and protected-name lists. The engine asks questions of these; it knows no word itself.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


def _conjoining_vowels(compat: str) -> set[str]:
    return {chr(0x1161 + ord(c) - 0x314F) for c in compat}


@dataclass(frozen=True)
class Tables:
    tiers: dict[str, str]
    rieul_to_ieung: set[str]
    nieun_to_ieung: set[str]
    d5_hanja: str
    d4_prefixes: str
    d4_heads: frozenset[str]
    loanwords: dict[str, str]
    saisiot: dict[str, str]
    conventions: dict[str, str]
    solid: re.Pattern[str]        # words the standard writes solid (재미있다, 쓸데없다, 한번)
    protected: re.Pattern[str]
    spacing: dict
    trigger: re.Pattern[str]      # a word no rule could touch does not match this
    longest: int                  # the longest L1/Z1 key


def _tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("yalu.orthography").joinpath("rules", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


@cache
def load_tables() -> Tables:
    rules = tomllib.loads(resources.files("yalu.orthography").joinpath("rules", "rules.toml").read_text("utf-8"))
    spacing = tomllib.loads(resources.files("yalu.orthography").joinpath("rules", "spacing.toml").read_text("utf-8"))
    names = [row["surface"] for row in _tsv("protected.tsv")]
    loanwords, saisiot, conventions = _tsv("loanwords.tsv"), _tsv("saisiot.tsv"), _tsv("conventions.tsv")
    solid = sorted((r["word"] for r in _tsv("solid_words.tsv")), key=len, reverse=True)
    surnames = spacing["person"]["surnames"]
    titles = spacing["person"]["titles"]
    particle = "(?:[은는이가을를의에도와과만께]|에게|에서|으로|로|$|[^가-힣])"   # 로 씨는, not 로씨야
    person = rf"(?<![가-힣])(?:{'|'.join(surnames)})[가-힣]{{0,2}}(?=\s*(?:{'|'.join(titles)}){particle})"
    # 리 as a dependent noun after an adnominal -ㄹ: 그럴 리가 없다
    dependent = rf"(?<=[{_syllables(range(19), range(21), [8])}] )리(?=[가는도를]?(?:\s|$))"
    return Tables(
        tiers={r["id"]: r["tier"] for r in rules["rule"]},
        rieul_to_ieung=_conjoining_vowels(rules["law"]["rieul_to_ieung"]),
        nieun_to_ieung=_conjoining_vowels(rules["law"]["nieun_to_ieung"]),
        d5_hanja=rules["law"]["d5_hanja"],
        d4_prefixes=rules["law"]["d4_prefixes"],
        d4_heads=frozenset(rules["law"]["d4_heads"]),
        loanwords={r["chinese_korean"]: r["standard"] for r in loanwords},
        saisiot={r["chinese_korean"]: r["standard"] for r in saisiot},
        conventions={r["chinese_korean"]: r["standard"] for r in conventions},
        solid=re.compile("|".join(map(re.escape, solid))),
        protected=re.compile("|".join([person, dependent] + sorted(map(re.escape, names), key=len, reverse=True))),
        spacing=spacing,
        trigger=_trigger(rules, spacing, [r["chinese_korean"] for r in loanwords + saisiot + conventions]),
        longest=max(len(r["chinese_korean"]) for r in loanwords + saisiot + conventions),
    )


def _syllables(leads: Iterable[int], vowels: Iterable[int], tails: Iterable[int]) -> str:
    return "".join(chr(0xAC00 + (lead * 21 + vowel) * 28 + tail) for lead in leads for vowel in vowels for tail in tails)


def _trigger(rules: dict, spacing: dict, table_words: list[str]) -> re.Pattern[str]:
    """What a word must hold for any rule to touch it; built from the same tables the rules use.

    Cheap to test and never narrower than the rules: a word it passes over cannot change.
    """
    vowels = [ord(c) - 0x314F for c in rules["law"]["nieun_to_ieung"]]
    law = _syllables([5], range(21), range(28)) + _syllables([2], vowels, range(28))   # 리, 로, 녀 …
    yeo = _syllables([11], [6], range(28))                                            # 여, 였: Y1
    final_rieul = _syllables(range(19), range(21), [8])
    final_nieun = _syllables(range(19), range(21), [4])
    s2, s3, s4, s5 = spacing["s2"], spacing["s3"], spacing["s4"], spacing["s5"]
    numerals = "|".join(sorted(s2["determiners"], key=len, reverse=True))
    quotes = "".join(spacing["p2"]["closing"])
    parts = [
        f"(?:^|[^가-힣])[{law}]",                  # D1–D3: a word starting with ㄹ or 녀 …
        f"[가-힣][{law}][가-힣]",                   # D4, D5: inside a word (not a final particle 를, 로)
        "[가-힣][렬률]",                            # D5 ending a word: 계렬, 비률
        f"[{yeo}]",
        f"[{final_rieul}][가고소]",                  # E1: -ㄹ가
        ".[있없싶않]",                                # S1, S4 auxiliaries
        rf"(?:(?:^|[^가-힣])(?:{numerals})|[일이삼사오육칠팔구십백천만억])여?[가-힣]",   # S2
        f"[가-힣](?:{'|'.join(s3['nouns'])})[가-힣]{{0,2}}(?![가-힣])",                 # S3
        f"[{final_rieul}{final_nieun}](?:{'|'.join(s4['nouns'])})",                     # S4
        f"(?:^|[^가-힣])[가-힣]{{1,3}}(?:{'|'.join(s5['terms'])})",                     # S5
        f"[{quotes}《]",                                                               # P1, P2
    ] + [re.escape(w) for w in table_words]
    return re.compile("|".join(parts))


@cache
def place_names() -> frozenset[str]:
    """The Korean readings of the places the names gazetteer knows (해림시, 대련, 길림시, 서란시) that a
    spelling rule could touch: nothing changes inside them. Read once from yalu.names' data.

    Left out: bare bases the gazetteer marks as ordinary words (서란, but 서란시 stays), one-syllable ones,
    and ones that would cut a listed loanword or 사이시옷 word (로씨 is a county, and the start of 로씨야).
    """
    text = resources.files("yalu.names").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    tables = load_tables()
    words = list(tables.loanwords) + list(tables.saisiot) + list(tables.conventions)
    law = re.compile(f"[{_syllables([5], range(21), range(28))}{_syllables([2], [6, 12, 17, 20], range(28))}]")
    names = set()
    for row in rows:
        # where the bare base is also a common word (ordinary), only the full reading (서란시) is a name
        keys = ("reading", "char_reading") if row["ordinary"] == "1" else ("reading", "base", "short", "char_reading")
        for key in keys:
            name = row[key]
            if len(name) >= 2 and law.search(name) and not any(name in w or w in name for w in words):
                names.add(name)
    return frozenset(names)


_HANGUL_RUN = re.compile(r"(?<![가-힣])[가-힣]{2,}")


def place_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are known place names (``place_names``) starting a word, longest first;
    a name inside a word (호리 in 상호리해) is none."""
    spans = []
    for run in _HANGUL_RUN.finditer(text):
        if size := _place_prefix(run.group()):
            spans.append((run.start(), run.start() + size))
    return spans


@lru_cache(maxsize=65536)
def _place_prefix(word: str) -> int:
    """The length of the longest known place name that starts the word, or 0."""
    names = place_names()
    return next((size for size in _place_sizes() if size <= len(word) and word[:size] in names), 0)


@cache
def _place_sizes() -> tuple[int, ...]:
    return tuple(sorted({len(n) for n in place_names()}, reverse=True))
