"""Move pending golden records that now pass into tests/golden/events.jsonl.

Usage: python tools/promote_golden.py [--dry-run]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import marsad

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "events"))
from test_golden import load, unmatched  # noqa: E402

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"


def main() -> None:
    pending = load(GOLDEN / "events_pending.jsonl")
    still, passed = [], []
    for rec in pending:
        events = marsad.extract(rec["text"], date=rec["date"]).to_dict()["events"]
        missing = unmatched(rec["expect"], events)
        (still if missing else passed).append(rec)
        if missing:
            got = [(e["type"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text")) for e in events]
            print(f"pending {rec['id']}: missing {missing} got {got}")
    print(f"{len(passed)} now pass: {[r['id'] for r in passed]}")
    if "--dry-run" not in sys.argv and passed:
        with (GOLDEN / "events.jsonl").open("a", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in passed)
        (GOLDEN / "events_pending.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in still), encoding="utf-8")


if __name__ == "__main__":
    main()
