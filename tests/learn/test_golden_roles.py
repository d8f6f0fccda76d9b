"""Golden records where the learned models fix a role the hand-written rules get wrong (issue 15).

Each line of tests/golden/learned_roles.jsonl is
    {"id", "article", "type", "date", "text", "in"?, "source", "target", "rules", "construction", "why"}
`text` is a sentence of `article` (an article of the annotated corpus's train split), shortened
where it was long, or for the two records first written in test_learn.py, a sentence written to
mirror one of that article. `in`, when given, is the sentence whose event is checked: a
two-sentence record names the actor in its first sentence and checks the second. `source` and
`target` are the names the annotation guide accepts for the roles (from the article's gold).
`rules` is what `Pipeline.rules()` gave when the record was written: (source, target) for each of
its events of the type. `construction` names the construction the rules miss, and `why` says how.

Roles are matched the way the scorer matches them (`marsad.eval.scoring.role_matches`: the role's
span text or actor name_en contains a name, or is contained in it, after folding). A null role is
not checked: as in the scorer's strict rule, a record claims only its named roles.

Each record is checked both ways:
- the default pipeline (the learned models) gives an event of the type in the checked sentence
  with every named role right;
- the rules' pipeline gives one or more events of the type there, and none has them. If that
  fails, a rules change has fixed the construction. Then the record belongs in
  tests/golden/events.jsonl (the rules' golden records), not here.
After a retraining, `python tools/find_golden.py --check tests/golden/learned_roles.jsonl` lists
the records that still hold, and `python tools/find_golden.py` finds new candidates.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval.annotations import read_jsonl
from marsad.eval.scoring import role_matches
from marsad.pipeline import Pipeline, default_pipeline
from marsad.types import ArticleInput

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "learned_roles.jsonl"
CORPUS = REPO / "annotations" / "events" / "train_pool.jsonl"
PLOVER = ("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
          "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT").split()
# The constructions the records name. The first four are the ones issue 15 asks for.
CONSTRUCTIONS = {
    "VSO-carried": "VSO whose subject is carried from an earlier sentence",
    "positions": "an attack on a group's positions (مواقع) whose target is the group",
    "min-qibal": "a passive whose agent follows من قبل",
    "SVO": "subject before the verb",
    "VSO": "verb before the subject",
    "positions-carried": "positions whose owner is named in an earlier sentence",
    "carried-target": "the target a clitic whose antecedent is in an earlier sentence",
    "relative-clause": "the event in a relative clause on one of its actors",
    "nominal": "the event a noun phrase (اتفاق بين، بطلب من، العقوبات المفروضة على)",
    "pronoun-subject": "the subject a pronoun whose antecedent is the subject of the main verb",
    "participle": "a circumstantial participle (مطالبة، مشيرا) continuing the subject of the verb before it",
}
FIELDS = {"id", "article", "type", "date", "text", "in", "source", "target", "rules", "construction", "why"}

with GOLDEN.open(encoding="utf-8") as fh:
    RECORDS = [json.loads(line) for line in fh if line.strip()]

RULES = Pipeline.rules()


def checked_events(record: dict, pipeline: Pipeline) -> list[dict]:
    """The pipeline's events of the record's type whose trigger lies in the checked sentence."""
    text = record["text"]
    start = text.find(record["in"]) if record.get("in") else 0
    end = start + len(record["in"]) if record.get("in") else len(text)
    doc = pipeline(ArticleInput(id=record["id"], title="", text=text, date=record["date"])).to_dict()
    return [e for e in doc["events"] if e["type"] == record["type"] and start <= e["trigger"]["start"] < end]


def roles_right(record: dict, event: dict) -> bool:
    return role_matches(record["source"], event["source"]) and role_matches(record["target"], event["target"])


def roles(events: list[dict]) -> list[tuple[str | None, str | None]]:
    return [((e["source"] or {}).get("text"), (e["target"] or {}).get("text")) for e in events]


def test_the_golden_file_is_well_formed():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    train = {row["id"] for row in read_jsonl(CORPUS) if row["split"] == "train"}
    for r in RECORDS:
        assert set(r) <= FIELDS and FIELDS - {"in"} <= set(r), r["id"]
        assert r["type"] in PLOVER and len(r["date"]) == 10, r["id"]
        assert r["construction"] in CONSTRUCTIONS and r["why"].strip(), r["id"]
        # every record comes from a sentence of the train split (the test split stays held out)
        assert r["article"] in train, r["id"]
        assert r["source"] or r["target"], f"{r['id']}: no named role to check"
        for role in ("source", "target"):
            assert r[role] is None or (isinstance(r[role], list) and all(isinstance(n, str) for n in r[role]))
        assert not r.get("in") or r["in"] in r["text"], r["id"]


def test_every_plover_type_and_the_asked_constructions_have_records():
    types = {r["type"] for r in RECORDS}
    assert set(PLOVER) <= types, f"types without a record: {sorted(set(PLOVER) - types)}"
    constructions = {r["construction"] for r in RECORDS}
    asked = ["VSO-carried", "positions", "min-qibal", "SVO"]
    assert set(asked) <= constructions, f"constructions without a record: {set(asked) - constructions}"


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_the_models_get_the_roles_right(record: dict):
    events = checked_events(record, default_pipeline())
    assert any(roles_right(record, e) for e in events), (
        f"{record['id']} ({record['construction']}): the models no longer give a {record['type']} event with "
        f"source {record['source']} and target {record['target']}; they give (source, target) {roles(events)}")


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_the_rules_still_get_the_roles_wrong(record: dict):
    events = checked_events(record, RULES)
    assert events, (f"{record['id']}: the rules give no {record['type']} event here any more, so the record "
                    f"no longer shows a role the rules get wrong; find another sentence for it")
    right = [pair for e, pair in zip(events, roles(events)) if roles_right(record, e)]
    assert not right, (f"{record['id']}: the rules now get it right {right} (they gave {record['rules']}): a rules "
                       f"change fixed this {record['construction']} case; move the record to "
                       f"tests/golden/events.jsonl and drop it here")
