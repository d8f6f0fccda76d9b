"""A contract record flattened into the store's table rows (see schema.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

import hashlib

import orjson

from marsad.store import schema
from marsad.text.normalize import fold


@dataclass(slots=True)
class ArticleRows:
    """Everything one article writes: its row, its child rows per table and its search text."""

    id: str
    article: tuple
    children: dict[str, list[tuple]] = field(default_factory=dict)
    search_title: str = ""
    search_body: str = ""


def _text_safe(row: tuple) -> tuple:
    """The row with NUL in its strings replaced by U+FFFD: PostgreSQL cannot hold a NUL in
    TEXT, and SQLite must give the same answers (the record's JSON keeps the raw text, escaped)."""
    if not any(isinstance(v, str) and "\x00" in v for v in row):
        return row
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in row)


def _meta(value: object) -> str | None:
    """An article's title/source/url column: text, whatever JSON type the input gave."""
    if value is None or isinstance(value, str):
        return value
    return orjson.dumps(value).decode("utf-8")


CONTENT_HASH_CHARS = 16


def content_hash(title: object, text: object, date: object, source: object, url: object) -> str:
    """A hash of an article as read (title, text, date, source, url): with its id, the article's
    identity in a store, so that a corrected text under the same id is re-extracted."""
    key = orjson.dumps([title, text, date, source, url])
    return hashlib.sha256(key).hexdigest()[:CONTENT_HASH_CHARS]


def record_content_hash(record: dict) -> str:
    """`content_hash` of the article a contract record was extracted from."""
    return content_hash(*(record.get(k) for k in ("title", "text", "date", "source", "url")))


def _span(span: dict | None) -> tuple:
    return (span["start"], span["end"]) if span and "start" in span else (None, None)


def _actor_role(span: dict | None) -> tuple:
    """Columns of schema._actor_cols: start, end, text, fold, actor id/name/country/sector."""
    if not span:
        return (None,) * 8
    actor = span.get("actor") or {}
    text = span.get("text")
    return (*_span(span), text, fold(text) if text else None, actor.get("id"), actor.get("name_en"),
            actor.get("country"), actor.get("sector"))


def _place(place: dict | None) -> tuple:
    if not place:
        return (None,) * 9
    text = place.get("text")
    return (*_span(place), text, fold(text) if text else None, place.get("name_en"), place.get("country"),
            place.get("lat"), place.get("lon"), place.get("precision"))


def _date(value: dict | None) -> tuple:
    return (value.get("value"), value.get("precision")) if value else (None, None)


def _quantities(aid: str, owner: str, owner_idx: int, items: list[dict], version: str) -> list[tuple]:
    return [(aid, owner, owner_idx, k, q.get("value"), q.get("comparator"), q.get("unit"), q.get("of"),
             q.get("start"), q.get("end"), q.get("text"), version) for k, q in enumerate(items or [])]


def _event(aid: str, adate: str | None, i: int, ev: dict, text: str, version: str) -> tuple:
    trigger = ev.get("trigger") or {}
    attribution = ev.get("attribution") or {}
    speaker = attribution.get("speaker") or {}
    evidence = ev.get("evidence") or {}
    ev_start, ev_end = _span(evidence)
    return (aid, i, adate, ev.get("type"), ev.get("mode"), *_span(trigger), trigger.get("text"),
            *_actor_role(ev.get("source")), *_actor_role(ev.get("target")), *_place(ev.get("location")),
            *_date(ev.get("date")), bool(ev.get("negated")), bool(ev.get("hedged")),
            speaker.get("text"), (speaker.get("actor") or {}).get("id"),
            (speaker.get("actor") or {}).get("name_en"), (attribution.get("cue") or {}).get("text"),
            ev_start, ev_end, text[ev_start:ev_end] if ev_start is not None else None,
            ev.get("confidence"), version, bool(ev.get("reviewed")))


def _claim(aid: str, adate: str | None, i: int, cl: dict, text: str, version: str) -> tuple:
    cue = cl.get("cue") or {}
    c_start, c_end = _span(cl.get("content"))
    content = text[c_start:c_end] if c_start is not None else None
    return (aid, i, adate, *_actor_role(cl.get("speaker")), *_span(cue), cue.get("text"), c_start, c_end,
            content, fold(content) if content else None, bool(cl.get("direct")), *_date(cl.get("date")),
            version)


def _entity(aid: str, i: int, ent: dict, version: str) -> tuple:
    actor = ent.get("actor") or {}
    return (aid, i, ent.get("start"), ent.get("end"), ent.get("text"), fold(ent.get("text") or ""),
            ent.get("label"), actor.get("id"), actor.get("name_en"), actor.get("country"), actor.get("sector"),
            *_place(ent.get("place")), version)


def flatten(record: dict, version: str, origin: str | None = None,
            search_title: str = "", search_body: str = "", content_hash: str | None = None,
            review_status: list[tuple] | None = None) -> ArticleRows:
    """The rows of one contract record; `search_*` are the folded, clitic-stripped texts (search.py);
    `content_hash` that of the input it came from (default: of the record's fields); `review_status`
    the rows saying which of the article's corrections applied (review.py)."""
    aid, adate, text = record["id"], record.get("date"), record.get("text") or ""
    events, claims, entities = record.get("events") or [], record.get("claims") or [], record.get("entities") or []
    quantities = [q for i, e in enumerate(events) for q in _quantities(aid, "event", i, e.get("quantities"), version)]
    quantities += [q for i, c in enumerate(claims) for q in _quantities(aid, "claim", i, c.get("quantities"), version)]
    article = (aid, _meta(record.get("title")), adate, _meta(record.get("source")), _meta(record.get("url")), origin,
               len(entities), len(events), len(claims), version,
               datetime.now(timezone.utc).isoformat(timespec="seconds"),
               orjson.dumps(record).decode("utf-8"), content_hash or record_content_hash(record))
    children = {
        schema.ENTITIES.name: [_entity(aid, i, e, version) for i, e in enumerate(entities)],
        schema.EVENTS.name: [_event(aid, adate, i, e, text, version) for i, e in enumerate(events)],
        schema.CLAIMS.name: [_claim(aid, adate, i, c, text, version) for i, c in enumerate(claims)],
        schema.QUANTITIES.name: quantities,
        schema.REVIEW_STATUS.name: review_status or [],
    }
    if "\x00" in text or _text_safe(article) is not article:
        children = {name: [_text_safe(r) for r in rows] for name, rows in children.items()}
        article = _text_safe(article)
        search_title, search_body = (s.replace("\x00", "\ufffd") for s in (search_title, search_body))
    return ArticleRows(aid, article, children, search_title, search_body)
