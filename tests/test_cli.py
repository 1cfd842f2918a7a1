"""The command line is a twin of the library: same records, one-line errors, honest exit codes."""

import json
import re

from click.testing import CliRunner

import yalu
from yalu.cli import main, read


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_cli_read_json_is_the_library_record(seeds):
    page = seeds / "000_1674585d37812f59.txt"
    result = run("read", str(page), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == yalu.read(page).to_dict()


def test_cli_read_stdin(seeds):
    data = (seeds / "001_cab5228b4c32a580.txt").read_bytes()
    result = run("read", "-", "--json", input=data)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["headline"] == "허근, 가목사 쌍압산 학강 조사연구시 강조"


def test_cli_read_url_names_the_outlet(seeds):
    result = run("read", str(seeds / "001_cab5228b4c32a580.txt"), "--json",
                 "--url", "http://kr.hljnews.cn/system/2021/11/30/012345.shtml")
    record = json.loads(result.stdout)
    assert record["outlet"] == "흑룡강일보"
    assert (record["published"], record["published_from"]) == ("2021-11-30", "url")


def test_cli_read_summary_is_readable(seeds):
    result = run("read", str(seeds / "000_1674585d37812f59.txt"))
    assert result.exit_code == 0
    assert "보다 큰 강도와" in result.stdout and "류전국 (기자)" in result.stdout
    assert "2026-03-02T09:12:28+08:00" in result.stdout


def test_cli_batch_goes_on_past_bad_pages_and_exits_1(seeds, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes((seeds / "000_1674585d37812f59.txt").read_bytes())
    result = run("read", str(tmp_path), str(seeds / "001_cab5228b4c32a580.txt"), "--jsonl")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    assert f"{tmp_path / 'empty.txt'}: file is empty" in result.stderr
    assert f"{tmp_path / 'image.html'}: binary file" in result.stderr
    assert "2 of 4 inputs failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_one_unreadable_input_exits_2(tmp_path):
    result = run("read", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"yalu: {tmp_path / 'missing.txt'}: no such file"


def test_cli_usage_error_exits_2(seeds):
    assert run("read", str(seeds), "--json", "--jsonl").exit_code == 2
    assert run("read").exit_code == 2


def test_cli_read_help_explains_every_option():
    result = run("read", "--help")
    assert result.exit_code == 0
    for param in read.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in result.stdout
        if getattr(param, "help", None) is not None:
            assert len(param.help) > 20, f"{param.name} has no real help"
    assert re.search(r"Exit status", result.stdout)


def test_cli_batch_over_processes_reports_failures(seeds, tmp_path):
    page = (seeds / "000_1674585d37812f59.txt").read_bytes()
    for i in range(9):
        (tmp_path / f"{i}.txt").write_bytes(page)
    (tmp_path / "z.html").write_bytes(b"<html><body><a href='/'>x</a></body></html>")
    result = run("read", str(tmp_path), "--jsonl", "--workers", "2")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 9
    assert f"{tmp_path / 'z.html'}: no article text found" in result.stderr
    assert "Traceback" not in result.stderr
