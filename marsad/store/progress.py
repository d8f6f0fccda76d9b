"""The ingest progress bar on stderr (rich, already a dependency of typer): articles read, rate,
stored / skipped / errors, elapsed time. Error lines print above it."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} art/s")


class IngestProgress:
    """A context manager; disabled, it only prints error lines to `errors`."""

    def __init__(self, enabled: bool, errors: TextIO):
        self.errors = errors
        self.bar = Progress(
            SpinnerColumn(), TextColumn("{task.completed} articles"), RateColumn(),
            TextColumn("{task.fields[stored]} stored, {task.fields[skipped]} skipped, {task.fields[errors]} errors"),
            TimeElapsedColumn(), console=Console(stderr=True), disable=not enabled, transient=False,
            refresh_per_second=4,
        ) if enabled else None
        self.task = self.bar.add_task("ingest", total=None, stored=0, skipped=0, errors=0) if self.bar else None

    def __enter__(self) -> IngestProgress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def update(self, read: int, stored: int, skipped: int, errors: int) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=read, stored=stored, skipped=skipped, errors=errors)

    def report(self, message: str) -> None:
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            print(message, file=self.errors, flush=True)
