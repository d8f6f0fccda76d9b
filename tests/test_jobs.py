"""`--jobs N` (marsad.parallel): the same output, errors and order as one process."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.batch import run_extract
from marsad.doc import Doc
from marsad.pipeline import Pipeline, default_pipeline

MARSAD = str(Path(sys.executable).parent / "marsad")


def _extract(corpus: Path, jobs: int) -> subprocess.CompletedProcess:
    return subprocess.run([MARSAD, "extract", str(corpus), "--format", "jsonl", "--no-progress", "--jobs", str(jobs)],
                          capture_output=True, text=True)


@pytest.mark.slow
def test_two_jobs_write_the_bytes_one_job_writes_broken_article_included(seedlike_with_a_broken_file):
    one, two = _extract(seedlike_with_a_broken_file, 1), _extract(seedlike_with_a_broken_file, 2)
    assert one.returncode == two.returncode == 1
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    broken = seedlike_with_a_broken_file / "AL-internationalNews-15-broken.jsonl"
    assert one.stderr.splitlines() == [f"error: {broken}:1: invalid JSON (Unterminated string starting at at "
                                       "column 26)", "41 article(s) processed, 1 error(s)"]
    ids = [json.loads(line)["id"] for line in one.stdout.splitlines()]
    assert len(ids) == 41 and ids.index("after-broken") == sorted(
        p.name for p in seedlike_with_a_broken_file.iterdir()).index(broken.name)


class FailsOn:
    """A last stage that fails on the articles named (an article the pipeline cannot handle)."""

    name = "fails"
    requires = ("tokens",)
    provides: tuple[str, ...] = ()

    def __init__(self, *ids: str):
        self.ids = ids

    def __call__(self, doc: Doc) -> Doc:
        if doc.id in self.ids:
            raise ValueError(f"cannot handle {doc.id}")
        return doc


def test_an_article_failing_in_a_worker_is_reported_in_its_place_and_the_batch_goes_on(shared: Path):
    corpus = shared / "corpora" / "seedlike"
    files = sorted(corpus.iterdir())
    failing = (files[3].stem, files[17].stem, files[-1].stem)
    pipeline = Pipeline([*default_pipeline().stages, FailsOn(*failing)])
    runs = []
    for jobs in (1, 2):
        out, errors = io.StringIO(), io.StringIO()
        stats = run_extract([str(corpus)], out, pipeline=pipeline, errors=errors, jobs=jobs)
        runs.append((stats, out.getvalue(), errors.getvalue()))
    assert runs[1] == runs[0]
    stats, out, errors = runs[0]
    assert (stats.ok, stats.errors) == (len(files) - 3, 3)
    assert errors.splitlines() == [f"error: {files[i]}: stage 'fails' failed on article {files[i].stem} "
                                   f"(ValueError: cannot handle {files[i].stem})" for i in (3, 17, len(files) - 1)]
    assert len(out.splitlines()) == len(files) - 3


def test_a_long_article_split_into_parts_is_noted_in_its_place(shared: Path, tmp_path: Path):
    lines = (shared / "corpora" / "pool_2000.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "some.jsonl"
    path.write_text("".join(lines[:20]), encoding="utf-8")
    longest = max(range(20), key=lambda i: len(lines[i]))
    runs = []
    for jobs in (1, 2):
        out, errors = io.StringIO(), io.StringIO()
        run_extract([str(path)], out, errors=errors, jobs=jobs, max_chars=1500, fmt="text")
        runs.append((out.getvalue(), errors.getvalue()))
    assert runs[1] == runs[0]
    assert f"{path}:{longest + 1}" in runs[0][1] and "split into" in runs[0][1]


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_no_jobs_or_a_negative_number_is_a_clear_error(jobs: str, tmp_path: Path):
    run = subprocess.run([MARSAD, "extract", str(tmp_path), f"--jobs={jobs}"], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == "error: --jobs: Input should be greater than or equal to 1\n"
    with pytest.raises(ValueError, match="jobs must be a positive number of processes"):
        run_extract([str(tmp_path)], io.StringIO(), jobs=int(jobs))
