"""CAMEO-coded ICEWS-style events: the 20 ICEWS columns
(../shared/data/events/derived/output_schemas/icews_events.tsv), tab-separated with a header as the
ICEWS Dataverse files are, each event's PLOVER type and mode mapped to one CAMEO code through
marsad/resources/plover_cameo.tsv. Checked by `marsad.export.validate.icews_problems`.

Names are the actor base's English names (the raw Arabic text only for an actor Marsad has no
English name for); `Source/Target Sectors` are ICEWS sector names (resources/icews_sectors.tsv),
`Event Date` the event's day when the text gives one, else the day the article reported it (ICEWS
has no date precision); `City` is filled only for a point, `Province`/`District` from the gazetteer.

The mapping loses detail: PLOVER modes and CAMEO sub-codes do not line up one to one, so most
events get the generic code of their type (ASSAULT -> 18, ACCUSE -> 112), and CAMEO distinctions
PLOVER never makes (e.g. 191 blockade vs 192 occupation) cannot be recovered. `Intensity` is the
Goldstein score of that code.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from marsad.export.context import ExportContext
from marsad.export.lookups import cameo_for, country_name, icews_sectors
from marsad.export.places import place_detail
from marsad.export.polecat import tsv_field
from marsad.export.records import (
    actor_of,
    event_day,
    event_id,
    iter_events,
    sentence_number,
    span_text,
)

COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)


def _party(prefix: str, rec: dict, span: dict | None) -> dict:
    actor = actor_of(span)
    return {f"{prefix} Name": actor.get("name_en") or span_text(rec, span),
            f"{prefix} Sectors": icews_sectors(actor.get("sector")),
            f"{prefix} Country": country_name(actor.get("country"))}


def icews_row(rec: dict, index: int, ev: dict) -> dict:
    cameo = cameo_for(ev.get("type"), ev.get("mode"))
    loc = ev.get("location") or {}
    precision = loc.get("precision")
    detail = place_detail(loc)
    sentence = sentence_number(rec, (ev.get("evidence") or {}).get("start"))
    return {"Event ID": event_id(rec, index), "Event Date": event_day(rec, ev),
            **_party("Source", rec, ev.get("source")), **_party("Target", rec, ev.get("target")),
            "Event Text": cameo.description if cameo else None,
            "CAMEO Code": cameo.code if cameo else None, "Intensity": cameo.goldstein if cameo else None,
            "Story ID": rec["id"], "Sentence Number": None if sentence is None else sentence + 1,
            "Publisher": rec.get("source"),
            "City": loc.get("name_en") if precision == "point" else None, "District": detail.district,
            "Province": detail.admin1,
            "Country": country_name(loc.get("country")), "Latitude": loc.get("lat"), "Longitude": loc.get("lon")}


def write_icews(records: Iterable[dict], out: TextIO, context: ExportContext | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec, i, ev in iter_events(records):
        writer.writerow({k: tsv_field(v) for k, v in icews_row(rec, i, ev).items()})
        n += 1
    return n
