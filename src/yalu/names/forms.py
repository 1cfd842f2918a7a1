"""The four forms of a Chinese name: Hanzi (simplified and traditional), the Chinese Korean reading,
pinyin, and the South Korean standard transcription.

습근평 · 習近平 · Xí Jìnpíng · 시진핑. The reading is the Sino-Korean reading of each character before
the initial-sound law (the `hanja` package's table, which keeps 룡, 리, 림), taken on the traditional
form of the whole phrase (沈阳 → 瀋陽 → 심양; character by character 沈 would read 침). The standard
transcription follows 외래어 표기법 표 5 from pinyin; administrative suffixes stay Sino-Korean
(헤이룽장성). The tables are data files in ``data/``.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

_COMPAT_LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_COMPAT_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_COMPAT_TAILS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("yalu.names").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


@dataclass(frozen=True)
class Tables:
    readings: dict[str, str]                # traditional character → reading (hanja table)
    any_overrides: dict[str, str]
    surname_overrides: dict[str, str]
    pinyin_any: dict[str, str]
    pinyin_surname: dict[str, str]
    suffixes: list[tuple[str, str]]         # (hanzi, reading), longest first
    transcription: dict


@cache
def tables() -> Tables:
    from hanja.table import hanja_table

    overrides = _rows("reading_overrides.tsv")
    pinyins = _rows("pinyin_overrides.tsv")
    suffixes = [(r["hanzi"], r["reading"]) for r in _rows("suffixes.tsv")]
    return Tables(
        readings=hanja_table,
        any_overrides={r["hanzi"]: r["reading"] for r in overrides if r["where"] == "any"},
        surname_overrides={r["hanzi"]: r["reading"] for r in overrides if r["where"] == "surname"},
        pinyin_any={r["hanzi"]: r["pinyin"] for r in pinyins if r["where"] == "any"},
        pinyin_surname={r["hanzi"]: r["pinyin"] for r in pinyins if r["where"] == "surname"},
        suffixes=sorted(suffixes, key=lambda s: len(s[0]), reverse=True),
        transcription=tomllib.loads(resources.files("yalu.names").joinpath("data", "transcription.toml")
                                    .read_text(encoding="utf-8")),
    )


@cache
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def traditional(hanzi: str) -> str:
    return _opencc("s2t").convert(hanzi)


def simplified(hanzi: str) -> str:
    """公園 → 公园: the dictionary's hanja as China writes them."""
    return _opencc("t2s").convert(hanzi)


def reading(hanzi: str, *, person: bool = False) -> str:
    """习近平 → 습근평, 沈阳 → 심양, 辽宁 → 료녕; for a person the surname overrides apply (金 김)."""
    t = tables()
    trad = traditional(hanzi)
    out = []
    for k, (simple, char) in enumerate(zip(hanzi, trad)):
        if person and k == 0 and (simple in t.surname_overrides or char in t.surname_overrides):
            out.append(t.surname_overrides.get(simple) or t.surname_overrides[char])
        else:
            out.append(t.any_overrides.get(char) or t.readings.get(char) or t.readings.get(simple, char))
    return "".join(out)


def split_suffix(hanzi: str) -> tuple[str, str]:
    """佳木斯市 → (佳木斯, 市); 延边朝鲜族自治州 → (延边, 朝鲜族自治州); a name alone → (name, "")."""
    for suffix, _ in tables().suffixes:
        if hanzi.endswith(suffix) and len(hanzi) > len(suffix):
            base = hanzi[: -len(suffix)]
            ethnic = _ETHNIC.search(base)
            if ethnic and ethnic.start() > 1:      # 内蒙古 is one name, not 内 + 蒙古
                return base[: ethnic.start()], base[ethnic.start():] + suffix
            return base, suffix
    return hanzi, ""


# Ethnic words inside autonomous units' names (延边朝鲜族自治州); 56 groups, longest alternatives first.
_ETHNIC = re.compile(
    "(?:朝鲜族|蒙古族|回族|藏族|维吾尔族|维吾尔|苗族|彝族|壮族|布依族|侗族|瑶族|白族|土家族|哈尼族|哈萨克族|哈萨克|傣族|"
    "黎族|傈僳族|佤族|畲族|高山族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|柯尔克孜|土族|达斡尔族|仫佬族|羌族|布朗族|"
    "撒拉族|毛南族|仡佬族|锡伯族|阿昌族|普米族|塔吉克族|塔吉克|怒族|乌孜别克族|俄罗斯族|鄂温克族|德昂族|保安族|裕固族|京族|"
    "塔塔尔族|独龙族|鄂伦春族|赫哲族|门巴族|珞巴族|基诺族|满族|各族|蒙古|壮)+$")


def syllables(hanzi: str, *, person: bool = False) -> list[str]:
    """Tone-marked pinyin syllables, one per character: 佳木斯 → [jiā, mù, sī]; whole words first
    (pypinyin's phrase table), then the overrides (珲春 hún chūn; the surname 单 shàn)."""
    from pypinyin import Style, pinyin as to_pinyin

    t = tables()
    out: list[str] = []
    i = 0
    surname = _surname(hanzi) if person else ""
    if surname in t.pinyin_surname:
        out += t.pinyin_surname[surname].split()
        i = len(surname)
    while i < len(hanzi):
        key = next((k for k in t.pinyin_any if hanzi.startswith(k, i)), None)
        if key:
            out += t.pinyin_any[key].split()
            i += len(key)
            continue
        j = i
        while j < len(hanzi) and not any(hanzi.startswith(k, j) for k in t.pinyin_any):
            j += 1
        out += [s[0] for s in to_pinyin(hanzi[i:j], style=Style.TONE, errors=lambda x: list(x))]
        i = j
    return out


def pinyin(hanzi: str, *, person: bool = False) -> str:
    """佳木斯 → Jiāmùsī; 习近平 (person) → Xí Jìnpíng."""
    parts = syllables(hanzi, person=person)
    if person and len(parts) > 1:
        compound = _surname(hanzi)
        surname = len(compound) if len(compound) > 1 else 2 if len(hanzi) >= 4 else 1
        return f"{_join(parts[:surname]).capitalize()} {_join(parts[surname:]).capitalize()}"
    return _join(parts).capitalize()


def _join(parts: list[str]) -> str:
    """Syllables written as one word, with the apostrophe the pinyin rules (汉语拼音方案, 隔音符号) put
    before a syllable that starts with a, o or e inside a word: 西安 Xī'ān, 延安 Yán'ān, 天峨 Tiān'é."""
    out = ""
    for k, part in enumerate(parts):
        if k and part[:1].lower().translate(_TONES) in ("a", "o", "e"):
            out += "'"
        out += part
    return out


def _surname(hanzi: str) -> str:
    """The surname in the override table that ``hanzi`` starts with, longest first (尉迟 before 尉), or ""."""
    return next((k for k in sorted(tables().pinyin_surname, key=len, reverse=True) if hanzi.startswith(k)), "")


def person_shaped(hanzi: str) -> bool:
    """Whether Hanzi in no gazetteer should be read as a person's name: two to four characters that begin
    with a surname of the override tables (曾, 解, 单 … read as surnames: 曾庆红 Zēng, 쩡칭훙), carry no
    place suffix, do not begin with a word that reads the surname otherwise (解放 jiě, 曾经 céng:
    pypinyin's phrase table decides), and whose other characters are all given-name characters of
    name_chars.tsv (华为, 曾是, 区人大 are not names: 为, 是, 人 are no given-name characters). Data, not a
    list of names; words such as 区长 or 盖章 still pass and read as names."""
    from pypinyin.phrases_dict import phrases_dict

    surname = _surname(hanzi)
    if not surname or not 2 <= len(hanzi) <= 4 or split_suffix(hanzi)[1]:
        return False
    if not all(ch in _given_chars() for ch in hanzi[len(surname):]):
        return False
    head = phrases_dict.get(hanzi[:2]) or phrases_dict.get(hanzi)
    wanted = tables().pinyin_surname[surname].split()
    return head is None or [s[0] for s in head[: len(wanted)]] == wanted


@cache
def _given_chars() -> frozenset[str]:
    text = resources.files("yalu.names").joinpath("data", "name_chars.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader([line for line in text.splitlines() if not line.startswith("#")], delimiter="\t")
    return frozenset(r["hanzi"] for r in rows if r["kind"] == "given")


def plain(pinyin_text: str) -> str:
    """A search key for pinyin: "Xí Jìnpíng", "Xi Jinping", "xijinping" → "xijinping"."""
    return re.sub(r"[^a-zü]", "", pinyin_text.lower().translate(_TONES).replace("v", "ü"))


def hangul(syllable: str) -> str:
    """One toneless pinyin syllable → Hangul by 외래어 표기법 표 5: jia → 자, si → 쓰, xian → 셴."""
    tr = tables().transcription
    initial = next((i for i in sorted(tr["initials"], key=len, reverse=True) if syllable.startswith(i)), "")
    final = syllable[len(initial):]
    if not initial:
        final = tr["zero"].get(syllable, final)
        return tr["finals"].get(final, "")
    if initial in "jqx" and final.startswith("u"):
        final = "ü" + final[1:]                      # ju, qu, xu are jü, qü, xü
    if final == "i" and initial in tr["apical"]["initials"]:
        written = tr["apical"]["vowel"]
    else:
        written = tr["after_initial"].get(final) or tr["finals"].get(final)
    if not written:
        return ""
    lead = tr["initials"][initial]
    first, rest = written[0], written[1:]
    vowel, tail = _split(first)
    if lead in tr["after_affricate"]["initials"]:
        vowel = tr["after_affricate"]["vowels"].get(vowel, vowel)
    return _compose(lead, vowel, tail) + rest


def standard(hanzi: str, *, person: bool = False, split: bool = True) -> str:
    """佳木斯 → 자무쓰, 黑龙江省 → 헤이룽장성, 习近平 → 시진핑: the base transcribed, the suffix Sino-Korean.

    A conventional South Korean form (香港 홍콩, 澳门 마카오) beats the rule.
    """
    conventional = _standard_forms()
    if hanzi in conventional:
        return conventional[hanzi]
    base, suffix = (hanzi, "") if person or not split else split_suffix(hanzi)
    body = conventional.get(base) or "".join(hangul(plain(s)) for s in syllables(base, person=person))
    return body + (reading(suffix) if suffix else "")


@cache
def _standard_forms() -> dict[str, str]:
    return {r["hanzi"]: r["standard"] for r in _rows("standard_forms.tsv")}


def _split(syllable: str) -> tuple[str, str]:
    code = ord(syllable) - 0xAC00
    vowel, tail = divmod(code % 588, 28)
    return _COMPAT_VOWELS[vowel], _COMPAT_TAILS[tail].strip()


def _compose(lead: str, vowel: str, tail: str = "") -> str:
    return chr(0xAC00 + (_COMPAT_LEADS.index(lead) * 21 + _COMPAT_VOWELS.index(vowel)) * 28
               + (_COMPAT_TAILS.index(tail) if tail else 0))
