"""The command line: argument parsing, progress, colour and exit codes over the public API.

Exit codes: 0 every input read; 1 some inputs failed (each named on stderr, listed again at the end);
2 a usage error, or the one input named could not be read.
"""

from __future__ import annotations

import json
import sys
from functools import partial
from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from . import Document, Result, expand, names, read_many, standardize as standardize_text, variants as word_variants
from .errors import UnreadableInput, YaluError
from .sources import load

err = Console(stderr=True, highlight=False)


def _say(console: Console, *parts: str | tuple[str, str]) -> None:
    """Print one line of plain strings and (string, style) pairs. Page text, file names, URLs and queries
    may hold rich markup («[/b] 제목», «[link=…]»): as Text they print as written and can never raise."""
    console.print(Text.assemble(*parts), soft_wrap=True)


def _error(message: str) -> None:
    _say(err, (f"yalu: {message}", "red"))


def _check_url(ctx: click.Context, param: click.Parameter, url: str | None) -> str | None:
    """A malformed --url still reads the page; say that its host cannot tell the outlet."""
    if url is not None:
        try:
            urlsplit(url)
        except ValueError as error:
            _say(err, (f"yalu: warning: --url {url} is not a valid URL ({error}); the outlet is told from the "
                       "page instead", "yellow"))
    return url


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="yalu")
def main() -> None:
    """yalu reads the Korean-language press of China (연변일보, 길림신문, 흑룡강신문, 인민망 조문판 …)
    into clean article records.

    \b
    yalu read page.html                       a readable summary of one page
    yalu read pages/ --jsonl > records.jsonl  a whole folder, one JSON record per line
    cat page.txt | yalu read - --json         stdin
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--url", metavar="URL", callback=_check_url,
              help="Where the page came from, when it was saved to a file. Tells the outlet (by its domain) "
                   "and, if the page prints no date, the date in the URL. Applies to every INPUT.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the record as JSON (an array when there are several inputs).")
@click.option("--jsonl", is_flag=True, help="Print one JSON record per line: the form for batches and pipes.")
@click.option("--text", "as_text", is_flag=True,
              help="Print only the cleaned article text: the headline block, a blank line, the paragraphs.")
@click.option("--standard", is_flag=True,
              help="Also give the text in South Korean standard spelling: --text prints it instead of the "
                   "original, --json/--jsonl records carry every change (span, replacement, rule, tier).")
@click.option("--mentions", is_flag=True,
              help="Also find the people, places, organisations and dates the text names, and the events "
                   "built from them (inspection tours with their ordered stops and sites).")
@click.option("--entities", is_flag=True,
              help="Also list the Chinese names the page pairs with their Hanzi (항태(恒泰), the review chain's "
                   "林洪吉) with their four forms.")
@click.option("--workers", type=click.IntRange(1), default=None, metavar="N",
              help="Processes for a batch (default: all cores).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary of failures on stderr.")
def read(inputs: tuple[str, ...], url: str | None, as_json: bool, jsonl: bool, as_text: bool, standard: bool,
         mentions: bool, entities: bool, workers: int | None, quiet: bool) -> None:
    """Read pages into article records.

    INPUT is a saved page (plain-text scrape or HTML, in UTF-8, CP949/EUC-KR or GB18030), a folder
    (read recursively: .txt, .html, .htm files), or - for standard input. Each record holds the
    kicker, headline and subheads, the body paragraphs, the publication date with +08:00 and where it
    came from, authors with their roles, the source, the review chain (初审/复审/终审), the outlet, and
    the page chrome that was removed. A field that could not be found is null, with the reason in
    "warnings".

    A page that cannot be read is reported on stderr in one line naming it and the reason; the
    others are still read. Exit status: 0 all read, 1 some failed, 2 usage error or the only input
    unreadable.
    """
    if sum((as_json, jsonl, as_text)) > 1:
        raise click.UsageError("choose one of --json, --jsonl and --text")
    pages = list(expand(inputs))
    if not pages:
        raise click.UsageError(f"no pages found in {', '.join(inputs)}")
    failures: list[Result] = []
    documents: list[Document] = []
    show_progress = not quiet and len(pages) > 1 and err.is_terminal
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, disable=not show_progress, transient=True) as progress:
        task = progress.add_task("read", total=len(pages))
        for result in read_many(pages, url=url, standard=standard, entities=entities, mentions=mentions,
                                workers=workers):
            progress.advance(task)
            if result.error is not None:
                failures.append(result)
                _error(str(result.error))
                continue
            doc = result.document
            if jsonl:
                # the input's path leads the record, so a folder run's output can be tied back to its files
                click.echo(json.dumps({"path": result.name, **doc.to_dict()}, ensure_ascii=False))
            elif as_text:
                click.echo((doc.standard_text if standard else doc.text) + "\n")
            elif as_json:
                documents.append(doc)
            else:
                _summary(doc, result.name, several=len(pages) > 1)
    if as_json:
        click.echo(json.dumps(documents[0].to_dict() if len(pages) == 1 and documents else
                              [d.to_dict() for d in documents], ensure_ascii=False, indent=2))
    if failures and len(pages) > 1 and not quiet:
        _say(err, (f"\n{len(failures)} of {len(pages)} inputs failed:", "bold red"))
        for result in failures:
            _say(err, f"  {result.error}")
    if failures:
        only_unreadable = len(pages) == 1 and isinstance(failures[0].error, UnreadableInput)
        sys.exit(2 if only_unreadable else 1)


def _summary(doc: Document, name: str, several: bool) -> None:
    out = Console(highlight=False, soft_wrap=True)
    say = partial(_say, out)
    if several:
        say((f"── {name}", "dim"))
    if doc.kicker:
        say((doc.kicker, "dim"))
    say((doc.headline or "(no headline)", "bold"))
    for sub in doc.subheadlines:
        say(sub)
    rows = [
        ("outlet", doc.outlet or "—"),
        ("source", doc.source or "—"),
        ("published", f"{doc.published} ({doc.published_from})" if doc.published else "—"),
        ("authors", ", ".join(f"{a.name} ({a.role})" if a.role else a.name for a in doc.authors) or "—"),
    ]
    if doc.review:
        rows.append(("review", f"初审 {doc.review.first or '—'} · 复审 {doc.review.second or '—'} · "
                               f"终审 {doc.review.final or '—'}"))
    if doc.url:
        rows.append(("url", doc.url))
    chars = sum(len(p) for p in doc.paragraphs)
    rows.append(("body", f"{len(doc.paragraphs)} paragraphs, {chars:,} characters"))
    rows.append(("chrome", f"{len(doc.chrome)} lines removed"))
    for label, value in rows:
        say("  ", (f"{label:<10}", "cyan"), value)
    for paragraph in doc.paragraphs[:2]:
        say("  ", ("│", "dim"), " ", paragraph[:90] + ("…" if len(paragraph) > 90 else ""))
    if doc.changes is not None:
        rules = sorted({c.rule for c in doc.changes})
        say("  ", (f"{'standard':<10}", "cyan"), f"{len(doc.changes)} changes ({', '.join(rules) or 'none'})")
    if doc.mentions is not None:
        _mentions_summary(doc, out)
    for event in doc.events or ():
        written = {m.entity: doc.text[m.start:m.end] for m in reversed(doc.mentions or ()) if m.entity}
        people = ", ".join(written.get(entity, entity or "?") + (f" ({role})" if role else "")
                           for entity, role in event.people)
        dates = f"{event.start} … {event.end}" if event.end and event.end != event.start else event.start or "—"
        say("  ", (f"{event.kind:<10}", "cyan"), f"{people}  {dates}  ", (event.date_source or "", "dim"))
        if event.body:
            say(f"    {event.body}: " + ", ".join(
                f"{sum(a.kind == k for a in event.agenda)} {k}" for k in ("relayed", "report", "reviewed")))
        for number, stop in enumerate(event.stops, 1):
            hanzi = next((m.value for m in doc.mentions or () if m.entity == stop.place), "")
            say(f"    {number} {stop.name} {hanzi}  " + " · ".join(stop.sites))
    for entity in doc.entities or ():
        say("  ", (f"{'name':<10}", "cyan"), f"{entity.reading} · {entity.hanzi} · {entity.pinyin} · {entity.standard}  ",
            (f"{entity.kind}, from {entity.evidence}", "dim"))
    for warning in doc.warnings:
        say("  ", ("warning", "yellow"), "   ", f"{warning.code}: {warning.message}")
    out.print()


def _mentions_summary(doc: Document, out: Console) -> None:
    """People with their four forms and posts, then places, organisations, terms and quantities, each once."""
    from .names import lookup

    def once(kind: str) -> dict[str, list]:
        seen: dict[str, list] = {}
        for m in doc.mentions:
            if m.kind == kind:
                seen.setdefault(m.entity or doc.text[m.start:m.end], []).append(m)
        return seen

    for key, found in once("person").items():
        written = doc.text[found[0].start:found[0].end]
        posts = list(dict.fromkeys(doc.text[r.start:r.end] for r in doc.roles or ()
                                   if doc.text[r.person_start:r.person_end] == written))
        forms = ""
        if key.startswith("person:") and (known := lookup(key.removeprefix("person:"))):
            forms = f" ({known[0].hanzi} · {known[0].pinyin} · {known[0].standard})"
        unknown = () if forms else ("  ", ("not in the gazetteer", "dim"))
        _say(out, "  ", (f"{'person':<10}", "cyan"), f"{written}{forms}" + (f", {', '.join(posts)}" if posts else ""),
             *unknown)
    places = [doc.text[f[0].start:f[0].end] + (f" {f[0].value}" if f[0].value else "") for f in once("place").values()]
    for label, items in (("places", places), ("orgs", list(once("org"))), ("terms", list(once("term"))),
                         ("amounts", [k + (f" {f[0].value}" if f[0].value else "") for k, f in once("quantity").items()])):
        if items:
            shown = " · ".join(items[:8]) + (f" … ({len(items)} in all)" if len(items) > 8 else "")
            _say(out, "  ", (f"{label:<10}", "cyan"), shown)


@main.command()
@click.argument("input", metavar="INPUT")
@click.option("--diff", is_flag=True,
              help="Show the text with every change marked in colour: [-old-]{+new+} and the rule id.")
@click.option("--explain", is_flag=True,
              help="List every change: where it is, the original, the replacement, the rule and its tier.")
@click.option("--vocabulary", is_flag=True,
              help="Also rewrite T3 calques that are nouns or adverbs (사업이→업무가, 견결히→단호히), fixing the "
                   "particle after them. Without it they are only glossed (see --explain).")
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: {\"standard\": …, \"changes\": [{start, end, original, replacement, rule, tier}], "
                   "\"glosses\": [{start, end, original, standard, sense, confidence, hanzi}]}.")
@click.option("--names", "names_mode", type=click.Choice(["as_written", "standard"]), default="as_written",
              show_default=True,
              help="standard: also write the Chinese persons and places the text names as the South Korean press "
                   "does (습근평→시진핑, 가목사시→자무쓰시, 할빈→하얼빈: rule N1) and Korean names marked as persons "
                   "by a title by the initial-sound law (리송영 사장→이송영 사장: N2), tier T4.")
def standardize(input: str, diff: bool, explain: bool, vocabulary: bool, as_json: bool, names_mode: str) -> None:
    """Write Chinese Korean text in the South Korean standard spelling.

    INPUT is any Korean text file, or - for standard input. Nothing is removed: every line comes back,
    in order, and only spelling (T1: 력량→역량, 되였다→되었다, 아빠트→아파트, 1.4분기→1분기) and spacing
    (T2: 깊이있게→깊이 있게, 백만톤→백만 톤) change. Names stay as written (습근평, 룡강, 류전국 기자)
    unless --names standard asks for the South Korean press forms (시진핑, 헤이룽장).
    By default stdout gets the standard text and nothing else.
    """
    try:
        text = load(input).text
    except YaluError as error:
        _error(str(error))
        sys.exit(2)
    result = standardize_text(text, vocabulary=vocabulary, names=names_mode)
    changes = [{"start": c.start, "end": c.end, "original": text[c.start:c.end], "replacement": c.replacement,
                "rule": c.rule, "tier": c.tier} for c in result.changes]
    glosses = [{"original": text[g.start:g.end], **g.to_dict()} for g in result.glosses]
    if as_json:
        click.echo(json.dumps({"standard": result.text, "changes": changes, "glosses": glosses},
                              ensure_ascii=False, indent=2))
    elif explain:
        for c in changes:
            click.echo(f"{c['start']}-{c['end']}\t{c['original'] or '∅'}\t{c['replacement'].replace(' ', '␣')}"
                       f"\t{c['rule']}\t{c['tier']}")
        for g in glosses:
            click.echo(f"{g['start']}-{g['end']}\t{g['original']}\t≈ {' / '.join(g['standard'])}\tgloss\tT3"
                       f"\t{g['sense']} ({g['confidence']})")
    elif diff:
        out = Console(highlight=False, soft_wrap=True)
        pieces: list[str | tuple[str, str]] = []
        pos = 0
        for c in result.changes:
            pieces += [text[pos:c.start], (f"[-{text[c.start:c.end]}-]", "red"),
                       (f"{{+{c.replacement.replace(' ', '␣')}+}}", "green"), (c.rule, "dim")]
            pos = c.end
        pieces.append(text[pos:])
        out.print(Text.assemble(*pieces), end="")
    else:
        click.echo(result.text, nl=False)


@main.command()
@click.argument("word")
@click.option("--vocabulary", type=click.File(encoding="utf-8"), metavar="FILE",
              help="A file of words, one per line (an archive's vocabulary): only forms in it are printed, "
                   "and then syllable-map guesses without hanja evidence are allowed too.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def variants(word: str, vocabulary, as_json: bool) -> None:
    """The Chinese Korean forms a search for a standard WORD should also try.

    \b
    yalu variants 역량        → 력량    (力量 read without the initial-sound law)
    yalu variants 되었다      → 되였다
    yalu variants "깊이 있게" → 깊이있게
    """
    vocab = None if vocabulary is None else {line.strip() for line in vocabulary if line.strip()}
    forms = word_variants(word, vocabulary=vocab)
    click.echo(json.dumps(forms, ensure_ascii=False) if as_json else "\n".join(forms))


@main.command()
@click.argument("query")
@click.option("--context", metavar="TEXT",
              help="The article the name comes from (text, or @FILE): places whose province or prefecture it "
                   "names rank first, and 룡강 in a Heilongjiang article is 黑龙江.")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"query": …, "candidates": [{kind, hanzi, traditional, reading, pinyin, standard, code, '
                   'level, parent, lat, lon, roles, confidence, why}, …]}, best first.')
def name(query: str, context: str | None, as_json: bool) -> None:
    """The four forms of a Chinese name, and the places or people it may be.

    QUERY is a Chinese Korean reading (가목사, 습근평), Hanzi (佳木斯, 习近平), pinyin (Jiamusi,
    "Xi Jinping") or a South Korean transcription (자무쓰, 시진핑). A reading that names several places
    gives all of them, ranked, each with why. Hanzi in no gazetteer still gets its four forms.

    \b
    yalu name 가목사     → 佳木斯市 · 佳木斯市 · Jiāmùsī · 자무쓰시 · 230800 · 46.80N 130.32E
    yalu name 习近平     → 습근평 · 習近平 · Xí Jìnpíng · 시진핑 · 중공중앙 총서기 …
    yalu name 조양 --context "료녕성 …"
    """
    if context and context.startswith("@"):
        context = _context_file(context[1:])
    candidates = names.lookup(query, context=context)
    if as_json:
        click.echo(json.dumps({"query": query, "candidates": [c.to_dict() for c in candidates]},
                              ensure_ascii=False, indent=2))
        return
    if not candidates:
        _say(err, f"yalu: no place or person is known as {query!r}")
        sys.exit(1)
    out = Console(highlight=False, soft_wrap=True)
    for c in candidates:
        where = ""
        if c.lat is not None and c.lon is not None:
            where = f" · {c.lat:.2f}N {c.lon:.2f}E"
        facts = f" · {c.code}" if c.code else ""
        province = f" · {c.province}" if c.province and c.province != c.hanzi else ""
        _say(out, (c.reading, "bold"), f" · {c.hanzi} · {c.traditional} · {c.pinyin} · ", (c.standard, "bold"),
             f"{facts}{where}{province}  ", (f"{c.kind}, {c.confidence:.2f}", "dim"))
        for role in c.roles[:4]:
            _say(out, f"    {role}")
        _say(out, "    ", ("; ".join(c.why), "dim"))


def _context_file(path: str) -> str:
    """The text of --context @FILE; a file that cannot be read is a usage error naming it and why."""
    try:
        return load(path).text
    except YaluError as error:
        raise click.BadParameter(f"@{path}: {error.reason}", param_hint="--context") from None


if __name__ == "__main__":
    main()

from .archive.cli import add, export, search  # noqa: E402 (the archive's commands, kept in archive/cli.py)

main.add_command(add)
main.add_command(search)
main.add_command(export)
