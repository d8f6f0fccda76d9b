"""Store figures: ingest rate (SQLite, PostgreSQL), search latency over 10,000 articles, peak RSS.

Usage: python bench/store.py [--pg URL] [--articles 10000] [--out DIR]
Without --pg it starts a throwaway PostgreSQL cluster (tests/store/pgcluster.py).

1. Ingest pool_2000.jsonl into an empty store, as `marsad ingest` does (pipeline
   included), once per backend: articles/s, and the share of the time spent
   writing (store.write) rather than extracting.
2. Ingest alarabiya_2018 and news_sample too, then copy the stored articles
   under new ids (`ID~copyN`, streamed with Store.iter_records, re-indexed for
   search but not re-extracted) until the store holds --articles articles.
3. Search latency: each query of QUERIES, REPEAT times, through `search()`
   (ranking + raw-text snippets, limit 10): p50 and p95 per backend.
Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from marsad.pipeline import default_pipeline
from marsad.store import open_store
from marsad.store.base import Store
from marsad.store.ingest import ingest
from marsad.store.rows import flatten
from marsad.store.search import index_text, search
from marsad.store.version import pipeline_version
from marsad.text.tokens import tokenize

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "data" / "corpora"
QUERIES = ("العراق", "روسيا", "الولايات المتحدة", "مجلس الأمن", "داعش", "غارة جوية", "حزب الله", "الحوثيين",
           "اللاجئين", "وزير الخارجية", "الأمم المتحدة", "إيران", "تركيا", "سوريا", "القدس", "الانتخابات",
           "النفط", "الاحتجاجات", "عقوبات", "الرئيس الأمريكي", "مقتل", "هجوم انتحاري", "قطر", "السعودية",
           "الجيش الليبي", "طرابلس", "المعارضة السورية", "الأكراد", "اتفاق", "محادثات السلام")
REPEAT = 3
WRITE_BATCH = 200


def timed_writes(store: Store) -> list[float]:
    """Wrap store.write to add up the wall and CPU time spent in it."""
    spent = [0.0, 0.0]
    write = store.write

    def wrapper(*args, **kwargs):
        t, cpu = time.perf_counter(), time.process_time()
        try:
            return write(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t
            spent[1] += time.process_time() - cpu
    store.write = wrapper  # type: ignore[method-assign]
    return spent


def ingest_rate(url: str, label: str) -> None:
    store = open_store(url)
    spent = timed_writes(store)
    t, cpu = time.perf_counter(), time.process_time()
    stats = ingest([str(CORPORA / "pool_2000.jsonl")], store)
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"ingest pool_2000 {label:10s} {stats.stored} articles in {wall:.1f} s = {stats.stored / wall:.1f} "
          f"articles/s wall, {stats.stored / cpu:.1f} by this process's CPU time; of which store writes "
          f"{spent[0]:.1f} s wall ({100 * spent[0] / wall:.0f}%), {spent[1]:.1f} s CPU in this process "
          f"({stats.stored / spent[1]:.0f} articles/s); errors {stats.errors}", flush=True)
    store.close()


def fill(url: str, source: str, target: int) -> None:
    """Copy the stored articles under new ids until the store holds `target`."""
    store = open_store(url)
    reader = open_store(source)
    version = pipeline_version()
    have = store.count("articles")
    copy = 0
    while have < target:
        copy += 1
        batch = []
        for record in reader.iter_records():
            if have + len(batch) >= target:
                break
            if "~copy" in record["id"]:
                continue
            record["id"] = f"{record['id']}~copy{copy}"
            batch.append(flatten(record, version, "bench", index_text(tokenize(record["title"] or "")),
                                 index_text(tokenize(record["text"]))))
            if len(batch) >= WRITE_BATCH:
                store.write(batch, set())
                have += len(batch)
                batch = []
        if batch:
            store.write(batch, set())
            have += len(batch)
    reader.close()
    store.optimize()  # as ingest does after writing
    store.close()


def latency(url: str, label: str) -> None:
    store = open_store(url)
    for q in QUERIES[:3]:
        search(store, q, 10)  # warm caches (tokenizer memo, page cache)
    times, hits = [], 0
    for _ in range(REPEAT):
        for q in QUERIES:
            t = time.perf_counter()
            hits += len(search(store, q, 10))
            times.append(1000 * (time.perf_counter() - t))
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"search {label:10s} over {store.count('articles')} articles: p50 {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms ({len(times)} queries, limit 10, snippets included)", flush=True)
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", help="PostgreSQL URL of an empty database (default: a throwaway cluster)")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--out", help="directory for the SQLite files (default: a temp dir)")
    args = ap.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="marsad-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    cluster = None
    pg = args.pg
    if not pg:
        sys.path.insert(0, str(REPO / "tests" / "store"))
        from pgcluster import PgCluster, pg_bindir

        bindir = pg_bindir()
        if bindir is None:
            sys.exit("no PostgreSQL binaries (initdb): install Debian's postgresql, or pass --pg URL")
        cluster = PgCluster(bindir)
        cluster.start()
        pg = cluster.new_db()
    try:
        default_pipeline().warm_up(freeze=True)
        sqlite_url = str(out / "bench.db")
        ingest_rate(sqlite_url, "SQLite")
        ingest_rate(pg, "PostgreSQL")
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"peak RSS after both ingests: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)
        rest = [str(CORPORA / name) for name in ("alarabiya_2018.jsonl", "news_sample.jsonl")]
        for url in (sqlite_url, pg):
            with open_store(url) as store:
                ingest(rest, store)
        for url, label in ((sqlite_url, "SQLite"), (pg, "PostgreSQL")):
            fill(url, sqlite_url, args.articles)  # copies read from the SQLite store's first 4,329
            latency(url, label)
        print(f"peak RSS overall: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        if cluster:
            cluster.stop()


if __name__ == "__main__":
    main()
