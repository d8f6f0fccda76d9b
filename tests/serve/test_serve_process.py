"""`marsad serve` as a real process on a free loopback port: it answers /api/events, refuses a
Host it does not serve, and leaves the store file as it was."""
from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from served_store import serving


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.slow
def test_marsad_serve_answers_on_loopback(sqlite_served):
    before = _digest(sqlite_served)
    with serving(sqlite_served) as base:
        r = httpx.get(f"{base}/api/events", params={"type": "ACCUSE", "limit": 500}, timeout=30)
        assert r.status_code == 200
        seed = [e for e in r.json()["events"] if e["article_id"] == "seed-0001"]
        assert seed and seed[0]["source_text"] == "رئيس هيئة الأركان الروسية العامة"
        assert seed[0]["target_text"] == "الولايات المتحدة"
        assert httpx.get(f"{base}/api/events", params={"type": "BOMB"}).status_code == 422
        # bound to loopback, it answers loopback names only (a page on another site cannot reach it
        # through a DNS name of its own pointing at 127.0.0.1)
        assert httpx.get(f"{base}/api/events", headers={"Host": "attacker.example"}).status_code == 400
        assert "server" not in r.headers
    assert _digest(sqlite_served) == before


def test_marsad_serve_refuses_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from marsad.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 2 and "no such store" in result.stderr


def test_marsad_serve_does_not_migrate_an_older_store(sqlite_served, tmp_path):
    """Opening an older store through open_store would write its migration: the server refuses it."""
    import shutil
    import sqlite3

    from typer.testing import CliRunner

    from marsad.cli import app

    old = tmp_path / "old.db"
    shutil.copy(sqlite_served, old)
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    before = _digest(str(old))
    result = CliRunner().invoke(app, ["serve", "--db", str(old)])
    assert result.exit_code == 2 and "store schema 2" in result.stderr
    assert _digest(str(old)) == before
