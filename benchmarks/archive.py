"""The archive at scale: ingest, index size and search latency on a synthetic corpus of this press's shape.

    python benchmarks/archive.py                    # 100,000 articles (a few minutes)
    python benchmarks/archive.py --articles 1000000 # the 1M run (tens of minutes, several GB of disk)
    python benchmarks/archive.py --articles 5000 --queries 50     # a quick look

The corpus is made from the vocabulary of the sample pages (examples/ and the seeds): headlines and
sentences of words drawn at their sample frequencies, three to six paragraphs, a date between 2008 and
2026, an outlet, and one to three names of people and places the gazetteer knows, written as the papers
write them (습근평, 가목사) and sometimes with their Hanzi in brackets (가목사(佳木斯)), linked as mentions.
The bulk corpus goes in through ``Archive.add_document`` with those layers made here (the storage path);
the ingest rate of the whole pipeline (read, standardize, annotate, store) is timed on a few hundred
of the same pages as text, on one core.

Measured in the same run on the same data: yalu's search (query expansion, bigram FTS5, the first 20
hits with snippets and the total count), newest first and by relevance; FTS5's trigram tokenizer over
the same texts (count and the 20 newest; it cannot answer queries under three characters); and a
``LIKE '%…%'`` scan (on fewer queries: each one reads every article).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import yalu  # noqa: E402
from yalu import Archive, Document, Mention, Span  # noqa: E402
from yalu.names import gazetteer  # noqa: E402

OUTLETS = ["연변일보", "길림신문", "흑룡강신문", "료녕신문", "조글로", "인민망 조문판", "연변라지오TV넷", "목단강신문"]


def vocabulary() -> tuple[list[str], list[int], list[str]]:
    """Words of the sample pages' bodies with their counts, and their headlines."""
    pages = [p for p in sorted((ROOT / "examples").iterdir()) if p.suffix in (".txt", ".html")]
    pages += sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    words: collections.Counter[str] = collections.Counter()
    headlines = []
    for page in pages:
        try:
            doc = yalu.read(page)
        except yalu.YaluError:
            continue
        headlines.append(doc.headline or "")
        for paragraph in doc.paragraphs:
            words.update(w for w in paragraph.split() if re.search(r"[가-힣]", w))
    items = words.most_common()
    return [w for w, _ in items], [c for _, c in items], [h for h in headlines if h]


def entities() -> list[tuple[str, str, str]]:
    """(entity id, as the papers write it, Hanzi) for the gazetteer's people and the north-east's cities."""
    keys, by_code = gazetteer.index()
    out = [(f"person:{c.hanzi}", c.reading, c.hanzi) for c in gazetteer._people()]
    for code, c in by_code.items():
        if code[:2] in ("21", "22", "23") and c.level in ("prefecture", "county") and c.base:
            out.append((f"place:{code}", c.base, c.base_hanzi if hasattr(c, "base_hanzi") else c.hanzi.rstrip("市县区")))
    return out


class Corpus:
    def __init__(self, seed: int = 12):
        self.rng = random.Random(seed)
        self.words, self.weights, self.headlines = vocabulary()
        self.cum = list(__import__("itertools").accumulate(self.weights))
        self.names = entities()

    def sentence(self) -> str:
        n = self.rng.randint(7, 15)
        return " ".join(self.rng.choices(self.words, cum_weights=self.cum, k=n)) + "."

    def article(self, i: int) -> tuple[str, str, list[tuple[int, int, str, str]], str, str]:
        """(headline, body, name spans in the body, published, outlet)."""
        rng = self.rng
        headline = " ".join(rng.choices(self.words, cum_weights=self.cum, k=rng.randint(4, 8)))
        paragraphs = [" ".join(self.sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 6))]
        body = "\n\n".join(paragraphs)
        spans = []
        for _ in range(rng.randint(1, 3)):
            entity, written, hanzi = rng.choice(self.names)
            insert = written + (f"({hanzi})" if rng.random() < 0.3 else "")
            at = body.find(" ", rng.randrange(len(body))) + 1 or 0
            body = body[:at] + insert + " " + body[at:]
            spans = [(s + len(insert) + 1 if s >= at else s, e + len(insert) + 1 if s >= at else e, k, h)
                     for s, e, k, h in spans]
            spans.append((at, at + len(written), entity, hanzi))
        day = rng.randrange(0, 6900)
        published = time.strftime("%Y-%m-%d", time.gmtime(1199145600 + day * 86400))
        return headline, body, spans, published, rng.choice(OUTLETS)

    def document(self, i: int) -> Document:
        headline, body, spans, published, outlet = self.article(i)
        text = f"{headline}\n\n{body}"
        start = len(headline) + 2
        paragraphs, pos = [], start
        for p in body.split("\n\n"):
            paragraphs.append(Span(pos, pos + len(p)))
            pos += len(p) + 2
        mentions = tuple(Mention(start + s, start + e, entity.split(":")[0], entity, hanzi, 0.95)
                         for s, e, entity, hanzi in sorted(spans))
        return Document(text=text, headline_span=Span(0, len(headline)), paragraph_spans=tuple(paragraphs),
                        url=f"http://example.invalid/{i}.html", outlet=outlet, published=published,
                        published_from="page", changes=(), glosses=(), entities=(), mentions=mentions, roles=(),
                        events=())

    def page(self, i: int) -> bytes:
        headline, body, _, published, _ = self.article(i)
        return f"{headline}\n\n{published} 10:00\n\n{body}\n".encode()


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return ordered[len(ordered) // 2] * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def queries(archive: Archive, corpus: Corpus, count: int, rng: random.Random) -> dict[str, list[str]]:
    texts = [r[0] for r in archive.conn.execute("SELECT text FROM articles ORDER BY random() LIMIT 2000")]
    out: dict[str, list[str]] = {}
    for n in (2, 3, 4):
        picked = []
        while len(picked) < count:
            words = [w for w in re.findall(r"[가-힣]+", rng.choice(texts)) if len(w) >= n]
            if words:
                w = rng.choice(words)
                at = rng.randrange(len(w) - n + 1)
                picked.append(w[at:at + n])
        out[f"{n} syllables"] = picked
    hanzi = [h for _, _, h in corpus.names if len(h) >= 2]
    out["Hanzi"] = [rng.choice(hanzi) for _ in range(count)]
    people = [c for c in gazetteer._people()]
    forms = [f for c in people for f in (c.reading, c.standard, c.hanzi, c.pinyin.replace("ǐ", "i"))]
    out["names"] = [rng.choice(forms) for _ in range(count)]
    return out


def timed(fn, items) -> list[float]:
    out = []
    for item in items:
        t = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500, help="queries of each kind (default 500)")
    parser.add_argument("--like", type=int, default=10, help="LIKE scans of each kind (each reads every article)")
    parser.add_argument("--pipeline", type=int, default=300, help="pages through the whole pipeline")
    parser.add_argument("--dir", default=None, help="where to put the archive (default: a temporary folder)")
    args = parser.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="yalu-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{args.articles}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    corpus = Corpus()
    print(f"yalu archive benchmark: {args.articles:,} synthetic articles, {len(corpus.words):,} words of vocabulary, "
          f"{len(corpus.names):,} names; {path}")

    # the whole pipeline, one core: read, standardize, annotate, store
    pipeline_path = folder / "pipeline.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(pipeline_path) + suffix).unlink(missing_ok=True)
    pages = [corpus.page(i) for i in range(args.pipeline)]
    for raw in pages[:5]:       # load the dictionaries and gazetteers before the clock starts
        yalu.read(raw, name="warm-up", standard=True, mentions=True, entities=True)
    pages = pages[5:]
    with Archive(pipeline_path) as small:
        t = time.perf_counter()
        for i, raw in enumerate(pages):
            doc = yalu.read(raw, name=f"p{i}", standard=True, mentions=True, entities=True)
            small.add_document(doc)
        pipeline_rate = len(pages) / (time.perf_counter() - t)
    print(f"ingest, whole pipeline (read, standardize, annotate, store), one core: {pipeline_rate:,.0f} articles/s")

    # the bulk corpus through the storage path
    archive = Archive(path)
    t = time.perf_counter()
    for i in range(args.articles):
        archive.add_document(corpus.document(i))
        if (i + 1) % 50_000 == 0:
            print(f"  {i + 1:,} stored, {(i + 1) / (time.perf_counter() - t):,.0f}/s", file=sys.stderr)
    storage_rate = args.articles / (time.perf_counter() - t)
    print(f"ingest, storage path (layers given; one transaction per article): {storage_rate:,.0f} articles/s")
    conn = archive.conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    t = time.perf_counter()
    conn.execute("CREATE VIRTUAL TABLE tri USING fts5(text, content='', tokenize='trigram')")
    conn.execute("INSERT INTO tri (rowid, text) SELECT key, text FROM articles")
    trigram_build = time.perf_counter() - t
    sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%' OR name LIKE"
                              " 'tri%' GROUP BY name").fetchall())
    bigram = sum(v for k, v in sizes.items() if k.startswith("search_index"))
    trigram = sum(v for k, v in sizes.items() if k.startswith("tri"))
    text_bytes = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM articles").fetchone()[0]
    chars = conn.execute("SELECT avg(length(text)) FROM articles").fetchone()[0]
    print(f"text: {text_bytes / 1e6:,.1f} MB UTF-8 ({chars:,.0f} characters an article); "
          f"bigram index {bigram / 1e6:,.1f} MB = {bigram / text_bytes:.2f}× the text; "
          f"trigram index {trigram / 1e6:,.1f} MB = {trigram / text_bytes:.2f}× (built in {trigram_build:.0f} s); "
          f"file {os.path.getsize(path) / 1e6:,.0f} MB")

    rng = random.Random(7)
    kinds = queries(archive, corpus, args.queries, rng)
    archive.search("warm up")
    print(f"\nsearch latency, ms (p50 / p95), first 20 hits with the total count; {args.queries} queries a kind, "
          f"LIKE {args.like}")
    header = ("kind", "yalu newest", "yalu relevance", "trigram newest", "LIKE newest", "hits (median)",
              "LIKE/yalu p50")
    print(" | ".join(header))
    report = {}
    for kind, items in kinds.items():
        totals = []

        def newest(q):
            totals.append(archive.search(q, sort="date", limit=20).total)

        yalu_new = percentiles(timed(newest, items))
        yalu_rel = percentiles(timed(lambda q: archive.search(q, sort="relevance", limit=20), items))
        tri_items = [q for q in items if len(q) >= 3]

        def trigram_query(q):
            match = '"' + q.replace('"', '""') + '"'
            conn.execute("SELECT count(*) FROM tri WHERE tri MATCH ?", (match,)).fetchone()
            conn.execute("SELECT rowid FROM tri WHERE tri MATCH ? ORDER BY rowid DESC LIMIT 20", (match,)).fetchall()

        tri = percentiles(timed(trigram_query, tri_items)) if tri_items else None

        def like(q):
            pattern = "%" + q + "%"
            conn.execute("SELECT count(*) FROM articles WHERE text LIKE ?", (pattern,)).fetchone()
            conn.execute("SELECT id FROM articles WHERE text LIKE ? ORDER BY key DESC LIMIT 20", (pattern,)).fetchall()

        scan = percentiles(timed(like, items[: args.like]))
        row = (kind, "%.1f / %.1f" % yalu_new, "%.1f / %.1f" % yalu_rel,
               "%.1f / %.1f" % tri if tri else "n/a (< 3 characters)", "%.0f / %.0f" % scan,
               f"{statistics.median(totals):,.0f}", f"{scan[0] / yalu_new[0]:,.0f}×")
        print(" | ".join(row))
        report[kind] = {"yalu_newest": yalu_new, "yalu_relevance": yalu_rel, "trigram": tri, "like": scan,
                        "median_hits": statistics.median(totals)}
    (folder / "report.json").write_text(json.dumps({
        "articles": args.articles, "pipeline_rate": pipeline_rate, "storage_rate": storage_rate,
        "text_bytes": text_bytes, "bigram_bytes": bigram, "trigram_bytes": trigram, "latency": report}, indent=1))
    archive.close()


if __name__ == "__main__":
    main()
