"""PostgreSQL backend (psycopg 3): the same tables, tsvector search with a GIN index."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from marsad.store import schema
from marsad.store.base import Store, StoreError
from marsad.store.urls import DbUrl

STREAM_ROWS = 200
# pg_advisory_lock key: one ingest per database.
WRITER_LOCK_KEY = 0x4D415253  # "MARS"


class PostgresStore(Store):
    dialect = "postgresql"
    search_key = "seq"
    # Two first runs at once would race on CREATE TABLE IF NOT EXISTS (a catalog unique violation).
    ddl_lock = f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY + 1})"

    def __init__(self, url: DbUrl):
        super().__init__(url)
        import psycopg

        try:
            # Autocommit: `transaction()` then means BEGIN…COMMIT, not a savepoint in an open transaction.
            self.conn = psycopg.connect(url.target, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{url}: cannot connect ({str(exc).strip()})") from None

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")


    def _search_ddl(self) -> list[str]:
        # 'simple' = lower-case and split, no stemming: the text is already
        # folded and clitic-stripped by search.py, the same as for SQLite.
        return [
            "CREATE TABLE IF NOT EXISTS article_search (seq BIGINT PRIMARY KEY, title TEXT, body TEXT, "
            "tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') "
            "|| setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED)",
            "CREATE INDEX IF NOT EXISTS article_search_tsv_idx ON article_search USING GIN (tsv)",
        ]

    def _search_sql(self) -> str:
        return ("SELECT a.id, a.title, a.date, a.source, ts_rank(s.tsv, q) AS score, a.record "
                "FROM article_search s JOIN articles a ON a.seq = s.seq, plainto_tsquery('simple', ?) q "
                "WHERE s.tsv @@ q ORDER BY score DESC, a.seq LIMIT ?")

    def _search_query(self, keys: Sequence[str]) -> str:
        return " ".join(keys)

    def _insert(self, cur: Any, table: schema.Table, rows: list[tuple]) -> None:
        # COPY: several times faster than a pipelined executemany for the ~50 child rows an article has.
        with cur.copy(f"COPY {table.name} ({', '.join(table.names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def alive(self) -> bool:
        return self.conn is not None and not self.conn.closed and not self.conn.broken

    def optimize(self) -> None:
        # Fresh tables have no statistics, and new GIN entries wait in a pending
        # list that every search scans until a VACUUM merges them: without this,
        # searches right after an ingest were 3-4 times slower (bench/store.py).
        for table in schema.TABLES:
            self.conn.execute(f"ANALYZE {table.name}")
        self.conn.execute("VACUUM (ANALYZE) article_search")

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.conn.transaction(), self.conn.cursor() as cur:
            yield cur

    def _stream(self, sql: str) -> Iterator[tuple]:
        # A server-side cursor: rows come STREAM_ROWS at a time, never all at once.
        with self.conn.transaction(), self.conn.cursor(name="marsad_stream") as cur:
            cur.itersize = STREAM_ROWS
            cur.execute(sql)
            yield from cur

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        # Session-level: the server drops it when the connection dies (kill -9 included).
        got = next(self.rows("SELECT pg_try_advisory_lock(?)", (WRITER_LOCK_KEY,)))[0]
        if not got:
            raise StoreError(f"{self.url}: another ingest is writing to this store")
        try:
            yield
        finally:
            if self.conn is not None and not self.conn.closed:
                next(self.rows("SELECT pg_advisory_unlock(?)", (WRITER_LOCK_KEY,)))
