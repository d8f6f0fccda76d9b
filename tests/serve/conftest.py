"""Stores the API tests serve: the seed article, the 40 seedlike articles and one article whose text
holds markup, ingested by today's pipeline into SQLite and into a throwaway PostgreSQL cluster
(tests/store/pgcluster.py, as the store tests use)."""
from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from served_store import EXAMPLE, MARKUP_TEXT, SEED_DATE, MARKUP_ID


def _pgcluster():
    """tests/store/pgcluster.py, loaded from its file: putting tests/store on sys.path would let
    its conftest.py shadow this one."""
    name = "marsad_tests_pgcluster"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parents[1] / "store" / "pgcluster.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def serve_pg_cluster() -> Iterator[object]:
    pgcluster = _pgcluster()
    bindir = pgcluster.pg_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL binaries (initdb) not found: .ci/run must install Debian's postgresql package")
        pytest.skip("PostgreSQL binaries (initdb) not found; install Debian's postgresql to run these cases")
    cluster = pgcluster.PgCluster(bindir)
    cluster.start()
    yield cluster
    cluster.stop()


def _fill(url: str, shared: Path, root: Path) -> None:
    import json

    from marsad.store import open_store
    from marsad.store.ingest import ingest

    markup = root / "markup.jsonl"
    markup.write_text(json.dumps({"id": MARKUP_ID, "title": "<b>عنوان</b>", "date": "2018-05-01",
                                  "source": "Test <i>Outlet</i>", "text": MARKUP_TEXT}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    with open_store(url) as store:
        assert ingest([str(EXAMPLE)], store, date=SEED_DATE).errors == 0
        assert ingest([str(shared / "corpora" / "seedlike")], store).errors == 0
        assert ingest([str(markup)], store).errors == 0


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, shared: Path, tmp_path_factory) -> Iterator[tuple[str, object]]:
    """(--db URL, a TestClient over the real app serving it)."""
    from fastapi.testclient import TestClient

    from marsad.serve.app import create_app

    root = tmp_path_factory.mktemp("served")
    if request.param == "sqlite":
        url = str(root / "news.db")
    else:
        url = request.getfixturevalue("serve_pg_cluster").new_db()
    _fill(url, shared, root)
    with TestClient(create_app(url)) as client:
        yield url, client


@pytest.fixture(scope="module")
def sqlite_served(shared: Path, tmp_path_factory) -> str:
    """A SQLite store of the same articles, for the subprocess and read-only file tests."""
    root = tmp_path_factory.mktemp("sqlite_served")
    url = str(root / "news.db")
    _fill(url, shared, root)
    return url
