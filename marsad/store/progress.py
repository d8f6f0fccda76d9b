"""`ingest`'s progress on stderr: marsad.io.progress with the store's counters."""
from __future__ import annotations

from typing import TextIO

from marsad.io.progress import LOG_EVERY, RunProgress, count_articles, progress_mode

__all__ = ["LOG_EVERY", "IngestProgress", "RunProgress", "count_articles", "progress_mode"]


class IngestProgress(RunProgress):
    """`ingest`'s progress: stored, skipped and errors beside the articles read."""

    def __init__(self, mode: bool | str, errors: TextIO, total: int | None = None, every: int = LOG_EVERY):
        mode = ("bar" if mode else "off") if isinstance(mode, bool) else mode
        super().__init__(mode, errors, total, "ingest", ("stored", "skipped", "errors"), every)
