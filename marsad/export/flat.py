"""The flat event table (one row per event) shared by the CSV and Parquet exports."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.export.records import actor_of, event_id, iter_events, span_text

# (column, type) in output order; types are the Parquet ones (the CSV writes them as text).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("article_id", "string"), ("event_index", "int32"),
    ("article_date", "string"), ("outlet", "string"), ("url", "string"),
    ("type", "string"), ("mode", "string"),
    ("trigger_text", "string"), ("trigger_start", "int32"), ("trigger_end", "int32"),
    *((f"{role}_{field}", kind) for role in ("source", "target") for field, kind in (
        ("text", "string"), ("start", "int32"), ("end", "int32"), ("actor_id", "string"),
        ("name_en", "string"), ("country", "string"), ("sector", "string"))),
    ("location_name", "string"), ("location_name_en", "string"), ("location_country", "string"),
    ("location_lat", "float64"), ("location_lon", "float64"), ("location_precision", "string"),
    ("location_start", "int32"), ("location_end", "int32"),
    ("date_value", "string"), ("date_precision", "string"),
    ("negated", "bool"), ("hedged", "bool"), ("confidence", "float64"),
    ("attribution_speaker", "string"), ("attribution_speaker_actor_id", "string"),
    ("evidence_text", "string"), ("evidence_start", "int32"), ("evidence_end", "int32"),
    ("reviewed", "bool"),
)
NAMES: tuple[str, ...] = tuple(name for name, _ in COLUMNS)


def _role(row: dict, prefix: str, span: dict | None, rec: dict) -> None:
    actor = actor_of(span)
    span = span or {}
    row[f"{prefix}_text"] = span_text(rec, span) if span else None
    row[f"{prefix}_start"] = span.get("start")
    row[f"{prefix}_end"] = span.get("end")
    row[f"{prefix}_actor_id"] = actor.get("id")
    row[f"{prefix}_name_en"] = actor.get("name_en")
    row[f"{prefix}_country"] = actor.get("country")
    row[f"{prefix}_sector"] = actor.get("sector")


def flat_row(rec: dict, index: int, ev: dict) -> dict:
    """One event as a flat dict keyed by NAMES (None where the record has no value)."""
    trig = ev.get("trigger") or {}
    loc = ev.get("location") or {}
    date = ev.get("date") or {}
    evidence = ev.get("evidence") or {}
    speaker = (ev.get("attribution") or {}).get("speaker")
    row = {"event_id": event_id(rec, index), "article_id": rec["id"], "event_index": index,
           "article_date": rec.get("date"), "outlet": rec.get("source"), "url": rec.get("url"),
           "type": ev.get("type"), "mode": ev.get("mode"),
           "trigger_text": span_text(rec, trig), "trigger_start": trig.get("start"), "trigger_end": trig.get("end")}
    _role(row, "source", ev.get("source"), rec)
    _role(row, "target", ev.get("target"), rec)
    row.update({"location_name": loc.get("text"), "location_name_en": loc.get("name_en"),
                "location_country": loc.get("country"), "location_lat": loc.get("lat"),
                "location_lon": loc.get("lon"), "location_precision": loc.get("precision"),
                "location_start": loc.get("start"), "location_end": loc.get("end"),
                "date_value": date.get("value"), "date_precision": date.get("precision"),
                "negated": bool(ev.get("negated")), "hedged": bool(ev.get("hedged")),
                "confidence": ev.get("confidence"),
                "attribution_speaker": span_text(rec, speaker), "attribution_speaker_actor_id": actor_of(speaker).get("id"),
                "evidence_text": span_text(rec, evidence), "evidence_start": evidence.get("start"),
                "evidence_end": evidence.get("end"), "reviewed": bool(ev.get("reviewed"))})
    return row


def flat_rows(records: Iterable[dict]) -> Iterator[dict]:
    for rec, i, ev in iter_events(records):
        yield flat_row(rec, i, ev)
