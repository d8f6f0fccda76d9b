"""PLOVER JSONL: one event record per line with the fields of the PLOVER manual's "Data Fields"
chapter (../shared/data/events/oeda-PLOVER/PLOVER_MANUAL.tex; field list in
../shared/data/events/derived/output_schemas/plover_json_fields.tsv), checked by
`marsad.export.validate.plover_problems`.

Every event-level field is present (null where Marsad has no value). Marsad's choices:
- `actor` always holds one entity; an event whose actor the text does not name gets an entity
  with null `entity_text` and codes (never an empty list). `recipient` is empty when there is none.
- `identifier_id` is the actor's Wikidata QID where the actor base has one
  (resources/state_codes.tsv, actor_wikidata.tsv), else null; Marsad's own actor id is kept in
  the extra entity field `marsad_id`.
- `date` is the first day of the period the event is known to and `enddate` its last day (both the
  day for a day-dated event); the extra field `date_precision` says `day`, `month`, `year`, or
  `article` when the text gives no date and the article's date stands in. A month- or year-dated
  event never takes the article's day.
- `event_scale` is the manual's score table, with its ACCUSE sign typo fixed (see
  resources/plover_scores.tsv).
- `mode` lists the PLOVER mode and the auxiliary modes `negation` (negated events) and
  `hypothetical` (hedged: alleged, possible, planned); `context` carries the same auxiliary modes,
  where the manual puts them.
- `event_loc` comes from the gazetteer row of the resolved place (GeoNames id, admin-1, feature
  class/code, resolution); `resolution` is capped by the place's precision, so a country centroid is
  resolution 1, never a point.
- `link` is the canonical event the event belongs to after `marsad dedup` (exports from a store).
- `coded_date` is the day the events were coded (the store's ingest day, else the export's day).
- `event_text` lists the sentences reporting the act; `text` (the story) is left out because Marsad
  does not hold the rights to the articles it reads.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import orjson

from marsad import __version__
from marsad.export.context import ExportContext
from marsad.export.lookups import country_name, plover_score, wikidata_id
from marsad.export.places import place_detail
from marsad.export.records import (
    actor_of,
    auxiliary_modes,
    event_date,
    event_id,
    iter_events,
    sentence_number,
    span_text,
)

# PLOVER `resolution` ceiling of Marsad's location precision: a place read as an area (ريف حلب,
# شمال سوريا) is no finer than a district, a country no finer than a country
PRECISION_CEILING = {"point": 5, "admin": 3, "country": 1}
# Quantity units (ground_units.tsv) that fill PLOVER's size object
SIZE_UNITS = {"killed": "dead", "wounded": "injured", "detainees": "arrested"}
CODEBOOK = "PLOVER manual draft 0.8"
# PLOVER's 3-char code: the country, or the international code of an IGO/NGO/UN/EU actor
INTERNATIONAL = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")


def entity(rec: dict, span: dict | None) -> dict:
    """A PLOVER entity object; an unnamed actor (no span) is one with null text and codes."""
    actor = actor_of(span)
    sector = actor.get("sector")
    marsad_id = actor.get("id")
    return {"code": actor.get("country") or (sector if sector in INTERNATIONAL else None), "sector": sector,
            "entity_text": span_text(rec, span), "identifier_id": wikidata_id(marsad_id),
            "identifier_text": actor.get("name_en"), "marsad_id": marsad_id,
            "religion": None, "ethnicity": None, "office": None, "gender": None, "age": None}


def resolution(loc: dict, feature_resolution: int | None) -> int | None:
    ceiling = PRECISION_CEILING.get(loc.get("precision"), 5)
    if feature_resolution is None:
        return ceiling if loc.get("precision") in PRECISION_CEILING else None
    # an area around a town (ريف حلب) is province-level; an admin-2/3 unit read as an area stays a district
    if loc.get("precision") == "admin" and feature_resolution > 3:
        return 2
    return min(feature_resolution, ceiling)


def location(loc: dict | None) -> dict | None:
    if not loc:
        return None
    detail = place_detail(loc)
    res = resolution(loc, detail.resolution)
    return {"extracted_place": loc.get("text"), "resolved_place": loc.get("name_en"),
            "geonameid": detail.geonames_id, "lat": loc.get("lat"), "lon": loc.get("lon"),
            "city": loc.get("name_en") if res is not None and res >= 4 else None,
            "district": detail.district, "province": detail.admin1,
            "country": country_name(loc.get("country")), "country_code": loc.get("country"),
            "feature_class": detail.feature_class, "feature_code": detail.feature_code,
            "resolution": res}


def size(ev: dict) -> dict | None:
    out = {}
    for q in ev.get("quantities") or []:
        key = SIZE_UNITS.get(q.get("unit"))
        if key and q.get("value") is not None and key not in out:
            out[key] = q["value"]
    return out or None


def plover_record(rec: dict, index: int, ev: dict, context: ExportContext | None = None) -> dict:
    context = context or ExportContext()
    etype, mode = ev.get("type"), ev.get("mode")
    quad, score = plover_score(etype, mode)
    auxiliary = auxiliary_modes(ev)
    evidence = ev.get("evidence") or {}
    date = event_date(rec, ev)
    target = ev.get("target")
    return {
        "id": event_id(rec, index), "has_event": True,
        "date": date.start, "time": None, "enddate": date.end, "endtime": None, "date_precision": date.precision,
        "actor": [entity(rec, ev.get("source"))], "recipient": [entity(rec, target)] if target else [],
        "event": [etype], "event_loc": location(ev.get("location")),
        # an act told in several sentences: each sentence's text (PLOVER's event_text is a list)
        "event_text": [span_text(rec, e) for e in ev.get("act_evidence") or ([evidence] if evidence else [])],
        "quad_code": quad, "event_scale": score, "mode": ([mode] if mode else []) + auxiliary,
        "context": auxiliary, "link": context.link(rec, index), "text": None,
        "text_info": {"sequence": sentence_number(rec, evidence.get("start")),
                      "start": evidence.get("start"), "end": evidence.get("end"), "text_story": None},
        "size": size(ev),
        "cite_info": {"corpus": None, "citation": rec["id"], "url": rec.get("url"), "title": rec.get("title"),
                      "language": "ar", "publication": rec.get("source"), "license": None, "copyright": None,
                      "coder": f"marsad {__version__}", "codebook": CODEBOOK, "version": __version__},
        "coder": f"marsad {__version__}", "coded_date": context.coded_date(rec), "coded_time": None,
        "comment": None,
        "reviewed": bool(ev.get("reviewed")),  # an analyst corrected, confirmed or added it (marsad review)
    }


def write_plover(records: Iterable[dict], out: TextIO, context: ExportContext | None = None) -> int:
    context = context or ExportContext()
    n = 0
    for rec, i, ev in iter_events(records):
        out.write(orjson.dumps(plover_record(rec, i, ev, context)).decode("utf-8"))
        out.write("\n")
        n += 1
    return n
