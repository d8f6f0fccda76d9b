"""Load figures of `marsad serve`: p50 / p95 latency and requests/s of /api/events and /api/search
at 1, 8 and 32 concurrent clients, over a store you point it at.

Usage: python bench/serve_load.py --db URL [--requests 320] [--clients 1,8,32]
       python bench/serve_load.py --build DIR [--articles 10000] [--pg]   # makes the store first

Bounded and local: it starts `marsad serve` itself on a free 127.0.0.1 port, sends a fixed number
of requests per run (--requests, at most 5,000), and stops the server at the end. Clients are
threads of this process (httpx, one connection each), so on a small machine the client's own CPU
is part of what is measured: the figures are a floor, not the server's ceiling.

--build ingests ../shared/data/corpora/pool_2000.jsonl (`marsad ingest`), then copies the stored
records under new ids up to --articles (bench/store.py's fill: re-indexed for search, not
re-extracted). With --pg the SQLite store's own articles (not its copies) are copied under new ids
into a throwaway PostgreSQL cluster (tests/store/pgcluster.py) up to --articles, and that is served. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
MAX_REQUESTS = 5000
START_S = 120
# /api/events: the filters an analyst's page would send, in turn
EVENT_QUERIES = ({"limit": 50}, {"type": "ACCUSE", "limit": 50}, {"country": "SYR", "limit": 50},
                 {"since": "2018-03", "until": "2018-04", "limit": 100}, {"source": "USA", "limit": 50},
                 {"type": "ASSAULT", "country": "YEM", "limit": 50}, {"target": "الحوثيين", "limit": 50},
                 {"mode": "allege", "limit": 50})
SEARCH_QUERIES = ("العراق", "روسيا", "الولايات المتحدة", "مجلس الأمن", "داعش", "غارة جوية", "حزب الله",
                  "الحوثيين", "اللاجئين", "وزير الخارجية", "الأمم المتحدة", "إيران", "تركيا", "سوريا", "القدس")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build(root: Path, articles: int) -> str:
    url = str(root / "store.db")
    marsad = Path(sys.executable).with_name("marsad")
    pool = HERE.parent.parent / "shared" / "data" / "corpora" / "pool_2000.jsonl"
    subprocess.run([str(marsad), "ingest", str(pool), "--db", url, "--no-progress"], check=True)
    if articles > 2000:
        sys.path.insert(0, str(HERE))
        from store import fill  # bench/store.py

        fill(url, url, articles)
    return url


def run(base: str, paths: list[tuple[str, dict]], clients: int, total: int) -> tuple[list[float], float, int]:
    """`total` requests spread over `clients` threads: latencies (ms), wall seconds, failures."""
    times: list[float] = []
    failures = [0]
    lock = threading.Lock()
    counter = iter(range(total))

    def client() -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            for i in counter:  # next() of a range iterator is atomic under the GIL
                path, params = paths[i % len(paths)]
                t = time.perf_counter()
                r = http.get(path, params=params)
                ms = 1000 * (time.perf_counter() - t)
                with lock:
                    times.append(ms)
                    failures[0] += r.status_code != 200

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return times, time.perf_counter() - t, failures[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="the store to serve (SQLite file or postgresql://…)")
    ap.add_argument("--build", type=Path, help="make a store in this directory first (see above)")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=320, help="requests per route and concurrency")
    ap.add_argument("--clients", default="1,8,32")
    ap.add_argument("--pg", action="store_true", help="serve a PostgreSQL copy of the SQLite store (see above)")
    args = ap.parse_args()
    if bool(args.db) == bool(args.build):
        ap.error("give --db URL or --build DIR")
    total = min(args.requests, MAX_REQUESTS)
    url = args.db or build(args.build, args.articles)
    cluster = None
    if args.pg:
        if url.startswith("postgresql"):
            ap.error("--pg copies a SQLite store into a throwaway cluster; a postgresql:// --db is served as it is")
        sys.path.insert(0, str(HERE))
        sys.path.insert(0, str(HERE.parent / "tests" / "store"))
        from pgcluster import PgCluster, pg_bindir
        from store import fill  # bench/store.py

        cluster = PgCluster(pg_bindir())
        cluster.start()
        pg_url = cluster.new_db()
        fill(pg_url, url, args.articles)
        url = pg_url
    try:
        measure(url, total, args.clients)
    finally:
        if cluster:
            cluster.stop()


def measure(url: str, total: int, clients_list: str) -> None:

    from marsad.store import open_store

    with open_store(url, readonly=True) as store:
        n_articles, n_events = store.count("articles"), store.count("events")
    port = free_port()
    marsad = Path(sys.executable).with_name("marsad")
    server = subprocess.Popen([str(marsad), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_S
        while True:
            try:
                httpx.get(f"{base}/api/events", params={"limit": 1}, timeout=60)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit("marsad serve did not start")
                time.sleep(0.3)
        load = os.getloadavg()
        print(f"store: {n_articles} articles, {n_events} events ({url.split('://')[0] if '://' in url else 'sqlite'}); "
              f"machine: {os.cpu_count()} CPUs, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at start, "
              f"Python {platform.python_version()}, {platform.machine()}; {total} requests per run", flush=True)
        routes = {"/api/events": [("/api/events", q) for q in EVENT_QUERIES],
                  "/api/search": [("/api/search", {"q": q, "limit": 10}) for q in SEARCH_QUERIES]}
        for name, paths in routes.items():
            run(base, paths, 2, min(total, 2 * len(paths)))  # warm caches
            for clients in (int(c) for c in clients_list.split(",")):
                times, wall, failed = run(base, paths, clients, total)
                times.sort()
                p95 = times[int(0.95 * (len(times) - 1))]
                print(f"{name:12s} {clients:3d} clients: p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
                      f"{len(times) / wall:7.1f} requests/s  ({failed} not 200)", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
