"""Progress of long runs (`extract`, and `ingest` through marsad.store.progress) on stderr.

On a terminal: a rich bar with articles done of the total, percentage, rate, elapsed time and ETA
when the total is known (`count_articles`), a spinner with the count and rate when it is not.
Off a terminal (logs): a plain line every LOG_EVERY articles. Error and warning lines print above
the bar (or as plain lines). The command's summary line at the end is its own.
"""
from __future__ import annotations

import csv
import io
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress

WIDE = 160  # columns of a bar written off a terminal
LOG_EVERY = 500  # articles between two plain progress lines
MODES = ("bar", "lines", "off")


def progress_mode(flag: bool | None, stream: TextIO | None = None) -> str:
    """`--progress` → bar, `--no-progress` → off; by default a bar on a terminal, lines elsewhere."""
    if flag is not None:
        return "bar" if flag else "off"
    return "bar" if (stream or sys.stderr).isatty() else "lines"


def count_articles(paths: list[str]) -> int | None:
    """How many articles `paths` hold, read cheaply (a line per JSONL record, CSV rows, one per
    text or HTML file); None when that is not known beforehand (stdin, WARC)."""
    from marsad.io.readers import ReadError, expand, kind_of

    total = 0
    for item in expand(paths):
        if isinstance(item, ReadError):
            continue
        if item == "-":
            return None
        kind = kind_of(str(item))
        if kind == ".warc":
            return None
        try:
            if kind == ".jsonl":
                with open(item, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif kind == ".csv":
                text = Path(item).read_text(encoding="utf-8", errors="replace")
                csv.field_size_limit(sys.maxsize)
                total += max(0, sum(1 for _ in csv.reader(io.StringIO(text))) - 1)
            else:
                total += 1
        except (OSError, csv.Error):
            return None
    return total


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class RunProgress:
    """A context manager showing a run's progress (`mode`: bar, lines or off); `counts` names the
    counters shown beside the articles done (ingest: stored, skipped, errors)."""

    def __init__(self, mode: str, errors: TextIO, total: int | None = None, name: str = "ingest",
                 counts: tuple[str, ...] = (), every: int = LOG_EVERY):
        if mode not in MODES:
            raise ValueError(f"progress mode {mode!r} (one of {', '.join(MODES)})")
        self.mode, self.errors, self.total, self.name, self.counts, self.every = mode, errors, total, name, counts, every
        self.started = time.monotonic()
        self.logged = 0
        self.bar = self._bar() if mode == "bar" else None
        fields = {c: 0 for c in counts}
        self.task = self.bar.add_task(name, total=total, **fields) if self.bar else None

    def _bar(self) -> Progress:
        # rich loads here, for a bar only (~40 ms of every start-up otherwise)
        from rich.console import Console
        from rich.progress import (
            BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TaskProgressColumn,
            TextColumn, TimeElapsedColumn, TimeRemainingColumn,
        )
        from rich.text import Text

        class RateColumn(ProgressColumn):
            def render(self, task: Task) -> Text:
                return Text(f"{task.speed or 0:.1f} art/s")

        tail = [TextColumn(", ".join(f"{{task.fields[{c}]}} {c}" for c in self.counts))] if self.counts else []
        if self.total is None:
            columns = [SpinnerColumn(), TextColumn("{task.completed} articles"), RateColumn(), *tail,
                       TimeElapsedColumn()]
        else:
            columns = [BarColumn(bar_width=10), MofNCompleteColumn(), TextColumn("articles"), TaskProgressColumn(),
                       RateColumn(), TextColumn("ETA"), TimeRemainingColumn(), *tail]
        # off a terminal (`--progress` into a file) rich would wrap the line at 80 columns
        width = None if self.errors.isatty() else WIDE
        console = Console(stderr=True, width=width) if self.errors is sys.stderr else Console(file=self.errors, width=width)
        return Progress(*columns, console=console, transient=False, refresh_per_second=4)

    def __enter__(self) -> RunProgress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def update(self, read: int, **counts: int) -> None:
        if self.bar is not None and self.task is not None:
            total = max(self.total, read) if self.total is not None else None  # split long articles add parts
            self.bar.update(self.task, completed=read, total=total, **counts)
        elif self.mode == "lines" and read >= self.logged + self.every:
            self.logged = read
            print(self.line(read, time.monotonic() - self.started, **counts), file=self.errors, flush=True)

    def line(self, read: int, elapsed: float, **counts: int) -> str:
        """One plain progress line.

        >>> RunProgress("off", sys.stderr, 2000, counts=("stored",)).line(500, 50.0, stored=480)
        'ingest: 500/2000 articles (25%), 10.0 art/s, elapsed 0:00:50, ETA 0:02:30; 480 stored'
        """
        rate = read / elapsed if elapsed > 0 else 0.0
        done = f"{read}/{self.total} articles ({100 * read // self.total}%)" if self.total else f"{read} articles"
        eta = (f", ETA {_clock((self.total - read) / rate)}" if self.total and rate > 0 and read <= self.total else "")
        tail = "; " + ", ".join(f"{counts[c]} {c}" for c in self.counts if c in counts) if counts else ""
        return f"{self.name}: {done}, {rate:.1f} art/s, elapsed {_clock(elapsed)}{eta}{tail}"

    def report(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            print(message, file=self.errors, flush=True)
