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
from .rules import Rules, load_rules

# A line reads like a paragraph when it is long, or when it ends a sentence.
_SENTENCE_END = re.compile(r"[.!?。…][\"”’'」』)）\]]*$")
_FIELD_KINDS = {"date", "refused", "byline", "source", "review"}
_SHORT = 120   # a field or chrome line is shorter than this; longer lines are text


@dataclass
class _Line:
    text: str
    kind: str = "text"             # blank, chrome, date, refused, byline, source, review, text
    hint: str | None = None
    stamp: Stamp | None = None
    refused: str | None = None
    authors: list[Author] = field(default_factory=list)
    source: str | None = None
    review: dict[str, str | None] = field(default_factory=dict)


def extract(page: Page, url: str | None = None) -> Document:
    rules = load_rules()
    evidence = html.Evidence()
    if page.is_html:
        raw, evidence = html.parse(page.text, page.name)
    else:
        raw = [html.Line(" ".join(line.split())) for line in page.text.split("\n")]
    url = url or page.url or evidence.canonical
    lines = [_classify(line, rules) for line in raw]
    start, end = _body_bounds(lines, page.name)
    warnings = list(page.warnings)

    paragraphs = [line.text for line in lines[start:end] if line.kind == "text"]
    dateline, dateline_source = _strip_dateline(paragraphs, rules)
    published, published_from = _published(lines, start, end, dateline, evidence, url, rules, warnings)
    block, block_at = _headline_block(lines, start, evidence, rules)
    if not any(part == "headline" for part, _ in block):
        warnings.append(Warning("headline.missing", "no line above the body reads as a headline"))

    around = lines[:start] + lines[end:]
    authors = _unique(a for line in around for a in line.authors)
    source = next((line.source for line in around if line.source), dateline_source)
    review = _review(around)
    chrome = [line.text for i, line in enumerate(lines)
              if line.kind == "chrome" or (line.kind == "text" and not start <= i < end and i not in block_at)]
    outlet = _outlet(url, lines, evidence, rules)
    if outlet is None:
        warnings.append(Warning("outlet.unknown", "no URL and no mark of a known outlet on the page"))
    if _spaceless(paragraphs):
        warnings.append(Warning("text.no-spaces", "the body is written without spaces between words"))

    return assemble(
        block, paragraphs,
        url=url, outlet=outlet, source=source, published=published, published_from=published_from,
        authors=tuple(authors), review=review, chrome=tuple(chrome), warnings=tuple(warnings),
        encoding=page.encoding,
    )


def _classify(raw: html.Line, rules: Rules) -> _Line:
    text = raw.text.strip()
    line = _Line(text, hint=raw.hint)
    if not text:
        line.kind = "blank"
        return line
    if raw.chrome or raw.link > 0.6:
        line.kind = "chrome"
        return line
    short = len(text) < _SHORT
    if stages := find_review(text, rules):
        line.kind, line.review = "review", stages
        return line
    if short and rules.chrome_before_fields.search(text):
        line.kind = "chrome"
        return line
    if short:
        line.stamp, line.refused = find_date(text, rules)
        line.source = find_source(text, rules)
        line.authors, _ = find_bylines(text, rules)
        if line.stamp:
            line.kind = "date"
        elif line.refused:
            line.kind = "refused"
        elif line.source:
            line.kind = "source"
        elif line.authors and len(text) < 60:
            line.kind = "byline"
        else:
            line.authors, line.source = [], None
    if line.kind == "text" and short and (
            rules.chrome.search(text) or rules.outlet_chrome and rules.outlet_chrome.search(text)):
        line.kind = "chrome"
    return line


def _reads_like_paragraph(line: _Line) -> bool:
    return line.kind == "text" and line.hint is None and (
        len(line.text) >= 60 or len(line.text) >= 15 and bool(_SENTENCE_END.search(line.text)))


def _body_bounds(lines: list[_Line], name: str) -> tuple[int, int]:
    start = next((i for i, line in enumerate(lines) if _reads_like_paragraph(line)), None)
    if start is None:
        raise NoArticle(name, "no article text found (no line reads as a paragraph)")
    end = start
    while end < len(lines) and lines[end].kind in ("text", "blank") and lines[end].hint is None:
        end += 1
    return start, end


def _headline_block(lines: list[_Line], start: int, evidence: html.Evidence, rules: Rules
                    ) -> tuple[list[tuple[str, str]], set[int]]:
    """The kicker, headline and subhead lines above the body, as (part, text), and their line numbers."""
    i = start - 1
    while i >= 0 and (lines[i].kind in _FIELD_KINDS or lines[i].kind in ("blank", "chrome")):
        i -= 1
    at: list[int] = []
    while i >= 0 and lines[i].kind == "text" and len(at) < 4:
        at.insert(0, i)
        i -= 1
        if lines[i + 1].hint is None and i >= 0 and lines[i].kind == "blank":
            break
    if not at:
        return [], set()
    texts = [lines[j].text for j in at]
    hints = [lines[j].hint for j in at]
    head = _headline_index(texts, hints, evidence)
    if head is None:
        if len(texts) == 2:
            head = 1 if rules.lead_in.search(texts[0]) else 0
        else:
            head = min(1, len(texts) - 1)
    # Only the one line just above the headline is a kicker; anything above it is not in the block.
    first = max(0, head - 1)
    block = [("kicker", texts[first])] if head > 0 else []
    block.append(("headline", texts[head]))
    block += [("subheadline", rules.subhead_mark.sub("", t)) for t in texts[head + 1:]]
    return block, set(at[first:])


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


def _strip_dateline(paragraphs: list[str], rules: Rules) -> tuple[Stamp | None, str | None]:
    """(흑룡강신문=하얼빈 2008-01-24)= opening the story is a date and a source, not body text."""
    if not paragraphs or not (match := rules.dateline.match(paragraphs[0])):
        return None, None
    paragraphs[0] = paragraphs[0][match.end():]
    return find_date(match["date"], rules)[0], match["source"]


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
