"""The review loop as plain functions over a store (the CLI in review_cli.py, a web app later).

An analyst rejects an event or a claim, changes an event's type, source, target, date or
place, confirms an event as right, or adds one the pipeline missed. Each correction is a row
of `reviews` (who, when, why, and the anchor that finds its item again: corrections.py) and
is applied at once to the article's stored rows; ingest applies the article's corrections
again whenever it re-extracts it (a new pipeline version or a corrected text). Touched events
carry `reviewed: true`. Reviewing drops the article's dedup links, as a re-extraction does:
run `marsad dedup` again after a session of reviews.

Items are named as the queries list them: `ARTICLE#N`, the N-th event (claim) of the article.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

import orjson

from marsad.export.records import split_event_id
from marsad.store import schema
from marsad.store.base import Store
from marsad.store.corrections import (
    FIELDS, SPAN_KEY, Anchor, Correction, apply_corrections, find_item, status_rows,
)
from marsad.store.review_values import (
    ReviewError, actor_by_id, actor_span, event_type, locate, place_span, review_date, sentence_at,
)
from marsad.store.rows import flatten

# The tables a review rewrites for its article (entities and the search index do not change).
REWRITTEN = (schema.EVENTS, schema.CLAIMS, schema.QUANTITIES, schema.EVENT_LINKS, schema.REVIEW_STATUS)


@dataclass(frozen=True, slots=True)
class Who:
    """Who reviews (default: $USER) and why."""

    reviewer: str | None = None
    note: str | None = None

    def name(self) -> str:
        return (self.reviewer or os.environ.get("USER") or "unknown").strip() or "unknown"


@dataclass(frozen=True, slots=True)
class Listed:
    """A correction with its status against the article's current extraction, and the id its
    item has now (None for a rejection, or when orphaned)."""

    correction: Correction
    status: str
    item_id: str | None = None


def reject(store: Store, item_id: str, who: Who = Who(), claim: bool = False) -> Listed:
    """Reject the event (or, with `claim`, the claim) `ARTICLE#N`: it leaves queries and exports."""
    item = "claim" if claim else "event"
    return _review(store, item_id, item, "reject", who, lambda record, found: {})


def confirm(store: Store, event_id: str, who: Who = Who()) -> Listed:
    """Mark an event right as extracted (it is exported to gold as a required event)."""
    return _review(store, event_id, "event", "confirm", who, lambda record, found: {})


def change(store: Store, event_id: str, who: Who = Who(), *, type: str | None = None, source: str | None = None,
           target: str | None = None, date: str | None = None, place: str | None = None,
           source_actor: str | None = None, target_actor: str | None = None, trigger: str | None = None) -> Listed:
    """Change fields of an event. `source`, `target`, `place`, `trigger`: offsets START:END into the
    article or words found once in it; `date`: YYYY-MM-DD, YYYY-MM or YYYY; `-` clears a field.
    `source_actor`, `target_actor`: an actor id that overrides the one the words resolve to."""
    given = {"type": type, "source": source, "target": target, "date": date, "location": place, "trigger": trigger}
    if all(v is None for v in (*given.values(), source_actor, target_actor)):
        raise ReviewError(f"{event_id}: nothing to change (give --type, --trigger, --source, --target, --date "
                          "or --place)")
    actors = _actors(source_actor, target_actor)

    def build(record: dict, found: dict) -> dict:
        values = _values(record, {k: v for k, v in given.items() if v is not None}, actors)
        for role, actor in actors.items():
            if role not in values:  # a new actor for the words the event has
                if not found.get(role):
                    raise ReviewError(f"--{role}-actor: {event_id} has no {role}; give --{role} too")
                values[role] = {**found[role], "actor": actor}
        return values

    return _review(store, event_id, "event", "set", who, build)


def add(store: Store, article_id: str, etype: str, trigger: str, who: Who = Who(), *, source: str | None = None,
        target: str | None = None, date: str | None = None, place: str | None = None,
        source_actor: str | None = None, target_actor: str | None = None) -> Listed:
    """Add an event the pipeline missed, its trigger at `trigger` (START:END or words found once)."""
    etype = event_type(etype)
    actors = _actors(source_actor, target_actor)
    for role in actors:
        if (source if role == "source" else target) is None:
            raise ReviewError(f"--{role}-actor: give the {role}'s words too (--{role})")
    with store.writer_lock():
        record, version = _stored(store, article_id, "ARTICLE_ID")
        start, end = locate(record["text"], trigger, "--trigger")
        given = _values(record, {"source": source or "-", "target": target or "-", "date": date or "-",
                                 "location": place or "-"}, actors)
        event = {"type": etype, "mode": None, "trigger": {"start": start, "end": end, "text": record["text"][start:end]},
                 **given, "quantities": [], "negated": False, "hedged": False, "attribution": None,
                 "evidence": sentence_at(record, start), "confidence": None}
        anchor = Anchor(start, end, record["text"][start:end], etype)
        return _commit(store, record, version, _new(store, article_id, "event", "add", anchor, event, who, version))


def _actors(source_actor: str | None, target_actor: str | None) -> dict[str, dict]:
    """The actors a reviewer named by id, by role."""
    named = {"source": source_actor, "target": target_actor}
    return {role: actor_by_id(aid, f"--{role}-actor") for role, aid in named.items() if aid is not None}


def _values(record: dict, given: dict[str, str], actors: dict[str, dict]) -> dict:
    """Contract-shaped values of a reviewer's field values (`actors`: ids the reviewer gave)."""
    out = {}
    for key, value in given.items():
        what = "--place" if key == "location" else f"--{key}"
        if key == "type":
            out[key] = event_type(value)
        elif key == "trigger":  # the words that state the act, and their sentence as its evidence
            start, end = locate(record["text"], value, "--trigger")
            out[key] = {"start": start, "end": end, "text": record["text"][start:end]}
            out["evidence"] = sentence_at(record, start)
        elif key == "date":
            out[key] = review_date(value)
        elif key == "location":
            out[key] = place_span(record, value)
        else:
            out[key] = actor_span(record, value, what, actors.get(key))
    return out


def _review(store: Store, item_id: str, item: str, action: str, who: Who, build) -> Listed:
    """Record a correction of the stored item `item_id` and apply it to the article's rows."""
    article_id, index = _item_id(item_id)
    with store.writer_lock():
        record, version = _stored(store, article_id, item_id)
        items = record.get("events" if item == "event" else "claims") or []
        if not 0 <= index < len(items):
            have = f"#0 to #{len(items) - 1}" if items else "none"
            raise ReviewError(f"{item_id}: article {article_id!r} has {len(items)} {item}(s) ({have})")
        found = items[index]
        span = found.get(SPAN_KEY[item]) or {}
        if span.get("start") is None:
            raise ReviewError(f"{item_id}: the {item} has no {SPAN_KEY[item]} span to anchor a correction to")
        text = record["text"][span["start"]:span["end"]]
        anchor = Anchor(span["start"], span["end"], text, found.get("type") if item == "event" else None)
        changes = build(record, found)
        return _commit(store, record, version, _new(store, article_id, item, action, anchor, changes, who, version))


def _item_id(value: str) -> tuple[str, int]:
    parts = split_event_id(value)
    if parts is None:
        raise ReviewError(f"{value!r}: not an event or claim id ARTICLE#N (as `marsad events` lists them)")
    return parts


def _stored(store: Store, article_id: str, what: str) -> tuple[dict, str]:
    """The article's stored (reviewed) record and its pipeline version."""
    row = next(store.rows("SELECT record, version FROM articles WHERE id = ?", (article_id,)), None)
    if row is None:
        raise ReviewError(f"{what}: no article {article_id!r} in the store {store.url}")
    return orjson.loads(row[0]), row[1]


def _new(store: Store, article_id: str, item: str, action: str, anchor: Anchor, changes: dict, who: Who,
         version: str) -> Correction:
    # ids are taken under the writer lock, so two reviewers never get the same one
    next_id = next(store.rows("SELECT COALESCE(MAX(id), 0) + 1 FROM reviews"))[0]
    return Correction(int(next_id), article_id, item, action, anchor, changes, who.name(),
                      datetime.now(timezone.utc).isoformat(timespec="seconds"), who.note, version)


def _commit(store: Store, record: dict, version: str, correction: Correction) -> Listed:
    """Store the correction and the article's rows as reviewed, in one transaction."""
    aid = record["id"]
    reviewed, status = apply_corrections(record, [correction])
    earlier = {int(rid): state for rid, state in store.rows(
        "SELECT review_id, status FROM review_status WHERE article_id = ?", (aid,))}
    row = next(store.query("SELECT origin, content_hash FROM articles WHERE id = ?", (aid,)))
    rows = flatten(reviewed, version, row["origin"], content_hash=row["content_hash"],
                   review_status=status_rows(aid, {**earlier, **status}, version))
    article = dict(zip(schema.ARTICLES.names, rows.article))
    with store.transaction() as cur:
        store._insert(cur, schema.REVIEWS, [correction.row()])
        for table in REWRITTEN:
            cur.execute(store.sql(f"DELETE FROM {table.name} WHERE article_id = ?"), (aid,))
            if rows.children.get(table.name):
                store._insert(cur, table, rows.children[table.name])
        cur.execute(store.sql("UPDATE articles SET record = ?, n_events = ?, n_claims = ? WHERE id = ?"),
                    (article["record"], article["n_events"], article["n_claims"], aid))
    return Listed(correction, status[correction.id], _item_now(reviewed, correction))


def _item_now(record: dict, c: Correction) -> str | None:
    """`ARTICLE#N` of the item a correction touched, as the queries list it now."""
    k = find_item(record, c) if c.action != "reject" and c.item == "event" else None
    return f"{c.article_id}#{k}" if k is not None else None


def corrections_by_article(store: Store) -> dict[str, list[Correction]]:
    """Every stored correction, by article (ingest applies them to what it re-extracts)."""
    out: dict[str, list[Correction]] = {}
    for row in store.query("SELECT * FROM reviews ORDER BY id"):
        c = Correction.from_row(row)
        out.setdefault(c.article_id, []).append(c)
    return out


def listed(store: Store) -> Iterator[Listed]:
    """Every correction with its status, oldest first."""
    rows = list(store.query("SELECT r.*, s.status FROM reviews r LEFT JOIN review_status s "
                            "ON s.article_id = r.article_id AND s.review_id = r.id ORDER BY r.id"))
    records: dict[str, dict] = {}
    for row in rows:
        c = Correction.from_row(row)
        if c.article_id not in records:
            records[c.article_id] = _stored(store, c.article_id, f"review {c.id}")[0]
        status = row["status"] or "orphaned"
        yield Listed(c, status, _item_now(records[c.article_id], c) if status == "applied" else None)


def describe(entry: Listed) -> str:
    """One line for `marsad review --list` and the commands' reports."""
    c = entry.correction
    a = c.anchor
    what = f"{c.item} {a.type + ' ' if a.type else ''}{a.text!r} at {c.article_id}@{a.start}:{a.end}"
    if c.action == "set":
        what += " → " + ", ".join(f"{'place' if k == 'location' else k}={_shown(k, v)}" for k, v in c.changes.items()
                                  if k != "evidence")
    elif c.action == "add":
        shown = {k: _shown(k, c.changes.get(k)) for k in FIELDS[1:] if c.changes.get(k)}
        what += "".join(f" {'place' if k == 'location' else k}={v}" for k, v in shown.items())
    now = f" (now {entry.item_id})" if entry.item_id else ""
    why = f" — {c.note}" if c.note else ""
    return f"{c.id}  {entry.status:<8}  {c.action:<7}  {what}{now}  [{c.reviewer}, {c.at}]{why}"


def _shown(key: str, value: object) -> str:
    if value is None:
        return "none"
    if key == "date":
        return str(value["value"])
    if isinstance(value, dict):
        name = (value.get("actor") or {}).get("name_en") if key in ("source", "target") else value.get("name_en")
        return f"{value.get('text')!r}" + (f" ({name})" if name else "")
    return str(value)
