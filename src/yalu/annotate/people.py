"""People the gazetteer does not know, found by the titles written beside them, and the posts they hold.

The papers name people with a title before or after the name: 「촌당지부 서기 박명수」, 「김철 기자」,
「리영호 동지」, 「성당위 상무위원이며 주당위 서기인 호가복」, 「허근 흑룡강성당위 서기」. A word is taken for a
name when a title stands beside it and it reads as one: a surname of the papers (data/surnames.txt)
and one or two syllables more. Once found, a name is a person wherever else the text writes it.
Posts (data/titles.tsv, role yes) become Roles, with the organisation words written before the title
(주당위 서기) and the article's date as evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..document import Document, Mention, Role
from ..orthography.morph import analyse
from .spans import reach
from . import tables

_WORD = re.compile(r"[^\s,，、.。“”‘’\"'()（）「」《》·:：;；!?]+")
_PARTICLE = re.compile(r"(?:에게서|께서|에게|은|는|이|가|을|를|의|와|과|도|만|에|로|으로|씨)$")
# Joining two posts of one person: 상무위원이며 …, 서기인 …, 부서기이자 …
_JOINED = re.compile(r"(?:이며|이자|인|이고)$")


class _Title(NamedTuple):
    text: str
    post: bool       # a post the person holds (a Role), not a form of address
    sure: bool       # only a name stands beside it
    joined: bool     # joined to a further post by 이며/인 (상무위원이며 …)


# A paper, a publisher or a broadcaster by its ending: a body a post belongs to (리송영이 길림신문사 사장),
# and a name of its own beside the post (the organisation stays a mention: annotate.mentions)
_PRESS = "신문사|출판사|방송사|잡지사|통신사"
PRESS = re.compile(f"(?:{_PRESS})$")

# Words that name the body a post belongs to (흑룡강성성위 서기, 촌당지부 서기, 주인민정부 주장)
_BODY = re.compile(r"(?:당위|성위|시위|주위|현위|구위|당조|당지부|당총지부|정부|위원회|중앙|공산당|대표대회|협상회의"
                   r"|그룹|회사|연구원|국|청|처|부|원|소|관|협회|학교|대학|병원|은행|" + _PRESS + ")$")


def _name(word: str, sure: bool, title_before: bool = False, comma_after: bool = False) -> str | None:
    """The name a word writes (박명수는 → 박명수), or None when it cannot be one. Unless the title beside it
    is ``sure``, a word of the dictionary (정신, 안정, 제품) is no name."""
    if not re.fullmatch(r"[가-힣]{2,7}", word):
        return None
    word = _COPULA.sub("", word)          # 부대대장 최운입니다
    core = word
    # A particle is taken off a four-syllable word; off a shorter one only if it cannot end a name
    if len(word) >= 4 or re.search(r"(?:는|를|의|께서|에게|씨)$", word):
        core = _PARTICLE.sub("", word)
    # after a title, a name with the topic's 은/는 and a comma (주민 두천은, …) is the name and the topic
    if title_before and comma_after and core[-1:] in ("은", "는") and _reads_as_name(core[:-1], sure):
        return core[:-1]
    if _reads_as_name(core, sure or not title_before and _proper_noun_first(core)):
        return core
    # after a title the name carries the sentence's particle, and one that can also end a name (은, 이,
    # 가: 김정은, 진우가) is taken off when the whole is no name (과장 주흠은: 주흠 + 은); before a title
    # it carries none (진우가 경리는 is 진우가)
    bare = _PARTICLE.sub("", core)
    return bare if title_before and bare != core and _reads_as_name(bare, sure) else None


def _lone_surname(word: str, title: str, before: str) -> str | None:
    """A surname written alone before a title names a person (리 주임이), when a space or the text's start
    comes before it (not 양동위(杨东伟)가 …), the tagger reads it there as a noun (not 한 교수: one
    professor; 온 인대대표: who came; it also reads 량 성장 as 兩, so that one is missed), and it is no word
    that qualifies a title (전 주임: the former director; 현 시장: the present mayor)."""
    if len(word) != 1 or word not in tables.surnames() or word in tables.kinds("prefix") or before.strip() \
            or _title(title, "after") is None:        # the title next to it, not after a body (성 공안국 처장)
        return None
    morphs, _ = analyse(f"{word} {title}")
    return word if morphs and morphs[0].end == 1 and morphs[0].tag.startswith("N") else None


@lru_cache(maxsize=1 << 16)
def _proper_noun_first(word: str) -> bool:
    """The dictionary reads the word as a proper noun and what looks like a particle (진우 + 가): before a
    title, where a name carries no particle, that is a name of three syllables (진우가 경리는)."""
    morphs, _ = analyse(word)
    return len(morphs) == 2 and morphs[0].tag == "NNP" and morphs[1].tag.startswith("J")


_COPULA = re.compile(r"(?<=[가-힣]{2})(?:입니다|이였다|이다)$")


def _reads_as_name(core: str, sure: bool) -> bool:
    if not 2 <= len(core) <= 4 or core in tables.titles():
        return False
    surname = core[:2] if core[:2] in tables.surnames() and len(core) == 4 else core[:1]
    if surname not in tables.surnames() or not 1 <= len(core) - len(surname) <= 2:
        return False
    return sure or not _dictionary_word(core)


@lru_cache(maxsize=1 << 16)
def _dictionary_word(word: str) -> bool:
    morphs, _ = analyse(word)
    # one morpheme is a word of the dictionary, unless the dictionary has it as a proper noun (주흠)
    return len(morphs) == 1 and morphs[0].tag != "NNP" or morphs[-1].pos not in ("Noun",)


@lru_cache(maxsize=1 << 16)
def _title(word: str, side: str) -> _Title | None:
    """The title a word writes on ``side`` of a name. Before a name it stands bare or joined to the next
    post (서기 박명수, 서기인 호가복); after one it may carry a particle (김철 기자가, 허근 서기는)."""
    bare = _JOINED.sub("", word)
    forms = [(word, False), (bare, bare != word)] if side == "before" else [(word, False), (_PARTICLE.sub("", word), False)]
    for form, joined in forms:
        # a title may carry a word of its own before it (담임교원, 총책임자)
        for title in (form, form[-4:], form[-3:], form[-2:]):
            row = tables.titles().get(title)
            if row and row["side"] in (side, "both") and (title == form or row["role"] == "yes"):
                # 「14일 오전, 기자가 …」: after a title with a particle, the word must still read as a name
                sure = row["sure"] == "yes" and form == word
                return _Title(form, row["role"] == "yes", sure, joined)
    return None


def _is_org_word(word: str) -> bool:
    return bool(_BODY.search(word)) and not _JOINED.search(word)


def people(doc: Document, known: list[Mention], as_of: str | None = None,
           as_of_source: str | None = None) -> tuple[list[Mention], list[Role]]:
    """Persons found by their titles (not already in ``known``), and every role of every person, dated
    ``as_of`` (the article's date, or the year it was inferred to be)."""
    text = doc.text
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    taken = {(m.start, m.end) for m in known if m.kind == "person"}
    persons: dict[int, Mention] = {m.start: m for m in known if m.kind == "person"}
    found: list[Mention] = []
    roles: list[Role] = []
    named = reach([(m.start, m.end) for m in known if m.kind != "person"])
    found += _printed(text, persons, named)       # the Hanzi printed beside a name decide first
    surnames = tables.surnames()
    beside = {w: _beside(w) for w in {w for _, w in words}}     # a long page repeats its words
    for i, (start, word) in enumerate(words):
        person = persons.get(start)
        if person is None and (word[:1] not in surnames and word[:2] not in surnames
                               or not _may_be_titled(text, words, i, beside)):
            continue
        before, after = _roles_before(words, i), _role_after(words, i)
        if person is None:
            titles = [t for t in (before[:1] + after[:1]) if t] or _speaker(text, start, word)
            glued = _glued(word)        # 백운기씨가 책임자로: the title on the word decides first
            if not (titles or glued) or _is_org_word(word) or named(start) > start:
                continue
            name = glued or _name(word, sure=any(t[2] for t in titles), title_before=bool(before),
                                  comma_after=text[start + len(word):start + len(word) + 1] in ",，") or \
                (_lone_surname(word, words[i + 1][1], text[start - 1:start]) if after else None)
            if name is None:
                continue
            person = Mention(start, start + len(name), "person", None, None, 0.7, "title")
            found.append(person)
            persons[start] = person
        for a, b, _ in before + after:
            if a is not None:
                roles.append(Role(a, b, person.start, person.end, person.entity, as_of, as_of_source))
    found += _listed(text, persons, named) + _anonymised(words, persons, named)
    found += _again(text, words, found, taken)
    return found, sorted(roles, key=lambda r: (r.person_start, r.start))


# three names or more in a row, parted by commas (왕영강, 장우포, 왕조력, 서건국 및 …), or two and more
# that each carry a bracket (오철수(3쌍), 리춘호(3쌍): a tally, a time, an age)
_LIST = re.compile(r"[가-힣]{2,4}(?:\([^()]{0,24}\))?(?:\s*[,，、]\s*[가-힣]{2,4}(?:\([^()]{0,24}\))?){2,}"
                   r"|[가-힣]{2,4}\([^()]{1,24}\)(?:\s*[,，、]\s*[가-힣]{2,4}\([^()]{1,24}\))+")


def _listed(text: str, persons: dict[int, Mention], named) -> list[Mention]:
    """Names in a list: three words or more parted by commas, every one reading as a name (a surname,
    one or two syllables, no word of the dictionary, no place or body already found); 심양, 안산, 철령
    are words of the dictionary and stay places."""
    out = []
    for match in _LIST.finditer(text):
        # the names, not what a bracket says of them (오철수(3쌍)), nor the title of the name before the
        # list's first comma (조창남 서기(5쌍), 리천산(7쌍) …)
        bare = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), match.group())
        items = [(m.start() + match.start(), m.group()) for m in re.finditer(r"[가-힣]+", bare)]
        if items and items[0][1] in tables.titles():
            items = items[1:]
        if items and not _reads_as_name(items[0][1], False):
            items[0] = _name_at_end(*items[0])      # 남자조에서는서소유(…): text without spaces
        least = 2 if match.group().count("(") >= len(items) else 3
        if len(items) < least or any(named(start) > start for start, _ in items):
            continue
        # every item shaped as a name, and no more than one a word of the dictionary too (류의 流儀 among
        # 서소유, 서우양 …): a list of words is no list of names
        # (an item is read whole: 류의 before its bracket is a name, not 류 and the particle 의)
        if not all(_reads_as_name(word, True) for _, word in items) or \
                sum(not _reads_as_name(word, False) for _, word in items) > (len(items) - 1) // 2:
            continue
        for start, word in items:
            if start not in persons:
                persons[start] = Mention(start, start + len(word), "person", None, None, 0.6, "list")
                out.append(persons[start])
    return out


def _name_at_end(start: int, word: str) -> tuple[int, str]:
    """The name a list's first item ends in when the text runs on into it without a space
    (…끝에남자조에서는서소유): its last three or two syllables, when they read as a name; else the item."""
    for size in (3, 2):
        tail = word[-size:]
        if len(word) > size and _reads_as_name(tail, False):
            return start + len(word) - size, tail
    return start, word


# an anonymised person: a surname and 모 or 모모 (김모는, 리모모를): "a certain Kim"
_ANONYMISED = re.compile(r"(?P<name>[가-힣](?:모모|모))(?:는|은|가|이|를|을|의|와|과|에게|도|만)?")


def _anonymised(words: list[tuple[int, str]], persons: dict[int, Mention], named) -> list[Mention]:
    """김모, 리모모: the reports of crime name people so. 고모, 이모, 조모, 장모 are also words of the
    dictionary (aunt, grandmother, mother-in-law): one counts only when it is paired with a name that is
    no word, by 와/과 or a comma (장모와 김모는, 장모, 김모는: the report's way, not a family)."""
    surnames = tables.surnames()
    found = {}
    for k, (start, word) in enumerate(words):
        match = _ANONYMISED.fullmatch(word)
        if match is None or match["name"][0] not in surnames or start in persons or named(start) > start:
            continue
        found[k] = (start, match["name"], _dictionary_word(match["name"]), word)
    out = []
    for k, (start, name, word_of_dictionary, word) in found.items():
        if word_of_dictionary and not _paired(k, word, found):
            continue
        persons[start] = Mention(start, start + len(name), "person", None, None, 0.6, "anonymised")
        out.append(persons[start])
    return out


def _paired(k: int, word: str, found: dict) -> bool:
    """Word k and a neighbouring anonymised name that is no word of the dictionary stand joined: the
    first ends in 와/과 or is followed by a comma (the word list drops commas, so a bare word counts)."""
    def joins(w: str, name: str) -> bool:
        return w[len(name):] in ("와", "과", "")

    after, before = found.get(k + 1), found.get(k - 1)
    return (after is not None and not after[2] and joins(word, found[k][1])) or \
        (before is not None and not before[2] and joins(before[3], before[1]))


# the name, its Hanzi, and what a person's name is followed by: a particle or a comma (필정(毕政)이 …),
# not a noun it qualifies (백가(白家) 범죄집단 is a clan)
_PRINTED = re.compile(r"([가-힣]{2,4})\s*[(（]\s*([\u4e00-\u9fff]{2,3})\s*[)）]"
                      r"(?=(?:이|가|은|는|을|를|의|와|과|에게|도|만)(?![가-힣])|[,，.、]|$)")


def _printed(text: str, persons: dict[int, Mention], named) -> list[Mention]:
    """A name written with its Hanzi in brackets (필정(毕政)이, 관상(关爽)은): evidence on the page that it
    is a person and which (names.md), when the Hanzi read as the name, begin with a common surname,
    go on in given-name characters, and name no place or body the text already marks."""
    from ..names import forms, gazetteer

    surnames, given = tables.name_chars()
    keys, _ = gazetteer.index()
    out = []
    for match in _PRINTED.finditer(text):
        hanzi = match.group(2)
        reading = match.group(1)[-len(hanzi):]
        start = match.start(1) + len(match.group(1)) - len(hanzi)
        if start in persons or named(start) > start or len(reading) != len(hanzi):
            continue
        if hanzi[0] not in surnames or not all(ch in given for ch in hanzi[1:]) or \
                any(e.candidate.kind == "place" for e, _ in keys.get(hanzi, ())):
            continue
        if forms.reading(hanzi, person=True) != reading:
            continue
        mention = Mention(start, start + len(reading), "person", f"person:{hanzi}", hanzi, 0.9, "printed Hanzi")
        persons[start] = mention
        out.append(mention)
    return out


@lru_cache(maxsize=1 << 16)
def _glued(word: str) -> str | None:
    """The name of a word that writes a name and its title together (리광호주임, 정봉규씨, 리사기선수는):
    the name must read as one and be no word of the dictionary (정부주석 is no 정부 + 주석). A bare
    surname with a form of address (오선생은, 김씨가) is a person too, named by the surname alone."""
    core = _PARTICLE.sub("", word) if not word.endswith("씨") else word
    for size in (3, 2, 1):
        title = core[-size:]
        if len(core) == size + 1 and title in tables.kinds("address") and core[0] in tables.surnames():
            return core[0]
        row = tables.titles().get(title)
        if row is None or row["side"] not in ("after", "both") or not 2 <= len(core) - size <= 3 \
                or title in tables.kinds("post"):      # 성위서기: a body's post, no name
            continue
        return _name(core[:-size], sure=row["sure"] == "yes")     # 백운기씨: 씨 marks a name
    return None


def title_after(text: str, end: int) -> bool:
    """The word after ``end`` is a post or title, a particle on it or not (리홍광 회장은): someone who
    holds it in the article's time."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and _title(after.group(1), "after") is not None


_NEXT_WORD = re.compile(r"\s*([가-힣]+)")


def _beside(word: str) -> tuple[bool, bool]:
    """Whether a word is a title that may stand before a name, and whether one (or a body) may follow."""
    return _title(word, "before") is not None, _title(word, "after") is not None or _is_org_word(word)


def _may_be_titled(text: str, words: list[tuple[int, str]], i: int, beside: dict) -> bool:
    """What a word needs before it can be a name found by a title, cheap to test on every word of a
    long page: a title before it, a title or a body after it, a title glued to it, or a quotation that
    opens after it (the tests of ``people``, which cost more, come after)."""
    start, word = words[i]
    if i and beside[words[i - 1][1]][0] or i + 1 < len(words) and beside[words[i + 1][1]][1]:
        return True
    return bool(_glued(word) or _speaker(text, start, word))


def _speaker(text: str, start: int, word: str) -> list[tuple[None, int, bool]]:
    """A name that opens a quotation is its speaker: 「리순희는 “주말이면 …」."""
    end = start + len(word)
    if word[-1:] in "은는이가" and re.match(r"\s?[“\"‘]", text[end:end + 2]):
        return [(None, end, False)]
    return []


def _roles_before(words: list[tuple[int, str]], i: int) -> list[tuple[int | None, int, bool]]:
    """(start, end, sure) of the posts written before word i: 「성당위 상무위원이며 주당위 서기인 호가복」
    gives two."""
    spans: list[tuple[int | None, int, bool]] = []
    j = i - 1
    while j >= 0:
        start, word = words[j]
        title = _title(word, "before")
        # the post nearest the name may stand bare (서기 박명수); one further left is joined (…이며)
        if title is None or (spans and not (title.joined and title.post)):
            break
        if not title.post:            # 관광객 왕정: marks the name, holds no post
            return [(None, start + len(title.text), title.sure)]
        if not spans and title.joined and not word.endswith("인"):
            break         # 상무위원이며 joins a further post, not a name
        first = _body_before(words, j)
        spans.append((words[first][0], start + len(title.text), title.sure))
        j = first - 1
    return sorted(spans, key=lambda s: s[0])


# The body before a post may also be a place or a generic one (연변주 주장, 합작사 책임자, 기업 대표)
_BODY_OR_PLACE = re.compile(r"(?:[주성시현구진향촌]|합작사|기업|기지|공장|농장|목장)$")


def _body_before(words: list[tuple[int, str]], j: int) -> int:
    """The first of up to three words naming the post's body right before word j (흑룡강성 성위 서기)."""
    first = j
    while first > 0 and j - first < 3 and (_is_org_word(words[first - 1][1]) or
                                          _BODY_OR_PLACE.search(words[first - 1][1])):
        first -= 1
    return first


def _role_after(words: list[tuple[int, str]], i: int) -> list[tuple[int | None, int, bool]]:
    """The post written after word i: 「김철 기자」, 「허근 흑룡강성성위 서기」; a form of address (동지)
    marks the name with no post (start None)."""
    for size in (1, 2, 3):
        if i + size >= len(words):
            return []
        start, word = words[i + size]
        title = _title(word, "after")
        if title:
            return [(words[i + 1][0] if title.post else None, start + len(title.text), title.sure)]
        if not _is_org_word(word):
            return []
    return []


def _again(text: str, words, found: list[Mention], taken: set) -> list[Mention]:
    """Every other place the text writes a name found by its title (김철은 after 김철 기자)."""
    names = {text[m.start:m.end]: m for m in found}
    sizes = sorted({len(name) for name in names}, reverse=True)
    seen = {m.start for m in found} | {a for a, _ in taken}
    out = []
    for start, word in words:
        if start in seen:
            continue
        for size in sizes:          # the word's own prefixes, not every name: linear in the text
            rest = word[size:]
            if word[:size] in names and (not rest or _PARTICLE.fullmatch(rest) or _title(rest, "after")):
                first = names[word[:size]]           # the same person again: 필정(毕政)이 … 필정은
                out.append(Mention(start, start + size, "person", first.entity, first.value, 0.6, first.source))
                break
    return out

