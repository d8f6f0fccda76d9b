"""`--jobs N`: extraction on N worker processes, results in input order.

The parent reads the input and decides what to do with each article (read errors, ingest's skips)
before anything is dispatched; the workers only run the pipeline on the articles sent to them;
the parent consumes their results in input order and is the only one to write (stdout, the store).

Workers are forked from the parent after it has loaded and frozen the pipeline (Pipeline.warm_up),
so they share its resources copy-on-write instead of loading them again. At most
`jobs * AHEAD` chunks of CHUNK articles are in flight: memory stays bounded on any input size.
`jobs=1` runs everything in the calling process, as before `--jobs` existed.

A worker the OS kills (SIGKILL, the out-of-memory killer) breaks the whole pool: every chunk not yet
returned is lost with it. The chunks already returned are kept; the pool is forked afresh from the
parent and the lost chunks are sent again, once each. A chunk lost a second time (an article that
kills any worker that extracts it) ends the run with WorkerLost, which names how the worker died and
the articles it did not extract; the caller has written everything before them (ingest commits it,
and a rerun picks up the rest, as after any crash).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

Context = TypeVar("Context")  # what the parent keeps about an article (stays in the parent)
Arg = TypeVar("Arg")          # what a worker needs to extract it (pickled to the worker)
Result = TypeVar("Result")    # what the worker sends back (pickled to the parent)

CHUNK = 8   # articles per task: amortises the round trip to a worker (~ms) over several articles
PARENT_CHECK_S = 1.0  # how often a worker checks that its parent still runs
AHEAD = 4   # chunks in flight per worker: keeps every worker busy while the parent writes


RETRIES = 1  # times a chunk lost with a killed worker is sent to a fresh pool before the run stops


class WorkerLost(RuntimeError):
    """A worker process died (killed by the OS) while extracting a chunk that had already been
    retried on a fresh pool. `lost`: the contexts of the items not extracted, in input order (the
    dead chunk's and those queued behind it; the input after them was not read)."""

    def __init__(self, how: str, lost: list[Any]):
        self.how, self.lost = how, lost
        super().__init__(f"a worker process {how}; {len(lost)} queued article(s) were not extracted")


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's total)."""
    return len(os.sched_getaffinity(0))


SMALL_INPUT_BYTES = 256 * 1024  # below this, input files are counted to see whether workers are worth forking


def jobs_for(paths: list[str], jobs: int) -> int:
    """`jobs`, or 1 when the input is a few plain files holding no more than one chunk of articles
    (`marsad extract article.txt`): forking workers would only add their start to the run."""
    if jobs <= 1:
        return jobs
    from marsad.io.progress import count_articles

    try:
        if any(not os.path.isfile(p) for p in paths) or sum(os.path.getsize(p) for p in paths) > SMALL_INPUT_BYTES:
            return jobs
    except OSError:
        return jobs
    total = count_articles(paths)
    return 1 if total is not None and total <= CHUNK else jobs


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
        self.workers: list[multiprocessing.process.BaseProcess] = []  # the current pool's processes

    def __enter__(self) -> OrderedPool[Context, Arg, Result]:
        if self.jobs > 1:
            self._fork()
        return self

    def _fork(self) -> None:
        self.executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_init_worker, initargs=(self.work, self.pipeline))
        self.executor.submit(_ready).result()  # with fork, the pool forks all its workers on the first submit
        # the worker processes, to tell afterwards how one died (the executor forgets them when broken)
        self.workers = list(getattr(self.executor, "_processes", {}).values())

    def _refork(self) -> str:
        """Replace a broken pool by a fresh one; how its worker died."""
        assert self.executor is not None
        self.executor.shutdown(wait=True, cancel_futures=True)
        how = death(self.workers)
        # the parent may run a progress thread by now: the workers only extract and never touch
        # what that thread locks (the parent's stderr), so forking here is safe in practice
        self._fork()
        return how

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def map(self, tasks: Iterable[tuple[Context, Arg | None]]) -> Iterator[tuple[Context, Result | None]]:
        if self.executor is None:
            for context, arg in tasks:
                yield context, None if arg is None else self.work(self.pipeline, arg)
            return
        pending: deque[_Chunk] = deque()
        limit = self.jobs * self.ahead
        for contexts, args in _chunks(tasks, self.chunk):
            pending.append(_Chunk(contexts, args, self._submit(args)))
            # wait when the window is full; hand over finished results at once (an interactive stdin)
            while pending and (len(pending) >= limit or pending[0].future.done()):
                yield from self._results(pending)
        while pending:
            yield from self._results(pending)

    def _results(self, pending: deque[_Chunk]) -> Iterator[tuple[Context, Any]]:
        """The first pending chunk's results. If a worker was killed meanwhile, every chunk not yet
        returned is sent to a fresh pool; a chunk lost for the second time ends the run (WorkerLost
        with every article not yet handed over, from this chunk on)."""
        head = pending[0]
        while True:
            try:
                results = head.future.result()
                break
            except BrokenProcessPool:
                how = self._refork()
                lost = [c for c in pending if not _returned(c.future)]
                if any(c.tries >= RETRIES for c in lost):
                    raise WorkerLost(how, [ctx for c in pending for ctx in c.contexts]) from None
                for c in lost:
                    c.future, c.tries = self._submit(c.args), c.tries + 1
        pending.popleft()
        yield from zip(head.contexts, results, strict=True)

    def _submit(self, args: list[Arg | None]) -> Future[list[Any]]:
        future: Future[list[Any]] = Future()
        if all(arg is None for arg in args):
            future.set_result([None] * len(args))  # nothing to extract (skipped articles, read errors): no round trip
            return future
        assert self.executor is not None
        try:
            return self.executor.submit(_run_chunk, args)
        except BrokenProcessPool as exc:  # a worker died since the last look: _results sends it again
            future.set_exception(exc)
            return future


@dataclass
class _Chunk:
    """Articles sent to a worker together; `tries`: times it was sent again after a worker died."""

    contexts: list[Any]
    args: list[Any]
    future: Future[list[Any]]
    tries: int = 0


def _returned(future: Future[list[Any]]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def death(workers: list[multiprocessing.process.BaseProcess]) -> str:
    """How the pool's worker died: its signal or exit code (the others were stopped by the pool,
    with SIGTERM, once it saw the first one die)."""
    codes = [w.exitcode for w in workers if w.exitcode not in (None, 0)]
    first = next((c for c in codes if c != -signal.SIGTERM), codes[0] if codes else None)
    if first is None:
        return "exited unexpectedly"
    if first < 0:
        name = signal.Signals(-first).name
        hint = " (by the OS; out of memory is the usual cause)" if name == "SIGKILL" else ""
        return f"was killed by {name}{hint}"
    return f"exited with status {first}"


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


def lost_report(exc: WorkerLost, origins: list[str]) -> list[str]:
    """The `error:` line a batch prints when it stops on WorkerLost (`origins`: the lost articles')."""
    spans = compact_origins(origins)
    shown = ", ".join(spans[:10]) + (f" and {len(spans) - 10} more" if len(spans) > 10 else "")
    return [f"error: a worker process {exc.how}, twice on the same articles: the run stopped. Not extracted: "
            f"{shown or 'none'}, and the input after them (everything before them was written; a rerun of "
            "ingest skips what is stored)"]


def compact_origins(origins: list[str]) -> list[str]:
    """Origins with runs of consecutive lines of one file joined (`a.jsonl:9–40`).

    >>> compact_origins(["a.jsonl:9", "a.jsonl:10", "a.jsonl:11", "b.txt", "a.jsonl:14"])
    ['a.jsonl:9–11', 'b.txt', 'a.jsonl:14']
    """
    out: list[str] = []
    run: tuple[str, int, int] | None = None  # (file, first line, last line)
    for origin in [*origins, None]:
        file, _, line = origin.rpartition(":") if origin else ("", "", "")
        if run and origin and line.isdigit() and file == run[0] and int(line) == run[2] + 1:
            run = (run[0], run[1], int(line))
            continue
        if run:
            out.append(f"{run[0]}:{run[1]}" + (f"–{run[2]}" if run[2] > run[1] else ""))
            run = None
        if origin and file and line.isdigit():
            run = (file, int(line), int(line))
        elif origin:
            out.append(origin)
    return out


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
