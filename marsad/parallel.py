"""`--jobs N`: extraction on N worker processes, results in input order.

The parent reads the input and decides what to do with each article (read errors, ingest's skips)
before anything is dispatched; the workers only run the pipeline on the articles sent to them;
the parent consumes their results in input order and is the only one to write (stdout, the store).

Workers are forked from the parent after it has loaded and frozen the pipeline (Pipeline.warm_up),
so they share its resources copy-on-write instead of loading them again. At most
`jobs * AHEAD` chunks of CHUNK articles are in flight: memory stays bounded on any input size.
`jobs=1` runs everything in the calling process, as before `--jobs` existed.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

Context = TypeVar("Context")  # what the parent keeps about an article (stays in the parent)
Arg = TypeVar("Arg")          # what a worker needs to extract it (pickled to the worker)
Result = TypeVar("Result")    # what the worker sends back (pickled to the parent)

CHUNK = 8   # articles per task: amortises the round trip to a worker (~ms) over several articles
PARENT_CHECK_S = 1.0  # how often a worker checks that its parent still runs
AHEAD = 4   # chunks in flight per worker: keeps every worker busy while the parent writes


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's total)."""
    return len(os.sched_getaffinity(0))


def check_jobs(jobs: int) -> int:
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a positive number of processes, not {jobs!r}")
    return jobs


class _Worker:
    """The state of one worker process: the function and the pipeline it was forked with.
    One instance per worker process, set by its initializer and never changed after."""

    work: Callable[[Any, Any], Any] | None = None
    pipeline: Any = None


def _init_worker(work: Callable[[Any, Any], Any], pipeline: Any) -> None:
    # with fork these arrive by inheritance, not pickling: the pipeline is the parent's, shared copy-on-write
    _Worker.work, _Worker.pipeline = work, pipeline
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9 of an ingest) would wait on its task queue forever:
    it leaves as soon as it is orphaned."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _run_chunk(args: list[Any]) -> list[Any]:
    assert _Worker.work is not None, "worker used before its initializer ran"
    return [None if arg is None else _Worker.work(_Worker.pipeline, arg) for arg in args]


def _ready() -> None:
    """A no-op task: submitting it makes the pool fork its workers now (see OrderedPool.__enter__)."""


class OrderedPool(Generic[Context, Arg, Result]):
    """`work(pipeline, arg)` over a stream of (context, arg) pairs, yielding (context, result) in input
    order; a None arg is not dispatched (its result is None). `work` must catch what it can handle:
    an exception escaping it ends the run, as it would with jobs=1.

    Enter the context before starting threads in the parent (a progress bar): the workers are
    forked on entry, and forking a process that runs threads is unsafe."""

    def __init__(self, work: Callable[[Any, Arg], Result], pipeline: Any, jobs: int,
                 chunk: int = CHUNK, ahead: int = AHEAD):
        self.work, self.pipeline, self.jobs = work, pipeline, check_jobs(jobs)
        self.chunk, self.ahead = chunk, ahead
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> OrderedPool[Context, Arg, Result]:
        if self.jobs > 1:
            self.executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                                initializer=_init_worker, initargs=(self.work, self.pipeline))
            self.executor.submit(_ready).result()  # with fork, the pool forks all its workers on the first submit
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def map(self, tasks: Iterable[tuple[Context, Arg | None]]) -> Iterator[tuple[Context, Result | None]]:
        if self.executor is None:
            for context, arg in tasks:
                yield context, None if arg is None else self.work(self.pipeline, arg)
            return
        pending: deque[tuple[list[Context], Future[list[Any]]]] = deque()
        limit = self.jobs * self.ahead
        for contexts, args in _chunks(tasks, self.chunk):
            pending.append((contexts, self._submit(args)))
            # wait when the window is full; hand over finished results at once (an interactive stdin)
            while pending and (len(pending) >= limit or pending[0][1].done()):
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())

    def _submit(self, args: list[Arg | None]) -> Future[list[Any]]:
        if any(arg is not None for arg in args):
            assert self.executor is not None
            return self.executor.submit(_run_chunk, args)
        nothing: Future[list[Any]] = Future()  # nothing to extract (skipped articles, read errors): no round trip
        nothing.set_result([None] * len(args))
        return nothing


def _chunks(tasks: Iterable[tuple[Context, Arg | None]], size: int) -> Iterator[tuple[list[Context], list[Arg | None]]]:
    contexts: list[Context] = []
    args: list[Arg | None] = []
    for context, arg in tasks:
        contexts.append(context)
        args.append(arg)
        if len(args) >= size:
            yield contexts, args
            contexts, args = [], []
    if args:
        yield contexts, args


def _results(done: tuple[list[Context], Future[list[Any]]]) -> Iterator[tuple[Context, Any]]:
    contexts, future = done
    yield from zip(contexts, future.result(), strict=True)


class NoteBuffer:
    """Lines said while the reader produced an article (limit_articles' `note`), handed over with that
    article so that they print just before it, in input order, however far ahead the reader runs."""

    def __init__(self) -> None:
        self._lines: list[str] = []

    def __call__(self, line: str) -> None:
        self._lines.append(line)

    def take(self) -> tuple[str, ...]:
        lines, self._lines = tuple(self._lines), []
        return lines
