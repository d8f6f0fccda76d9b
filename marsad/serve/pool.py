"""Read-only store connections shared by the server's worker threads, one request at a time each."""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from marsad.store.base import Store, open_store

WAIT_S = 10.0  # a request waits this long for a free connection, then gets a 503


def _driver_error(exc: BaseException) -> bool:
    import sqlite3

    if isinstance(exc, (sqlite3.Error, OSError)):
        return True
    try:
        import pg8000.dbapi
    except ImportError:  # pragma: no cover - pg8000 is a dependency
        return False
    return isinstance(exc, pg8000.dbapi.Error)


class PoolBusy(RuntimeError):
    """Every connection is in use for longer than WAIT_S."""


class StorePool:
    """At most `size` read-only connections to the store at `url` (SQLite opened `mode=ro`,
    PostgreSQL in a read-only session: marsad.store.base.open_store), opened when first needed.

    A connection that raised is closed rather than handed out again: after a lost server it
    would fail every later request."""

    def __init__(self, url: str | None, size: int = 8):
        self.url = url
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)

    @contextmanager
    def lease(self) -> Iterator[Store]:
        if not self._slots.acquire(timeout=WAIT_S):
            raise PoolBusy(f"all store connections busy for {WAIT_S:.0f} s")
        try:
            try:
                store = self._idle.get_nowait()
            except queue.Empty:
                store = open_store(self.url, readonly=True)
            try:
                yield store
            except BaseException as exc:
                # a driver's error may leave the connection unusable; a refused value does not
                if _driver_error(exc):
                    store.close()
                else:
                    self._idle.put(store)
                raise
            else:
                self._idle.put(store)
        finally:
            self._slots.release()

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return
