"""The archive (issue 12): storage, idempotent and crash-safe ingest, search across scripts and spellings,
exports. The must-hold items of the issue are tested on an archive of the sample pages, the seeds and the
development set (../shared/realpages/, read from there, never copied)."""

from __future__ import annotations

import asyncio
import csv
import importlib.metadata
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yalu
from yalu import Archive, Document, Span
from yalu.archive import schema, stories
from yalu.archive.terms import phrase, terms
from yalu.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
REALPAGES = ROOT.parent / "shared" / "realpages" / "pages.jsonl"
XI = ("시진핑", "习近平", "習近平", "Xi Jinping", "습근평")


def page(headline: str, body: str, url: str | None = None, published: str | None = None) -> Document:
    """A small Document made in the test (for cases the sample pages do not have); paragraphs of the
    body are separated by blank lines."""
    text = f"{headline}\n\n{body}"
    spans, start = [], len(headline) + 2
    for paragraph in body.split("\n\n"):
        spans.append(Span(start, start + len(paragraph)))
        start += len(paragraph) + 2
    return Document(text=text, headline_span=Span(0, len(headline)), paragraph_spans=tuple(spans), url=url,
                    published=published, outlet="조글로" if url and "zoglo" in url else "길림신문")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, seeds) -> Archive:
    """An archive of examples/, the seeds and the development set."""
    assert REALPAGES.is_file(), f"{REALPAGES} is missing: the archive tests read the development set there"
    archive = Archive(tmp_path_factory.mktemp("corpus") / "yalu.db")
    outcomes = list(archive.ingest([EXAMPLES, seeds]))
    assert sum(o.status == "added" for o in outcomes) >= 40
    docs = []
    for line in REALPAGES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        try:
            docs.append(yalu.read(row["text"].encode(), url=row["url"], name=row["id"], standard=True,
                                  mentions=True, entities=True))
        except yalu.YaluError:
            continue
    assert len(docs) > 60
    archive.add(docs)
    return archive


def ids(result) -> set[str]:
    return {h.id for h in result.hits}


def canonical_ids_where(archive: Archive, condition: str, *params) -> set[str]:
    """The stories (by the id search shows) whose articles satisfy an SQL condition on articles a."""
    rows = archive.conn.execute(f"SELECT DISTINCT s.article_id FROM articles a JOIN stories s ON s.id = a.story_id "
                                f"WHERE {condition}", params)
    return {r[0] for r in rows}


# -- the must-hold items ------------------------------------------------------------------------------
def test_archive_every_form_of_xi_finds_the_same_articles_every_one_that_names_him(corpus):
    naming = canonical_ids_where(
        corpus, " OR ".join(["instr(a.text, ?)"] * 4) + " OR a.id IN (SELECT article_id FROM mentions "
        "WHERE entity_id = 'person:习近平')", "습근평", "习近平", "習近平", "시진핑")
    assert len(naming) >= 10
    for query in XI:
        found = corpus.search(query, limit=1000)
        assert ids(found) == naming, query
        assert found.total == len(naming)


def test_archive_standard_spelling_finds_the_chinese_korean_form(corpus):
    with_ryeok = canonical_ids_where(corpus, "instr(a.text, '력량')")
    assert with_ryeok
    found = ids(corpus.search("역량", limit=1000))
    assert with_ryeok <= found
    assert canonical_ids_where(corpus, "instr(a.text, '역량')") <= found
    assert found == ids(corpus.search("력량", limit=1000))


def test_archive_yeongil_finds_the_city_and_its_hanzi(tmp_path, corpus):
    assert canonical_ids_where(corpus, "instr(a.text, '연길시')") <= ids(corpus.search("연길", limit=1000))
    archive = Archive(tmp_path / "a.db")
    archive.add([page("延吉 새 소식", "延吉市 정부는 올해 도서관을 새로 지었다."),
                 page("연길시 소식", "연길시에서 축제가 열렸다."),
                 page("룡정 소식", "룡정시에서 축제가 열렸다.")])
    found = archive.search("연길")
    assert {h.headline for h in found.hits} == {"延吉 새 소식", "연길시 소식"}
    assert "**延吉" in next(h.snippet for h in found.hits if h.headline.startswith("延吉"))


def test_archive_person_filter_finds_the_pages_that_name_him(corpus):
    # 李景浩 is Korean-Chinese (CPED): the South's form 이경호 names him too (r005 writes it so)
    naming = canonical_ids_where(corpus, "instr(a.text, '리경호') OR instr(a.text, '李景浩') OR instr(a.text, '이경호')")
    assert naming
    assert ids(corpus.search("person:李景浩", limit=1000)) == naming
    assert ids(corpus.search("", person="李景浩", limit=1000)) == naming


def test_archive_place_query_finds_the_tours_that_stop_there(corpus):
    for place, stops in (("가목사", ["가목사", "쌍압산", "학강"]), ("통화", ["매하구", "통화", "백산"])):
        found = corpus.search(place, kind="tour")
        assert found.total == 1
        assert found.hits[0].events[0]["kind"] == "tour"
        assert found.hits[0].events[0]["stops"] == stops
        assert ids(corpus.search(f"place:{place} kind:tour")) == ids(found)


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "NEAR(a b", "'; DROP TABLE articles; --", "ㄱ", "ㅎㅎ",
                                   "가" * 10_000, "x" * 10_240, "a OR", "OR", "NOT", "-", "person:", "(", ")",
                                   '"unterminated', "col:value", "^역량", "역량*", "\x00", "AND AND"])
def test_archive_hostile_queries_never_raise(corpus, query):
    result = corpus.search(query)
    assert result.total >= 0
    if len(query) > 1000:
        assert any("cut" in m for m in result.messages)
    assert corpus.counts()["articles"] > 0      # nothing was dropped


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_archive_any_query_string_is_answered(corpus, query):
    result = corpus.search(query, facets=["outlet", "person"])
    assert result.total >= len(result.hits)


# -- storage and ingest ------------------------------------------------------------------------------
def test_archive_adding_the_same_folder_twice_changes_no_count(tmp_path, seeds):
    archive = Archive(tmp_path / "a.db")
    first = list(archive.ingest([seeds], workers=1))
    counts = archive.counts()
    assert [o.status for o in first] == ["added", "added"]
    assert [o.status for o in archive.ingest([seeds], workers=1)] == ["unchanged", "unchanged"]
    assert [o.status for o in archive.ingest([seeds], workers=1, reread=True)] == ["present", "present"]
    assert archive.counts() == counts
    assert counts["mentions"] > 50 and counts["roles"] > 0 and counts["events"] >= 2


def test_archive_reposts_are_one_story_with_copies(tmp_path):
    archive = Archive(tmp_path / "a.db")
    body = "연변주당위 상무위원회 회의가 열려 력량을 집중하기로 했다."
    tally = archive.add([page("회의 열려", body, url="http://www.iybrb.com/1.html", published="2026-03-02"),
                         page("[연변] 회의 열려", body, url="http://www.zoglo.net/2.html", published="2026-03-03")])
    assert tally["added"] == 1 and tally["copy"] == 1
    assert archive.counts()["articles"] == 2 and archive.counts()["stories"] == 1
    found = archive.search("역량")
    assert found.total == 1
    assert [c["url"] for c in found.hits[0].copies] == ["http://www.zoglo.net/2.html"]
    assert archive.search("역량", outlet="조글로").total == 1       # found through its copy
    assert archive.search("역량", outlet="흑룡강신문").total == 0


def test_archive_an_edited_repost_is_the_same_story(tmp_path):
    original = yalu.read(EXAMPLES / "01_yanbian_kicker_review_footer.txt")
    paragraphs = original.paragraphs            # four, the last 153 of 534 characters
    assert len(paragraphs) == 4 and "력량" in paragraphs[1]
    reposts = [page(original.headline, "\n\n".join([*paragraphs, "(출처: 연변일보)"]), url="http://www.zoglo.net/1.html"),
               page(original.headline, "\n\n".join(paragraphs[:-1]), url="http://www.zoglo.net/2.html"),
               page(original.headline, "\n\n".join(p.replace("력량", "역량") for p in paragraphs),
                    url="http://www.zoglo.net/3.html")]
    archive = Archive(tmp_path / "a.db")
    assert archive.add([original])["added"] == 1
    assert archive.add(reposts) == {"added": 0, "copy": 3, "present": 0, "failed": 0}
    assert (archive.counts()["articles"], archive.counts()["stories"]) == (4, 1)
    found = archive.search("화룡시")
    assert found.total == 1 and found.hits[0].id == original.id
    assert {c["url"] for c in found.hits[0].copies} == {r.url for r in reposts}
    assert archive.search("출처").total == 0         # a copy's own line is not indexed: the story is its first copy


def test_archive_articles_sharing_boilerplate_or_an_excerpt_are_other_stories(tmp_path):
    dateline = "【길림신문】 장춘 3월 5일발 (기자 리영철): 본사소식"
    footer = "편집: 박영 | 출처: 길림신문 | 저작권자 © 길림신문 무단전재 및 재배포 금지 | 제보전화: 0431-88888888"
    first, second = (yalu.read(EXAMPLES / name) for name in ("02_jilin_new_template.txt", "04_jilin_mobile_template.txt"))
    framed = [page(d.headline, "\n\n".join([dateline, d.paragraphs[0], footer])) for d in (first, second)]
    shared = stories.resemblance(*(stories.body_of(d).normal for d in framed))
    assert 0.2 < shared < stories.RESEMBLANCE   # as alike as the two most alike distinct pages of the dev set
    long = yalu.read(EXAMPLES / "40_yanbian_standing_committee.txt")
    excerpt = page(long.headline, long.paragraphs[0], url="http://www.zoglo.net/9.html")   # 244 of 918 characters
    archive = Archive(tmp_path / "a.db")
    assert archive.add([*framed, long, excerpt])["added"] == 4
    assert archive.counts()["stories"] == 4


def test_archive_distinct_pages_of_the_development_set_stay_distinct_stories(corpus):
    # two parts of one series (흑룡강신문 2021), opening with the same paragraph: 0.24 alike
    rows = corpus.conn.execute("SELECT story_id FROM articles WHERE url LIKE '%/001418375.shtml' "
                               "OR url LIKE '%/001428895.shtml'").fetchall()
    assert len(rows) == 2 and rows[0][0] != rows[1][0]
    assert corpus.counts()["stories"] == corpus.counts()["articles"]


def test_archive_sketches_are_stable_across_runs():
    # the sketch is part of the schema: a change of shingles or hash needs a migration that sketches again
    body = stories.body_of(page("제목", "연변조선족자치주 농촌주민 소득이 4년 련속 빠르게 늘어났다."))
    assert body.size == 21 and len(body.sketch) == stories.K
    assert body.sketch[:2] == (-8693088927257950942, -8487715514947934533)


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every table and index of an archive, with its columns."""
    found = conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name")
    return {name: [c["name"] for c in conn.execute(f"PRAGMA {kind}_xinfo({name})")] for kind, name in found.fetchall()}


def test_archive_made_by_the_previous_version_opens_and_is_migrated(tmp_path, monkeypatch):
    original = yalu.read(EXAMPLES / "01_yanbian_kicker_review_footer.txt")
    old = tmp_path / "old.db"
    with Archive(old) as archive:
        archive.add([original])
    # as yalu left it before migration 2: its table and column taken away, its row in schema_version too
    conn = sqlite3.connect(old, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.executescript("DROP TABLE sketches; ALTER TABLE stories DROP COLUMN shingles;"
                       " DELETE FROM schema_version WHERE version > 1;")
    with monkeypatch.context() as previous:
        previous.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        previous.setattr(schema, "LATEST", 1)
        fresh = sqlite3.connect(tmp_path / "fresh.db", isolation_level=None)
        fresh.row_factory = sqlite3.Row
        schema.migrate(fresh, "fresh.db")
    assert _columns(conn) == _columns(fresh) and "stories" in _columns(fresh)
    conn.close()
    # a reader that only searches reads the older archive as it is: the migration (minutes and the write
    # lock on a large archive) is left to the next writer, so a search never locks `yalu add` out
    with Archive(old, migrate=False) as reader:
        assert reader.schema_version == 1
        assert reader.search(original.headline.split()[0]).total == 1
    result = CliRunner().invoke(main, ["search", original.headline.split()[0], "--archive", str(old), "--json"])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(old) as check:                                                 # still as it was
        assert check.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
    with Archive(old) as archive:
        assert archive.schema_version == schema.LATEST == 2
        assert tuple(archive.conn.execute("SELECT count(*), max(story_id) FROM sketches").fetchone()) == (stories.K, 1)
        repost = page(original.headline, "\n\n".join(original.paragraphs[:-1]), url="http://www.zoglo.net/2.html")
        assert archive.add([repost])["copy"] == 1
        assert archive.counts()["stories"] == 1


def test_archive_get_returns_the_record(tmp_path, seeds):
    archive = Archive(tmp_path / "a.db")
    list(archive.ingest([seeds], workers=1))
    doc = yalu.read(seeds / "001_cab5228b4c32a580.txt", standard=True, mentions=True, entities=True)
    assert archive.get(doc.id).to_dict() == doc.to_dict()
    with pytest.raises(KeyError):
        archive.get("0000000000000000")


def test_archive_tables_a_person_can_query(corpus):
    conn = corpus.conn
    row = conn.execute("SELECT * FROM entities WHERE id = 'place:222404'").fetchone()
    assert (row["hanzi"], row["reading"], row["kind"]) == ("珲春市", "훈춘시", "place")
    assert 42 < row["latitude"] < 43.5 and 130 < row["longitude"] < 131.5
    xi = conn.execute("SELECT reading, hanzi, traditional, pinyin, standard FROM entities WHERE id = 'person:习近平'")
    assert tuple(xi.fetchone()) == ("습근평", "习近平", "習近平", "Xí Jìnpíng", "시진핑")
    stop = conn.execute("SELECT s.name, s.latitude FROM event_stops s JOIN events e ON e.id = s.event_id "
                        "WHERE s.name = '가목사'").fetchone()
    assert stop["latitude"] > 46
    article = conn.execute("SELECT * FROM articles WHERE standard_text != text AND published_date IS NOT NULL LIMIT 1").fetchone()
    record = json.loads(article["record"])
    assert article["text"] == record["text"] and article["year"] == int(article["published_date"][:4])
    for m in conn.execute("SELECT m.start, m.\"end\", m.surface, a.text FROM mentions m "
                          "JOIN articles a ON a.id = m.article_id LIMIT 500"):
        assert m["text"][m["start"]:m["end"]] == m["surface"]


def test_archive_jsonl_records_are_completed_and_added(tmp_path, seeds):
    records = tmp_path / "records.jsonl"
    docs = [yalu.read(p) for p in sorted(seeds.iterdir())]
    records.write_text("".join(d.to_json() + "\n" for d in docs) + "not json\n", encoding="utf-8")
    archive = Archive(tmp_path / "a.db")
    outcomes = list(archive.ingest([records]))
    assert [o.status for o in outcomes] == ["added", "added", "failed"]
    assert outcomes[2].name.endswith(":3")
    assert archive.get(docs[0].id).mentions           # annotated on the way in
    assert archive.search("시진핑").total >= 1


def test_archive_schema_is_versioned_and_a_newer_one_refused(tmp_path):
    path = tmp_path / "a.db"
    archive = Archive(path)
    assert archive.schema_version == schema.LATEST
    versions = archive.conn.execute("SELECT version, name FROM schema_version").fetchall()
    assert [v[0] for v in versions] == [n for n, _, _ in schema.MIGRATIONS]
    archive.conn.execute("INSERT INTO schema_version VALUES (999, 'from the future', '')")
    archive.close()
    with pytest.raises(yalu.YaluError, match="newer"):
        Archive(path)


def test_archive_filters_sort_and_facets(corpus):
    dated = corpus.search("조선족", sort="date", limit=1000)
    days = [h.published[:10] for h in dated.hits if h.published]
    assert days == sorted(days, reverse=True) and len(days) > 3
    ranked = corpus.search("조선족", limit=1000)
    assert ids(ranked) == ids(dated)
    assert [h.score for h in ranked.hits] == sorted(h.score for h in ranked.hits)
    some = corpus.search("조선족", since="2025-01-01", until="2025-12-31", limit=1000)
    assert some.total and all("2025-01-01" <= h.published[:10] <= "2025-12-31" for h in some.hits)
    facets = corpus.search("조선족", facets=["year", "outlet", "person", "place"]).facets
    assert sum(f["count"] for f in facets["year"]) == ranked.total
    assert any(f["value"] == "place:222400" for f in facets["place"])
    with pytest.raises(ValueError):
        corpus.search("조선족", since="last year")


def test_archive_terms_match_inside_words_and_one_syllable():
    assert terms("력량을 习近平 Xí Jìnpíng") == ["력량", "량을", "을", "习近", "近平", "平", "xi", "jinping"]
    assert phrase("역량") == '"역량"' and phrase("강") == '"강" *' and phrase("ㄱ") is None


# -- crash safety and concurrent readers ---------------------------------------------------------------
def _consistent(path: Path, timeout: float = 30) -> tuple[int, int]:
    """Articles and stories as a reader sees them, checking that no article is partial: each holds only
    if an article and all its rows (story, index row, changes, mentions, roles, events) arrive together."""
    conn = sqlite3.connect(path, timeout=timeout)
    try:
        conn.execute("BEGIN")        # one snapshot for every check
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == stories
        assert conn.execute("SELECT coalesce(sum(copies), 0) FROM stories").fetchone()[0] == articles
        unindexed = conn.execute("SELECT count(*) FROM stories s JOIN articles a ON a.id = s.article_id"
                                 " WHERE a.key NOT IN (SELECT rowid FROM search_index)").fetchone()[0]
        assert unindexed == 0
        assert conn.execute("SELECT count(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)"
                            ).fetchone()[0] == 0
        for table in ("mentions", "roles", "events", "changes"):
            orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
            assert orphans.fetchone()[0] == 0, table
        stored = {table: dict(conn.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1"))
                  for table in ("mentions", "roles", "events", "changes")}
        for article_id, record in conn.execute("SELECT id, record FROM articles"):
            for table, count in _rows_of(json.loads(record)).items():
                assert stored[table].get(article_id, 0) == count, (article_id, table)
        conn.execute("COMMIT")
        return articles, stories
    finally:
        conn.close()


def _rows_of(record: dict) -> dict[str, int]:
    """How many rows of each table the archive makes from a record (a page's own names are mentions too)."""
    names = sum(len(e["spans"]) for e in record["entities"] or ())
    return {"mentions": len(record["mentions"] or ()) + names, "roles": len(record["roles"] or ()),
            "events": len(record["events"] or ()), "changes": len(record["changes"] or ())}


def _yalu_add(*args: str) -> list[str]:
    """The command line of `yalu add` in a subprocess, as an installed `yalu` would run it."""
    return [sys.executable, "-c", "from yalu.cli import main; main()", "add", *args]


def test_archive_kill_9_during_add_then_again_leaves_every_article_once(tmp_path, seeds):
    path = tmp_path / "crash.db"
    command = _yalu_add(str(EXAMPLES), str(seeds), "--archive", str(path), "--workers", "1", "--quiet")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True, cwd=tmp_path)
    seen = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if path.exists():
                try:
                    seen, _ = _consistent(path)          # a reader while yalu add writes
                except sqlite3.OperationalError:        # the tables are not made yet
                    seen = 0
                if seen >= 5:
                    break
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL, "yalu add finished before it could be killed"
    assert 5 <= seen
    killed_at, _ = _consistent(path)
    assert killed_at < 44
    again = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path, text=True)
    assert again.returncode == 1                   # the index page in examples/ is refused, as yalu read does
    assert "29_zoglo_news_index" in again.stderr
    articles, stories = _consistent(path)
    expected = len([p for p in yalu.expand([EXAMPLES, seeds])]) - 1
    assert articles == expected
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == expected
    assert conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == expected
    conn.close()


def _distinct_copies(folder: Path, seeds: Path, rounds: int) -> int:
    """Each text page of examples/ and the seeds, ``rounds`` times, each copy with a sentence of its own in
    its first paragraph: new articles (not the same page twice), so that `yalu add` has work for seconds,
    and copies of one story (an edited repost). Returns the number of pages copied."""
    encodings = {"16_jilin_cp949.txt": "cp949", "17_hljxinwen_gb18030.txt": "gb18030"}
    pages = sorted(EXAMPLES.glob("*.txt")) + sorted(seeds.glob("*.txt"))
    for n in range(1, rounds + 1):
        for source in pages:
            encoding = encodings.get(source.name, "utf-8")
            lines = source.read_text(encoding=encoding).split("\n")
            first = next(i for i, line in enumerate(lines) if len(line) >= 40)
            lines[first] += f" 이 글은 {n}번째로 다시 실렸다."
            (folder / f"{n}_{source.name}").write_text("\n".join(lines), encoding=encoding)
    return len(pages)


def test_archive_readers_see_a_consistent_archive_while_yalu_add_writes(tmp_path, seeds):
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = _distinct_copies(folder, seeds, rounds=3)
    with Archive(tmp_path / "empty.db") as empty:
        empty.search("조선족")        # the names and spelling tables load now, not in the loop that reads
    path = tmp_path / "busy.db"
    process = subprocess.Popen(_yalu_add(str(folder), "--archive", str(path), "--quiet"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                               start_new_session=True)     # its readers too are killed if the test fails
    seen: list[int] = []
    totals: list[int] = []
    locked: list[str] = []
    archive = None
    deadline = time.monotonic() + 300
    try:
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            if not path.exists():
                continue
            try:
                # a reader never waits for the writer under WAL: 5 s of "locked" would mean it did
                articles, _ = _consistent(path, timeout=5)
                if archive is None and articles:      # made and migrated by yalu add: this one only reads
                    archive = Archive(path, timeout=5)
                if archive is not None:
                    totals.append(archive.search("조선족").total)
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    locked.append(str(error))
                continue              # "no such table": yalu add has not made its tables yet
            if not seen or articles != seen[-1]:
                seen.append(articles)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        _, stderr = process.communicate()
        if archive is not None:
            archive.close()
    assert process.returncode == 0, stderr
    assert not locked
    assert len(seen) >= 3 and seen == sorted(seen), seen         # read while it wrote: the count grew twice
    assert totals == sorted(totals)                               # a story found stays found
    assert _consistent(path) == (3 * pages, pages)          # each page's three copies are one story


# -- command line and exports --------------------------------------------------------------------------
def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_cli_add_search_export(tmp_path, seeds):
    db = str(tmp_path / "cli.db")
    result = run("add", str(seeds), "--archive", db, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "2 added" in result.stderr
    found = run("search", "Xi", "Jinping", "--archive", db, "--json")
    assert found.exit_code == 0
    data = json.loads(found.stdout)
    assert data["total"] == 2 and "person:习近平" in data["terms"][0]["entities"]
    assert "**습근평**" in data["hits"][0]["snippet"]
    human = run("search", "가목사", "--kind", "tour", "--archive", db, "--facets", "place")
    assert human.exit_code == 0 and "가목사 → 쌍압산 → 학강" in human.stdout
    assert run("search", "--archive", db).exit_code == 2
    assert run("search", "x", "--archive", str(tmp_path / "none.db")).exit_code == 1
    assert not (tmp_path / "none.db").exists()
    records = run("export", "--archive", db)
    assert [Document.from_json(line).id for line in records.stdout.splitlines()] != []
    table = run("export", "--archive", db, "--table", "mentions", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert rows and {"article_id", "start", "end", "surface", "entity_id"} <= set(rows[0])
    header = next(csv.reader(io.StringIO(run("export", "--archive", db, "--format", "csv").stdout)))
    assert len(header) == len(set(header)) and {"year", "month", "standard_text", "record"} <= set(header)
    one = run("export", "--archive", db, "--query", "가목사")
    assert len(one.stdout.splitlines()) == 1


def test_datasette_opens_the_archive_with_facets_and_a_map(tmp_path, seeds):
    from datasette.app import Datasette     # in the test extra: CI installs it, and a missing one fails here

    path = tmp_path / "a.db"
    with Archive(path) as archive:
        list(archive.ingest([seeds], workers=1))
        outlets = dict(archive.conn.execute("SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL"
                                            " GROUP BY 1").fetchall())
        places = archive.conn.execute("SELECT count(*) FROM entities WHERE kind = 'place'"
                                      " AND latitude IS NOT NULL AND longitude IS NOT NULL").fetchone()[0]
    assert outlets and places > 3

    async def browse() -> dict[str, object]:
        datasette = Datasette([str(path)])
        await datasette.invoke_startup()
        pages = {"tables": "/a.json", "outlets": "/a/articles.json?_facet=outlet",
                 "places": "/a/entities.json?_shape=objects&kind=place&latitude__notblank=1&_size=max",
                 "entities page": "/a/entities", "event_stops page": "/a/event_stops", "articles page": "/a/articles",
                 "plugins": "/-/plugins.json"}
        out = {}
        for name, url in pages.items():
            response = await datasette.client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            out[name] = response.text if name.endswith("page") else response.json()
        return out

    seen = asyncio.run(browse())
    assert {"articles", "mentions", "entities", "events", "event_stops"} <= {t["name"] for t in seen["tables"]["tables"]}
    facet = seen["outlets"]["facet_results"]["outlet"]["results"]
    assert {f["value"]: f["count"] for f in facet} == outlets
    rows = seen["places"]["rows"]
    assert len(rows) == places and all(isinstance(r["latitude"], float) and isinstance(r["longitude"], float)
                                       for r in rows)
    # datasette-cluster-map draws a table that has latitude and longitude columns, and only such a table
    assert "datasette-cluster-map" in {p["name"] for p in seen["plugins"]}
    for table in ("entities", "event_stops"):
        assert "datasette-cluster-map" in seen[f"{table} page"], table
    assert "datasette-cluster-map" not in seen["articles page"]


def test_export_parquet_carries_the_schema_version(tmp_path, seeds):
    import pyarrow.parquet as pq      # in the test extra: CI installs it, and a missing one fails here
    archive = Archive(tmp_path / "a.db")
    list(archive.ingest([seeds], workers=1))
    out = tmp_path / "entities.parquet"
    count = archive.export(str(out), table="entities")
    table = pq.read_table(out)
    assert table.num_rows == count > 5
    assert {"latitude", "longitude", "hanzi", "pinyin"} <= set(table.column_names)
    meta = table.schema.metadata
    assert meta[b"yalu.archive_schema_version"] == str(schema.LATEST).encode()
    assert meta[b"yalu.table"] == b"entities" and meta[b"yalu.query"] == b"null"
    assert meta[b"yalu.yalu_version"] == importlib.metadata.version("yalu").encode()


def test_export_jsonl_and_csv_say_what_they_are_beside_them(tmp_path, seeds):
    archive = Archive(tmp_path / "a.db")
    list(archive.ingest([seeds], workers=1))
    for name, table in (("records.jsonl", "articles"), ("mentions.jsonl", "mentions"), ("mentions.csv", "mentions")):
        out = tmp_path / name
        count = archive.export(str(out), table=table)
        meta = json.loads((tmp_path / f"{name}.meta.json").read_text(encoding="utf-8"))
        assert meta == {"archive_schema_version": schema.LATEST, "record_schema_version": yalu.SCHEMA_VERSION,
                        "yalu_version": importlib.metadata.version("yalu"), "table": table,
                        "format": name.rsplit(".")[-1], "query": None, "filters": None,
                        "offsets": "code points, end exclusive", "rows": count}
        assert count > 1
    # the files hold rows and nothing else: yalu add reads the records back, a plain reader the CSV
    records = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["schema_version"] for line in records] == [yalu.SCHEMA_VERSION] * len(records)
    assert all(Document.from_json(line).id for line in records)
    with open(tmp_path / "mentions.csv", encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == archive.counts()["mentions"]
    found = tmp_path / "found.csv"
    archive.export(str(found), table="mentions", query="가목사", since="2020")
    meta = json.loads(Path(f"{found}.meta.json").read_text(encoding="utf-8"))
    assert (meta["query"], meta["filters"]) == ("가목사", {"since": "2020"})
    before = set(tmp_path.iterdir())
    archive.export(io.StringIO(), table="mentions")          # no file, so nothing beside it
    assert set(tmp_path.iterdir()) == before
    # a pathlib.Path is a path as a str is
    assert archive.export(tmp_path / "entities.csv", table="entities") > 0
    assert (tmp_path / "entities.csv.meta.json").exists()
    shown = run("export", "--archive", str(tmp_path / "a.db"), "--table", "events", "-o", str(tmp_path / "e.csv"))
    assert shown.exit_code == 0 and "e.csv.meta.json" in shown.stderr
    assert (tmp_path / "e.csv.meta.json").is_file()


def test_cli_add_reports_a_locked_archive_in_one_line(tmp_path, seeds, monkeypatch):
    # another writer holding the file past the wait (or a full disk): one line naming the archive and what
    # to do, never a traceback
    def locked(self, *args, **kwargs):
        raise sqlite3.OperationalError("database is locked")
        yield  # pragma: no cover (a generator, as ingest is)

    monkeypatch.setattr(Archive, "ingest", locked)
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["add", str(seeds), "--archive", str(db), "--quiet"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{db}: database is locked" in result.output and "the same command again" in result.output
