"""Fixtures shared by the whole suite.

Tiers: a test that reads ../shared/data (corpora, gold, NER and name data) gets
it through the `shared` fixture and nothing else, so a clone on its own passes
`pytest` with those tests skipped, each with its reason; under CI (CI=true),
which lays shared/ beside the repo, a missing copy fails them instead, since a
skipped check there would hide a broken checkout. Tests that take seconds are
marked `slow` (registered in pyproject.toml): `pytest -m "not slow"` is the
quick run for development, plain `pytest` (README command 2, .ci/run) runs all.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared/data beside the repo; skips the test without it, fails it under CI."""
    if SHARED.is_dir():
        return SHARED
    reason = f"needs ../shared/data beside the repo (not found at {SHARED})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI lays it there, so its absence is a defect, not a skip", pytrace=False)
    pytest.skip(reason)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking `seedlike_file` runs once per article file of ../shared/data/corpora/seedlike
    (it must take `shared` first, which skips or fails it when there is no such directory)."""
    if "seedlike_file" in metafunc.fixturenames:
        files = sorted((SHARED / "corpora" / "seedlike").glob("*.txt"))
        metafunc.parametrize("seedlike_file", files or [None], ids=[f.stem for f in files] or ["no-shared-data"])


@pytest.fixture(scope="session")
def gold_rows(shared: Path) -> list[dict]:
    with (shared / "gold" / "dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="session")
def seed_gold(gold_rows: list[dict]) -> dict:
    return next(r for r in gold_rows if r["id"] == "seed-0001")


# Real pipeline output for the export and dedup tests (tests/export, tests/dedup).
@pytest.fixture(scope="session")
def pool_records(shared) -> list[dict]:
    """Contract records of the first 60 articles of 2018 in pool_2000.jsonl (real pipeline output)."""
    from marsad.io.readers import ReadError, read_articles
    from marsad.pipeline import default_pipeline

    nlp = default_pipeline()
    out = []
    for art in read_articles([str(shared / "corpora" / "pool_2000.jsonl")]):
        if not isinstance(art, ReadError) and (art.date or "").startswith("2018"):
            out.append(nlp(art).to_dict())
            if len(out) == 60:
                break
    assert sum(len(r["events"]) for r in out) > 200
    return out


@pytest.fixture(scope="session")
def schemas(shared):
    return shared / "events" / "derived" / "output_schemas"


@pytest.fixture(scope="session")
def article_records(shared):
    """`ids -> contract records` for named articles of pool_2000.jsonl (real output of the rules'
    pipeline: the dedup tests pin events by their evidence, which the rules keep stable)."""
    from marsad.io.readers import ReadError, read_articles
    from marsad.pipeline import Pipeline

    nlp = Pipeline.rules()
    cache: dict[str, dict] = {}

    def get(*ids: str) -> list[dict]:
        missing = set(ids) - set(cache)
        if missing:
            for art in read_articles([str(shared / "corpora" / "pool_2000.jsonl")]):
                if not isinstance(art, ReadError) and art.id in missing:
                    cache[art.id] = nlp(art).to_dict()
        return [cache[i] for i in ids]

    return get


@pytest.fixture(scope="session")
def find_event():
    def find(rec: dict, etype: str, phrase: str) -> int:
        """Index of the event of `etype` whose evidence contains `phrase`."""
        hits = [i for i, ev in enumerate(rec["events"])
                if ev["type"] == etype and phrase in rec["text"][ev["evidence"]["start"]:ev["evidence"]["end"]]]
        assert hits, f"{rec['id']}: no {etype} event with {phrase!r}"
        return hits[0]

    return find


@pytest.fixture
def seedlike_with_a_broken_file(shared: Path, tmp_path: Path) -> Path:
    """../shared/data/corpora/seedlike (all its files) and, sorted among them, a JSONL file whose
    first line is broken and whose second is a good article (for the --jobs tests of extract and ingest)."""
    corpus = tmp_path / "seedlike"
    shutil.copytree(shared / "corpora" / "seedlike", corpus)
    (corpus / "AL-internationalNews-15-broken.jsonl").write_text(
        '{"id": "broken", "text": "قال الجيش\n'
        '{"id": "after-broken", "title": "بعد", "text": "قال وزير الخارجية إن المحادثات في عمّان انتهت."}\n',
        encoding="utf-8")
    return corpus


@pytest.fixture(scope="session")
def dask_client():
    """A Dask LocalCluster of two worker processes (one thread each), shared by the Dask tests
    (tests/test_dask_*.py, tests/store/test_dask_ingest.py): each worker loads the pipeline once."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client
