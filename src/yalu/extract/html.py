"""HTML → the same lines a text scrape has, each marked with what the markup says about it.

The article extractor works on lines, so HTML is flattened first: one line per block element (or
``<br>``), whitespace collapsed. Markup is evidence, not truth: a line inside ``<nav>``/``<footer>``/
``<aside>`` or a container whose class names it furniture is marked chrome; a line that is mostly link
text is marked as such (index pages and sidebars are lists of links); ``<h1>`` and kicker/subhead
classes are hints. ``<title>``, ``og:title`` and ``<meta>`` dates are kept as evidence for later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree, html as lxml_html

from ..errors import NoArticle, UnreadableInput


@dataclass
class Line:
    text: str
    chrome: bool = False          # the markup says this is page furniture
    link: float = 0.0             # share of the line that is link text
    hint: str | None = None       # "kicker", "headline", "subheadline" from markup


@dataclass
class Evidence:
    titles: list[str] = field(default_factory=list)   # <title> parts, og:title
    meta_date: str | None = None
    canonical: str | None = None


_SKIP = {"script", "style", "noscript", "iframe", "object", "embed", "svg", "template", "select", "button",
         "input", "textarea", "head", "title", "meta", "link"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "tbody",
          "thead", "section", "article", "header", "footer", "nav", "aside", "br", "dd", "dt", "dl",
          "blockquote", "pre", "form", "center", "main", "figure", "figcaption", "hr", "address"}
_CHROME_TAGS = {"nav", "aside", "footer"}
# Class and id words that name furniture, matched as whole words of the attribute.
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|sidebar|side|aside|right|banner|copyright|share|breadcrumbs?|"
    r"crumbs?|weather|ads?|advert|related|hot|rank|ranking|login|search|comments?|gotop|toolbar|wechat|"
    r"weixin|qrcode|links|friendlink|topbar|top-bar|header-top|list|index|pager|pagination)(?:$|[\s_-])", re.I)
_KICKER_WORDS = re.compile(r"(?:^|[\s_-])(?:yt|yinti|kicker|pretitle|pre-title|introtitle|upper-title)(?:$|[\s_-])", re.I)
_SUBHEAD_WORDS = re.compile(r"(?:^|[\s_-])(?:ft|futi|subtitle|sub-title|subhead|sub_title)(?:$|[\s_-])", re.I)
_META_DATE_NAMES = ("publishdate", "pubdate", "publish_date", "publishtime", "article:published_time",
                    "og:release_date", "date", "dc.date", "dc.date.issued", "created")
_TITLE_SPLIT = re.compile(r"\s+[-|–—_]\s+|_|\s*\|\s*|--")


# libxml2 stops at 256 levels of elements and, with huge_tree, at 2,048. Broken pages that never close
# their <div>s go past 256; past 2,048 the rest of the page is dropped, so say so rather than "no article".
_TOO_DEEP = "Excessive depth"


def parse(text: str, name: str) -> tuple[list[Line], Evidence]:
    parser = lxml_html.HTMLParser(huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise NoArticle(name, f"HTML could not be parsed ({error})") from None
    if any(_TOO_DEEP in entry.message for entry in parser.error_log):
        raise UnreadableInput(name, "HTML is nested too deeply to read (elements over 2,048 levels deep)", "too-deep")
    evidence = _evidence(root)
    body = root.find("body")
    lines: list[Line] = []
    _Walker(lines).visit(body if body is not None else root, chrome=False, hint=None)
    return lines, evidence


def _evidence(root: etree._Element) -> Evidence:
    evidence = Evidence()
    title = root.findtext(".//title")
    if title and title.strip():
        parts = [p.strip() for p in _TITLE_SPLIT.split(title.strip()) if p.strip()]
        evidence.titles.extend(sorted(parts, key=len, reverse=True)[:1] + [" ".join(title.split())])
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        if key in ("og:title", "twitter:title"):
            evidence.titles.append(" ".join(content.split()))
        elif key in _META_DATE_NAMES and evidence.meta_date is None:
            evidence.meta_date = content
        elif key == "og:url" and evidence.canonical is None:
            evidence.canonical = content
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            evidence.canonical = link.get("href")
    return evidence


class _Walker:
    """Walks the tree once, cutting lines at block boundaries."""

    def __init__(self, out: list[Line]):
        self.out = out
        self.parts: list[tuple[str, bool, bool]] = []   # (text, in chrome, in a link)
        self.hint: str | None = None

    def flush(self) -> None:
        if self.parts:
            text = " ".join("".join(p[0] for p in self.parts).split())
            if text:
                total = sum(len(p[0].strip()) for p in self.parts) or 1
                chrome = sum(len(p[0].strip()) for p in self.parts if p[1]) * 2 > total
                link = sum(len(p[0].strip()) for p in self.parts if p[2]) / total
                self.out.append(Line(text, chrome=chrome, link=min(link, 1.0), hint=self.hint))
        self.parts = []
        self.hint = None

    def visit(self, root: etree._Element, chrome: bool, hint: str | None, in_link: bool = False) -> None:
        """``chrome``, ``hint`` and ``in_link`` are the parent's context, which the tail keeps.

        A stack, not recursion: unclosed tags nest pages up to libxml2's 2,048 levels, past Python's
        recursion limit. An entry is (element, context, closing): opening reads the element's own text and
        queues its children, closing ends its block and adds its tail.
        """
        stack: list[tuple[etree._Element, bool, str | None, bool, bool]] = [(root, chrome, hint, in_link, False)]
        while stack:
            el, chrome, hint, in_link, closing = stack.pop()
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            visible = bool(tag) and tag not in _SKIP
            if closing:
                if visible and tag in _BLOCK:
                    self.flush()
                if el.tail:
                    self.parts.append((el.tail, chrome, in_link))
                continue
            stack.append((el, chrome, hint, in_link, True))
            if not visible:
                continue
            attrs = f"{el.get('class', '')} {el.get('id', '')}"
            inner_chrome = chrome or tag in _CHROME_TAGS or bool(_CHROME_WORDS.search(attrs)) or (
                tag == "header" and el.find(".//h1") is None)
            # A paragraph inside an unclosed <h1> is not a headline: the headline hint stops at blocks.
            inner_hint = None if hint == "headline" and tag in _BLOCK else hint
            if tag == "h1":
                inner_hint = "headline"
            elif _KICKER_WORDS.search(attrs):
                inner_hint = "kicker"
            elif _SUBHEAD_WORDS.search(attrs) or tag == "h2" and hint is None:
                inner_hint = "subheadline"
            inner_link = in_link or tag == "a"
            if tag in _BLOCK:
                self.flush()
            self.hint = self.hint or inner_hint
            if el.text:
                self.parts.append((el.text, inner_chrome, inner_link))
            stack.extend((child, inner_chrome, inner_hint, inner_link, False) for child in reversed(el))
