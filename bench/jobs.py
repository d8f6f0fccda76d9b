"""`--jobs 1` against `--jobs N`: articles/s of `marsad extract` over the benchmark pool, cold and warm.

Usage: python bench/jobs.py [PATH.jsonl] [--jobs 1 2] [--repeat 2]
cold: a new `marsad extract PATH --format jsonl --jobs N` process, start-up included (wall clock);
warm: run_extract in this process with the pipeline already loaded (the pool of workers is forked
per pass and counts). Beside each figure: the load average and the reference loop of
bench/throughput.py, since this machine is shared. The fastest of `--repeat` passes is reported.
Figures are printed, never asserted: see README for the values.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from throughput import DEFAULT, machine_state as machine  # beside this file

from marsad.batch import run_extract
from marsad.io.readers import ReadError, read_articles
from marsad.pipeline import default_pipeline

MARSAD = str(Path(sys.executable).parent / "marsad")


def cpu_s() -> float:
    """CPU seconds of this process and its reaped children (the workers, a cold `marsad`)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(run, path: str, jobs: int) -> tuple[float, float]:
    """(wall s, CPU s of every process) of one pass."""
    cpu, start = cpu_s(), time.perf_counter()
    run(path, jobs)
    return time.perf_counter() - start, cpu_s() - cpu


def cold(path: str, jobs: int) -> float:
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        subprocess.run([MARSAD, "extract", path, "--format", "jsonl", "--no-progress", "--jobs", str(jobs)],
                       stdout=sink, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def warm(path: str, jobs: int) -> float:
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        run_extract([path], sink, jobs=jobs)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=2, help="passes per figure; the fastest is reported")
    args = ap.parse_args()
    n = sum(1 for a in read_articles([args.path]) if not isinstance(a, ReadError))
    print(f"corpus: {args.path} ({n} articles)")
    default_pipeline().warm_up(freeze=True)  # as `marsad extract` does, before the warm passes fork
    rates: dict[tuple[str, int], float] = {}
    for kind, run in (("cold", cold), ("warm", warm)):
        for jobs in args.jobs:
            state = machine()
            best, cpu = min(timed(run, args.path, jobs) for _ in range(max(1, args.repeat)))
            rates[kind, jobs] = n / best
            # CPU s over all processes: the work --jobs adds (forks, pickling); on a quiet machine
            # wall ≈ CPU / jobs, on a busy one the other jobs' load takes the cores
            print(f"{kind} --jobs {jobs}: {n / best:6.1f} articles/s ({best:.1f} s wall, {cpu:.1f} CPU s in all "
                  f"processes)   [{state}; after: {machine()}]", flush=True)
    # ru_maxrss of reaped children: the largest of the cold commands and of the warm passes' workers
    print(f"peak RSS: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"largest child (a cold command or a worker) {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    one = args.jobs[0]
    for kind in ("cold", "warm"):
        for jobs in args.jobs[1:]:
            print(f"{kind}: --jobs {jobs} / --jobs {one} = {rates[kind, jobs] / rates[kind, one]:.2f}x")


if __name__ == "__main__":
    main()
