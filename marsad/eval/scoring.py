"""Score extracted records against gold articles.

Matching (issue #2): a system item matches a gold item when its trigger (or
cue) starts inside the gold item's sentence, the types are equal (events), and
each gold role that is not null is matched by the system role's span text or
actor English name (one contains the other after Arabic folding). Matching is
one-to-one and greedy; `required: false` gold items neither reward nor
penalise. A matched event's place is right when the gold names none and the
system gives none, or by `marsad.eval.places.place_matches` (a name inside the
other, or points within 25 km).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any
from dataclasses import dataclass, field

from marsad.text.normalize import fold


def place_matches(gold: list[str] | str, location: dict | None) -> bool:
    from marsad.eval.places import place_matches as matches  # the gazetteer loads only when gold has places

    return matches(gold, location)


_SPACE = re.compile(r"\s+")


def norm_name(s: str) -> str:
    return _SPACE.sub(" ", fold(s).replace("#", "").replace("_", " ")).strip().lower()


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Miss:
    article: str
    kind: str  # event or claim
    label: str
    evidence: str


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1


@dataclass
class Report:
    event_dates: Accuracy = field(default_factory=Accuracy)
    claim_dates: Accuracy = field(default_factory=Accuracy)
    claim_counts: Accuracy = field(default_factory=Accuracy)
    event_places: Accuracy = field(default_factory=Accuracy)
    events_strict: PRF = field(default_factory=PRF)
    events_type: PRF = field(default_factory=PRF)
    claims: PRF = field(default_factory=PRF)
    per_type_strict: dict[str, PRF] = field(default_factory=dict)
    per_type: dict[str, PRF] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    articles: int = 0


def role_matches(gold: list[str] | None, system: dict | None) -> bool:
    if not gold:
        return True
    if not system:
        return False
    names = [norm_name(system.get("text") or "")]
    actor = system.get("actor") or {}
    if actor.get("name_en"):
        names.append(norm_name(actor["name_en"]))
    names = [n for n in names if n]
    for alt in gold:
        a = norm_name(alt)
        if a and any(a in n or n in a for n in names):
            return True
    return False


def gold_sentence(record: dict, evidence: str) -> tuple[int, int] | None:
    """The span of the system sentences that hold the gold evidence."""
    text = record["text"]
    pos = text.find(evidence)
    if pos < 0:
        pos = fold(text).find(fold(evidence))  # folding keeps length except deletions; best effort
        if pos < 0:
            return None
    end = pos + len(evidence)
    spans = [(s["start"], s["end"]) for s in record.get("sentences", [])]
    covering = [s for s in spans if s[0] < end and pos < s[1]]
    if not covering:
        return pos, end
    return covering[0][0], covering[-1][1]


def _match(gold_items: list[dict], sys_items: list[dict], record: dict,
           ok: Callable[[dict, dict], bool], anchor: str) -> tuple[int, int, int, list[dict], list[tuple[dict, dict]]]:
    """Greedy one-to-one matching; returns tp, fp, fn, unmatched required gold, matched pairs."""
    used: set[int] = set()
    tp = fn = 0
    missed: list[dict] = []
    pairs: list[tuple[dict, dict]] = []
    ignored = 0
    order = sorted(range(len(gold_items)), key=lambda k: not gold_items[k].get("required", True))
    for k in order:
        g = gold_items[k]
        span = gold_sentence(record, g.get("evidence", ""))
        found = None
        if span:
            for n, s in enumerate(sys_items):
                if n in used:
                    continue
                start = (s.get(anchor) or {}).get("start", -1)
                if span[0] <= start < span[1] and ok(g, s):
                    found = n
                    break
        required = g.get("required", True)
        if found is not None:
            used.add(found)
            pairs.append((g, sys_items[found]))
            if required:
                tp += 1
            else:
                ignored += 1
        elif required:
            fn += 1
            missed.append(g)
    # an unmatched item the other side marked arguable (`required: false`, when an annotator is
    # scored as a system) is neither rewarded nor punished, as on the gold side
    fp = sum(1 for n, s in enumerate(sys_items) if n not in used and s.get("required", True))
    return tp, fp, fn, missed, pairs


def unmatched(expected: list, items: list, fits: Callable[[Any, Any], bool]) -> list:
    """The expectations no item fits, each taking the first unused item that fits it (one-to-one,
    in order): how golden-record tests pair a sentence's expected coding with the output."""
    used: set[int] = set()
    missing = []
    for exp in expected:
        k = next((n for n, item in enumerate(items) if n not in used and fits(exp, item)), None)
        if k is None:
            missing.append(exp)
        else:
            used.add(k)
    return missing


def strictly_matches(gold_event: dict, system_event: dict) -> bool:
    """The strict rule: the same type, and each gold role that is not null matched."""
    return (gold_event["type"] == system_event["type"]
            and role_matches(gold_event.get("source"), system_event.get("source"))
            and role_matches(gold_event.get("target"), system_event.get("target")))


def matched_system_events(gold_events: list[dict], record: dict) -> set[int]:
    """`id()`s of the record's events that strictly match a gold event (one-to-one, as `score`)."""
    return {id(se) for _, se in _match(gold_events, record.get("events", []), record, strictly_matches, "trigger")[4]}


def score(gold: list[dict], system: dict[str, dict]) -> Report:
    rep = Report()
    for g in gold:
        rec = system.get(g["id"])
        if rec is None:
            rec = {"text": g["text"], "events": [], "claims": [], "sentences": []}
        rep.articles += 1
        g_events, s_events = g.get("events", []), rec.get("events", [])

        strict = strictly_matches

        def type_only(ge: dict, se: dict) -> bool:
            return ge["type"] == se["type"]

        tp, fp, fn, missed, _ = _match(g_events, s_events, rec, strict, "trigger")
        rep.events_strict.add(PRF(tp, fp, fn))
        rep.misses.extend(Miss(g["id"], "event", m["type"], m.get("evidence", "")) for m in missed)
        tp, fp, fn, _, pairs = _match(g_events, s_events, rec, type_only, "trigger")
        rep.events_type.add(PRF(tp, fp, fn))
        for ge, se in pairs:
            if ge.get("date"):
                rep.event_dates.add((se.get("date") or {}).get("value") == ge["date"])
            if "place" in ge:
                # gold null: the text names no place for the act, and the system should give none
                rep.event_places.add(place_matches(ge["place"], se.get("location")) if ge["place"]
                                     else not se.get("location"))
        for etype in {e["type"] for e in g_events} | {e["type"] for e in s_events}:
            ge = [e for e in g_events if e["type"] == etype]
            se = [e for e in s_events if e["type"] == etype]
            rep.per_type_strict.setdefault(etype, PRF()).add(PRF(*_match(ge, se, rec, strict, "trigger")[:3]))
            rep.per_type.setdefault(etype, PRF()).add(PRF(*_match(ge, se, rec, type_only, "trigger")[:3]))

        def claim_ok(gc: dict, sc: dict) -> bool:
            return role_matches(gc.get("speaker"), sc.get("speaker"))

        tp, fp, fn, missed, pairs = _match(g.get("claims", []), rec.get("claims", []), rec, claim_ok, "cue")
        rep.claims.add(PRF(tp, fp, fn))
        for gc, sc in pairs:
            if gc.get("date"):
                rep.claim_dates.add((sc.get("date") or {}).get("value") == gc["date"])
            q = gc.get("quantity")
            if q:
                rep.claim_counts.add(any(x.get("value") == q["value"] and x.get("comparator") == q["comparator"]
                                         for x in sc.get("quantities", [])))
        rep.misses.extend(Miss(g["id"], "claim", "CLAIM", m.get("evidence", "")) for m in missed)
    return rep


def format_report(rep: Report, show_misses: bool = True) -> str:
    def row(name: str, p: PRF) -> str:
        return f"{name:<16} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}   tp={p.tp} fp={p.fp} fn={p.fn}"

    lines = [f"articles: {rep.articles}", f"{'':<16} {'P':>6} {'R':>6} {'F1':>6}"]
    lines.append(row("events strict", rep.events_strict))
    lines.append(row("events type", rep.events_type))
    lines.append(row("claims", rep.claims))
    lines.append("")
    lines.append("grounding on matched items (accuracy):")
    for name, acc in (("event dates", rep.event_dates), ("claim dates", rep.claim_dates),
                      ("claim counts", rep.claim_counts), ("event places", rep.event_places)):
        shown = f"{acc.value:.3f}  ({acc.right}/{acc.total})" if acc.total else "n/a (no gold item names one)"
        lines.append(f"  {name:<14} {shown}")
    lines.append("")
    lines.append(f"{'type':<12} {'strict F1':>9} {'type F1':>8}  {'gold':>4} {'sys':>4}")
    for etype in sorted(rep.per_type):
        s, t = rep.per_type_strict[etype], rep.per_type[etype]
        lines.append(f"{etype:<12} {s.f1:9.3f} {t.f1:8.3f}  {t.tp + t.fn:4d} {t.tp + t.fp:4d}")
    if show_misses and rep.misses:
        lines.append("")
        lines.append(f"misses ({len(rep.misses)}):")
        counts = Counter(m.kind for m in rep.misses)
        lines.append("  " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
        for m in rep.misses:
            lines.append(f"  {m.article}  {m.kind} {m.label}  «{m.evidence}»")
    return "\n".join(lines)
