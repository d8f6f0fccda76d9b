"""POLECAT-compatible TSV: exactly the 40 columns of POLECAT's weekly files
(../shared/data/events/derived/output_schemas/polecat_events.tsv), empty where Marsad has no value
(COW codes, Wikipedia ids, titles, contexts). Types and modes are written as PLOVER names them
(ASSAULT, allege), as in the PLOVER export."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TextIO

from marsad import __version__
from marsad.export.lookups import country_name, plover_score
from marsad.export.records import act_events, actor_of, event_day, event_id, span_text

COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)


def _party(prefix: str, rec: dict, span: dict | None) -> dict:
    actor = actor_of(span)
    return {f"{prefix} Name": actor.get("name_en"), f"{prefix} Country": actor.get("country"),
            f"Primary {prefix} Sector": actor.get("sector"), f"{prefix} Sectors": actor.get("sector"),
            f"{prefix} Name Raw": span_text(rec, span)}


def story_names(rec: dict) -> dict:
    """The story's people, organisations and places (distinct English names, `;`-joined)."""
    groups: dict[str, dict[str, None]] = {"PER": {}, "ORG": {}, "LOC": {}}
    for ent in rec.get("entities") or []:
        label = "LOC" if ent.get("label") in ("LOC", "GPE") else ent.get("label")
        if label in groups:
            name = (ent.get("actor") or {}).get("name_en") or (ent.get("place") or {}).get("name_en") or ent.get("text")
            if name:
                groups[label][name] = None
    return {"Story People": ";".join(groups["PER"]), "Story Organizations": ";".join(groups["ORG"]),
            "Story Locations": ";".join(groups["LOC"])}


def polecat_row(rec: dict, index: int, ev: dict, story: dict) -> dict:
    quad, score = plover_score(ev.get("type"), ev.get("mode"))
    loc = ev.get("location") or {}
    precision = loc.get("precision")
    row = {"Event ID": event_id(rec, index), "Event Date": event_day(rec, ev),
           "Event Type": ev.get("type"), "Event Mode": ev.get("mode"),
           "Intensity": score, "Quad Code": quad,
           **_party("Actor", rec, ev.get("source")), **_party("Recipient", rec, ev.get("target")),
           "Placename": loc.get("name_en"), "City": loc.get("name_en") if precision == "point" else None,
           "Province": loc.get("admin1"),
           "Country": country_name(loc.get("country")), "Latitude": loc.get("lat"), "Longitude": loc.get("lon"),
           "GeoNames ID": loc.get("geonames_id"), "Raw Placename": loc.get("text"), "Feature Type": loc.get("feature"),
           "Source": rec.get("source"), "Publication Date": rec.get("date"),
           **story, "Language": "ar", "Version": f"marsad {__version__}"}
    return row


# Characters that end a line for some reader (str.splitlines, awk, Excel) or split a TSV field.
_BREAKS = re.compile("[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def tsv_field(value: object) -> object:
    r"""A TSV cell: tabs and line breaks become one space, so one event is one line for line-based tools.

    >>> tsv_field("قال\tالجيش\nإن")
    'قال الجيش إن'
    """
    return _BREAKS.sub(" ", value) if isinstance(value, str) else value


def write_polecat(records: Iterable[dict], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL, extrasaction="raise")
    writer.writeheader()
    n = 0
    for rec in records:
        story = story_names(rec) if rec["events"] else {}
        for i, ev in act_events(rec):
            writer.writerow({k: tsv_field(v) for k, v in polecat_row(rec, i, ev, story).items()})
            n += 1
    return n
