from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"../shared/data is expected beside the repo (looked in {SHARED})"
    return SHARED


@pytest.fixture(scope="session")
def gold_rows(shared: Path) -> list[dict]:
    with (shared / "gold" / "dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="session")
def seed_gold(gold_rows: list[dict]) -> dict:
    return next(r for r in gold_rows if r["id"] == "seed-0001")
