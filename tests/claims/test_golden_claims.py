"""Golden claim records: one real sentence, the claims it must yield (as tests/events/test_golden.py does for events).

Each line of tests/golden/claims.jsonl is
    {"id", "text", "date", "from", "expect": [{"cue", "speaker", "direct"?}], "max_claims"?}
`text` is one sentence of a gold article (`from` names it: gold/dev.jsonl and the
article id; `id` adds the gold claim's number), run alone with the article's date;
`speaker` is the gold annotators' list of acceptable names (every form the
article uses, and the English name). An expected claim is found when some system
claim (each used once, in order) has that cue text, a speaker matching the names
the way the scorer matches gold roles (`marsad.eval.scoring.role_matches`), and
the same `direct` flag where the record gives one. A null speaker requires a
claim with none. `"max_claims": n` allows at most n claims in the sentence
(`وقال التحالف في بيان: "…"` is one claim, not one per cue).

The records were drafted by tools/draft_golden.py from gold claims that a sentence
alone still gives, and chosen for their variety: verb cues before and after the
speaker, `وكان X … قال`, participles (`مشيرا`، `كاشفاً`), `بحسب`/`وفقا لـ`/`نقلا عن`,
a cue carrying its object (`أكده`، `تعتبره`), statements (`بيان لـ`، `في حوار لـ`),
unnamed speakers (`مسؤولون`، `مصادر عسكرية`) and quotations.
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
from marsad.eval.scoring import role_matches
from marsad.text.normalize import fold

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "claims.jsonl"
FROM = re.compile(r"gold/dev\.jsonl \S+")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


RECORDS = load(GOLDEN)


def claim_matches(exp: dict, claim: dict) -> bool:
    if claim["cue"]["text"] != exp["cue"]:
        return False
    if exp["speaker"] is None:
        if claim["speaker"] is not None:
            return False
    elif not role_matches(exp["speaker"], claim["speaker"]):
        return False
    return "direct" not in exp or claim["direct"] == exp["direct"]


def unmatched(expect: list[dict], claims: list[dict]) -> list[dict]:
    """Expected claims with no system claim (one-to-one, in order)."""
    return scoring.unmatched(expect, claims, claim_matches)


def written_in(name: str, text: str) -> bool:
    """Whether a name stands in the text, also after ل (`للصحيفة` writes `الصحيفة` without its alef)."""
    name, text = fold(name), fold(text)
    return name in text or name.startswith("ال") and name[1:] in text


def test_golden_file_is_well_formed():
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert len({r["text"] for r in RECORDS}) == len(RECORDS), "one record per sentence"
    for r in RECORDS:
        assert set(r) <= {"id", "text", "date", "from", "expect", "max_claims"}, r["id"]
        assert r["expect"] and len(r["date"]) == 10 and FROM.fullmatch(r["from"]), r["id"]
        for exp in r["expect"]:
            assert set(exp) <= {"cue", "speaker", "direct"}, r["id"]
            assert exp["cue"] in r["text"], r["id"]
            assert exp["speaker"] is None or exp["speaker"] and any(written_in(n, r["text"]) for n in exp["speaker"]), \
                f"{r['id']}: at least one acceptable name is written in the sentence"


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_golden_record(record: dict):
    doc = marsad.extract(record["text"], date=record["date"], pipeline=RULES).to_dict()
    missing = unmatched(record["expect"], doc["claims"])
    got = [(c["cue"]["text"], (c["speaker"] or {}).get("text"), c["direct"]) for c in doc["claims"]]
    assert not missing, f"missing {missing}; system claims (cue, speaker, direct): {got}"
    assert len(doc["claims"]) <= record.get("max_claims", len(doc["claims"])), got
