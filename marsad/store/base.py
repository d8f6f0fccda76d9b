"""The store: one class over a DB-API connection; sqlite.py and postgres.py add the dialect.

SQL here is written once with `?` placeholders (pg8000's `%s` is swapped in
by the PostgreSQL subclass), and never holds a literal `%` so the swap is safe.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

import orjson

from marsad.store import schema
from marsad.store.rows import ArticleRows, record_content_hash
from marsad.store.urls import DbUrl, parse_db_url


IDS_PER_QUERY = 500  # ids in one `IN (…)` list (SQLite allows 32,766 parameters)
_VERSION, _CONTENT_HASH = schema.ARTICLES.names.index("version"), schema.ARTICLES.names.index("content_hash")


class StoreError(RuntimeError):
    pass


def _identity(rows: ArticleRows) -> tuple:
    """(pipeline version, content hash) of the article these rows store."""
    return rows.article[_VERSION], rows.article[_CONTENT_HASH]


class Store:
    """A corpus store (SQLite or PostgreSQL, see `open_store`): ingest writes it; search, the
    event and claim queries, export and dedup read it. A context manager that closes it."""

    dialect = ""
    search_key = ""  # the article_search column that holds articles.seq
    ddl_lock = ""    # statement serialising concurrent first runs' CREATE TABLEs, if the dialect needs one

    def __init__(self, url: DbUrl):
        self.url = url
        self.conn: Any = None

    # -- dialect hooks -------------------------------------------------------
    def _search_ddl(self) -> list[str]:
        raise NotImplementedError

    def _search_sql(self, outlets: int = 0) -> str:
        """SELECT id, title, date, source, score, record for a query string, `outlets` outlet
        names (`a.source IN …`: query.outlet_clause) and a limit."""
        raise NotImplementedError

    def _search_query(self, keys: Sequence[str]) -> str:
        raise NotImplementedError

    def writer_lock(self) -> AbstractContextManager[None]:
        """Held by `ingest` for its whole run: a store has one writer at a time."""
        raise NotImplementedError

    def sql(self, text: str) -> str:
        return text

    # -- shared --------------------------------------------------------------
    def create(self) -> None:
        if self._schema() == schema.SCHEMA_VERSION:
            return  # DDL would lock tables an ingest may be writing to
        with self.transaction() as cur:
            if self.ddl_lock:
                cur.execute(self.ddl_lock)
            for stmt in schema.create_statements(self.dialect) + self._search_ddl():
                cur.execute(stmt)
            cur.execute(self.sql("SELECT value FROM meta WHERE key = ?"), ("schema",))
            row = cur.fetchone()
            if row is None:
                cur.execute(self.sql("INSERT INTO meta (key, value) VALUES (?, ?)"), ("schema", schema.SCHEMA_VERSION))
            elif row[0] != schema.SCHEMA_VERSION:
                self._migrate(cur, row[0])

    def _migrate(self, cur: Any, stored: str) -> None:
        """Bring an older store to this schema inside create()'s transaction, or refuse it."""
        steps = schema.migrations(stored, self.dialect, lambda table, column: self._has_column(cur, table, column))
        if steps is None:
            raise StoreError(f"{self.url}: store schema {stored}, this Marsad needs {schema.SCHEMA_VERSION}")
        for stmt in steps:
            cur.execute(stmt)
        cur.execute(self.sql("UPDATE meta SET value = ? WHERE key = ?"), (schema.SCHEMA_VERSION, "schema"))

    @staticmethod
    def _has_column(cur: Any, table: str, column: str) -> bool:
        cur.execute(f"SELECT * FROM {table} WHERE 1 = 0")
        return column in {d[0] for d in cur.description}

    def _schema(self) -> str | None:
        """The stored schema version, None for an empty database."""
        try:
            return next(self.rows("SELECT value FROM meta WHERE key = ?", ("schema",)), (None,))[0]
        except Exception:  # noqa: BLE001 - no meta table yet (each driver has its own error class)
            return None

    def transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def identities(self) -> dict[str, tuple[str, str | None]]:
        """Article id -> (pipeline version, content hash), for every stored article (the hash
        is None in rows stored before schema 2: see `stored_content_hash`)."""
        return {aid: (version, digest) for aid, version, digest in
                self.rows("SELECT id, version, content_hash FROM articles")}

    def stored_content_hash(self, aid: str) -> str | None:
        """The content hash of a stored article, from its record (rows.record_content_hash)."""
        row = next(self.rows("SELECT record FROM articles WHERE id = ?", (aid,)), None)
        return record_content_hash(orjson.loads(row[0])) if row else None

    def write(self, batch: Sequence[ArticleRows], replaced: set[str]) -> None:
        """Store a batch in ONE transaction; articles in `replaced` lose their old rows first."""
        with self.transaction() as cur:
            self._write(cur, batch, replaced)

    def write_again(self, batch: Sequence[ArticleRows]) -> None:
        """Store a batch in ONE transaction as a write that may run twice does (a Dask partition
        retried after its worker died, marsad/dask/ingest.py): an article already stored with these
        rows' version and content hash is left as it is (the first run committed it), one stored
        otherwise loses its old rows first. Two such writes of one article at once cannot both insert
        it: articles.id is UNIQUE, and the one refused finds it stored when retried alone."""
        with self.transaction() as cur:
            stored: dict[str, tuple] = {}
            ids = [a.id for a in batch]
            for at in range(0, len(ids), IDS_PER_QUERY):
                chunk = ids[at:at + IDS_PER_QUERY]
                cur.execute(self.sql("SELECT id, version, content_hash FROM articles WHERE id IN "
                                     f"({', '.join('?' for _ in chunk)})"), tuple(chunk))
                stored.update((row[0], (row[1], row[2])) for row in cur.fetchall())
            todo = [a for a in batch if stored.get(a.id) != _identity(a)]
            if todo:
                self._write(cur, todo, {a.id for a in todo if a.id in stored})

    def _write(self, cur: Any, batch: Sequence[ArticleRows], replaced: set[str]) -> None:
        old = [a.id for a in batch if a.id in replaced]
        if old:
            self._delete(cur, old)
        self._insert(cur, schema.ARTICLES, [a.article for a in batch])
        for table in schema.ARTICLE_TABLES:
            rows = [row for a in batch for row in a.children.get(table.name, ())]
            if rows:
                self._insert(cur, table, rows)
        self._insert_search(cur, batch)

    def _delete(self, cur: Any, ids: list[str]) -> None:
        """Remove these articles with all their rows."""
        old = [(aid,) for aid in ids]
        cur.executemany(self.sql(f"DELETE FROM article_search WHERE {self.search_key} IN "
                                 "(SELECT seq FROM articles WHERE id = ?)"), old)
        for table in schema.ARTICLE_TABLES:
            cur.executemany(self.sql(f"DELETE FROM {table.name} WHERE article_id = ?"), old)
        cur.executemany(self.sql("DELETE FROM articles WHERE id = ?"), old)

    def _insert_search(self, cur: Any, batch: Sequence[ArticleRows]) -> None:
        """The batch's search entries, keyed by the seq its articles just got."""
        cur.executemany(self.sql(f"INSERT INTO article_search ({self.search_key}, title, body) "
                                 "SELECT seq, ?, ? FROM articles WHERE id = ?"),
                        [(a.search_title, a.search_body, a.id) for a in batch])

    def set_canonical(self, events: Iterable[dict], links: Iterable[tuple[str, int, str]], version: str) -> None:
        """Replace the cross-article dedup result in ONE transaction.

        `events`: canonical_events rows as dicts by column name (a missing column is
        NULL; a dict `record` is stored as JSON); `links`: (article_id, event_idx,
        canonical_id) for each article event in a cluster. `--min-reports` then counts
        the distinct articles linked to an event's canonical event."""
        table = schema.CANONICAL_EVENTS
        rows = [tuple(version if c == "version" else _json(e.get(c)) for c in table.names) for e in events]
        with self.transaction() as cur:
            cur.execute("DELETE FROM event_links")
            cur.execute("DELETE FROM canonical_events")
            if rows:
                self._insert(cur, table, rows)
            link_rows = [(aid, idx, cid, version) for aid, idx, cid in links]
            if link_rows:
                self._insert(cur, schema.EVENT_LINKS, link_rows)

    def _insert(self, cur: Any, table: schema.Table, rows: list[tuple]) -> None:
        cur.executemany(self.sql(schema.insert_sql(table)), rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        cur = self.conn.cursor()
        try:
            cur.execute(self.sql(sql), tuple(params))
            yield from cur
        finally:
            cur.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict]:
        """Rows as dicts keyed by column name."""
        cur = self.conn.cursor()
        try:
            cur.execute(self.sql(sql), tuple(params))
            names = [d[0] for d in cur.description]
            for row in cur:
                yield dict(zip(names, row))
        finally:
            cur.close()

    def iter_records(self) -> Iterator[dict]:
        """Every stored contract record, article by article in ingest order, streamed
        (SQLite: a cursor; PostgreSQL: pages of 200 records in one read-only transaction).

        Write (e.g. `set_canonical`) after the loop, or through a second Store: the
        iteration holds a read transaction on this connection."""
        for (record,) in self.rows("SELECT record FROM articles ORDER BY seq"):
            yield orjson.loads(record)

    def search(self, keys: Sequence[str], limit: int, outlets: Sequence[str] = ()) -> list[dict]:
        """Ranked articles matching every key (folded, clitic-stripped words), best first; of
        these outlets only, if any are given."""
        if not keys:
            return []
        return list(self.query(self._search_sql(len(outlets)), (self._search_query(keys), *outlets, limit)))

    def alive(self) -> bool:
        """False once the connection is lost: ingest then stops instead of failing every article."""
        return self.conn is not None

    def optimize(self) -> None:
        """Refresh the planner's statistics after a large write (ingest calls it)."""

    def count(self, table: str) -> int:
        return next(self.rows(f"SELECT COUNT(*) FROM {table}"))[0]

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def error_message(exc: BaseException) -> str:
    """A driver error in one line: pg8000 puts the server's error fields in a dict (M = message).

    >>> error_message(ValueError({"S": "ERROR", "C": "22021", "M": "invalid byte sequence"}))
    'invalid byte sequence (SQLSTATE 22021)'
    """
    arg = exc.args[0] if exc.args else None
    if isinstance(arg, dict) and arg.get("M"):
        return f"{arg['M']} (SQLSTATE {arg.get('C')})" if arg.get("C") else str(arg["M"])
    return (str(exc) + (f": {exc.__cause__}" if exc.__cause__ else "")).strip()


def outlet_clause(n: int) -> str:
    """` AND a.source IN (?, …)` for `n` outlet names (nothing for none)."""
    return f" AND a.source IN ({', '.join('?' for _ in range(n))})" if n else ""


def _json(value: Any) -> Any:
    return orjson.dumps(value).decode("utf-8") if isinstance(value, (dict, list)) else value


def open_store(db: str | DbUrl | None = None, *, readonly: bool = False, create: bool | None = None) -> Store:
    """Open the store named by a `--db` value (None: marsad.db in the working directory).

    A writer creates the store if needed (`create` defaults to `not readonly`); a reader
    (`readonly=True`) needs an existing store and cannot change it: the SQLite file is opened
    read-only (no journal switch, no tables made), a PostgreSQL session read-only.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.db"
    >>> with open_store(str(path)) as store:  # made, empty
    ...     list(store.iter_records())
    []
    >>> open_store(str(path.with_name("typo.db")), readonly=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    marsad.store.base.StoreError: .../typo.db: no such store (make one with marsad ingest)
    """
    url = db if isinstance(db, DbUrl) else parse_db_url(db)
    create = not readonly if create is None else create
    if url.kind == "postgresql":
        from marsad.store.postgres import PostgresStore
        store: Store = PostgresStore(url, readonly=readonly)
    else:
        from marsad.store.sqlite import SqliteStore
        store = SqliteStore(url, readonly=readonly, create=create)
    try:
        if create:
            store.create()
        else:
            stored = store._schema()
            if stored is None:
                raise StoreError(f"{url}: no Marsad store here (make one with marsad ingest)")
            if stored != schema.SCHEMA_VERSION:
                # a store of an older schema: brought up to date once by a writer, then opened as asked
                store.close()
                open_store(url, create=True).close()
                return open_store(url, readonly=readonly, create=False)
    except BaseException:
        store.close()
        raise
    return store
