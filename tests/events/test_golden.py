"""PETRARCH-style golden records: one short Arabic news text, the events it must yield.

Each line of tests/golden/events.jsonl is
    {"id", "text", "date", "expect": [{"type", "source", "target", "negated"?, "hedged"?, "no_source"?}]}
An expected event is found when some system event (each used once) has its type,
its source and target match the expected names the way the scorer matches gold
roles (`marsad.eval.scoring.role_matches`: span text or actor name_en contains,
or is contained in, the name after `norm_name`), and the same `negated` /
`hedged` flags where the record gives them. A role is one name or, as in the
gold files, a list of the names the sentence gives the actor (`["أنطونيو غوتيريش",
"الأمين العام للأمم المتحدة"]`: a title is a name of its holder). A null name is not checked;
`"no_source": true` requires the system event to have no source at all (an
unnamed attacker in a passive sentence), `"no_target": true` no target.
`"max_events": n` on a record requires at most n system events (one act told
twice is one event); with n = 0 and no expected events, the text must yield no
event at all (a job title, a charge: no act).

Every record passes: a sentence the pipeline gets wrong is no golden record
(`marsad eval` on the gold articles measures the misses).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad
from marsad.pipeline import Pipeline

# These tests pin down the hand-written rules (still the learned models' candidates and features).
RULES = Pipeline.rules()


def rules_extract(text, **kw):
    return marsad.extract(text, pipeline=RULES, **kw)
from marsad.eval import scoring
from marsad.eval.scoring import role_matches

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "events.jsonl"
PLOVER = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
          "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


RECORDS = load(GOLDEN)


def event_matches(exp: dict, sys_ev: dict) -> bool:
    if sys_ev["type"] != exp["type"]:
        return False
    for role in ("source", "target"):
        names = exp.get(role)
        if names is not None and not role_matches(names if isinstance(names, list) else [names], sys_ev.get(role)):
            return False
    for role in ("source", "target"):
        if exp.get(f"no_{role}") and sys_ev.get(role) is not None:
            return False
    for flag in ("negated", "hedged"):
        if flag in exp and bool(sys_ev.get(flag)) != exp[flag]:
            return False
    return True


def unmatched(expect: list[dict], events: list[dict]) -> list[dict]:
    """Expected events with no system event (one-to-one, in order)."""
    return scoring.unmatched(expect, events, event_matches)


def test_golden_file_is_well_formed():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in RECORDS:
        # a record expects events, or none at all (`"max_events": 0`: "رئيس تحرير" is no act)
        assert r["text"].strip() and (r["expect"] or r.get("max_events") == 0), r["id"]
        assert len(r["date"]) == 10, r["id"]
        for exp in r["expect"]:
            assert exp["type"] in PLOVER, r["id"]
            assert set(exp) <= {"type", "source", "target", "negated", "hedged", "no_source", "no_target"}, r["id"]
        assert set(r) <= {"id", "text", "date", "expect", "max_events"}, r["id"]


def test_every_plover_type_has_at_least_two_passing_records():
    counts = {t: 0 for t in PLOVER}
    for r in RECORDS:
        for t in {e["type"] for e in r["expect"]}:
            counts[t] += 1
    thin = {t: n for t, n in counts.items() if n < 2}
    assert not thin, f"types with fewer than two golden records: {thin}"


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_golden_record(record: dict):
    doc = rules_extract(record["text"], date=record["date"]).to_dict()
    missing = unmatched(record["expect"], doc["events"])
    assert len(doc["events"]) <= record.get("max_events", len(doc["events"])), doc["events"]
    got = [(e["type"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
            e["negated"], e["hedged"]) for e in doc["events"]]
    assert not missing, f"missing {missing}; system events (type, source, target, negated, hedged): {got}"
