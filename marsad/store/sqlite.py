"""SQLite backend: one file, WAL journal, FTS5 for search.

WAL lets `marsad search` read while an ingest writes, and with
synchronous=NORMAL a commit survives the writer being killed (only a power
cut can lose the last commits, never corrupt the file).
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.store.base import Store, StoreError, outlet_clause
from marsad.store.urls import DbUrl

BUSY_TIMEOUT_S = 30


class SqliteStore(Store):
    dialect = "sqlite"
    search_key = "rowid"

    def __init__(self, url: DbUrl, readonly: bool = False, create: bool = True):
        super().__init__(url)
        path = Path(url.target)
        if not path.parent.is_dir():
            raise StoreError(f"{url.target}: directory {path.parent} does not exist")
        if not create and not path.is_file():
            # connecting would make an empty store, and a typo would quietly find nothing
            raise StoreError(f"{url.target}: no such store (make one with marsad ingest)")
        try:
            if readonly:
                # mode=ro: SQLite itself refuses every write, whatever the file's permissions say.
                # check_same_thread off: `marsad serve` hands a reader to one worker thread at a
                # time, and a streamed answer may resume on another (never two at once).
                self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                            timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                            check_same_thread=False)
                self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            else:
                self.conn = sqlite3.connect(url.target, timeout=BUSY_TIMEOUT_S, isolation_level=None)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{url.target}: not a usable SQLite database ({exc})") from None
        self.conn.execute("PRAGMA foreign_keys=OFF")

    def _search_ddl(self) -> list[str]:
        # The indexed text is already folded and clitic-stripped (search.py), so
        # unicode61 only has to split on spaces.
        return ["CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5("
                "title, body, tokenize = 'unicode61 remove_diacritics 0')"]

    def _search_sql(self, outlets: int = 0) -> str:
        # bm25 is lower-is-better; title hits weigh 5 times body hits.
        return ("SELECT a.id, a.title, a.date, a.source, -bm25(article_search, 5.0, 1.0) AS score, a.record "
                "FROM article_search JOIN articles a ON a.seq = article_search.rowid "
                f"WHERE article_search MATCH ?{outlet_clause(outlets)} ORDER BY score DESC LIMIT ?")

    def _search_query(self, keys: Sequence[str]) -> str:
        return " ".join('"' + k.replace('"', '""') + '"' for k in keys)

    def optimize(self) -> None:
        self.conn.execute("PRAGMA optimize")

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            self.conn.rollback()
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        # An OS lock beside the file: released by the kernel even on kill -9. Keyed by the
        # resolved path, so a symlink or a relative path names the same lock.
        with open(os.path.realpath(self.url.target) + "-ingest.lock", "w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(f"{self.url}: another ingest is writing to this store") from None
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
