"""A throwaway PostgreSQL cluster: initdb into a temp dir, a server on a unix socket there, gone at stop.

Used by the store tests (conftest.py) and bench/store.py. No TCP port, so
nothing to collide with; as root, PostgreSQL refuses to run, so its commands
run as the `postgres` user, which owns the temp dir.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def pg_bindir() -> Path | None:
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
        from marsad.store.postgres import connect

        name = f"t{next(self._names)}"
        conn = connect(self.url())
        try:
            conn.cursor().execute(f"CREATE SCHEMA {name}")
        finally:
            conn.close()
        return f"{self.url()}&options=-csearch_path%3D{name}"
