"""Getting bytes and decoding them: every kind of bad input gets a one-line reason naming the input."""

import pytest

import yalu
from yalu.sources import decode, load

ARTICLE = ("연길시 새 도서관 개관\n\n"
           "2025-04-01 10:00:00\n\n"
           "연길시 중심에 새 도서관이 문을 열어 시민들의 독서 열조가 높아지고 있다. 도서관은 3층 건물로 되였다.\n\n"
           "  김영 기자\n")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "cp949", "euc-kr", "gb18030", "utf-16"])
def test_sources_decode_the_encodings_of_this_press(codec):
    page = decode(ARTICLE.encode(codec))
    assert page.text == ARTICLE
    assert page.warnings == []


def test_sources_repair_euc_kr_read_as_latin1():
    mojibake = ARTICLE.encode("cp949").decode("latin-1").encode("utf-8")
    page = decode(mojibake)
    assert page.text == ARTICLE
    assert [w.code for w in page.warnings] == ["encoding.mojibake-repaired"]


def test_sources_decode_mixed_encodings_line_by_line():
    data = "연길시 소식\n".encode("utf-8") + "도서관이 문을 열었다.\n".encode("cp949") + b"\xff\xfe\xfa\n"
    page = decode(data)
    assert page.text.startswith("연길시 소식\n도서관이 문을 열었다.\n")
    assert [w.code for w in page.warnings] == ["encoding.replaced"]


def test_sources_declared_charset_is_tried_first():
    html = '<html><head><meta charset="gb2312"></head><body><p>延边日报 연변</p></body></html>'
    page = decode(html.encode("gb18030"))
    assert page.encoding == "gb18030" and "延边日报 연변" in page.text and page.is_html


@pytest.mark.parametrize("data, code, reason", [
    (b"", "empty", "file is empty"),
    (b"  \n\t\n", "empty", "file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary", "binary file"),
    (b"%PDF-1.7\n", "binary", "binary file"),
    (b"abc\x00def" * 10, "binary", "binary file"),
    (bytes(range(0x80, 0x100)) * 40, "undecodable", "no encoding yalu knows"),
    # a BOM commits to UTF-16: an odd byte count or a lone surrogate must not escape as UnicodeDecodeError
    ("\ufeff연길시 소식".encode("utf-16-le") + b"A", "undecodable", "not valid UTF-16-LE (truncated data"),
    (b"\xff\xfe" + "연길".encode("utf-16-le") + b"\x00\xd8A\x00", "undecodable", "illegal UTF-16 surrogate"),
    (b"\xfe\xff" + "연길".encode("utf-16-be") + b"\xdc\x00", "undecodable", "not valid UTF-16-BE"),
])
def test_sources_bad_bytes_get_a_reason(data, code, reason):
    with pytest.raises(yalu.UnreadableInput) as caught:
        decode(data, name="page.txt")
    assert caught.value.code == code
    assert str(caught.value).startswith("page.txt: ") and reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_sources_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(ARTICLE.encode() * 100)
    with pytest.raises(yalu.UnreadableInput, match="over the size limit"):
        load(big, max_bytes=1000)


def test_sources_missing_file_and_folder(tmp_path):
    with pytest.raises(yalu.UnreadableInput, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(yalu.UnreadableInput, match="is a folder"):
        load(tmp_path)


@pytest.mark.parametrize("url", ["http://www.iybrb.com/news/content/2026-03/02/1.html", "HTTPS://zoglo.net/a"])
def test_sources_a_web_address_is_explained_not_missing(url):
    with pytest.raises(yalu.UnreadableInput) as caught:
        load(url)
    # the address as typed (not with its // collapsed by Path), what yalu reads, and how to pass the URL
    assert str(caught.value) == (f"{url}: yalu reads saved pages, not web addresses: save the page, "
                                 f"then run yalu read page.html --url {url}")


def test_sources_page_with_no_article_is_refused():
    with pytest.raises(yalu.NoArticle, match="index.html: no article text"):
        yalu.read(b"<html><body><ul><li><a href='/1'>1</a></li><li><a href='/2'>2</a></li></ul></body></html>",
                  name="index.html")


def test_sources_broken_html_still_reads():
    broken = ("<html><body><div class='nav'><a href='/'>홈</a></div><h1>봄철 농사 준비 한창<div><p>"
              "룡정시 농민들은 봄철 파종을 앞두고 종자와 비료를 준비하느라 분주하다. 올해 파종 면적은 지난해보다 늘었다."
              "<p>농업기술보급소는 현장 지도를 강화하고 있다.</span></div>")
    doc = yalu.read(broken.encode(), name="broken.html")
    assert doc.headline == "봄철 농사 준비 한창"
    assert doc.paragraphs == ["룡정시 농민들은 봄철 파종을 앞두고 종자와 비료를 준비하느라 분주하다. 올해 파종 면적은 지난해보다 늘었다.",
                              "농업기술보급소는 현장 지도를 강화하고 있다."]
