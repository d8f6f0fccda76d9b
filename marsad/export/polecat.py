"""POLECAT-compatible TSV: the 40 columns of POLECAT's weekly files
(../shared/data/events/derived/output_schemas/polecat_events.tsv), then Marsad's documented extra
columns (EXTRA_COLUMNS), so a reader taking the first 40 columns by position still reads POLECAT.
Checked by `marsad.export.validate.polecat_problems`.

Types and modes are written as PLOVER names them (ASSAULT, allege). Values:
- negated and hedged events are flagged: `Contexts` carries PLOVER's auxiliary modes `negation` /
  `hypothetical`, and the extra columns `Negated` / `Hedged` say true/false for every row, so no
  negated or hedged event reads as a plain event;
- `Actor COW` / `Recipient COW`: the Correlates of War state number of the actor's country
  (resources/state_codes.tsv); `Wikipedia Actor ID` holds the actor's Wikidata QID where known;
- `GeoNames ID`, `Province` (admin-1), `District` and `Feature Type` (GeoNames feature code, else
  Marsad's gazetteer feature) come from the gazetteer row of the place; the extra column
  `Place Precision` (point | admin | country) says whether `Latitude`/`Longitude` is the point of the
  event or the centroid of an area or country, and `City` is only filled for a point;
- `Story People` / `Story Organizations` list the actor base's English names of the article's
  persons (PER- ids) and of its groups, international bodies and state institutions, never role
  labels such as "President" or "Group" that a head noun alone gives (actors without an id); a
  person the actor base does not know is left out.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TextIO

from marsad import __version__
from marsad.export.context import ExportContext
from marsad.export.lookups import country_name, cow_code, plover_score, wikidata_id
from marsad.export.places import place_detail
from marsad.export.records import act_events, actor_of, auxiliary_modes, event_date, event_id, span_text

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)
# Marsad's columns after POLECAT's 40 (documented in docs/codebook.md)
EXTRA_COLUMNS: tuple[str, ...] = ("Negated", "Hedged", "Date Precision", "Place Precision", "Marsad Actor ID",
                                  "Marsad Recipient ID", "URL")
COLUMNS: tuple[str, ...] = POLECAT_COLUMNS + EXTRA_COLUMNS


def _party(prefix: str, rec: dict, span: dict | None) -> dict:
    actor = actor_of(span)
    return {f"{prefix} Name": actor.get("name_en"), f"{prefix} Country": actor.get("country"),
            f"{prefix} COW": cow_code(actor.get("country")),
            f"Primary {prefix} Sector": actor.get("sector"), f"{prefix} Sectors": actor.get("sector"),
            f"{prefix} Name Raw": span_text(rec, span)}


def _story_group(ent: dict) -> str | None:
    """Which Story column an entity names: PER for a person of the actor base, ORG for a group,
    international body or state institution; None for a state itself (a place) and for an actor
    without id, whose name is a role label (President, Group, States)."""
    if ent.get("label") in ("LOC", "GPE"):
        return "LOC"
    actor_id = (ent.get("actor") or {}).get("id") or ""
    if actor_id.startswith("PER-"):
        return "PER"
    if actor_id and not actor_id.endswith(("-GOV", "-NORP")):
        return "ORG"
    return None


def story_names(rec: dict) -> dict:
    """The story's people, organisations and places (distinct English names, `;`-joined)."""
    groups: dict[str, dict[str, None]] = {"PER": {}, "ORG": {}, "LOC": {}}
    for ent in rec.get("entities") or []:
        group = _story_group(ent)
        if group is None:
            continue
        name = ((ent.get("place") if group == "LOC" else ent.get("actor")) or {}).get("name_en")
        if name:
            groups[group][name] = None
    return {"Story People": ";".join(groups["PER"]), "Story Organizations": ";".join(groups["ORG"]),
            "Story Locations": ";".join(groups["LOC"])}


def polecat_row(rec: dict, index: int, ev: dict, story: dict) -> dict:
    quad, score = plover_score(ev.get("type"), ev.get("mode"))
    loc = ev.get("location") or {}
    detail = place_detail(loc)
    precision = loc.get("precision")
    source, target = ev.get("source"), ev.get("target")
    date = event_date(rec, ev)
    return {"Event ID": event_id(rec, index), "Event Date": date.start,
            "Event Type": ev.get("type"), "Event Mode": ev.get("mode"),
            "Intensity": score, "Quad Code": quad,
            "Contexts": ";".join(auxiliary_modes(ev)),
            **_party("Actor", rec, source), **_party("Recipient", rec, target),
            "Wikipedia Actor ID": wikidata_id(actor_of(source).get("id")),
            "Wikipedia Recipient ID": wikidata_id(actor_of(target).get("id")),
            "Placename": loc.get("name_en"), "City": loc.get("name_en") if precision == "point" else None,
            "District": detail.district, "Province": detail.admin1,
            "Country": country_name(loc.get("country")), "Latitude": loc.get("lat"), "Longitude": loc.get("lon"),
            "GeoNames ID": detail.geonames_id, "Raw Placename": loc.get("text"),
            "Feature Type": detail.feature_code or detail.feature,
            "Source": rec.get("source"), "Publication Date": rec.get("date"),
            **story, "Language": "ar", "Version": f"marsad {__version__}",
            "Negated": bool(ev.get("negated")), "Hedged": bool(ev.get("hedged")),
            "Date Precision": date.precision, "Place Precision": precision,
            "Marsad Actor ID": actor_of(source).get("id"), "Marsad Recipient ID": actor_of(target).get("id"),
            "URL": rec.get("url")}


# Characters that end a line for some reader (str.splitlines, awk, Excel) or split a TSV field.
_BREAKS = re.compile("[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def tsv_field(value: object) -> object:
    r"""A TSV cell: tabs and line breaks become one space, so one event is one line for line-based tools.

    >>> tsv_field("قال\tالجيش\nإن")
    'قال الجيش إن'
    """
    return _BREAKS.sub(" ", value) if isinstance(value, str) else value


def write_polecat(records: Iterable[dict], out: TextIO, context: ExportContext | None = None) -> int:
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
