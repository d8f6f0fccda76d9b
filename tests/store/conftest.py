"""Store fixtures: the same tests run on SQLite and on a throwaway PostgreSQL cluster.

The cluster is made once per session (initdb into a temp dir, a server on a
unix socket there, no TCP port to collide on) and every test gets its own
fresh schema. As root, PostgreSQL refuses to run, so its commands run as the
`postgres` user. Without PostgreSQL binaries the PostgreSQL cases skip on a
developer's machine but fail under CI (CI=true), where .ci/run installs them.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pgcluster import PgCluster, pg_bindir  # beside this file (bench/store.py uses it too)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bindir = pg_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL binaries (initdb) not found: .ci/run must install Debian's postgresql package")
        pytest.skip("PostgreSQL binaries (initdb) not found; install Debian's postgresql to run these cases")
    cluster = PgCluster(bindir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request: pytest.FixtureRequest, tmp_path: Path):
    """Make empty stores on this test's backend: a function returning a new --db URL each call."""
    counter = itertools.count()
    cluster = request.getfixturevalue("pg_cluster") if request.param == "postgresql" else None

    def make() -> str:
        return cluster.new_db() if cluster else str(tmp_path / f"marsad{next(counter)}.db")
    return make


@pytest.fixture
def db_url(new_db) -> str:
    return new_db()


@pytest.fixture(scope="session")
def corpus_lines(shared: Path) -> list[str]:
    """The lines of ../shared/data/corpora/pool_2000.jsonl."""
    with (shared / "corpora" / "pool_2000.jsonl").open(encoding="utf-8") as fh:
        return [line for line in fh if line.strip()]


@pytest.fixture
def slice_file(tmp_path: Path, corpus_lines: list[str]):
    """Write corpus lines [start, stop) to a JSONL file and return its path."""
    def make(start: int, stop: int, name: str = "slice.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join(corpus_lines[start:stop]), encoding="utf-8")
        return path
    return make


SLICE = (0, 40)  # pool_2000 lines: 40 articles with العراق, والعراق and بالعراق among them


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, corpus_lines: list[str]):
    """A store holding SLICE of the corpus (ingested once per module and backend), and its records."""
    import json

    from marsad.store import open_store
    from marsad.store.ingest import ingest

    root = tmp_path_factory.mktemp("loaded")
    path = root / "slice.jsonl"
    path.write_text("".join(corpus_lines[SLICE[0]:SLICE[1]]), encoding="utf-8")
    if request.param == "sqlite":
        url = str(root / "marsad.db")
    else:
        url = request.getfixturevalue("pg_cluster").new_db()
    store = open_store(url)
    stats = ingest([str(path)], store, batch_size=16)
    assert stats.errors == 0 and stats.stored == SLICE[1] - SLICE[0]
    records = {r["id"]: r for r in map(json.loads, corpus_lines[SLICE[0]:SLICE[1]])}
    yield store, records
    store.close()
