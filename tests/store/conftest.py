"""Store fixtures: the same tests run on SQLite and on a throwaway PostgreSQL cluster.

The cluster is made once per session (initdb into a temp dir, a server on a
unix socket there, no TCP port to collide on) and every test gets its own
fresh schema. As root, PostgreSQL refuses to run, so its commands run as the
`postgres` user. Without PostgreSQL binaries the PostgreSQL cases skip on a
developer's machine but fail under CI (CI=true), where .ci/run installs them.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "corpora" / "pool_2000.jsonl"


def _pg_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


class PgCluster:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres")
        self.data = self.root / "data"
        self._names = itertools.count()

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, text=True)

    def start(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--encoding=UTF8", "--no-locale", "--no-sync")
        # fsync off: a throwaway cluster; the crash tests kill the client, not the server.
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                  "-o", f"-k {self.root} -c listen_addresses='' -F", "start")

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self) -> str:
        return f"postgresql://postgres@/postgres?host={self.root}"

    def new_db(self) -> str:
        """A fresh, empty store: its own schema (a CREATE DATABASE costs ~100 times more)."""
        import psycopg

        name = f"t{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return f"{self.url()}&options=-csearch_path%3D{name}"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bindir = _pg_bindir()
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
def corpus_lines() -> list[str]:
    assert CORPUS.is_file(), f"benchmark corpus expected at {CORPUS}"
    with CORPUS.open(encoding="utf-8") as fh:
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
