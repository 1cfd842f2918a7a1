"""Page → Document: find the body, the headline block above it, the fields around it, the chrome.

Every line of the page (a text scrape's lines, or HTML flattened by ``html.parse``) is first given a
kind by the patterns of ``patterns.toml``: a field line (date, byline, source, review), chrome, or
text. The body is the run of text that starts at the first line that reads like a paragraph and ends
at the first field or chrome line after it; the headline block is the group of text lines just above
it; fields are read from the lines around it; every other line is chrome, kept for audit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Author, Document, Review, Warning, assemble
from ..errors import NoArticle
from ..sources import Page
from . import html
from .fields import Stamp, find_bylines, find_date, find_review, find_source, meta_date, url_date
from .rules import Rules, host_of, load_rules

# A line reads like a paragraph when it is long, or when it ends a sentence.
_SENTENCE_END = re.compile(r"[.!?。…][\"”’'」』)）\]]*$")
# A line that ends a Korean sentence is prose, whatever dates or names it holds.
_PROSE_END = re.compile(r"[가-힣][.!?。][\"”’'」』)）\]]*$")
_FIELD_KINDS = {"date", "refused", "byline", "source", "review"}
_SHORT = 120        # a field or chrome line is shorter than this; longer lines are text
_FIELD_WORDS = 5    # a field line holds at most this many words besides its labels, brackets and date
_LABEL = 4          # a line of this many letters or fewer labels something (图文, 검색); it tells nothing
_KICKER = 8         # a line above the headline this short is its kicker, not the headline
_TITLE = 100        # a line above the header fields longer than this is text, not a title
_DECKS = 4          # at most this many short lines stand between the header fields and the first paragraph
_CROSS = 2          # the body goes on past this many field lines (a photo credit) when text follows
_LETTER = re.compile(r"[가-힣ㄱ-ㆎA-Za-z\u4e00-\u9fff]")
_HANGUL = re.compile(r"[가-힣ㄱ-ㆎ]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class _Line:
    text: str
    kind: str = "text"             # blank, chrome, date, refused, byline, source, review, text
    hint: str | None = None
    stamp: Stamp | None = None
    refused: str | None = None
    authors: list[Author] = field(default_factory=list)
    weak: bool = False             # a bare name: a byline only beside another field line
    source: str | None = None
    credit: str | None = None      # a line naming only papers or stations: a source of last resort
    review: dict[str, str | None] = field(default_factory=dict)
    marked: bool = False           # the markup says it is furniture (<nav>, a list of links)


def extract(page: Page, url: str | None = None) -> Document:
    rules = load_rules()
    evidence = html.Evidence()
    if page.is_html:
        raw, evidence = html.parse(page.text, page.name)
    else:
        raw = [html.Line(" ".join(line.split())) for line in page.text.split("\n")]
    raw = _split_glued_dates(_join_open_brackets(raw), rules)
    url = url or page.url or evidence.canonical
    warnings = list(page.warnings)
    hangul = _hangul_share(raw)
    korean = hangul >= 0.3
    if not korean:
        warnings.append(Warning("language.not-korean", _language(raw, hangul)))
    lines = [_classify(line, rules, korean) for line in raw]
    _settle_bare_names(lines, rules, korean)
    start, end, block_at, decks = _layout(lines, rules, page.name)

    paragraphs = [line.text for line in lines[start:end] if line.kind == "text"]
    dateline, dateline_source = _strip_dateline(paragraphs, rules)
    lead_source, lead_authors = _strip_lead(paragraphs, rules)
    tail_source, tail_authors = _strip_tails(paragraphs, rules)
    published, published_from = _published(lines, start, end, dateline, evidence, url, rules, warnings)
    block, first_in_block = _headline_block([lines[i] for i in block_at], evidence, rules)
    block += [("subheadline", rules.deck_mark.sub("", lines[i].text)) for i in decks]
    if not any(part == "headline" for part, _ in block):
        warnings.append(Warning("headline.missing", "no line above the body reads as a headline"))
    block_at = block_at[first_in_block:]

    fields = [line for i, line in enumerate(lines) if not start <= i < end or line.kind in _FIELD_KINDS]
    authors = _unique([a for line in fields for a in line.authors] + lead_authors + tail_authors)
    source = (next((line.source for line in fields if line.source), None) or dateline_source or lead_source
              or tail_source or next((line.credit for line in fields if line.credit), None))
    review = _review(fields)
    chrome = [line.text for i, line in enumerate(lines)
              if line.kind == "chrome" or line.kind == "text" and not start <= i < end and i not in block_at
              and i not in decks]
    outlet = _outlet(url, lines, evidence, rules)
    if outlet is None:
        warnings.append(Warning("outlet.unknown", "no URL and no mark of a known outlet on the page"))
    published = _in_local_time(published, outlet, url, rules, warnings)
    if _spaceless(paragraphs):
        warnings.append(Warning("text.no-spaces", "the body is written without spaces between words"))
    if short := _body_short(lines, paragraphs):
        warnings.append(short)

    return assemble(
        block, paragraphs,
        url=url, outlet=outlet, source=source, published=published, published_from=published_from,
        authors=tuple(authors), review=review, chrome=tuple(chrome), warnings=tuple(warnings),
        encoding=page.encoding,
    )


def _join_open_brackets(raw: list[html.Line]) -> list[html.Line]:
    """A field template broken over lines (편집/기자: [ / 김룡 / ] 원고래원: [ …) is joined back into one."""
    out: list[html.Line] = []
    i = 0
    while i < len(raw):
        line, j = raw[i], i + 1
        text = line.text
        while text.count("[") > text.count("]") and j < len(raw) and j - i < 8 and len(text) < _SHORT:
            text = f"{text} {raw[j].text}".strip()
            j += 1
        if j - i > 1 and text.count("[") == text.count("]"):
            out.append(html.Line(" ".join(text.split()), chrome=line.chrome, link=line.link, hint=line.hint))
            i = j
        else:
            out.append(line)
            i += 1
    return out


def _split_glued_dates(raw: list[html.Line], rules: Rules) -> list[html.Line]:
    """발행시간: 2020.04.03일 13:16 4월 2일, … : a labelled date glued to the first sentence is its own line."""
    out: list[html.Line] = []
    for line in raw:
        labelled = not line.chrome and (":" in line.text[:14] or "：" in line.text[:14])
        stamp = find_date(line.text, rules)[0] if labelled else None
        label = line.text[:stamp.start].rstrip(" [") if stamp else ""
        if stamp and 0 < len(label) <= 12 and label[-1] in ":：" and len(line.text) - stamp.end >= 30:
            out += [html.Line(line.text[:stamp.end], hint=line.hint), html.Line(line.text[stamp.end:].strip(" ]"))]
        else:
            out.append(line)
    return out


def _hangul_share(raw: list[html.Line]) -> float:
    text = "\n".join(line.text for line in raw if not line.chrome)[:4000]   # enough to tell
    letters = _LETTER.subn("", text)[1]
    return _HANGUL.subn("", text)[1] / letters if letters else 1.0


def _language(raw: list[html.Line], hangul: float) -> str:
    text = " ".join(line.text for line in raw if not line.chrome)
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    language = "Chinese" if han >= latin else "English or another Latin-script language"
    return f"the page is in {language}, not Korean: Hangul is {hangul:.0%} of its letters"


def _classify(raw: html.Line, rules: Rules, korean: bool = True) -> _Line:
    text = raw.text.strip()
    line = _Line(text, hint=raw.hint)
    if not text:
        line.kind = "blank"
        return line
    if raw.chrome or raw.link > 0.6:
        line.kind, line.marked = "chrome", True
        return line
    short = len(text) < _SHORT
    if stages := find_review(text, rules):
        line.kind, line.review = "review", stages
        return line
    if short and rules.chrome_before_fields.search(text):
        line.kind = "chrome"
        return line
    if short and not _PROSE_END.search(text):
        _read_fields(line, rules)
    if line.kind == "text" and short and _furniture(text, rules, korean):
        line.kind = "chrome"
    return line


def _furniture(text: str, rules: Rules, korean: bool) -> bool:
    """A short text line that is page furniture: by the chrome patterns, or by its shape: a label of a
    few letters (图文, 검색), a Chinese line on a Korean page, a menu of short words."""
    if rules.chrome.search(text) or rules.outlet_chrome and rules.outlet_chrome.search(text):
        return True
    if len(text) <= 3 * _LABEL and len(_LETTER.findall(text)) <= _LABEL:
        return True
    if korean and _HAN.search(text) is not None and len(_HAN.findall(text)) >= 4:
        return len(_HANGUL.findall(text)) < len(_LETTER.findall(text)) * 0.2
    return text.count(" ") >= 9 and _menu(text)


def _menu(text: str) -> bool:
    """최신 교육 과학 문화 스포츠 건강 …: ten or more words, nearly all of one to four letters, no sentence."""
    words = [w for w in text.split() if _LETTER.search(w)]
    return (len(words) >= 10 and sum(len(w) <= 4 for w in words) >= 0.8 * len(words)
            and not re.search(r"[\d.,:?!…‘’“”\"']", text))


def _read_fields(line: _Line, rules: Rules) -> None:
    """Sets the line's kind and fields when it is a date, source or byline line."""
    text = line.text
    stamp, refused = find_date(text, rules)
    if stamp and _wordy(text[:stamp.start] + " " + text[stamp.end:]):
        stamp = None                  # a date inside a sentence: 소개에 의하면 2021년 12월 24일, …
    elif refused and _wordy(text.replace(refused, " ")):
        refused = None
    line.stamp, line.refused = stamp, refused
    line.source = find_source(text, rules)
    line.authors, form = find_bylines(text, rules)
    if line.stamp:
        line.kind = "date"
        if not line.source and (credit := rules.credit_source.match(text[line.stamp.end:].strip())):
            line.credit = credit["source"]    # 2022-06-17 11:40 연변라지오TV넷 연변뉴스APP
    elif line.refused:
        line.kind = "refused"
    elif line.source:
        line.kind = "source"
    elif form and len(text) < 60:
        line.kind, line.weak = "byline", form in rules.weak_bylines
    elif credit := rules.credit_source.match(text):
        line.kind, line.credit = "source", credit["source"]
    elif (lead := rules.lead_source.match(text)) and lead.end() == len(text):
        line.kind, line.source = "source", lead["source"]      # [길림신문] | on a line of its own
    if line.kind == "text":
        line.authors, line.source = [], None


def _wordy(rest: str) -> bool:
    rest = re.sub(r"[\[【(（][^\]】)）]*[\]】)）]", " ", rest)
    rest = re.sub(r"\S+\s*[:：]", " ", rest)
    return sum(1 for word in rest.split() if _HANGUL.search(word)) > _FIELD_WORDS


def _settle_bare_names(lines: list[_Line], rules: Rules, korean: bool) -> None:
    """A name alone on its line is a byline beside a date, source or byline line; elsewhere it is text."""
    content = [i for i, line in enumerate(lines) if line.kind != "blank"]
    for n, i in enumerate(content):
        line = lines[i]
        if not line.weak:
            continue
        beside = [lines[content[m]] for m in (n - 1, n + 1) if 0 <= m < len(content)]
        if not any(other.kind in _FIELD_KINDS and not other.weak for other in beside) or _words(line):
            line.weak, line.authors = False, []
            line.kind = "chrome" if _furniture(line.text, rules, korean) else "text"


def _words(line: _Line) -> bool:
    """A bare "name" that the dictionary reads as a word (성격, 정의 on a wiki's date line) is no byline."""
    from ..annotate.people import _dictionary_word    # the dictionary, loaded only for such a line

    return any(_dictionary_word(author.name) for author in line.authors)


def _reads_like_paragraph(line: _Line) -> bool:
    return line.kind == "text" and line.hint is None and (
        len(line.text) >= 60 or len(line.text) >= 15 and bool(_SENTENCE_END.search(line.text)))


def _first_paragraph(lines: list[_Line], after: int = 0) -> int | None:
    return next((i for i in range(after, len(lines)) if _reads_like_paragraph(lines[i])), None)


def _next_content(lines: list[_Line], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j].kind not in ("blank", "chrome")), None)


def _layout(lines: list[_Line], rules: Rules, name: str) -> tuple[int, int, list[int], list[int]]:
    """(body start, body end, the headline block's line numbers, the deck lines') for the page.

    The header is anchored on its fields: the headline block is the text just above the date, byline
    or source lines that precede the body, and the body starts right below them. A title that ends in
    ? or ! reads like a sentence, so a short "paragraph" followed by header fields is a title.
    """
    first = _first_paragraph(lines)
    if first is None:
        raise NoArticle(name, "no article text found (no line reads as a paragraph)")
    while len(lines[first].text) < _TITLE:
        after = _next_content(lines, first)
        if after is None or lines[after].kind not in _FIELD_KINDS:
            break
        later = _first_paragraph(lines, after)
        if later is None:
            break
        first = later
    anchor = _anchor(lines, first)
    block = _text_above(lines, anchor) if anchor is not None else []
    if not block:
        start = first
        block = _text_above(lines, first, floor=anchor)
        decks: list[int] = []
    else:
        between = [i for i in range(anchor + 1, first) if lines[i].kind == "text"]
        decks = [i for i in between if rules.deck_mark.match(lines[i].text)]
        rest = [i for i in between if i not in decks]
        start = rest[0] if rest and len(between) <= _DECKS else first
    return start, _body_end(lines, start), block, decks


def _anchor(lines: list[_Line], first: int) -> int | None:
    """The last header field line above the first paragraph, past at most a few short lines."""
    texts = 0
    for i in range(first - 1, -1, -1):
        kind = lines[i].kind
        if kind in _FIELD_KINDS:
            return i
        texts += kind == "text"
        if texts > _DECKS:
            return None
    return None


def _text_above(lines: list[_Line], i: int, floor: int | None = None) -> list[int]:
    """The text lines just above line i (past its field lines, blanks and chrome), at most four."""
    i -= 1
    while i > (floor if floor is not None else -1) and (lines[i].kind in _FIELD_KINDS or lines[i].kind in ("blank", "chrome")):
        i -= 1
    at: list[int] = []
    blanks = 0
    while i > (floor if floor is not None else -1) and len(at) < 4:
        line = lines[i]
        if line.kind == "text" and len(line.text) < _TITLE:
            at.insert(0, i)
            blanks = 0
        elif line.kind == "blank" and blanks == 0 and at:
            blanks = 1
        else:
            break
        i -= 1
    return at


def _body_end(lines: list[_Line], start: int) -> int:
    end = start
    while True:
        while end < len(lines) and lines[end].kind in ("text", "blank") and lines[end].hint is None:
            end += 1
        j, crossed = end, 0
        while j < len(lines) and crossed <= _CROSS and (lines[j].kind == "blank" or _crossable(lines[j])):
            crossed += lines[j].kind != "blank"
            j += 1
        if not (crossed and j < len(lines) and _reads_like_paragraph(lines[j])):
            return end
        end = j


def _crossable(line: _Line) -> bool:
    """A photo credit or a stray date inside the article, or a label too short to end it (2 /)."""
    return line.kind in ("date", "refused", "byline", "source") or (
        line.kind == "chrome" and len(_LETTER.findall(line.text)) <= _LABEL and line.hint is None)


def _headline_block(lines: list[_Line], evidence: html.Evidence, rules: Rules
                    ) -> tuple[list[tuple[str, str]], int]:
    """The kicker, headline and subheads among the lines above the body, as (part, text), and the
    number of lines above the kicker (page furniture, not part of the block)."""
    if not lines:
        return [], 0
    texts = [line.text for line in lines]
    hints = [line.hint for line in lines]
    head = _headline_index(texts, hints, evidence)
    if head is None:
        head = next((i for i, text in enumerate(texts) if not _kicker_like(text, i < len(texts) - 1, rules)),
                    len(texts) - 1)
    # Only the one line just above the headline is a kicker; anything above it is not in the block.
    block = [("kicker", texts[head - 1])] if head > 0 else []
    block.append(("headline", texts[head]))
    block += [("subheadline", rules.subhead_mark.sub("", t)) for t in texts[head + 1:]]
    return block, max(0, head - 1)


def _headline_index(texts: list[str], hints: list[str | None], evidence: html.Evidence) -> int | None:
    if "headline" in hints:
        return hints.index("headline")
    for title in evidence.titles:
        for i, text in enumerate(texts):
            if text == title or len(text) > 8 and (text in title or title in text):
                return i
    if "kicker" in hints:
        return min(hints.index("kicker") + 1, len(texts) - 1)
    return None


def _kicker_like(text: str, more: bool, rules: Rules) -> bool:
    return (len(_LETTER.findall(text)) <= _KICKER or bool(rules.label.match(text))
            or more and bool(rules.lead_in.search(text)))


def _strip_dateline(paragraphs: list[str], rules: Rules) -> tuple[Stamp | None, str | None]:
    """(흑룡강신문=하얼빈 2008-01-24)= opening the story is a date and a source, not body text."""
    if not paragraphs or not (match := rules.dateline.match(paragraphs[0])):
        return None, None
    paragraphs[0] = paragraphs[0][match.end():]
    return find_date(match["date"], rules)[0], match["source"]


def _strip_lead(paragraphs: list[str], rules: Rules) -> tuple[str | None, list[Author]]:
    """[료녕신문] or [본사소식 오정국 특약기자] opening the story is a source or a byline, not body text."""
    source, authors = None, []
    if paragraphs and (match := rules.lead_source.match(paragraphs[0])):
        source, paragraphs[0] = match["source"], paragraphs[0][match.end():]
    if paragraphs and (match := rules.lead_byline.match(paragraphs[0])):
        role = rules.roles.get(match["label"])
        authors = [Author(name, role) for name in re.split(r"[ ,、]+", match["names"].strip()) if name]
        paragraphs[0] = paragraphs[0][match.end():]
    return source, authors


def _strip_tails(paragraphs: list[str], rules: Rules) -> tuple[str | None, list[Author]]:
    """…발표했다./중국조선어방송넷 or …했다. /김철 기자: a credit glued to a paragraph's last sentence."""
    source, authors = None, []
    for n, paragraph in enumerate(paragraphs):
        if match := rules.tail_source.search(paragraph):
            source = source or match["source"]
        elif match := rules.tail_byline.search(paragraph):
            role = rules.roles.get(match["label"])
            authors += [Author(name, role) for name in re.split(r"[ ,、]+", match["names"].strip()) if name]
        else:
            continue
        paragraphs[n] = paragraph[:match.start()]
    return source, authors


def _body_short(lines: list[_Line], paragraphs: list[str]) -> Warning | None:
    """Says so when most of the page did not go to the body: a list page, or an article lost to chrome.
    What the markup itself marks as furniture (menus, sidebars, link lists) is no loss and not counted."""
    page = sum(len("".join(line.text.split())) for line in lines if not line.marked)
    body = sum(len("".join(p.split())) for p in paragraphs)
    if body * 2 >= page:
        return None
    chrome = sum(len("".join(line.text.split())) for line in lines if line.kind == "chrome" and not line.marked)
    return Warning("body.short", f"the body holds {body} of the page's {page} characters; {chrome} went to "
                                 f"chrome, the rest to the headline block and the fields")


def _published(lines: list[_Line], start: int, end: int, dateline: Stamp | None, evidence: html.Evidence,
               url: str | None, rules: Rules, warnings: list[Warning]) -> tuple[str | None, str | None]:
    stamp = next((line.stamp for line in lines[:start] if line.stamp), None)
    stamp = stamp or dateline
    if stamp is None:
        stamp = next((line.stamp for line in lines[end:] if line.stamp and len(line.text) < 40), None)
    refused = next((line.refused for line in lines if line.kind == "refused"), None)
    if refused:
        warnings.append(Warning("published.rejected", f"refused {refused!r} as a publication date"))
    in_meta = meta_date(evidence.meta_date, rules)
    in_url = url_date(url, rules)
    if stamp is not None:
        if in_meta and in_meta.day != stamp.day:
            warnings.append(Warning("published.meta-conflict",
                                    f"the page prints {stamp.day}, its <meta> says {in_meta.day}; the page wins"))
        if in_url and in_url != stamp.day:
            warnings.append(Warning("published.url-conflict",
                                    f"the page prints {stamp.day}, its URL says {in_url}; the page wins"))
        return stamp.iso, "page"
    if in_meta is not None:
        return in_meta.iso, "meta"
    if in_url is not None:
        warnings.append(Warning("published.from-url", f"no date on the page; {in_url} is from the URL"))
        return in_url, "url"
    warnings.append(Warning("published.missing", "no publication date on the page or in its URL"))
    return None, None


def _in_local_time(published: str | None, outlet: str | None, url: str | None, rules: Rules,
                   warnings: list[Warning]) -> str | None:
    """A printed time carries the offset of the outlet's country; China's is only assumed, and said so."""
    if published is None or "T" not in published:
        return published
    known = rules.outlet_named(outlet) if outlet else None
    country = known.country if known else host_of(url).rpartition(".")[2]
    if country not in rules.offsets:
        warnings.append(Warning("published.offset-assumed",
                                "the outlet's country is unknown; the time is taken as China's (+08:00)"))
        return published
    return published[:-len("+08:00")] + rules.offsets[country]


def _review(lines: list[_Line]) -> Review | None:
    stages: dict[str, str | None] = {}
    for line in lines:
        for stage, name in line.review.items():
            stages.setdefault(stage, name)
    return Review(**stages) if stages else None


def _outlet(url: str | None, lines: list[_Line], evidence: html.Evidence, rules: Rules) -> str | None:
    if outlet := rules.outlet_for_url(url):
        return outlet.name
    # Marks are looked for where the site speaks of itself (chrome, datelines, the <title>), never in
    # the body or a source line: a repost names the paper it took the article from.
    places = [line.text for line in lines if line.kind in ("chrome", "date")] + evidence.titles
    for text in places:
        if match := rules.marker.search(text):
            return rules.outlet_named(match.group(0)).name
    for text in [line.text for line in lines if line.kind == "date"] + evidence.titles:
        for outlet in rules.outlets:
            if any(name in text for name in outlet.names):
                return outlet.name
    return None


def _spaceless(paragraphs: list[str]) -> bool:
    chars = sum(len(p) for p in paragraphs)
    return chars > 50 and sum(p.count(" ") for p in paragraphs) < chars / 100


def _unique(authors) -> list[Author]:
    seen: dict[str, Author] = {}
    for author in authors:
        if author.name not in seen or seen[author.name].role is None:
            seen[author.name] = author
    return list(seen.values())
