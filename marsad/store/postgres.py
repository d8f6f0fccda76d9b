"""PostgreSQL backend (pg8000, pure Python): the same tables, tsvector search with a GIN index."""
from __future__ import annotations

import io
import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import orjson

from marsad.store import schema
from marsad.store.base import Store, StoreError, error_message, outlet_clause
from marsad.store.rows import ArticleRows
from marsad.store.urls import DbUrl, pg_params

# Records per page of `iter_records` (each page is fetched whole, then dropped).
STREAM_ROWS = 200
# pg_advisory_lock key: one ingest per database.
WRITER_LOCK_KEY = 0x4D415253  # "MARS"


def connect(url: str) -> Any:
    """A pg8000 DB-API connection in autocommit mode for a postgresql:// URL."""
    import pg8000.dbapi

    p = pg_params(url)
    startup = {"options": p.options} if p.options else None
    conn = pg8000.dbapi.connect(user=p.user, database=p.database, host=p.host or "localhost", port=p.port,
                                unix_sock=p.unix_sock, password=p.password, ssl_context=_ssl(p.sslmode),
                                application_name=p.application_name, startup_params=startup,
                                timeout=p.connect_timeout)
    # pg8000's timeout bounds every socket read; once connected, a long query must not hit it.
    conn._usock.settimeout(None)
    # Autocommit: `transaction()` then means an explicit BEGIN…COMMIT.
    conn.autocommit = True
    return conn


def _ssl(mode: str | None) -> ssl.SSLContext | None:
    if mode in (None, "", "disable", "allow", "prefer"):  # pg8000 has no try-then-fall-back: plain
        return None
    context = ssl.create_default_context()
    if mode == "require":  # encrypted, but the certificate is not checked (libpq's meaning)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def copy_text(rows: list[tuple]) -> bytes:
    """Rows in COPY's text format.

    >>> copy_text([(1, "a\\tb", None, True, 0.5)])
    b'1\\ta\\\\tb\\t\\\\N\\tt\\t0.5\\n'
    """
    return "".join("\t".join(_copy_value(v) for v in row) + "\n" for row in rows).encode("utf-8")


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        # chained str.replace: ~20 times faster than str.translate on a record's JSON
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    if isinstance(value, bool):  # before int: a bool is an int
        return "t" if value else "f"
    return repr(value) if isinstance(value, float) else str(value)


class PostgresStore(Store):
    dialect = "postgresql"
    search_key = "seq"
    # Two first runs at once would race on CREATE TABLE IF NOT EXISTS (a catalog unique violation).
    ddl_lock = f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY + 1})"

    def __init__(self, url: DbUrl, readonly: bool = False):
        super().__init__(url)
        import pg8000.dbapi

        try:
            self.conn = connect(url.target)
            if readonly:
                # every transaction of this session is read-only: the server refuses writes
                cur = self.conn.cursor()
                cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                cur.close()
        except (pg8000.dbapi.Error, OSError) as exc:
            raise StoreError(f"{url}: cannot connect ({error_message(exc)})") from None

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        # pg8000 returns rows as lists; callers compare and hash them as tuples (as sqlite3 gives).
        for row in super().rows(sql, params):
            yield tuple(row)

    def _search_ddl(self) -> list[str]:
        # 'simple' = lower-case and split, no stemming: the text is already
        # folded and clitic-stripped by search.py, the same as for SQLite.
        return [
            "CREATE TABLE IF NOT EXISTS article_search (seq BIGINT PRIMARY KEY, title TEXT, body TEXT, "
            "tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') "
            "|| setweight(to_tsvector('simple', coalesce(body, '')), 'B')) STORED)",
            "CREATE INDEX IF NOT EXISTS article_search_tsv_idx ON article_search USING GIN (tsv)",
        ]

    def _search_sql(self, outlets: int = 0) -> str:
        return ("SELECT a.id, a.title, a.date, a.source, ts_rank(s.tsv, q) AS score, a.record "
                "FROM article_search s JOIN articles a ON a.seq = s.seq, plainto_tsquery('simple', ?) q "
                f"WHERE s.tsv @@ q{outlet_clause(outlets)} ORDER BY score DESC, a.seq LIMIT ?")

    def _search_query(self, keys: Sequence[str]) -> str:
        return " ".join(keys)

    def search(self, keys: Sequence[str], limit: int, outlets: Sequence[str] = ()) -> list[dict]:
        # For a frequent word the planner picks a seq scan of article_search (it prices `@@`
        # as a cheap operator, but each row's tsvector must be detoasted), 5 times slower than
        # the GIN index: bench/store.py's p95 went from 37 to 76 ms. psycopg did not show it,
        # most likely because it prepares a statement run 5 times and the generic plan uses
        # the index; pg8000 plans each query with its words.
        if not keys:
            return []
        with self.transaction() as cur:
            cur.execute("SET LOCAL enable_seqscan = off")
            cur.execute(self.sql(self._search_sql(len(outlets))), (self._search_query(keys), *outlets, limit))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def _insert(self, cur: Any, table: schema.Table, rows: list[tuple]) -> None:
        # COPY: one round trip for all of a batch's rows of a table, where pg8000's
        # executemany makes one per row.
        cur.execute(f"COPY {table.name} ({', '.join(table.names)}) FROM STDIN", stream=io.BytesIO(copy_text(rows)))

    # pg8000's executemany is one round trip per row: here, one statement over arrays per batch.
    def _delete(self, cur: Any, ids: list[str]) -> None:
        cur.execute("DELETE FROM article_search WHERE seq IN (SELECT seq FROM articles WHERE id = ANY(%s::text[]))",
                    (ids,))
        for table in schema.ARTICLE_TABLES:
            cur.execute(f"DELETE FROM {table.name} WHERE article_id = ANY(%s::text[])", (ids,))
        cur.execute("DELETE FROM articles WHERE id = ANY(%s::text[])", (ids,))

    def _insert_search(self, cur: Any, batch: Sequence[ArticleRows]) -> None:
        cur.execute("INSERT INTO article_search (seq, title, body) SELECT a.seq, v.title, v.body "
                    "FROM unnest(%s::text[], %s::text[], %s::text[]) AS v(id, title, body) "
                    "JOIN articles a ON a.id = v.id",
                    ([a.id for a in batch], [a.search_title for a in batch], [a.search_body for a in batch]))

    def alive(self) -> bool:
        if self.conn is None:
            return False
        try:
            next(self.rows("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - pg8000 raises InterfaceError("network error"), or socket errors
            return False

    def optimize(self) -> None:
        # Fresh tables have no statistics, and new GIN entries wait in a pending
        # list that every search scans until a VACUUM merges them: without this,
        # searches right after an ingest were 3-4 times slower (bench/store.py).
        cur = self.conn.cursor()
        for table in schema.TABLES:
            cur.execute(f"ANALYZE {table.name}")
        cur.execute("VACUUM (ANALYZE) article_search")
        cur.close()

    @contextmanager
    def transaction(self, begin: str = "BEGIN") -> Iterator[Any]:
        cur = self.conn.cursor()
        cur.execute(begin)
        try:
            yield cur
        except BaseException:
            try:
                cur.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - a lost connection: the server has rolled back already
                pass
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    def iter_records(self) -> Iterator[dict]:
        """pg8000 has no server-side cursors: pages of STREAM_ROWS records by seq (keyset, each page
        an index range scan), all read in one REPEATABLE READ transaction so that the pages are one
        snapshot (an article re-extracted meanwhile is neither missed nor seen twice)."""
        with self.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") as cur:
            last = 0
            while True:
                cur.execute("SELECT seq, record FROM articles WHERE seq > %s ORDER BY seq LIMIT %s",
                            (last, STREAM_ROWS))
                page = cur.fetchall()
                if not page:
                    return
                last = page[-1][0]
                for _, record in page:
                    yield orjson.loads(record)

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        # Session-level: the server drops it when the connection dies (kill -9 included).
        got = next(self.rows("SELECT pg_try_advisory_lock(?)", (WRITER_LOCK_KEY,)))[0]
        if not got:
            raise StoreError(f"{self.url}: another ingest is writing to this store")
        try:
            yield
        finally:
            if self.alive():
                next(self.rows("SELECT pg_advisory_unlock(?)", (WRITER_LOCK_KEY,)))

