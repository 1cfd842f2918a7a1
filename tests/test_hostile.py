"""Issue 9's hostile inputs: whatever a page, a file name, a URL or a query holds, yalu answers in one line
naming the input and the reason, prints text as written, and never lets one input stop a batch."""

import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

import yalu
from yalu.cli import main

# Rich console markup: an unmatched closing tag raised MarkupError; the others were eaten as styles.
MARKUP = ("[/b]", "[red]", "[/red]", "[link=http://evil.example]", "[bold magenta]", ":smile:")

PAGE = ("[/b] 연길시 새 도서관 [red]개관[/red]\n\n"
        "2025-04-01 10:00:00\n\n"
        "[bold magenta]연길시[/] :smile: [link=http://evil.example]새 도서관[/link]이 문을 열어 시민들의 독서 "
        "열조가 높아지고 있다. 도서관은 3층 건물로 되였다.\n\n"
        "  김영 기자\n")


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def article_html(depth: int) -> bytes:
    body = ("<h1>연길시 새 도서관 개관</h1><p>2025-04-01 10:00:00</p>"
            "<p>연길시 중심에 새 도서관이 문을 열어 시민들의 독서 열조가 높아지고 있다. 도서관은 3층 건물로 되였다.</p>"
            "<p>김영 기자</p>")
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode()


def test_hostile_markup_in_a_page_prints_as_written(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    doc = yalu.read(page)
    assert "[/b]" in doc.headline and "[link=http://evil.example]" in doc.paragraphs[0]
    result = run("read", str(page))
    assert result.exit_code == 0, result.output
    assert doc.headline in result.stdout and doc.paragraphs[0][:90] in result.stdout
    for markup in MARKUP:
        assert markup in result.stdout


def test_hostile_markup_in_file_names_and_urls_never_stops_a_folder(tmp_path, seeds):
    # "a[" + "/" + "b]c.txt": the path holds the closing tag [/b]
    (tmp_path / "a[").mkdir()
    marked = tmp_path / "a[" / "b]c.txt"
    marked.write_text(PAGE, encoding="utf-8")
    (tmp_path / "[red]seed.txt").write_bytes((seeds / "000_1674585d37812f59.txt").read_bytes())
    (tmp_path / "[bold]empty.txt").write_bytes(b"")
    url = "http://www.iybrb.com/[/b]/content/2026-03/02/[red]1.html"
    result = run("read", str(tmp_path), "--url", url, "--workers", "1")
    assert result.exit_code == 1
    assert f"── {marked}" in result.stdout and f"── {tmp_path / '[red]seed.txt'}" in result.stdout
    assert result.stdout.count(url) == 2
    assert f"yalu: {tmp_path / '[bold]empty.txt'}: file is empty" in result.stderr
    assert "1 of 3 inputs failed" in result.stderr and "Traceback" not in result.output


def test_hostile_markup_in_a_name_query():
    result = run("name", "[/b][red]")
    assert result.exit_code == 1
    assert result.stderr.strip() == "yalu: no place or person is known as '[/b][red]'"


def test_hostile_markup_in_standardize_diff(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("[/b] 력량을 [red]집중하여\\", encoding="utf-8")
    result = run("standardize", str(page), "--diff")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("[/b] [-력-]{+역+}D1량을 [red]집중하여\\")


def test_hostile_url_with_an_unclosed_bracket_is_read(seeds):
    page = seeds / "000_1674585d37812f59.txt"
    doc = yalu.read(page, url="http://[www.iybrb.com/a.html")
    assert doc.url == "http://[www.iybrb.com/a.html"
    assert doc.outlet == yalu.read(page).outlet == "연변일보"  # told from the page, not the broken host
    result = run("read", str(page), "--url", "http://[www.iybrb.com/a.html", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["outlet"] == "연변일보"
    assert result.stderr.strip() == ("yalu: warning: --url http://[www.iybrb.com/a.html is not a valid URL "
                                     "(Invalid IPv6 URL); the outlet is told from the page instead")


@pytest.mark.parametrize("head", ['<meta property="og:url" content="http://[kr.hljnews.cn/a.html">',
                                  '<link rel="canonical" href="https://[bad/2025/04/01/a.html">'])
def test_hostile_page_url_with_an_unclosed_bracket_is_read(head):
    html = article_html(0).replace(b"<html>", f"<html><head>{head}</head>".encode())
    doc = yalu.read(html, name="page.html")
    assert doc.headline == "연길시 새 도서관 개관" and doc.url.startswith(("http://[", "https://["))
    assert doc.outlet is None and "outlet.unknown" in {w.code for w in doc.warnings}


def test_hostile_html_nested_past_libxml2s_default_depth_is_read():
    # 2,000 levels: past libxml2's default of 256 and past Python's recursion limit
    doc = yalu.read(article_html(2000), name="deep.html")
    assert doc.headline == "연길시 새 도서관 개관"
    assert doc.paragraphs == ["연길시 중심에 새 도서관이 문을 열어 시민들의 독서 열조가 높아지고 있다. 도서관은 3층 건물로 되였다."]


def test_hostile_html_nested_past_any_limit_says_so(tmp_path):
    with pytest.raises(yalu.UnreadableInput) as caught:
        yalu.read(article_html(300_000), name="deep.html")
    assert caught.value.code == "too-deep"
    assert str(caught.value) == "deep.html: HTML is nested too deeply to read (elements over 2,048 levels deep)"


@pytest.mark.parametrize("content, reason", [(None, "no such file"), (b"", "file is empty"),
                                             (b"\x89PNG\r\n\x1a\n\x00", "binary file, not a text or HTML page")])
def test_hostile_name_context_file_that_cannot_be_read(tmp_path, content, reason):
    context = tmp_path / "article.txt"
    if content is not None:
        context.write_bytes(content)
    result = run("name", "룡강", "--context", f"@{context}")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines()[-1] == f"Error: Invalid value for --context: @{context}: {reason}"


def test_hostile_name_context_file_is_read(seeds):
    result = run("name", "룡강", "--context", f"@{seeds / '001_cab5228b4c32a580.txt'}", "--json")
    assert json.loads(result.stdout)["candidates"][0]["hanzi"] == "黑龙江省"


def test_hostile_jsonl_records_carry_their_path(tmp_path, seeds):
    for page in sorted(seeds.glob("*.txt"))[:2]:
        (tmp_path / page.name).write_bytes(page.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("read", str(tmp_path), "--jsonl")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    paths = [record["path"] for record in records]
    assert paths == [str(p) for p in sorted(tmp_path.glob("*.txt")) if p.name != "empty.txt"]
    schema = json.loads(resources.files("yalu").joinpath("schema/document.schema.json").read_text())
    for record, line in zip(records, result.stdout.splitlines()):
        jsonschema.validate(record, schema)
        assert yalu.Document.from_json(line) == yalu.read(record["path"])


def test_hostile_a_web_address_is_not_a_missing_file():
    url = "http://www.iybrb.com/news/content/2026-03/02/1.html"
    result = run("read", url)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"yalu: {url}: yalu reads saved pages, not web addresses: save the page, "
                                     f"then run yalu read page.html --url {url}")


def test_hostile_broken_utf16_is_one_line(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("\ufeff연길시 소식".encode("utf-16-le") + b"A")
    result = run("read", str(page))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"yalu: {page}: not valid UTF-16-LE (truncated data at byte 14)"
