"""The flat event table (one row per event): the ONE column list of `marsad export --format csv`,
`--format parquet` and `marsad events --format csv`, documented here once (docs/codebook.md's column
table is generated from COLUMNS: `python tools/codebook_columns.py`) and checked by
`marsad.export.validate.flat_problems`."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marsad.export.context import ExportContext
from marsad.export.lookups import wikidata_id
from marsad.export.places import place_detail
from marsad.export.records import actor_of, event_date, event_id, iter_events, span_text


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # string | int32 | float64 | bool | date (Parquet date32; ISO YYYY-MM-DD in CSV)
    doc: str


# Counts of an act, by the unit of its quantities (resources/ground_units.tsv): column -> units
COUNT_UNITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("killed", ("killed",)), ("wounded", ("wounded",)), ("arrested", ("detainees",)),
    ("displaced", ("displaced", "refugees")), ("protesters", ("protesters",)), ("air_strikes", ("air strikes",)),
)


def _role_columns(role: str, who: str) -> tuple[Column, ...]:
    return (
        Column(f"{role}_text", "string", f"the {who} as written in the article (null when the text names none)"),
        Column(f"{role}_start", "int32", f"character offset of the {who} span in the article body"),
        Column(f"{role}_end", "int32", f"end offset (exclusive) of the {who} span"),
        Column(f"{role}_actor_id", "string", f"Marsad actor id of the {who} (actor id scheme, below); null when unresolved"),
        Column(f"{role}_wikidata", "string", f"Wikidata QID of the {who}'s actor, where the actor base has one"),
        Column(f"{role}_name_en", "string", f"English name of the {who}'s actor"),
        Column(f"{role}_country", "string", f"ISO 3166-1 alpha-3 country of the {who}'s actor"),
        Column(f"{role}_sector", "string", f"PLOVER sector (or international code) of the {who}'s actor"),
    )


COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", "`<article_id>#<event_index>`: stable id of the event (one row per act)"),
    Column("article_id", "string", "id of the article the event was read from"),
    Column("event_index", "int32", "index of the event (the act's first sentence) in the article's record"),
    Column("canonical_id", "string", "the canonical event it belongs to after `marsad dedup` (store exports; else null)"),
    Column("article_date", "date", "publication date of the article"),
    Column("outlet", "string", "the outlet that published the article"),
    Column("url", "string", "URL of the article"),
    Column("type", "string", "PLOVER event type (16 types, below)"),
    Column("mode", "string", "PLOVER mode of the type, or null"),
    Column("trigger_text", "string", "the word(s) that express the event"),
    Column("trigger_start", "int32", "character offset of the trigger"),
    Column("trigger_end", "int32", "end offset (exclusive) of the trigger"),
    *_role_columns("source", "actor (PLOVER actor, who acts)"),
    *_role_columns("target", "recipient (PLOVER recipient, who is acted upon)"),
    Column("location_name", "string", "the place as written in the article"),
    Column("location_name_en", "string", "English name of the gazetteer place it resolved to"),
    Column("location_country", "string", "ISO3 country of the place"),
    Column("location_admin1", "string", "admin-1 unit (province, governorate) of the place, from the gazetteer"),
    Column("location_geonames_id", "int32", "GeoNames id of the place, where the gazetteer has one"),
    Column("location_feature", "string", "gazetteer feature of the place (country, admin1, admin2, locality …)"),
    Column("location_lat", "float64", "latitude (WGS84) of the place's point"),
    Column("location_lon", "float64", "longitude of the place's point"),
    Column("location_precision", "string",
           "point | admin | country: whether lat/lon is the event's point or the centroid of an area or country"),
    Column("location_start", "int32", "character offset of the place span"),
    Column("location_end", "int32", "end offset (exclusive) of the place span"),
    Column("date", "date", "first day of the period the event is known to (the article's date when `article`)"),
    Column("date_end", "date", "last day of that period (= date for a day; null when `article`)"),
    Column("date_precision", "string", "day | month | year | article (no date in the text: the article's date)"),
    *(Column(name, "int32", f"largest count of {' / '.join(units)} among the act's quantities, or null")
      for name, units in COUNT_UNITS),
    Column("negated", "bool", "the text says the event did not happen (PLOVER auxiliary mode negation)"),
    Column("hedged", "bool", "alleged, possible or planned, not asserted (PLOVER auxiliary mode hypothetical)"),
    Column("confidence", "float64", "the model's confidence in the event, 0–1"),
    Column("act_sentences", "int32", "how many sentences of the article report this act"),
    Column("attribution_speaker", "string", "who the article says reports the event (a claim's speaker)"),
    Column("attribution_speaker_actor_id", "string", "Marsad actor id of that speaker"),
    Column("evidence_text", "string", "the sentence the event was read from"),
    Column("evidence_start", "int32", "character offset of the evidence sentence"),
    Column("evidence_end", "int32", "end offset (exclusive) of the evidence sentence"),
    Column("reviewed", "bool", "an analyst reviewed the event (`marsad review`): changed, confirmed or added"),
)
NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
DATE_COLUMNS: frozenset[str] = frozenset(c.name for c in COLUMNS if c.kind == "date")


def _role(row: dict, prefix: str, span: dict | None, rec: dict) -> None:
    actor = actor_of(span)
    span = span or {}
    row[f"{prefix}_text"] = span_text(rec, span) if span else None
    row[f"{prefix}_start"] = span.get("start")
    row[f"{prefix}_end"] = span.get("end")
    row[f"{prefix}_actor_id"] = actor.get("id")
    row[f"{prefix}_wikidata"] = wikidata_id(actor.get("id"))
    row[f"{prefix}_name_en"] = actor.get("name_en")
    row[f"{prefix}_country"] = actor.get("country")
    row[f"{prefix}_sector"] = actor.get("sector")


def counts(ev: dict) -> dict[str, int | None]:
    """The act's counts by COUNT_UNITS: the largest value of each unit (a toll is often told twice)."""
    out: dict[str, int | None] = {}
    for name, units in COUNT_UNITS:
        values = [q["value"] for q in ev.get("quantities") or []
                  if q.get("unit") in units and isinstance(q.get("value"), (int, float))]
        out[name] = int(max(values)) if values else None
    return out


def day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD string as a date (None when absent or malformed, as placeholders can be)."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def flat_row(rec: dict, index: int, ev: dict, context: ExportContext | None = None) -> dict:
    """One event as a flat dict keyed by NAMES (None where the record has no value); dates are
    `datetime.date`s."""
    trig = ev.get("trigger") or {}
    loc = ev.get("location") or {}
    detail = place_detail(loc)
    date = event_date(rec, ev)
    evidence = ev.get("evidence") or {}
    speaker = (ev.get("attribution") or {}).get("speaker")
    row = {"event_id": event_id(rec, index), "article_id": rec["id"], "event_index": index,
           "canonical_id": context.link(rec, index) if context else None,
           "article_date": day(rec.get("date")), "outlet": rec.get("source"), "url": rec.get("url"),
           "type": ev.get("type"), "mode": ev.get("mode"),
           "trigger_text": span_text(rec, trig), "trigger_start": trig.get("start"), "trigger_end": trig.get("end")}
    _role(row, "source", ev.get("source"), rec)
    _role(row, "target", ev.get("target"), rec)
    row.update({"location_name": loc.get("text"), "location_name_en": loc.get("name_en"),
                "location_country": loc.get("country"), "location_admin1": detail.admin1,
                "location_geonames_id": detail.geonames_id, "location_feature": detail.feature,
                "location_lat": loc.get("lat"), "location_lon": loc.get("lon"),
                "location_precision": loc.get("precision"),
                "location_start": loc.get("start"), "location_end": loc.get("end"),
                "date": day(date.start), "date_end": day(date.end), "date_precision": date.precision,
                **counts(ev),
                "negated": bool(ev.get("negated")), "hedged": bool(ev.get("hedged")),
                "confidence": ev.get("confidence"), "act_sentences": ev.get("act_sentences", 1),
                "attribution_speaker": span_text(rec, speaker), "attribution_speaker_actor_id": actor_of(speaker).get("id"),
                "evidence_text": span_text(rec, evidence), "evidence_start": evidence.get("start"),
                "evidence_end": evidence.get("end"), "reviewed": bool(ev.get("reviewed"))})
    return row


def flat_rows(records: Iterable[dict], context: ExportContext | None = None,
              per_sentence: bool = False) -> Iterator[dict]:
    """One row per act (or, with `per_sentence`, per event as extracted, as `marsad events` lists them)."""
    for rec, i, ev in iter_events(records, per_sentence):
        yield flat_row(rec, i, ev, context)
