"""Mentions: spans of a Document's text that name a person, a place, an organisation or a date.

People and places are looked up in the name gazetteers at the start of each word (습근평, 가목사시에서,
흑룡강성성위); a place reading that is also a common word (대상, 사회) is dropped unless it is one of the
north-east's own (names.md: 32 of 86 naive hits were right; these two rules gave 34 of 40). Organisations
are words with an organisation ending (유한회사, 연구원, 파출소); dates are read against the article's
publication date, or against a dated event the text names when there is none.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from functools import cache, lru_cache

from ..document import Document, Mention
from ..names import gazetteer
from ..names.context import as_context
from ..orthography.morph import analyse
from .events import events
from .people import PRESS, people, title_after
from . import tables
from .quoted import quantities, terms
from .spans import reach

_WORD = re.compile(r"(?<![\w(])\d*[가-힣A-Z][가-힣A-Z0-9]*(?:[(（][\u4e00-\u9fff]+[)）][가-힣0-9]*)*(?:\([가-힣]+\)[가-힣0-9]*)*")
_PARTICLES = "에서는|에서도|에서|에는|에도|에게|으로부터|로부터|으로|로서|로|과|와|을|를|이|가|은|는|의|에|도|만|들|서"
_PARTICLE = re.compile(rf"(?:{_PARTICLES})$")
# … and the copula, after a place (장춘시이다; 서: 장춘서 개최); not after a body, where 연구원이다 says what
# a thing is, not its name
_PLACE_PARTICLE = re.compile(rf"(?:이다|이며|이고|{_PARTICLES})$")
_LONGEST_KEY = 10


def mentions(doc: Document) -> tuple[Mention, ...]:
    """Every person, place, organisation, date, quoted term and quantity the text names."""
    return annotate(doc).mentions


def annotate(doc: Document) -> Document:
    """The document with its mentions, the roles of its people and the events they make."""
    names = _names(doc)
    names += _countries(doc, names) + _towns(doc, names)
    year, how = reference_year(doc)
    as_of = doc.published[:10] if doc.published else (str(year) if year else None)
    titled, roles = people(doc, names, as_of, how if as_of else None)
    # a body named in a post (주당위 in 주당위 서기) belongs to the role, not an organisation of its own;
    # a paper or a publisher keeps its name (길림신문사 in 길림신문사 사장)
    in_role = reach([(r.start, r.end) for r in roles])
    orgs = [m for m in _organisations(doc, names)
            if in_role(m.start) < m.end or PRESS.search(doc.text[m.start:m.end])]
    found = names + titled + orgs + _dates(doc) + terms(doc) + quantities(doc)
    found = tuple(sorted(found, key=lambda m: (m.start, -m.end)))
    roles = tuple(roles)
    return dataclasses.replace(doc, mentions=found, roles=roles, events=events(doc, found, roles))


def _names(doc: Document) -> list[Mention]:
    keys, _ = gazetteer.index()
    text = doc.text
    context = as_context(text)      # one reading of the article for all the lookups below
    ranked: dict[str, gazetteer.Candidate] = {}     # a name the article writes again ranks the same
    out: list[Mention] = []
    read: dict[tuple[str, str], tuple[int, gazetteer.Candidate] | None] = {}   # a word written again reads alike
    for match in re.finditer(r"[가-힣]+", text):
        word, start = match.group(), match.start()
        # what runs on after the word up to a closing quote: 목단강항달(恒达)식품유한회사 all, 《길림신문》이 only 신문
        tail = _TAIL.match(text, match.end()).group()
        # a place may open the word and another follow it inside (연변룡정팀, 료양시문성구): read on
        while word:
            if (word, tail) not in read:
                read[word, tail] = _name_in(word, tail, keys, ranked, context)
            found = read[word, tail]
            if not found:
                break
            size, best = found
            if best.kind == "person" and any(reason.startswith(_OF_HISTORY) for reason in best.why) and \
                    title_after(text, match.end()):
                break       # 리홍광 회장: a man of today with a post, not 李红光 (1910–1935); people() reads him
            entity = f"person:{best.hanzi}" if best.kind == "person" else f"place:{best.code}"
            out.append(Mention(start, start + size, best.kind, entity, best.hanzi, round(best.confidence, 3)))
            if best.kind != "place":
                break
            word, start = word[size:], start + size
    return out


_TAIL = re.compile(r"[^\s》」』>”’\"'가-힣][^\s》」』>”’\"']*|")
_OF_HISTORY = "a person of history"


def _name_in(word: str, tail: str, keys, ranked: dict, context) -> tuple[int, gazetteer.Candidate] | None:
    """The person or place a word opens, and how many of its syllables name it."""
    for size in range(min(len(word), _LONGEST_KEY), 1, -1):
        key = word[:size]
        hit = keys.get(key)
        if not hit:
            continue
        entries = [(e, how) for e, how in hit if how in gazetteer.TEXT_FORMS]
        if not entries:
            continue
        best = ranked.get(key) or ranked.setdefault(key, gazetteer.lookup(key, context=context)[0])
        if best.kind not in ("person", "place") or best.why[:1] and best.why[0].startswith("guessed"):
            continue          # the Hanzi printed beside a reading made a name of no gazetteer, or the
            #                   lookup put a frequency guess first (리홍광 회장: no person of history): not here
        if best.kind == "person" and not _ends_a_name(word[size:]):
            continue          # 리창 in 리창연: another name that begins alike
        if best.kind == "place" and not _place_is_meant(key, best, entries, word[size:] + tail):
            continue
        if best.kind == "place" and _DIVISION.get(best.hanzi[-1:]) == word[size:size + 1] and len(key) <= 3 \
                and _may_follow_a_place(word[size + 1:]):
            size += 1         # 하얼빈시, 목단강시: the division word after a conventional form
        return size, best
    return None


# What a place may be glued to: a particle, a division word, or the body or organisation it opens
# (흑룡강성성위, 연길시인민정부, 연변대학); 장백산, 옥수수, 아파트 are other words.
_AFTER_PLACE = re.compile(r"(?:당|인민|조선족|조선민족|정부|지역|일대|경내|측|동부|서부|남부|북부|통상구|대표단|태생)")
_DIVISION = {"市": "시", "县": "현", "区": "구", "省": "성", "州": "주"}


def _ends_a_name(after: str) -> bool:
    """What may follow a person's name in its word: nothing, a particle, or a title (허근서기)."""
    after = _PARTICLE.sub("", after.rstrip(",.”’\"'·、"))
    return not after or after in tables.titles() or _PARTICLE.fullmatch(after) is not None


def _opens_with_place(after: str) -> bool:
    """룡정팀 after 연변: another place in a form the papers write (a conventional or full form, never a
    bare reading that is also a word), itself followed by what may follow a place."""
    keys, _ = gazetteer.index()
    for size in range(min(len(after), _LONGEST_KEY), 1, -1):
        forms = {how for e, how in keys.get(after[:size], ()) if e.candidate.kind == "place"}
        if forms & {"conventional", "full", "short"}:
            return _may_follow_a_place(after[size:])
    return False


def _may_follow_a_place(after: str) -> bool:
    """``after``: the rest of the word, up to the next space (가목사중건재가성유리(中建材佳星玻璃)…유한회사)."""
    after = re.sub(r"^[(（][\u4e00-\u9fff]+[)）]", "", after)      # 길림성(吉林省)에: its Hanzi, then a particle
    after = _PLACE_PARTICLE.sub("", after.rstrip(",.”’\"'·、"))
    if not after or _AFTER_PLACE.match(after) or after.endswith(tables.org_endings()) or _opens_with_place(after):
        return True
    # a division word (시, 현, 구 …) counts when what follows it may follow a place: 시간 is a word
    return after[0] in "시현구주성" and _may_follow_a_place(after[1:])


def _place_is_meant(key: str, best: gazetteer.Candidate, entries, after: str) -> bool:
    """Whether a reading in running text names the place (names.md: naive matching was right 32 times
    in 86). Kept: the papers' own region (a province, the north-east's prefecture-level names, Yanbian's
    counties), readings of three syllables or more, and the papers' conventional forms. A two-syllable
    reading elsewhere (위해 is also "for", 구현 "realise", 대상 "target") needs the article to name its
    province or prefecture. 흥안로 is a street, not 兴安区."""
    if after.startswith(("로", "길", "가두", "거리", "대로")) or _PEOPLE_OF.match(after):
        return False
    if best.level == "landmark":
        return False        # a building (인민대회당) is a facility, not a place, as NER tag sets have it
    mine = {how for e, how in entries if e.candidate.code == best.code}
    if not mine:
        return False
    if not _may_follow_a_place(after) and not _opens_a_compound(key, best, mine, after):
        return False
    if best.level in ("town", "township", "subdistrict") and mine <= {"base"}:
        # a town by its bare name (동방홍 for 东方红镇, also a song; 태양승): only when the article names
        # the town in full or its county, not for being in the north-east or its province
        return any(reason == "the article names it in full" or
                   reason.startswith("the article names") and "province" not in reason and
                   (best.province or "?") not in reason for reason in best.why)

    if best.level == "province" or gazetteer.home(best) or mine & {"conventional", "short"} or len(key) > 2:
        return True
    # away from the north-east, a reading that is also an ordinary word (조장 組長) must be named in full
    # somewhere in the article; its province named is not enough (조장이 in a Shandong article is still
    # a group leader)
    if best.code[:2] not in gazetteer.NORTH_EAST and any(e.ordinary for e, _ in entries if e.candidate.code == best.code):
        return "the article names it in full" in best.why
    return any(reason.startswith("the article names") for reason in best.why)


# what makes a place's name its people (연변인민들, 연변인의, 훈춘시민), not the place; 연변인민정부 and
# 연변인민방송 are bodies of the place
_PEOPLE_OF = re.compile(r"(?:인민들|인민(?=[의은는이가을를과와도]|$)|인(?=[의은는이가을를과와도들]|$)|사람|시민|주민)")


def _opens_a_compound(key: str, best: gazetteer.Candidate, how: set[str], after: str) -> bool:
    """A place that opens a compound name (연변축구, 할빈신광, 료녕일보, 료양학우회, 대련경기구): a province
    or a name of the papers' own region, or a conventional form, whose syllables the dictionary does not
    read as a word of other Hanzi there (통화량 is 通貨 + 量, 안도감 安堵感: no 通化, no 安图)."""
    if not (best.level == "province" or gazetteer.home(best) or how & {"conventional", "short"}):
        return False
    rest = re.match(r"[가-힣]+", after)
    if rest is None:
        return False
    keys, _ = gazetteer.index()
    if any(any(e.candidate.kind == "place" for e, _ in keys.get(key + rest.group()[:size], ()))
           for size in range(1, min(len(rest.group()), _LONGEST_KEY) + 1)):
        return False       # 조양천: a longer place (朝阳川, a town) the word names, not 조양 (朝阳) and more
    return _reads_as_place(key, rest.group())


@lru_cache(maxsize=1 << 14)
def _reads_as_place(key: str, rest: str) -> bool:
    """The tagger reads no word running across the place's end (통화량 通話量, 안도감 安堵感 are one word
    each) and no ending right after it (마중하러: a verb, 마중하다, and its ending); 연변축구, 료양학우회
    and 할빈신광 open with their place, whatever the tagger makes of a name it does not know."""
    morphs, _ = analyse(key + rest)
    if not morphs or morphs[0].end > len(key):
        return False
    following = next((m for m in morphs if m.start >= len(key)), None)
    return following is None or not following.tag.startswith(("E", "XSV", "XSA"))


@cache
def _country_prefixes() -> frozenset[str]:
    return frozenset(form[:3] for form in tables.countries() if len(form) >= 3)


# 조선족, 조선말, 한국어: a people or a language, not the country
# What after a country's name makes it a people, a language or a manner, not the country: 조선족, 조선말,
# 조선언어문자, 조선사람, 조선교민, 조선의용군 (a people's army), 중국식, 중국특색, 중국공민
_NOT_COUNTRY = re.compile(r"(?:족|말|어|문|글|인|민족|언어|사람|교민|동포|겨레|의용군|독립|식|특색|공민)")


def _countries(doc: Document, names: list[Mention]) -> list[Mention]:
    taken = {m.start for m in names}
    out = []
    for match in re.finditer(r"(?<![가-힣])[가-힣]+", doc.text):
        word = match.group()
        if match.start() in taken:
            continue
        if found := _country_in(word):
            at, size, code, hanzi = found
            start = match.start() + at
            out.append(Mention(start, start + size, "place", f"place:{code}", hanzi, 0.9))
    return out


@lru_cache(maxsize=1 << 16)
def _country_in(word: str) -> tuple[int, int, str, str] | None:
    """(where, how long, code, Hanzi) of the country a word names: 로씨야와, 대로씨야 ("with Russia")."""
    forms = tables.countries()
    at = 1 if word.startswith("대") and word[1:4] in _country_prefixes() else 0
    for size in range(min(len(word) - at, 12), 1, -1):
        if word[at:at + size] in forms:
            if _NOT_COUNTRY.match(word[at + size:]):
                return None
            return (at, size) + forms[word[at:at + size]]
    return None


# Towns, townships and villages are below the gazetteer: a word of three syllables or more ending 진, 향
# or 촌 (삼합진, 명동촌, 이도백하진, 민락조선족향) unless its end is an ordinary word (추진, 농촌, 고향, 사진).
_TOWN = re.compile(r"[가-힣]{2,6}(?:진|향|촌)")
_ORDINARY_ENDINGS = ("추진", "촉진", "증진", "선진", "전진", "행진", "지진", "정진", "매진", "부진", "급진", "사진",
                     "방향", "영향", "지향", "고향", "취향", "성향", "동향", "의향", "경향", "음향",
                     "농촌", "어촌", "산촌", "향촌", "귀촌", "지구촌", "부촌", "빈촌")


def _inflected(word: str) -> bool:
    """무너진, 두드러진: a verb form, not a town."""
    morphs, _ = analyse(word)
    return morphs[-1].pos != "Noun"


def _common_noun(word: str) -> bool:
    """민속촌, 관광촌, 감독진, 조선족촌: a word the dictionary reads as one common noun, or a people or
    a kind of place alone before the ending, names no town (조광조선족촌 does)."""
    morphs, _ = analyse(word)
    return len(morphs) == 1 and morphs[0].tag == "NNG" or word[:-1] in tables.kinds("village")


def _towns(doc: Document, names: list[Mention]) -> list[Mention]:
    taken = {m.start for m in names}
    out = []
    for match in re.finditer(r"(?<![가-힣])[가-힣]+", doc.text):
        word = _PARTICLE.sub("", match.group())
        if match.start() in taken or not _town(word):
            continue
        out.append(Mention(match.start(), match.start() + len(word), "place", None, None, 0.6))
    return out


@lru_cache(maxsize=1 << 16)
def _town(word: str) -> bool:
    return bool(_TOWN.fullmatch(word)) and not word.endswith(_ORDINARY_ENDINGS) and not _inflected(word) \
        and not _common_noun(word)


# Words that place an organisation: 령동구 중산가두 통달주민지역사회, 시 도서관, 하얼빈 조선족로인협회.
# A lone 시 or 주 does, but not in 전 주 ("the whole prefecture").
_LOCATOR = re.compile(r"[가-힣]*(?:가두|구|진|향|촌|현|시|성|주)|[시현주성]")


# endings that name a kind as readily as a body, and what before them makes it a kind, not a name:
# 3위팀, 8개팀, 두팀, 참가팀, 상대팀, 국가팀, 대학교 (but 국가에너지국 is a body)
_KINDS = ("팀", "학교", "협회")
_RANK = re.compile(r"\d+\s*(?:위|개|등)?")


def _kind_of_body(head: str) -> bool:
    return head in tables.kinds("body") or bool(_RANK.fullmatch(head))


def _organisations(doc: Document, places: list[Mention]) -> list[Mention]:
    text = doc.text
    place_words = {(m.start, m.end) for m in places}
    out: list[Mention] = []
    for match in _WORD.finditer(text):
        word = _PARTICLE.sub("", match.group())
        if not word.endswith(tables.org_endings()):
            continue
        ending = next(e for e in tables.org_endings() if word.endswith(e))
        start = match.start()
        # up to three locating words before it belong to the name; a bare ending (도서관) needs one
        for _ in range(3):
            before = re.search(r"(\S+) $", text[max(0, start - 16):start])
            if not before:
                break
            at = start - len(before.group())
            locates = _LOCATOR.fullmatch(before.group(1)) and text[at - 2:at] != "전 "
            if not (locates or (at, start - 1) in place_words):
                break
            start = at
        if start == match.start() and len(word) == len(ending) or \
                ending in _KINDS and _kind_of_body(word[:-len(ending)]) or word in tables.kinds("not_body"):
            continue
        end = match.start() + len(word)
        # a body and its organ are one name: 주당위 상무위원회, 중공중앙 정치국, 로인협회 농악무팀
        if out and out[-1].end + 1 == start and text[out[-1].end] == " ":
            start = out.pop().start
        hanzi = re.search(r"[(（]([\u4e00-\u9fff]+)[)）]", word)
        out.append(Mention(start, end, "org", None, hanzi.group(1) if hanzi else None, 0.8))
    return out


_MONTH_DAY = re.compile(r"(?:(?P<y>\d{4})년\s*)?(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일(?:부터\s*(?:(?P<m2>\d{1,2})월\s*)?"
                        r"(?P<d2>\d{1,2})일까지)?")


def reference_year(doc: Document) -> tuple[int | None, str]:
    """The year month-and-day dates belong to, and how it is known."""
    if doc.published:
        return int(doc.published[:4]), "published"
    for pattern, name, start, _ in tables.congresses():
        if pattern.search(doc.text):
            return int(start[:4]), f"inferred from {name} ({start})"
    return None, "unknown"


def _dates(doc: Document) -> list[Mention]:
    year, how = reference_year(doc)
    out = []
    for match in _MONTH_DAY.finditer(doc.text):
        y = int(match["y"]) if match["y"] else year
        if y is None:
            continue
        try:
            first = date(y, int(match["m"]), int(match["d"]))
            last = date(y, int(match["m2"] or match["m"]), int(match["d2"])) if match["d2"] else None
        except ValueError:
            continue
        value = first.isoformat() + (f"/{last.isoformat()}" if last else "")
        source = "written" if match["y"] else how
        out.append(Mention(match.start(), match.end(), "date", None, value,
                           0.9 if source in ("written", "published") else 0.6, source))
    return out
