"""Reviewed articles as gold (../shared/docs/annotation-guide.md, "Gold file format"), so that
analysts' corrections feed evaluation (`marsad eval events GOLD`) and training.

Every article with a correction is written whole, as it stands after review: an event an
analyst changed, confirmed or added is `required: true`; the article's other events and its
claims, which no one checked, are `required: false` (finding them is neither rewarded nor
punished); a rejected event or claim is absent, so a system that finds it again is wrong.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson

from marsad.store.base import Store
from marsad.store.review_values import sentence_at

ARTICLE_FIELDS = ("id", "title", "date", "source", "url", "text")


def gold_rows(store: Store) -> Iterator[dict]:
    """One gold row per reviewed article, in the order they were first reviewed."""
    ids = [aid for aid, _ in store.rows("SELECT article_id, MIN(id) AS first FROM reviews "
                                        "GROUP BY article_id ORDER BY first")]
    for aid in ids:
        row = next(store.rows("SELECT record FROM articles WHERE id = ?", (aid,)), None)
        if row is not None:
            yield gold_row(orjson.loads(row[0]))


def gold_row(record: dict) -> dict:
    """A reviewed contract record in the gold-file format."""
    return {**{k: record.get(k) for k in ARTICLE_FIELDS},
            "events": [_gold_event(record, ev) for ev in record.get("events") or []],
            "claims": [_gold_claim(record, cl) for cl in record.get("claims") or []]}


def write_gold(store: Store, path: str | Path) -> tuple[int, int]:
    """Write the reviewed articles as gold JSONL; returns (articles, required events)."""
    articles = required = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in gold_rows(store):
            fh.write(orjson.dumps(row).decode("utf-8") + "\n")
            articles += 1
            required += sum(1 for e in row["events"] if e["required"])
    return articles, required


def _names(span: dict | None) -> list[str] | None:
    """The acceptable names of a role: its words in the article, and the actor's English name."""
    if not span or not span.get("text"):
        return None
    english = (span.get("actor") or {}).get("name_en")
    return [span["text"], english] if english and english != span["text"] else [span["text"]]


def _evidence(record: dict, span: dict | None, anchor: dict | None) -> str:
    """The words that state the item: its evidence span, else the sentence of its trigger or cue."""
    if not (span and span.get("start") is not None):
        span = sentence_at(record, (anchor or {}).get("start") or 0)
    return record["text"][span["start"]:span["end"]]


def _day(value: dict | None) -> str | None:
    """A gold date is a day or null (the guide: an act known only to a month or year has none)."""
    return value["value"] if value and value.get("precision") == "day" else None


def _gold_event(record: dict, ev: dict) -> dict:
    loc = ev.get("location")
    place = [n for n in ((loc or {}).get("text"), (loc or {}).get("name_en")) if n] or None
    return {"type": ev["type"], "required": bool(ev.get("reviewed")),
            "evidence": _evidence(record, ev.get("evidence"), ev.get("trigger")),
            "source": _names(ev.get("source")), "target": _names(ev.get("target")),
            "date": _day(ev.get("date")), "place": place,
            "hedged": bool(ev.get("hedged")), "negated": bool(ev.get("negated"))}


def _gold_claim(record: dict, cl: dict) -> dict:
    return {"required": False, "evidence": _evidence(record, None, cl.get("cue")),
            "speaker": _names(cl.get("speaker")), "date": _day(cl.get("date"))}
