"""Draft golden records for claims and grounding from the gold articles.

Usage: python tools/draft_golden.py claims|grounding [GOLD.jsonl] > candidates.jsonl

Each gold claim (or dated event) is cut out with its sentence (the sentence
splitter's), and the sentence is run alone with the article's date. A candidate
is printed when the sentence alone still gives what the annotators wrote: for
claims, a claim whose speaker matches the gold speaker the way the scorer
matches it (the cue is the system's, which must lie inside the gold evidence);
for grounding, the gold date and count on a claim, or the gold date on an event
of the gold type. The expectations printed are the gold's, never the system's
values: read each candidate, keep the ones worth guarding, and add them to
tests/golden/claims.jsonl or grounding.jsonl by hand (places have no gold yet:
write those records by reading the sentence). Candidates that fail alone are
left out; `marsad eval` measures those in their article.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import marsad
from marsad.eval.scoring import gold_sentence, role_matches

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold" / "dev.jsonl"


def sentence_of(record: dict, evidence: str) -> str | None:
    span = gold_sentence(record, evidence)
    return record["text"][span[0]:span[1]].strip() if span else None


def quantity_ok(expected: dict | None, quantities: list[dict]) -> bool:
    return not expected or any(q.get("value") == expected["value"] and q.get("comparator") == expected["comparator"]
                               for q in quantities)


def claim_candidates(row: dict, record: dict, grounding: bool) -> list[dict]:
    out = []
    alone: dict[str, tuple[dict, set[int]]] = {}  # sentence -> its record alone, the claims taken so far
    for n, gc in enumerate(row["claims"]):
        text = sentence_of(record, gc["evidence"])
        if not text or (grounding and not gc.get("quantity")):
            continue
        if text not in alone:
            alone[text] = (marsad.extract(text, date=row["date"]).to_dict(), set())
        rec, used = alone[text]
        for k, c in enumerate(rec["claims"]):
            cue = c["cue"]["text"]
            if k in used or cue not in gc["evidence"] or not role_matches(gc["speaker"], c["speaker"]):
                continue
            if grounding and not ((c["date"]["value"] == gc["date"] or not gc["date"])
                                  and quantity_ok(gc["quantity"], c["quantities"])):
                continue
            used.add(k)  # one system claim per gold claim, as the golden test matches them
            exp = {"cue": cue, "speaker": gc["speaker"]}
            if grounding:
                exp = {"claim": cue, "date": gc["date"], "quantity": gc["quantity"]}
            out.append({"id": f"{row['id']}#c{n}", "text": text, "date": row["date"], "expect": [exp]})
            break
    return out


def event_date_candidates(row: dict, record: dict) -> list[dict]:
    out = []
    for n, ge in enumerate(row["events"]):
        text = sentence_of(record, ge["evidence"])
        if not text or not ge.get("date"):
            continue
        alone = marsad.extract(text, date=row["date"]).to_dict()
        if any(e["type"] == ge["type"] and e["date"]["value"] == ge["date"] for e in alone["events"]):
            out.append({"id": f"{row['id']}#e{n}", "text": text, "date": row["date"],
                        "expect": [{"event": ge["type"], "date": ge["date"]}]})
    return out


def main() -> None:
    kind = sys.argv[1]
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else GOLD
    with gold.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        record = marsad.extract(row["text"], date=row["date"], id=row["id"]).to_dict()
        found = claim_candidates(row, record, kind == "grounding")
        if kind == "grounding":
            found += event_date_candidates(row, record)
        for cand in found:
            print(json.dumps(cand, ensure_ascii=False))


if __name__ == "__main__":
    main()
