"""Analysts' corrections of extracted events and claims, and how they apply to a contract record.

A correction keeps what identifies its item across pipeline versions, its *anchor*: the
article, the span of the event's trigger (of the claim's cue) with the text it covers, and the
event's type. Event ids (`ARTICLE#N`) are positions in the article's events: a new pipeline
version, or a rejection, renumbers them, while the trigger's offsets into the raw text stay.
After a re-extraction a correction finds its event by the same trigger span and either the
type it had when reviewed or the type the reviewer gave it (the new version may now agree);
it is `orphaned` when no such event remains or the text under the span changed. An added
event is added again while its trigger text is still there, and merges with the pipeline's
own event at that trigger and of that type if the new version finds it.

`apply_corrections` is the one place corrections change a record: ingest calls it on each
re-extracted article, the review operations (review.py) on the stored one; every reader of
the store (events, claims, export, dedup) then reads the reviewed rows.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from marsad.export.records import act_head

ITEMS = ("event", "claim")
ACTIONS = ("reject", "set", "confirm", "add")
# The fields of an added event that replace those of the pipeline's own event at its trigger.
FIELDS = ("type", "source", "target", "date", "location")
APPLIED, ORPHANED = "applied", "orphaned"
SPAN_KEY = {"event": "trigger", "claim": "cue"}


@dataclass(frozen=True, slots=True)
class Anchor:
    """The span (trigger or cue) that identifies an item, the text it covered, an event's type."""

    start: int
    end: int
    text: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """One review: `changes` holds the new values of `set` (contract-shaped, None clears a field)
    or the whole event of `add`; it is never changed once made."""

    id: int
    article_id: str
    item: str
    action: str
    anchor: Anchor
    changes: Mapping[str, Any]
    reviewer: str
    at: str
    note: str | None
    version: str

    def row(self) -> tuple:
        """The `reviews` row (schema.REVIEWS)."""
        a = self.anchor
        return (self.id, self.article_id, self.item, self.action, a.start, a.end, a.text, a.type,
                orjson.dumps(dict(self.changes)).decode("utf-8"), self.reviewer, self.at, self.note, self.version)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Correction:
        anchor = Anchor(row["anchor_start"], row["anchor_end"], row["anchor_text"], row["anchor_type"])
        return cls(int(row["id"]), row["article_id"], row["item"], row["action"], anchor,
                   orjson.loads(row["changes"]), row["reviewer"], row["reviewed_at"], row["note"], row["version"])


def apply_corrections(record: dict, corrections: Sequence[Correction]) -> tuple[dict, dict[int, str]]:
    """The record as reviewed (a new dict; `record` is not changed) and each correction's status,
    `applied` or `orphaned`. Corrections apply in the order they were made."""
    if not corrections:
        return record, {}
    text = record.get("text") or ""
    # (position in `record`, event); an added event has no position
    events: list[tuple[int | None, dict]] = list(enumerate(record.get("events") or []))
    claims: list[dict] = list(record.get("claims") or [])
    status: dict[int, str] = {}
    for c in sorted(corrections, key=lambda c: c.id):
        if c.item == "claim":
            k = _find(text, claims, c)
            if k is not None and c.action == "reject":
                claims = claims[:k] + claims[k + 1:]
        else:
            events, k = _apply_to_events(text, events, c)
        status[c.id] = ORPHANED if k is None else APPLIED
    return {**record, "events": _renumbered(events), "claims": claims}, status


def _apply_to_events(text: str, events: list[tuple[int | None, dict]],
                     c: Correction) -> tuple[list[tuple[int | None, dict]], int | None]:
    k = _find(text, [ev for _, ev in events], c)
    if c.action == "add":
        if text[c.anchor.start:c.anchor.end] != c.anchor.text:
            return events, None
        added = {**c.changes, "reviewed": True}
        if k is None:  # the usual case: the pipeline still misses it
            return [*events, (None, added)], len(events)
        pos, ev = events[k]
        return events[:k] + [(pos, {**ev, **{f: added.get(f) for f in FIELDS}, "reviewed": True})] + events[k + 1:], k
    if k is None:
        return events, None
    pos, ev = events[k]
    if c.action == "reject":
        return events[:k] + events[k + 1:], k
    changes = c.changes if c.action == "set" else {}
    # PLOVER modes belong to a type
    retyped = {"mode": None} if changes.get("type", ev.get("type")) != ev.get("type") else {}
    return events[:k] + [(pos, {**ev, **changes, **retyped, "reviewed": True})] + events[k + 1:], k


def find_item(record: dict, c: Correction) -> int | None:
    """The index of the event a correction made or left in a reviewed record (at the trigger and
    of the type it gave), None when there is none."""
    trigger = c.changes.get("trigger") or {"start": c.anchor.start, "end": c.anchor.end}
    etype = c.changes.get("type") or c.anchor.type
    return next((k for k, ev in enumerate(record.get("events") or []) if ev.get("type") == etype
                 and ((ev.get("trigger") or {}).get("start"), (ev.get("trigger") or {}).get("end"))
                 == (trigger["start"], trigger["end"])), None)


def _find(text: str, items: Sequence[dict], c: Correction) -> int | None:
    """The index of the item a correction names: the same span over the same text, and for events
    the type it was reviewed with, else the type the reviewer gave it."""
    a = c.anchor
    if text[a.start:a.end] != a.text:
        return None
    key = SPAN_KEY[c.item]
    at = [k for k, it in enumerate(items) if (it.get(key) or {}).get("start") == a.start
          and (it.get(key) or {}).get("end") == a.end]
    if c.item == "claim":
        return at[0] if at else None
    for wanted in (a.type, c.changes.get("type")):
        hit = next((k for k in at if items[k].get("type") == wanted), None)
        if wanted and hit is not None:
            return hit
    return None


def _renumbered(events: list[tuple[int | None, dict]]) -> list[dict]:
    """The events, with each `act` (the index of the act's first event, events/acts.py) pointing
    at the act's first remaining event; an added event is an act of its own."""
    uses_acts = any("act" in ev for _, ev in events)
    new_pos = {old: new for new, (old, _) in enumerate(events) if old is not None}
    first_kept: dict[int, int] = {}
    for new, (old, ev) in enumerate(events):
        if old is not None:
            first_kept.setdefault(act_head(ev, old), new)
    out = []
    for new, (old, ev) in enumerate(events):
        if not uses_acts or (old is not None and "act" not in ev):
            out.append(ev)
            continue
        head = None if old is None else act_head(ev, old)
        act = new if head is None else new_pos.get(head, first_kept[head])
        out.append(ev if ev.get("act") == act else {**ev, "act": act})
    return out


def status_rows(article_id: str, status: Mapping[int, str], version: str) -> list[tuple]:
    """`review_status` rows (schema.REVIEW_STATUS) of one article."""
    return [(article_id, rid, state, version) for rid, state in sorted(status.items())]
