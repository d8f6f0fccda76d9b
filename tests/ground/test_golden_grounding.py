"""Golden grounding records: one real sentence, the dates, counts and places its claims and
events must carry (as tests/events/test_golden.py does for events).

Each line of tests/golden/grounding.jsonl is
    {"id", "text", "date", "from", "expect": [item, …]}
where an item names a claim by its cue, `{"claim": "أعلن", …}`, or an event by its type
(and trigger, where the sentence has several of that type), `{"event": "ASSAULT",
"trigger"?: "قصف", …}`, with what it must carry: `"date": "YYYY-MM-DD"` (the resolved
value), `"quantity": {"value", "comparator", "unit"?}` (one of its counts), and for
events `"place": [names]` (the scorer's rule, `marsad.eval.places.place_matches`: one
name inside the other, or points within 25 km). Items are matched one-to-one, in order.

`text` is run alone with `date`, the article's date, so relative dates (الأربعاء، أمس،
أول أمس، قبل يومين) resolve as in the article. `from` names where the sentence comes from:
gold/dev.jsonl (dates and counts are the annotators'; drafted by tools/draft_golden.py)
or the corpora. Places are read by hand, since no gold item names a place.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import marsad
from marsad.pipeline import Pipeline

# the rules' grounding and claims (the learned pipeline keeps the claims; its place ranker is tested in tests/learn)
RULES = Pipeline.rules()
from marsad.eval import scoring
from marsad.eval.places import place_matches

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "grounding.jsonl"
FROM = re.compile(r"(gold/dev\.jsonl|corpora/\w+\.jsonl) \S+")
PLOVER = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST "
             "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


RECORDS = load(GOLDEN)


def carries(exp: dict, item: dict) -> bool:
    """Whether a system claim or event carries what the expected item asks for."""
    if "date" in exp and item["date"]["value"] != exp["date"]:
        return False
    q = exp.get("quantity")
    if q and not any(x["value"] == q["value"] and x["comparator"] == q["comparator"]
                     and x.get("unit") == q.get("unit", x.get("unit")) for x in item["quantities"]):
        return False
    return "place" not in exp or place_matches(exp["place"], item["location"])


def candidates(exp: dict, record: dict) -> list[tuple[str, int]]:
    """The system items the expected item may be: claims with its cue, events of its type (and trigger)."""
    if "claim" in exp:
        return [("claims", n) for n, c in enumerate(record["claims"]) if c["cue"]["text"] == exp["claim"]]
    return [("events", n) for n, e in enumerate(record["events"])
            if e["type"] == exp["event"] and e["trigger"]["text"] == exp.get("trigger", e["trigger"]["text"])]


def unmatched(expect: list[dict], record: dict) -> list[dict]:
    keys = [("claims", n) for n in range(len(record["claims"]))] + [("events", n) for n in range(len(record["events"]))]
    return scoring.unmatched(expect, keys, lambda exp, k: k in candidates(exp, record)
                             and carries(exp, record[k[0]][k[1]]))


def test_golden_file_is_well_formed():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len({r["text"] for r in RECORDS}) == len(RECORDS), "one record per sentence"
    for r in RECORDS:
        assert set(r) <= {"id", "text", "date", "from", "expect"}, r["id"]
        assert r["expect"] and len(r["date"]) == 10 and FROM.fullmatch(r["from"]), r["id"]
        for exp in r["expect"]:
            assert ("claim" in exp) != ("event" in exp), r["id"]
            assert set(exp) <= {"claim", "event", "trigger", "date", "quantity", "place"}, r["id"]
            assert set(exp) & {"date", "quantity", "place"}, f"{r['id']}: an item checks something"
            assert exp.get("claim", exp.get("trigger", "")) in r["text"] and exp.get("event", "ASSAULT") in PLOVER
            assert "place" not in exp or "event" in exp, f"{r['id']}: places are the events'"


def test_the_records_cover_each_kind_of_grounding():
    items = [exp for r in RECORDS for exp in r["expect"]]
    comparators = {exp["quantity"]["comparator"] for exp in items if "quantity" in exp}
    assert comparators == {"=", "<", ">", ">=", "~"}
    assert sum("place" in exp for exp in items) >= 10
    # dates other than the article's: a weekday, أمس, an explicit day, another year
    assert sum(exp.get("date") not in (None, r["date"]) for r in RECORDS for exp in r["expect"]) >= 15


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_golden_record(record: dict):
    doc = marsad.extract(record["text"], date=record["date"], pipeline=RULES).to_dict()
    missing = unmatched(record["expect"], doc)
    got = ([("claim", c["cue"]["text"], c["date"]["value"], [(q["value"], q["comparator"], q.get("unit"))
                                                               for q in c["quantities"]]) for c in doc["claims"]]
           + [("event", e["type"], e["trigger"]["text"], e["date"]["value"], (e["location"] or {}).get("name_en"))
              for e in doc["events"]])
    assert not missing, f"missing {missing}; system items: {got}"
