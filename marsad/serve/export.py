"""`/api/export`: the CLI's exports (marsad.export) of the events a filter selects, streamed.

The export runs in a thread of its own over one leased read-only connection, writing into a
bounded queue the response drains: memory stays flat whatever the store's size, and a client
that goes away stops the export at its next chunk. Parquet needs a seekable file, so it is
written to a temporary file first and then streamed.
"""
from __future__ import annotations

import io
import logging
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from marsad.serve.pool import StorePool
from marsad.store.query import EventFilter

CHUNK = 64 * 1024   # bytes per streamed chunk
QUEUED = 16         # chunks waiting for the client at most
STALL_S = 300       # seconds a client may read nothing before the export stops
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "polecat": "text/tab-separated-values; charset=utf-8",
               "icews": "text/tab-separated-values; charset=utf-8", "plover": "application/x-ndjson",
               "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}
EXTENSIONS = {"csv": "csv", "polecat": "tsv", "icews": "tsv", "plover": "jsonl", "jsonl": "jsonl",
              "parquet": "parquet"}
log = logging.getLogger("marsad.serve")


class _Stopped(Exception):
    """The client went away: the export thread stops writing."""


class _Chunks(io.TextIOBase):
    """A text stream that hands UTF-8 chunks of about CHUNK bytes to `put`."""

    def __init__(self, put: Callable[[bytes], None]):
        self._put = put
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            self._put("".join(self._parts).encode("utf-8"))
            self._parts, self._size = [], 0


def _records(store, f: EventFilter):
    """As `marsad export --db`: every record without filters, else the selected events only."""
    from marsad.export.cli import selected_records

    return selected_records(store, f) if f != EventFilter() else store.iter_records()


def stream_export(pool: StorePool, f: EventFilter, fmt: str) -> Iterator[bytes]:
    from marsad.export import export
    from marsad.export.context import store_context

    chunks: queue.Queue[object] = queue.Queue(maxsize=QUEUED)
    stop = threading.Event()
    done = object()

    def put(item: object) -> None:
        # a client that reads nothing for STALL_S gives its store connection back
        deadline = time.monotonic() + STALL_S
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                chunks.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        stop.set()
        raise _Stopped

    def work() -> None:
        try:
            with pool.lease() as store:
                if fmt == "parquet":
                    with tempfile.TemporaryDirectory(prefix="marsad-export-") as tmp:
                        path = Path(tmp) / "events.parquet"
                        export(_records(store, f), fmt, path, store_context(store))
                        with path.open("rb") as fh:
                            while block := fh.read(CHUNK):
                                put(block)
                else:
                    out = _Chunks(put)
                    export(_records(store, f), fmt, out, store_context(store))
                    out.flush()
            put(done)
        except _Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - the response is under way: cut it, and log why
            log.exception("export failed")
            try:
                put(exc)
            except _Stopped:
                return

    threading.Thread(target=work, name="marsad-export", daemon=True).start()
    try:
        while True:
            try:
                item = chunks.get(timeout=1)
            except queue.Empty:
                if stop.is_set():  # the export gave up on this client
                    raise RuntimeError("export stopped: the client read nothing for too long") from None
                continue
            if item is done:
                return
            if isinstance(item, Exception):
                # headers are sent: an unfinished body is how the client learns the export failed
                raise RuntimeError("export failed") from item
            yield item
    finally:
        stop.set()
