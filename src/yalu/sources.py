"""Getting a page's bytes and turning them into text we can trust.

The press of China is served in UTF-8, in GB2312/GBK (the Chinese CMS default) and, on older Korean
pages, in EUC-KR/CP949; scrapes also carry EUC-KR bytes once read as Latin-1 (``¿¬º¯``). We decode
strictly, line by line where a whole-file decoding fails (pages mix encodings), repair mojibake, and
say in ``warnings`` whatever we had to replace. Nothing is replaced silently.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .document import Warning
from .errors import UnreadableInput

MAX_BYTES = 10 * 1024 * 1024

_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\x7fELF", b"BZh")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", re.I)
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>]|<!--)", re.I)
# yalu fetches nothing: a URL given as a page is a mistake to explain, not a missing file.
_WEB_ADDRESS = re.compile(r"https?://", re.I)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# EUC-KR double bytes read as Latin-1 land in U+00A1–U+00FE; two or more in a row is the tell.
_MOJIBAKE = re.compile(r"[\u00a1-\u00fe]{2,}")

# Names sites declare, mapped to the codec that decodes what they really send (GB2312 pages carry
# GBK characters; EUC-KR pages carry CP949 ones).
_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "euc-kr": "cp949", "euckr": "cp949",
           "ks_c_5601-1987": "cp949", "cp949": "cp949", "utf-8": "utf-8", "utf8": "utf-8"}
_FALLBACKS = ("utf-8", "cp949", "gb18030")


@dataclass
class Page:
    """Decoded text of one input, before extraction."""

    text: str
    name: str
    url: str | None = None
    is_html: bool = False
    encoding: str | None = None
    warnings: list[Warning] = field(default_factory=list)


def load(source: str | Path | bytes, *, name: str | None = None, url: str | None = None,
         max_bytes: int = MAX_BYTES) -> Page:
    """Read a path, ``-`` (stdin) or raw bytes into a decoded Page.

    Raises UnreadableInput, naming the input and the reason, for missing, over-large, empty, binary
    and undecodable inputs, and for a web address (yalu reads saved pages; it fetches nothing).
    """
    if isinstance(source, bytes):
        data, name = source, name or "<bytes>"
    elif str(source) == "-":
        data, name = sys.stdin.buffer.read(max_bytes + 1), name or "<stdin>"
    elif _WEB_ADDRESS.match(str(source)):
        raise UnreadableInput(name or str(source), "yalu reads saved pages, not web addresses: save the page, then "
                              f"run yalu read page.html --url {source}", "missing")
    else:
        path = Path(source)
        name = name or str(path)
        try:
            if path.stat().st_size > max_bytes:
                raise UnreadableInput(name, f"file is over the size limit of {max_bytes:,} bytes", "too-large")
            data = path.read_bytes()
        except FileNotFoundError:
            raise UnreadableInput(name, "no such file", "missing") from None
        except IsADirectoryError:
            raise UnreadableInput(name, "is a folder; read it with a folder argument", "missing") from None
        except OSError as error:
            raise UnreadableInput(name, f"cannot be read ({error.strerror})", "missing") from None
    if len(data) > max_bytes:
        raise UnreadableInput(name, f"input is over the size limit of {max_bytes:,} bytes", "too-large")
    return decode(data, name=name, url=url)


def decode(data: bytes, *, name: str = "<bytes>", url: str | None = None) -> Page:
    if not data.strip():
        raise UnreadableInput(name, "file is empty", "empty")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableInput(name, "binary file, not a text or HTML page", "binary")
    warnings: list[Warning] = []
    try:
        text, encoding = _decode_bytes(data, warnings)
    except UnicodeDecodeError as error:  # only a BOM commits us to one codec: UTF-16 cut short or a lone surrogate
        raise UnreadableInput(name, f"not valid {error.encoding.upper()} ({error.reason} at byte {error.start})",
                              "undecodable") from None
    if text.count("\ufffd") > max(20, len(text) // 10):
        raise UnreadableInput(name, "bytes are in no encoding yalu knows (tried UTF-8, CP949, GB18030)",
                              "undecodable")
    text = _repair_mojibake(text, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(text=text, name=name, url=url, is_html=bool(_HTML_START.match(text[:200])),
                encoding=encoding, warnings=warnings)


def _decode_bytes(data: bytes, warnings: list[Warning]) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    declared = _META_CHARSET.search(data[:4096])
    order = list(_FALLBACKS)
    if declared and (codec := _CODECS.get(declared.group(1).decode("ascii", "replace").lower())):
        order.remove(codec)
        order.insert(0, codec)
    for codec in order:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    # No single encoding fits the whole file: pages pasted together from several sources. Decode line
    # by line and mark what still fails.
    lines, replaced = [], 0
    for raw in data.split(b"\n"):
        for codec in order:
            try:
                lines.append(raw.decode(codec))
                break
            except UnicodeDecodeError:
                continue
        else:
            lines.append(raw.decode(order[0], errors="replace"))
            replaced += 1
    if replaced:
        warnings.append(Warning("encoding.replaced",
                                f"{replaced} line(s) held bytes in no known encoding; they were replaced with U+FFFD"))
    return "\n".join(lines), "mixed"


def _repair_mojibake(text: str, warnings: list[Warning]) -> str:
    if not _MOJIBAKE.search(text):
        return text
    repaired_lines, repaired = [], 0
    for line in text.split("\n"):
        fixed = _unmojibake(line) if _MOJIBAKE.search(line) else None
        repaired_lines.append(fixed if fixed is not None else line)
        repaired += fixed is not None
    if not repaired:
        return text
    warnings.append(Warning("encoding.mojibake-repaired",
                            f"{repaired} line(s) were EUC-KR bytes read as Latin-1 and have been repaired"))
    return "\n".join(repaired_lines)


def _unmojibake(line: str) -> str | None:
    for wrong in ("latin-1", "cp1252"):
        try:
            fixed = line.encode(wrong).decode("cp949")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        # Each Hangul syllable took two of the Latin-1 characters; most of them must have become Hangul.
        high = sum(1 for ch in line if "\u00a1" <= ch <= "\u00fe")
        if len(_HANGUL.findall(fixed)) * 2 >= high * 0.6:
            return fixed
    return None
