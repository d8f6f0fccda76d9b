"""Find (and re-check) golden records where the learned models fix a role the rules got wrong.

Usage:
    python tools/find_golden.py [--per-type N] [--types ASSAULT,AID] [--limit K] > candidates.txt
    python tools/find_golden.py --check tests/golden/learned_roles.jsonl

Find: reads the annotated corpus's TRAIN split only (`annotated_rows(.., 'train')`; the test split
stays held out), runs the rules' pipeline (`Pipeline.rules()`) and the default one (the learned
models) on each article, and for each gold event with a named source or target lists its sentence
when the rules give an event of that type in that sentence but none with the gold roles, and the
models give one that has them (roles matched as the scorer matches them:
`marsad.eval.scoring.role_matches`, a null gold role is not checked). Printed per type: the
sentence, the gold roles, the rules' and the models' (source, target), tags that hint at the
construction (SVO/VSO by where the models' source stands, `carried` when the models' role lies
before the sentence, `min-qibal` for a passive with من قبل, `positions` for an attack on مواقع/مقرات),
and whether it still holds when the sentence is run alone (`alone`) or with the sentence before it
(`with-previous`). Read them, shorten one, and check the shortened text with --check.

Check: runs both pipelines on each record of a golden file (tests/golden/learned_roles.jsonl: its
text alone, events in its `in` sentence when it names one) and prints for each whether it still
holds: the models give an event of its type with its named roles, and the rules give one or more
events of that type, none with them (tests/learn/test_golden_roles.py asserts the same). After a
retraining, the records that no longer hold are the ones to look at. Exit status 1 when any
record does not hold.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from marsad.eval.scoring import gold_sentence, role_matches
from marsad.grammar.ontology import PLOVER_TYPES
from marsad.pipeline import Pipeline
from marsad.types import ArticleInput

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
POSITION_WORDS = ("مواقع", "موقع", "مقرات", "مقر", "معاقل")  # an attack on a group's positions


def run(pipeline: Pipeline, text: str, date: str | None, title: str = "", id_: str = "g") -> dict:
    return pipeline(ArticleInput(id=id_, title=title, text=text, date=date)).to_dict()


def roles_right(source: list[str] | None, target: list[str] | None, event: dict) -> bool:
    """The scorer's strict rule for one event's roles: each named gold role matched, a null one free."""
    return role_matches(source, event.get("source")) and role_matches(target, event.get("target"))


def role_text(role: dict | None) -> str | None:
    return role["text"] if role else None


def pairs(events: list[dict]) -> list[list[str | None]]:
    return [[role_text(e["source"]), role_text(e["target"])] for e in events]


def in_span(event: dict, span: tuple[int, int]) -> bool:
    return span[0] <= event["trigger"]["start"] < span[1]


def checked_span(record: dict) -> tuple[int, int]:
    """Where the record's event lies: the sentence named by `in` (a two-sentence record checks its
    second sentence, the first only names the actor), else the whole text."""
    part = record.get("in")
    if not part:
        return 0, len(record["text"])
    start = record["text"].find(part)
    if start < 0:
        raise ValueError(f"{record.get('id')}: 'in' is not part of the text")
    return start, start + len(part)


def record_events(record: dict, pipeline: Pipeline) -> list[dict]:
    """The pipeline's events of the record's type whose trigger lies in the checked span."""
    span = checked_span(record)
    return [e for e in run(pipeline, record["text"], record["date"])["events"]
            if e["type"] == record["type"] and in_span(e, span)]


@dataclass(frozen=True)
class Verdict:
    """What the two pipelines make of one record: it holds when the models give an event of its type
    with its roles and the rules give one or more events of that type, none with its roles."""

    models_right: bool
    rules_event: bool
    rules_right: bool
    models: list[list[str | None]]
    rules: list[list[str | None]]

    @property
    def holds(self) -> bool:
        return self.models_right and self.rules_event and not self.rules_right

    @property
    def state(self) -> str:
        if self.holds:
            return "holds"
        problems = [] if self.models_right else ["MODELS WRONG"]
        if self.rules_right:
            problems.append("RULES NOW RIGHT")
        elif not self.rules_event:
            problems.append("RULES GIVE NO EVENT OF THE TYPE")
        return ", ".join(problems)


def verdict(record: dict, models: Pipeline, rules: Pipeline) -> Verdict:
    """Run both pipelines on one golden record's text alone and judge its roles."""
    m_ev, r_ev = record_events(record, models), record_events(record, rules)
    right = [any(roles_right(record["source"], record["target"], e) for e in ev) for ev in (m_ev, r_ev)]
    return Verdict(right[0], bool(r_ev), right[1], pairs(m_ev), pairs(r_ev))


def tags(sentence: str, span: tuple[int, int], event: dict) -> list[str]:
    out = []
    src, trig = event.get("source"), event["trigger"]
    if src:
        out.append("SVO" if src["start"] < trig["start"] else "VSO")
    if any(r and r["start"] < span[0] for r in (event.get("source"), event.get("target"))):
        out.append("carried")
    if "من قبل" in sentence:
        out.append("min-qibal")
    if event["type"] == "ASSAULT" and any(w in sentence for w in POSITION_WORDS):
        out.append("positions")
    return out


def still_holds(gold: dict, text: str, part: str, date: str | None, models: Pipeline, rules: Pipeline) -> bool:
    """Whether a gold event's sentence, run as `text` (alone, or after the sentence before it),
    still shows the models fixing the rules in `part`, the sentence itself."""
    record = {"text": text, "in": part, "date": date, "type": gold["type"], "source": gold.get("source"),
              "target": gold.get("target")}
    return verdict(record, models, rules).holds


def candidate(row: dict, gold: dict, rec_m: dict, rec_r: dict, models: Pipeline, rules: Pipeline) -> str | None:
    """The printed candidate for one gold event, or None when the rules get it right (or give no
    event of its type in its sentence) or the models do not get it right."""
    span = gold_sentence(rec_r, gold["evidence"])
    if not span:
        return None
    r_ev = [e for e in rec_r["events"] if e["type"] == gold["type"] and in_span(e, span)]
    m_ev = [e for e in rec_m["events"] if e["type"] == gold["type"] and in_span(e, span)]
    m_right = [e for e in m_ev if roles_right(gold.get("source"), gold.get("target"), e)]
    if not r_ev or any(roles_right(gold.get("source"), gold.get("target"), e) for e in r_ev) or not m_right:
        return None
    text, date = row["text"], row.get("date")
    sentence = text[span[0]:span[1]].strip()
    starts = [s["start"] for s in rec_r["sentences"]]
    k = max((n for n, s in enumerate(starts) if s <= span[0]), default=0)
    alone = still_holds(gold, sentence, sentence, date, models, rules)
    with_prev = k > 0 and still_holds(gold, text[starts[k - 1]:span[1]].strip(), sentence, date, models, rules)
    lines = [
        f"  [{row['id']}] date={date} tags={','.join(tags(sentence, span, m_right[0])) or '-'}"
        f" alone={'yes' if alone else 'no'} with-previous={'yes' if with_prev else 'no'}",
        f"    sentence: {sentence}",
        f"    gold:     source={gold.get('source')} target={gold.get('target')}",
        f"    rules:    {pairs(r_ev)}",
        f"    models:   {pairs(m_ev)}",
    ]
    if k > 0:
        lines.append(f"    previous: {text[starts[k - 1]:starts[k]].strip()}")
    return "\n".join(lines)


def find(args: argparse.Namespace) -> None:
    from marsad.learn.train import annotated_rows

    rows = annotated_rows(DATA, "train")  # never 'test': the held-out split stays unseen
    if args.limit:
        rows = rows[:args.limit]
    wanted = set(args.types.split(",")) if args.types else set(PLOVER_TYPES)
    models, rules = Pipeline.default(), Pipeline.rules()
    found: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        rec_m = run(models, row["text"], row.get("date"), row.get("title") or "", row["id"])
        rec_r = run(rules, row["text"], row.get("date"), row.get("title") or "", row["id"])
        for gold in row["events"]:
            if gold["type"] not in wanted or len(found[gold["type"]]) >= args.per_type:
                continue
            if not (gold.get("source") or gold.get("target")):
                continue  # no named role the rules could get wrong
            shown = candidate(row, gold, rec_m, rec_r, models, rules)
            if shown:
                found[gold["type"]].append(shown)
    for etype in sorted((t for t in found if found[t]), key=lambda t: -len(found[t])):
        print(f"== {etype}: {len(found[etype])} candidate(s)")
        print("\n".join(found[etype]))
    print(f"-- {len(rows)} train articles read; candidates per type: "
          + ", ".join(f"{t} {len(found[t])}" for t in sorted(wanted)))


def check(path: Path) -> int:
    models, rules = Pipeline.default(), Pipeline.rules()
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    bad = 0
    for r in records:
        v = verdict(r, models, rules)
        bad += not v.holds
        print(f"{v.state:32} {r['id']:14} {r['type']:10} models={v.models} rules={v.rules}")
    print(f"-- {len(records) - bad} of {len(records)} records hold")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", type=Path, help="re-check the records of a golden file instead of searching")
    ap.add_argument("--per-type", type=int, default=6, help="candidates printed per type (default 6)")
    ap.add_argument("--types", help="comma-separated PLOVER types to search (default all)")
    ap.add_argument("--limit", type=int, default=0, help="read only the first K train articles")
    args = ap.parse_args()
    if args.check:
        return check(args.check)
    find(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
