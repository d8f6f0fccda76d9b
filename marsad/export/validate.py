"""Validators: is an export true to its format? Each returns a list of problems (empty = valid).

The rules come from the formats' public specifications, not from Marsad's output:
- PLOVER: the PLOVER manual draft 0.8, chapter "Data Fields" (../shared/data/events/oeda-PLOVER/
  PLOVER_MANUAL.tex; field list ../shared/data/events/derived/output_schemas/plover_json_fields.tsv):
  the required fields, the entity / location / textInfo / citeInfo / size objects, the 16 event
  categories, quad codes, the -10..+10 scale, GeoNames feature classes and the 1-5 resolution codes;
- POLECAT: the 40 columns of the POLECAT weekly files in their order (polecat_events.tsv), the
  PLOVER vocabularies, COW numbers, coordinates; Marsad's extra columns must follow them;
- ICEWS: the 20 tab-separated columns (icews_events.tsv), CAMEO codes as strings of 2-4 digits,
  sectors written as names, not codes;
- flat CSV / Parquet: the documented column list and types (marsad.export.flat.COLUMNS).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from pathlib import Path

# --- PLOVER manual draft 0.8, "Data Fields" -------------------------------------------------------
PLOVER_EVENT_FIELDS = ("id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
                       "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
                       "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment")
PLOVER_REQUIRED = ("id", "date", "actor", "event")
PLOVER_ENTITY_FIELDS = ("code", "sector", "entity_text", "identifier_id", "identifier_text", "religion",
                        "ethnicity", "office", "gender", "age")
PLOVER_TEXT_INFO_FIELDS = ("sequence", "start", "end", "text_story")
PLOVER_SIZE_FIELDS = ("dead", "injured", "arrested")
PLOVER_CITE_INFO_FIELDS = ("corpus", "citation", "url", "title", "language", "publication", "license",
                           "copyright", "coder", "codebook", "version")
PLOVER_LOCATION_FIELDS = ("extracted_place", "resolved_place", "geonameid", "lat", "lon", "city", "district",
                          "province", "country", "country_code", "feature_class", "feature_code", "resolution")
# "Event Categories" chapter and the auxiliary modes of "Event, Mode, and Context"
PLOVER_EVENTS = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PLOVER_AUXILIARY_MODES = ("historical", "future", "hypothetical", "negation")
GEONAMES_FEATURE_CLASSES = ("A", "H", "L", "P", "R", "S", "T", "U", "V")  # geonames.org/export/codes.html
POLECAT_COLUMNS = ("Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
                   "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
                   "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
                   "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
                   "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
                   "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
                   "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
                   "Version")
ICEWS_COLUMNS = ("Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
                 "Longitude")

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QID = re.compile(r"^Q[1-9]\d*$")
CODE3 = re.compile(r"^[A-Z]{3}$")
SECTOR = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
ISO639_1 = re.compile(r"^[a-z]{2}$")
CAMEO = re.compile(r"^\d{2,4}$")
PRECISIONS = ("point", "admin", "country")
DATE_PRECISIONS = ("day", "month", "year", "article")


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or not DAY.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _entity_problems(ent: object, where: str) -> list[str]:
    if not isinstance(ent, dict):
        return [f"{where}: not an entity object"]
    out = [f"{where}: lacks `{f}`" for f in PLOVER_ENTITY_FIELDS if f not in ent]
    if ent.get("code") is not None and not (isinstance(ent["code"], str) and CODE3.match(ent["code"])):
        out.append(f"{where}: code {ent['code']!r} is not a 3-character code")
    if ent.get("sector") is not None and not (isinstance(ent["sector"], str) and SECTOR.match(ent["sector"])):
        out.append(f"{where}: sector {ent['sector']!r} is not a 3- or 6-character code")
    if ent.get("identifier_id") is not None and not (isinstance(ent["identifier_id"], str)
                                                     and QID.match(ent["identifier_id"])):
        out.append(f"{where}: identifier_id {ent['identifier_id']!r} is not a Wikidata QID")
    if ent.get("age") is not None and not isinstance(ent["age"], int):
        out.append(f"{where}: age is not an integer")
    return out


def _location_problems(loc: object) -> list[str]:
    if not isinstance(loc, dict):
        return ["event_loc: not a location object"]
    out = [f"event_loc: lacks `{f}`" for f in PLOVER_LOCATION_FIELDS if f not in loc]
    if loc.get("geonameid") is not None and (not isinstance(loc["geonameid"], int) or isinstance(loc["geonameid"], bool)):
        out.append("event_loc: geonameid is not an integer")
    for key, bound in (("lat", 90), ("lon", 180)):
        if loc.get(key) is not None and not (_number(loc[key]) and -bound <= loc[key] <= bound):
            out.append(f"event_loc: {key} {loc[key]!r} is not a coordinate")
    if loc.get("country_code") is not None and not CODE3.match(str(loc["country_code"])):
        out.append(f"event_loc: country_code {loc['country_code']!r} is not a 3-character ISO code")
    if loc.get("feature_class") is not None and loc["feature_class"] not in GEONAMES_FEATURE_CLASSES:
        out.append(f"event_loc: feature_class {loc['feature_class']!r} is not a GeoNames class")
    if loc.get("resolution") is not None and loc["resolution"] not in (1, 2, 3, 4, 5):
        out.append(f"event_loc: resolution {loc['resolution']!r} is not 1-5")
    if loc.get("resolution") == 1 and loc.get("city"):
        out.append("event_loc: a country-level place has a city")
    return out


def plover_problems(rec: object) -> list[str]:
    """What makes one PLOVER JSON event record untrue to the manual's Data Fields chapter."""
    if not isinstance(rec, dict):
        return ["not a JSON object"]
    out = [f"required field `{f}` missing or empty" for f in PLOVER_REQUIRED if rec.get(f) in (None, "", [])]
    if not isinstance(rec.get("id"), str):
        out.append("id is not a string")
    for key in ("date", "enddate", "coded_date"):
        if rec.get(key) is not None and not _is_day(rec[key]):
            out.append(f"{key} {rec[key]!r} is not a YYYY-MM-DD date")
    if _is_day(rec.get("date")) and _is_day(rec.get("enddate")) and rec["enddate"] < rec["date"]:
        out.append("enddate before date")
    for role in ("actor", "recipient"):
        ents = rec.get(role, [])
        if not isinstance(ents, list):
            out.append(f"{role} is not a list of entity objects")
            continue
        for k, ent in enumerate(ents):
            out.extend(_entity_problems(ent, f"{role}[{k}]"))
    events = rec.get("event")
    if not isinstance(events, list) or any(e not in PLOVER_EVENTS for e in events):
        out.append(f"event {events!r} is not a list of PLOVER event categories")
    if rec.get("quad_code") is not None and rec["quad_code"] not in (1, 2, 3, 4):
        out.append(f"quad_code {rec['quad_code']!r} is not 1-4")
    scale = rec.get("event_scale")
    if scale is not None and not (_number(scale) and -10 <= scale <= 10):
        out.append(f"event_scale {scale!r} is not a number on the -10..+10 scale")
    for key in ("mode", "context", "event_text"):
        if key in rec and rec[key] is not None and not (isinstance(rec[key], list)
                                                        and all(isinstance(v, str) for v in rec[key])):
            out.append(f"{key} is not a list of strings")
    if rec.get("has_event") is not None and not isinstance(rec["has_event"], bool):
        out.append("has_event is not True/False")
    if rec.get("event_loc") is not None:
        out.extend(_location_problems(rec["event_loc"]))
    for key, fields in (("text_info", PLOVER_TEXT_INFO_FIELDS), ("cite_info", PLOVER_CITE_INFO_FIELDS),
                        ("size", PLOVER_SIZE_FIELDS)):
        obj = rec.get(key)
        if obj is None:
            continue
        if not isinstance(obj, dict):
            out.append(f"{key} is not an object")
        elif key == "size":
            out.extend(f"size: unknown field `{f}`" for f in obj if f not in fields)
            out.extend(f"size: {f} is not a number" for f, v in obj.items() if f in fields and not _number(v))
        else:
            out.extend(f"{key}: lacks `{f}`" for f in fields if f not in obj)
    lang = (rec.get("cite_info") or {}).get("language")
    if lang is not None and not ISO639_1.match(str(lang)):
        out.append(f"cite_info: language {lang!r} is not an ISO 639-1 code")
    return out


def _table(text: str, delimiter: str) -> tuple[list[str], list[list[str]], list[str]]:
    """Header, rows and structural problems of a delimited file (one record a line)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    problems = []
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if len(rows) != len(lines):
        problems.append(f"{len(lines)} lines but {len(rows)} records: a field holds a line break")
    header = rows[0] if rows else []
    for n, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            problems.append(f"line {n}: {len(row)} fields, the header has {len(header)}")
    return header, rows[1:], problems


def _cell_problems(n: int, row: dict, days=(), ints=(), floats=(), coords=()) -> list[str]:
    out = []
    for key in days:
        if row.get(key) and not _is_day(row[key]):
            out.append(f"line {n}: {key} {row[key]!r} is not YYYY-MM-DD")
    for key in ints:
        if row.get(key) and not re.fullmatch(r"-?\d+", row[key]):
            out.append(f"line {n}: {key} {row[key]!r} is not an integer")
    for key in floats:
        try:
            float(row[key]) if row.get(key) else None
        except ValueError:
            out.append(f"line {n}: {key} {row[key]!r} is not a number")
    for key, bound in coords:
        try:
            if row.get(key) and not -bound <= float(row[key]) <= bound:
                out.append(f"line {n}: {key} {row[key]!r} is out of range")
        except ValueError:
            out.append(f"line {n}: {key} {row[key]!r} is not a coordinate")
    return out


def polecat_problems(text: str) -> list[str]:
    """What makes a POLECAT TSV untrue to POLECAT's 40 columns (Marsad's extra columns after them)."""
    header, rows, out = _table(text, "\t")
    if tuple(header[:40]) != POLECAT_COLUMNS:
        return [*out, "the first 40 columns are not POLECAT's, in POLECAT's order"]
    flagged = {"Negated", "Hedged"} <= set(header)
    if not flagged:
        out.append("no Negated/Hedged columns: negated or hedged events would read as plain events")
    seen: set[str] = set()
    for n, cells in enumerate(rows, 2):
        row = dict(zip(header, cells))
        if not row.get("Event ID") or row["Event ID"] in seen:
            out.append(f"line {n}: Event ID empty or repeated")
        seen.add(row.get("Event ID", ""))
        if row.get("Event Type") not in PLOVER_EVENTS:
            out.append(f"line {n}: Event Type {row.get('Event Type')!r} is no PLOVER category")
        if not _is_day(row.get("Event Date")):
            out.append(f"line {n}: Event Date {row.get('Event Date')!r} is not YYYY-MM-DD")
        if row.get("Quad Code") not in ("1", "2", "3", "4"):
            out.append(f"line {n}: Quad Code {row.get('Quad Code')!r} is not 1-4")
        out.extend(_cell_problems(n, row, days=("Publication Date",), ints=("Actor COW", "Recipient COW", "GeoNames ID"),
                                  floats=("Intensity",), coords=(("Latitude", 90), ("Longitude", 180))))
        for key in ("Actor Country", "Recipient Country"):
            if row.get(key) and not CODE3.match(row[key]):
                out.append(f"line {n}: {key} {row[key]!r} is not a 3-letter code")
        for key in ("Wikipedia Actor ID", "Wikipedia Recipient ID"):
            if row.get(key) and not QID.match(row[key]):
                out.append(f"line {n}: {key} {row[key]!r} is not a Wikidata QID")
        if row.get("Language") and not ISO639_1.match(row["Language"]):
            out.append(f"line {n}: Language {row['Language']!r} is not ISO 639-1")
        if flagged:
            for key, context in (("Negated", "negation"), ("Hedged", "hypothetical")):
                if row.get(key) not in ("True", "False"):
                    out.append(f"line {n}: {key} {row.get(key)!r} is not True/False")
                elif row[key] == "True" and context not in row.get("Contexts", "").split(";"):
                    out.append(f"line {n}: {key} but Contexts lacks {context}")
        if "Place Precision" in header:
            if row.get("Latitude") and row.get("Place Precision") not in PRECISIONS:
                out.append(f"line {n}: coordinates without a Place Precision")
            if row.get("City") and row.get("Place Precision") != "point":
                out.append(f"line {n}: City set for an area or country centroid")
    return out


def icews_problems(text: str) -> list[str]:
    """What makes an ICEWS-style file untrue to ICEWS's 20 tab-separated columns."""
    header, rows, out = _table(text, "\t")
    if tuple(header) != ICEWS_COLUMNS:
        return [*out, "the columns are not ICEWS's 20, tab-separated, in ICEWS's order"]
    for n, cells in enumerate(rows, 2):
        row = dict(zip(header, cells))
        if not row.get("Event ID"):
            out.append(f"line {n}: no Event ID")
        if not _is_day(row.get("Event Date")):
            out.append(f"line {n}: Event Date {row.get('Event Date')!r} is not YYYY-MM-DD")
        if not CAMEO.match(row.get("CAMEO Code", "")):
            out.append(f"line {n}: CAMEO Code {row.get('CAMEO Code')!r} is not 2-4 digits")
        out.extend(_cell_problems(n, row, ints=("Sentence Number",), floats=("Intensity",),
                                  coords=(("Latitude", 90), ("Longitude", 180))))
        if row.get("Intensity") and _number_in(row["Intensity"], 10) is False:
            out.append(f"line {n}: Intensity {row['Intensity']!r} is off the -10..+10 scale")
        for key in ("Source Sectors", "Target Sectors"):
            codes = [s for s in row.get(key, "").split(",") if CODE3.match(s.strip())]
            if codes:
                out.append(f"line {n}: {key} has codes {codes}, ICEWS writes sector names")
    return out


def _number_in(value: str, bound: float) -> bool | None:
    try:
        return -bound <= float(value) <= bound
    except ValueError:
        return None


CSV_KINDS = {"string": lambda v: True, "int32": lambda v: re.fullmatch(r"-?\d+", v) is not None,
             "float64": lambda v: _number_in(v, float("inf")) is not None,
             "bool": lambda v: v in ("True", "False"), "date": _is_day}


def flat_csv_problems(text: str) -> list[str]:
    """What makes a flat CSV untrue to the documented column list (marsad.export.flat.COLUMNS)."""
    from marsad.export.flat import COLUMNS

    header, rows, out = _table(text, ",")
    if tuple(header) != tuple(c.name for c in COLUMNS):
        return [*out, "the columns are not the flat schema's, in its order"]
    for n, cells in enumerate(rows, 2):
        row = dict(zip(header, cells))
        for c in COLUMNS:
            value = row.get(c.name, "")
            if value and not CSV_KINDS[c.kind](value):
                out.append(f"line {n}: {c.name} {value!r} is not a {c.kind}")
        out.extend(_flat_row_problems(n, row))
    return out


def _flat_row_problems(n: int, row: dict) -> list[str]:
    out = []
    if row.get("type") not in PLOVER_EVENTS:
        out.append(f"line {n}: type {row.get('type')!r} is no PLOVER category")
    if row.get("date_precision") and row["date_precision"] not in DATE_PRECISIONS:
        out.append(f"line {n}: date_precision {row['date_precision']!r}")
    if row.get("date") and row.get("date_end") and str(row["date_end"]) < str(row["date"]):
        out.append(f"line {n}: date_end before date")
    if row.get("location_lat") not in (None, "") and row.get("location_precision") not in PRECISIONS:
        out.append(f"line {n}: coordinates without a location_precision")
    return out


def parquet_problems(path: Path | str) -> list[str]:
    """What makes a Parquet file untrue to the flat schema: column names, types, typed dates."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from marsad.export.flat import COLUMNS

    kinds = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32()}
    schema = pq.read_schema(str(path))
    expected = [(c.name, kinds[c.kind]) for c in COLUMNS]
    actual = [(f.name, f.type) for f in schema]
    if actual != expected:
        wrong = [f"{name}: {kind}" for (name, kind) in actual if (name, kind) not in expected]
        return [f"schema differs from the flat schema ({', '.join(wrong) or 'columns missing or out of order'})"]
    out = []
    for n, row in enumerate(pq.read_table(str(path)).to_pylist(), 2):
        out.extend(_flat_row_problems(n, row))
    return out


def plover_file_problems(lines: Iterable[str]) -> list[str]:
    """Problems of a PLOVER JSONL file, each prefixed with its line number; ids must be unique."""
    import json

    out, seen = [], set()
    for n, line in enumerate(lines, 1):
        try:
            rec = json.loads(line)
        except ValueError as exc:
            out.append(f"line {n}: invalid JSON ({exc})")
            continue
        out.extend(f"line {n}: {p}" for p in plover_problems(rec))
        if isinstance(rec, dict):
            if rec.get("id") in seen:
                out.append(f"line {n}: id {rec.get('id')!r} repeated")
            seen.add(rec.get("id"))
    return out


def validate(path: Path | str, fmt: str) -> list[str]:
    """Problems of an export file of format `fmt` (marsad.export.FORMATS; jsonl has no schema here)."""
    if fmt == "parquet":
        return parquet_problems(path)
    text = Path(path).read_text(encoding="utf-8")
    if fmt == "plover":
        return plover_file_problems(text.splitlines())
    checks = {"polecat": polecat_problems, "icews": icews_problems, "csv": flat_csv_problems}
    if fmt not in checks:
        raise ValueError(f"no validator for {fmt!r}")
    return checks[fmt](text)
