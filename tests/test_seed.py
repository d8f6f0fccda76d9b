"""The seed article (examples/seed-0001.txt, gold seed-0001): the events and claims it is known for,
and the CLI. The example file is the gold article in the seed layout, so these run in a clone alone."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import marsad
from marsad.eval.scoring import role_matches
from marsad.pipeline import Pipeline

# These tests pin down the hand-written rules (still the learned models' candidates and features).
RULES = Pipeline.rules()


def rules_extract(text, **kw):
    return marsad.extract(text, pipeline=RULES, **kw)



REPO = Path(__file__).resolve().parents[1]
SEED_FILE = REPO / "examples" / "seed-0001.txt"


def seed_body() -> str:
    raw = SEED_FILE.read_text(encoding="utf-8")
    _title, _, rest = raw.partition("\n")
    assert rest.startswith("\n"), "seed layout: title line, blank line, body"
    return rest[1:]


@pytest.fixture(scope="module")
def seed_record() -> dict:
    return rules_extract(seed_body(), date="2017-12-27", id="seed-0001").to_dict()


def is_russia(role: dict | None) -> bool:
    if not role:
        return False
    actor = role.get("actor") or {}
    return actor.get("country") == "RUS" or "رئيس هيئة الأركان" in role["text"]


def is_usa(role: dict | None) -> bool:
    return bool(role) and ((role.get("actor") or {}).get("country") == "USA"
                           or role_matches(["الولايات المتحدة", "United States"], role))


def test_seed_record_identity(seed_record: dict):
    assert seed_record["id"] == "seed-0001"
    assert seed_record["date"] == "2017-12-27"
    assert seed_record["text"] == seed_body()


def test_the_example_is_the_gold_seed_article(seed_gold: dict):
    title = SEED_FILE.read_text(encoding="utf-8").partition("\n")[0].strip()
    assert (title, seed_body(), "2017-12-27") == (seed_gold["title"], seed_gold["text"], seed_gold["date"])


def test_russia_accuses_the_united_states(seed_record: dict):
    found = [e for e in seed_record["events"]
             if e["type"] == "ACCUSE" and is_russia(e["source"]) and is_usa(e["target"])]
    assert found, [(e["type"], e["source"], e["target"]) for e in seed_record["events"]]
    ev = found[0]
    assert ev["trigger"]["text"] == "اتهم"
    assert ev["negated"] is False
    text = seed_record["text"]
    assert ev["evidence"]["start"] <= ev["trigger"]["start"] < ev["evidence"]["end"]
    assert "اتهم رئيس هيئة الأركان الروسية العامة الولايات المتحدة" in text[ev["evidence"]["start"]:ev["evidence"]["end"]]


def test_united_states_rejects_russian_accusations(seed_record: dict):
    found = [e for e in seed_record["events"]
             if e["type"] == "REJECT" and is_usa(e["source"])
             and ((e["target"] or {}).get("actor") or {}).get("country") == "RUS"]
    assert found, [(e["type"], e["source"], e["target"]) for e in seed_record["events"]]
    assert found[0]["negated"] is False


def test_coalition_announces_fewer_than_a_thousand_fighters(seed_record: dict):
    text = seed_record["text"]
    found = [c for c in seed_record["claims"]
             if c["cue"]["text"] == "أعلن" and c["speaker"] and c["speaker"]["text"] == "التحالف"]
    assert found, [(c["cue"]["text"], (c["speaker"] or {}).get("text")) for c in seed_record["claims"]]
    wednesday = [c for c in found if "أقل من ألف" in text[c["content"]["start"]:c["content"]["end"]]]
    assert len(wednesday) == 1
    c = wednesday[0]
    assert c["speaker"]["actor"]["id"] == "IGO-COALITION-ISIS"
    assert text[c["cue"]["start"]:c["cue"]["end"]] == "أعلن"
    said = text[c["content"]["start"]:c["content"]["end"]]
    assert said.startswith("لم يتبق في العراق وسوريا")
    # the content stays inside the sentence of the cue
    sent = next(s for s in seed_record["sentences"] if s["start"] <= c["cue"]["start"] < s["end"])
    assert sent["start"] <= c["content"]["start"] < c["content"]["end"] <= sent["end"]


def test_coalition_statement_is_a_direct_quotation(seed_record: dict):
    text = seed_record["text"]
    quoted = [c for c in seed_record["claims"]
              if c["direct"] and (c["speaker"] or {}).get("text") == "التحالف"]
    assert len(quoted) == 1
    assert "ما يقل عن ألف إرهابي" in text[quoted[0]["content"]["start"]:quoted[0]["content"]["end"]]
    # "في بيان" with a verb cue is one claim, not two
    start = text.index("وقال التحالف في بيان")
    in_sentence = [c for c in seed_record["claims"] if start <= c["cue"]["start"] < start + 25]
    assert len(in_sentence) == 1


@pytest.mark.slow
def test_cli_extract_jsonl_prints_one_record_with_the_body():
    exe = Path(sys.executable).parent / "marsad"
    proc = subprocess.run(
        [str(exe), "extract", str(SEED_FILE.relative_to(REPO)), "--date", "2017-12-27", "--format", "jsonl"],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["text"] == seed_body()
    assert rec["id"] == "seed-0001"
    assert rec["date"] == "2017-12-27"
    assert any(e["type"] == "ACCUSE" for e in rec["events"])
    for key in ("sentences", "hashtags", "entities", "events", "claims"):
        assert isinstance(rec[key], list), key
