"""The archive's commands: ``yalu add``, ``yalu search``, ``yalu export`` (thin layers over ``yalu.Archive``)."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .export import FORMATS, TABLES, format_for
from .search import FACETS, MARK, SORTS
from .store import DEFAULT_PATH, Archive

err = Console(stderr=True, highlight=False)

archive_option = click.option(
    "--archive", "-a", "archive_path", default=DEFAULT_PATH, show_default=True, envvar="YALU_ARCHIVE",
    metavar="FILE", help="The archive: one SQLite file (also $YALU_ARCHIVE). `datasette FILE` browses it.")


def _existing(path: str, migrate: bool = True) -> Archive:
    if not Path(path).is_file():
        raise click.ClickException(f"no archive at {path}: make one with `yalu add PAGES --archive {path}`")
    return Archive(path, migrate=migrate)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@archive_option
@click.option("--url", metavar="URL", help="Where the pages came from, when they were saved to files (as for yalu read).")
@click.option("--workers", type=click.IntRange(1), default=None, metavar="N",
              help="Processes that read pages (default: all cores). The archive is written by one.")
@click.option("--reread", is_flag=True,
              help="Read again files added before, even when unchanged (after upgrading yalu, say).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; failures are still named.")
def add(inputs: tuple[str, ...], archive_path: str, url: str | None, workers: int | None, reread: bool,
        quiet: bool) -> None:
    """Read pages into the archive: read, standardize, annotate, store.

    INPUT is a page, a folder (read recursively, as yalu read does), a .jsonl file of records made by
    `yalu read --jsonl` (records without mentions or spelling changes get them here), or - for
    records on standard input.

    \b
    yalu add pages/                     into ./yalu.db
    yalu add pages/ --archive news.db
    yalu read pages/ --jsonl > r.jsonl && yalu add r.jsonl

    Each article goes in with its layers in one transaction, so an interrupted run loses nothing
    and the same command again picks up where it stopped (files added before and unchanged are not
    read again). The same page twice is one article; the same text on several sites, also a repost
    that edits it a little, is one story with its copies. A page that cannot be read is named on
    stderr with the reason, kept in the table `problems`, and skipped. Exit status: 0 all added, 1 some inputs failed.
    """
    from .. import expand
    names = list(expand(inputs))
    if not names:
        raise click.UsageError(f"no pages found in {', '.join(inputs)}")
    try:
        _add(names, archive_path, url, workers, reread, quiet)
    except sqlite3.OperationalError as error:     # the file locked by another writer beyond the wait, a full disk
        raise click.ClickException(f"{archive_path}: {error}; what was added before is kept, "
                                   "and the same command again goes on where this one stopped") from None


def _add(names: list[str], archive_path: str, url: str | None, workers: int | None, reread: bool,
         quiet: bool) -> None:
    tally = {"added": 0, "copy": 0, "present": 0, "unchanged": 0, "failed": 0}
    failures = []
    with Archive(archive_path) as archive:
        show = not quiet and err.is_terminal
        with Progress(TextColumn("adding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=err, disable=not show, transient=True) as progress:
            task = progress.add_task("add", total=len(names))
            for outcome in archive.ingest(names, url=url, workers=workers, reread=reread):
                tally[outcome.status] += 1
                if ":" not in outcome.name or outcome.name in names:
                    progress.advance(task)
                if outcome.error is not None:
                    failures.append(outcome)
                    err.print(f"[red]yalu: {escape(str(outcome.error))}[/red]", soft_wrap=True)
        if not quiet:
            counts = archive.counts()
            err.print(f"{tally['added']} added, {tally['copy']} copies of stories already there, "
                      f"{tally['present']} already present, {tally['unchanged']} unchanged files skipped, "
                      f"{tally['failed']} failed → {archive_path}: {counts['articles']} articles in "
                      f"{counts['stories']} stories", soft_wrap=True)
    if failures:
        sys.exit(1)


@click.command()
@click.argument("query", nargs=-1, metavar="QUERY...")
@archive_option
@click.option("--outlet", multiple=True, metavar="NAME", help="Only stories with a copy in this outlet (길림신문).")
@click.option("--since", metavar="DATE", help="Published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Published on or before DATE.")
@click.option("--kind", multiple=True, metavar="KIND", help="Only articles reporting an event of this kind: tour, meeting.")
@click.option("--person", multiple=True, metavar="NAME",
              help="Only articles naming this person, in any form (李景浩, 리경호, 시진핑); same as person:NAME.")
@click.option("--place", multiple=True, metavar="NAME", help="Only articles naming this place (훈춘, 珲春, 222404).")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True,
              help="relevance: bm25, a match in the headline or a linked name counts more; date: newest first.")
@click.option("--limit", "-n", type=click.IntRange(0), default=20, show_default=True, help="Hits to show.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many hits (the next page).")
@click.option("--facets", metavar="LIST", default="",
              help=f"Counts over every match, comma-separated: {', '.join(FACETS)}.")
@click.option("--json", "as_json", is_flag=True,
              help="Print {query, terms: [{text, forms, entities}], total, hits: [{id, headline, outlet, published, "
                   "url, score, snippet, standard_snippet, copies, events}], facets, messages}.")
@click.option("--explain", is_flag=True, help="Also show every form each term was expanded to.")
def search(query: tuple[str, ...], archive_path: str, outlet: tuple[str, ...], since: str | None,
           until: str | None, kind: tuple[str, ...], person: tuple[str, ...], place: tuple[str, ...], sort: str,
           limit: int, offset: int, facets: str, as_json: bool, explain: bool) -> None:
    """Search the archive in any script and either spelling.

    Each term is expanded before it is looked up: its standard spelling and its Chinese Korean forms
    (역량 finds 력량, 되었다 finds 되였다), and, when it names a person or place yalu knows, all the
    forms of that name: 시진핑, 습근평, 习近平, 習近平 and Xi Jinping find the same articles; 연길 finds
    연길시 and 延吉. Terms match inside words (역량 in 력량을 and 역량강화), from one syllable on.

    \b
    yalu search 시진핑
    yalu search 역량 --outlet 길림신문 --since 2020-01-01 --until 2020-12-31 --json
    yalu search person:李景浩            linked through the mentions, or written in any form
    yalu search 훈춘 --kind tour          tours that stop there
    yalu search 조선족 --facets outlet,year,person
    yalu search '"깊이 있게" 학습 OR 관철 -축구'   a phrase, either of two, without

    A story printed by several outlets is one hit, with its copies listed. Quotes, stars, brackets
    and operators in a query are searched as text, never run: the worst a query can do is find
    nothing, and then a message says why.
    """
    text = " ".join(query)
    wanted = [f.strip() for f in facets.split(",") if f.strip()]
    if not text.strip() and not any((outlet, since, until, kind, person, place)):
        raise click.UsageError("give a QUERY or a filter (--outlet, --since, --until, --kind, --person, --place)")
    with _existing(archive_path, migrate=False) as archive:
        try:
            result = archive.search(text, outlet=list(outlet), since=since, until=until, kind=list(kind),
                                    person=list(person), place=list(place), sort=sort, limit=limit, offset=offset,
                                    facets=wanted)
        except ValueError as error:
            raise click.UsageError(str(error)) from error
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    out = Console(highlight=False, soft_wrap=True)
    for message in result.messages:
        err.print(f"[yellow]yalu: {escape(message)}[/yellow]")
    if explain:
        for term in result.terms:
            out.print(f"[dim]{'not ' if term.negated else ''}{escape(term.text)} → {escape(' · '.join(term.forms))}"
                      + (f"  ({', '.join(term.entities)})" if term.entities else "") + "[/dim]")
    shown = f"{offset + 1}–{offset + len(result.hits)} of " if result.hits else ""
    out.print(f"[bold]{shown}{result.total} {'story' if result.total == 1 else 'stories'}[/bold]")
    for hit in result.hits:
        out.print(f"\n[bold]{escape(hit.headline or '(no headline)')}[/bold]")
        copies = "".join(f" · {c['outlet'] or '?'}" for c in hit.copies)
        out.print(f"  [cyan]{escape(hit.outlet or '—')}{escape(copies)}[/cyan]  {hit.published or 'undated'}  "
                  f"[dim]{hit.id}[/dim]")
        out.print(f"  {_marked(hit.snippet)}")
        if hit.standard_snippet:
            out.print(f"  [dim]standard:[/dim] {_marked(hit.standard_snippet)}")
        for event in hit.events:
            dates = event["start"] or "—"
            if event["end"] and event["end"] != event["start"]:
                dates += f" … {event['end']}"
            out.print(f"  [cyan]{event['kind']}[/cyan] {dates} " + escape(" → ".join(event["stops"])))
    for name, rows in result.facets.items():
        out.print(f"\n[bold]{name}[/bold]")
        for row in rows:
            label = row.get("label") or ""
            out.print(f"  {row['count']:>6}  {escape(str(row['value']))}  [dim]{escape(label.strip())}[/dim]")


def _marked(snippet: str) -> str:
    parts = escape(snippet).split(MARK[0])
    return "".join(p if i % 2 == 0 else f"[bold yellow]{p}[/bold yellow]" for i, p in enumerate(parts))


@click.command()
@archive_option
@click.option("--table", type=click.Choice(TABLES), default="articles", show_default=True,
              help="The table to export. articles as JSONL are the versioned records, which yalu add reads back.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="jsonl, csv or parquet (pip install 'yalu[parquet]'). Default: from the -o suffix, else jsonl.")
@click.option("--output", "-o", metavar="FILE", default=None, help="Where to write (default: stdout; Parquet needs a file).")
@click.option("--query", "-q", "query", metavar="QUERY", default=None,
              help="Only what belongs to the stories this search finds (the query language of yalu search).")
@click.option("--since", metavar="DATE", help="With or without --query: only articles published on or after DATE.")
@click.option("--until", metavar="DATE", help="Only articles published on or before DATE.")
@click.option("--outlet", metavar="NAME", help="Only stories with a copy in this outlet.")
def export(archive_path: str, table: str, fmt: str | None, output: str | None, query: str | None,
           since: str | None, until: str | None, outlet: str | None) -> None:
    """Write a table of the archive, or a search's results, as JSON Lines, CSV or Parquet.

    \b
    yalu export > records.jsonl                                   every article's record
    yalu export --table mentions --format csv -o mentions.csv
    yalu export --table entities -o entities.parquet              with latitude/longitude
    yalu export --query 시진핑 --since 2020 -o xi.jsonl

    Offsets (start, end) are code points into articles.text, end exclusive, as in the record.
    Every export to a file says what it is (the archive's schema version, the record's, yalu's, the
    table, the search): Parquet in its metadata, JSONL and CSV in FILE.meta.json beside the file.
    """
    with _existing(archive_path) as archive:
        try:
            count = archive.export(output, table=table, format=fmt, query=query, since=since, until=until,
                                   outlet=outlet)
        except ValueError as error:
            raise click.UsageError(str(error)) from error
        except ImportError as error:
            raise click.ClickException(str(error)) from error
    if output not in (None, "-"):
        sidecar = "" if format_for(output, fmt) == "parquet" else f" (and what it is in {output}.meta.json)"
        err.print(f"{count} rows of {table} → {output}{sidecar}")
