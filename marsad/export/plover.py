"""PLOVER JSONL: one event record per line with the fields of the PLOVER manual's "Data Fields"
chapter (../shared/data/events/derived/output_schemas/plover_json_fields.tsv).

Every event-level field is present (null where Marsad has no value). Marsad-specific choices:
`identifier_id` is Marsad's actor id (no Wikidata QIDs); `date` is the event's day, or the
article's date when the event is dated only to the month/year; `mode` lists the PLOVER mode and
the auxiliary modes `negation` (negated events) and `hypothetical` (hedged: alleged, possible,
planned); `event_text` is the evidence sentence; `text` (the story) is left out because Marsad
does not hold the rights to the articles it reads.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import orjson

from marsad import __version__
from marsad.export.lookups import country_name, plover_score
from marsad.export.records import (
    actor_of,
    event_day,
    event_id,
    iter_events,
    sentence_number,
    span_text,
)

# PLOVER `resolution`: 5 sub-city, 4 city, 3 district, 2 province, 1 country
RESOLUTION = {"point": 4, "admin": 2, "country": 1}
# Quantity units (ground_units.tsv) that fill PLOVER's size object
SIZE_UNITS = {"killed": "dead", "wounded": "injured", "detainees": "arrested"}
CODEBOOK = "PLOVER manual draft 0.8"


def entity(rec: dict, span: dict | None) -> dict | None:
    if not span:
        return None
    actor = actor_of(span)
    sector = actor.get("sector")
    # PLOVER's 3-char code is the country, or the international code for IGOs/NGOs/UN/EU
    code = actor.get("country") or (sector if sector in ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC") else None)
    return {"code": code, "sector": sector, "entity_text": span_text(rec, span),
            "identifier_id": actor.get("id"), "identifier_text": actor.get("name_en"),
            "religion": None, "ethnicity": None, "office": None, "gender": None, "age": None}


def location(loc: dict | None) -> dict | None:
    if not loc:
        return None
    precision = loc.get("precision")
    return {"extracted_place": loc.get("text"), "resolved_place": loc.get("name_en"),
            "geonameid": loc.get("geonames_id"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "city": loc.get("name_en") if precision == "point" else None, "district": None,
            "province": loc.get("admin1"),
            "country": country_name(loc.get("country")), "country_code": loc.get("country"),
            "feature_class": None, "feature_code": loc.get("feature"),
            "resolution": RESOLUTION.get(precision)}


def size(ev: dict) -> dict | None:
    out = {}
    for q in ev.get("quantities") or []:
        key = SIZE_UNITS.get(q.get("unit"))
        if key and q.get("value") is not None and key not in out:
            out[key] = q["value"]
    return out or None


def plover_record(rec: dict, index: int, ev: dict, coded_date: str | None = None) -> dict:
    etype, mode = ev.get("type"), ev.get("mode")
    quad, score = plover_score(etype, mode)
    modes = [m for m, on in ((mode, bool(mode)), ("negation", ev.get("negated")), ("hypothetical", ev.get("hedged"))) if on]
    evidence = ev.get("evidence") or {}
    recipient = entity(rec, ev.get("target"))
    actor = entity(rec, ev.get("source"))
    return {
        "id": event_id(rec, index), "has_event": True,
        "date": event_day(rec, ev), "time": None, "enddate": None, "endtime": None,
        "actor": [actor] if actor else [], "recipient": [recipient] if recipient else [],
        "event": [etype], "event_loc": location(ev.get("location")),
        # an act told in several sentences: each sentence's text (PLOVER's event_text is a list)
        "event_text": [span_text(rec, e) for e in ev.get("act_evidence") or ([evidence] if evidence else [])],
        "quad_code": quad, "event_scale": score, "mode": modes, "context": [],
        "link": None, "text": None,
        "text_info": {"sequence": sentence_number(rec, evidence.get("start")),
                      "start": evidence.get("start"), "end": evidence.get("end"), "text_story": None},
        "size": size(ev),
        "cite_info": {"corpus": None, "citation": rec["id"], "url": rec.get("url"), "title": rec.get("title"),
                      "language": "ar", "publication": rec.get("source"), "license": None, "copyright": None,
                      "coder": f"marsad {__version__}", "codebook": CODEBOOK, "version": __version__},
        "coder": f"marsad {__version__}", "coded_date": coded_date, "coded_time": None, "comment": None,
        "reviewed": bool(ev.get("reviewed")),  # an analyst corrected, confirmed or added it (marsad review)
    }


def write_plover(records: Iterable[dict], out: TextIO, coded_date: str | None = None) -> int:
    n = 0
    for rec, i, ev in iter_events(records):
        out.write(orjson.dumps(plover_record(rec, i, ev, coded_date)).decode("utf-8"))
        out.write("\n")
        n += 1
    return n
