"""T3: Chinese calques and false friends, glossed, rewritten only on request.

봉사 (服务) reads as "volunteer work" to a South Korean and 사업 (工作) as "a business"; the papers mean
"service" and "work". Many are polysemous (대상 is also "target" in both norms), so by default each is a
gloss (span, standard equivalents, sense, confidence) and the text is left alone. ``rewrite`` turns
nouns and adverbs of high or medium confidence into their first equivalent and fixes the particle that follows (사업이 → 업무가).
Verbs stay glosses: their endings would need rebuilding (틀어쥐여야 → 다잡아야).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..document import Change, Gloss
from .morph import decompose

# A noun is the word itself only when what follows is particles, a copula or 하다, or nothing:
# 사업이, 사업에서는, 사업하다 — but not 사업가를 (an entrepreneur) or 대상자 (a subject).
_AFTER_NOUN = re.compile(r"(?:하[가-힣]*|[이가]|이다|이며|이고|이나|이라|"
                         r"(?:에서|에게|까지|부터|보다|처럼|마다|으로|로|에|과|와|들|도|만|은|는|을|를|의)"
                         r"(?:는|도|만|의|은|을|를|이|가|서)?)")
# particles after a consonant and after a vowel
_PARTICLES = (("이다", "다"), ("이며", "며"), ("이고", "고"), ("이나", "나"), ("이라", "라"), ("으로", "로"),
              ("이", "가"), ("을", "를"), ("은", "는"), ("과", "와"))   # longest first


@dataclass(frozen=True)
class Entry:
    kind: str
    hanzi: str
    standard: tuple[str, ...]
    sense: str
    confidence: str


@cache
def load_vocabulary() -> tuple[dict[str, Entry], re.Pattern[str]]:
    text = resources.files("yalu.orthography").joinpath("rules", "vocabulary.tsv").read_text(encoding="utf-8")
    entries = {row["chinese_korean"]: Entry(row["kind"], row["hanzi"], tuple(row["standard"].split("|")),
                                            row["sense"], row["confidence"])
               for row in csv.DictReader(text.splitlines(), delimiter="\t")}
    words = sorted(entries, key=len, reverse=True)
    return entries, re.compile(rf"(?<![가-힣])(?:{'|'.join(map(re.escape, words))})")


def glosses(text: str) -> tuple[Gloss, ...]:
    entries, pattern = load_vocabulary()
    found = []
    for match in pattern.finditer(text):
        entry = entries[match.group()]
        rest = re.match(r"[가-힣]*", text[match.end():]).group()
        if entry.kind == "noun" and rest and not _AFTER_NOUN.fullmatch(rest):
            continue
        if entry.kind == "adverb" and rest:
            continue
        found.append(Gloss(match.start(), match.end(), entry.standard, entry.sense, entry.confidence, entry.hanzi))
    return tuple(found)


def rewrite(text: str, found: tuple[Gloss, ...]) -> list[Change]:
    """Rewrite glossed nouns and adverbs with their first equivalent, fixing the particle after them."""
    entries, _ = load_vocabulary()
    changes = []
    for gloss in found:
        entry = entries[text[gloss.start:gloss.end]]
        if entry.kind not in ("noun", "adverb") or entry.confidence == "low":
            continue      # verbs need their endings rebuilt; low confidence (대상: also "target") stays a gloss
        new = gloss.standard[0]
        end, particle = gloss.end, ""
        old_final, new_final = _has_final(text[gloss.end - 1]), _has_final(new[-1])
        if old_final != new_final:
            for after_consonant, after_vowel in _PARTICLES:
                old_form, new_form = (after_consonant, after_vowel) if old_final else (after_vowel, after_consonant)
                if text.startswith(old_form, gloss.end):
                    end, particle = gloss.end + len(old_form), new_form
                    break
        changes.append(Change(gloss.start, end, new + particle, "V1", "T3"))
    return changes


def _has_final(syllable: str) -> bool:
    return len(decompose(syllable).text) == 3
