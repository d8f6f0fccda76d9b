"""Each format's validator (marsad.export.validate) passes on real exports of a store built from
real articles and fails on a record that breaks the format; the exports carry what the formats ask
(PLOVER actor, QIDs, date precision, gazetteer fields, dedup links; POLECAT flags and COW codes;
ICEWS sector names)."""
from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marsad.export.flat import NAMES
from marsad.export.validate import (
    ICEWS_COLUMNS,
    PLOVER_CITE_INFO_FIELDS,
    PLOVER_ENTITY_FIELDS,
    PLOVER_EVENT_FIELDS,
    PLOVER_EVENTS,
    PLOVER_LOCATION_FIELDS,
    PLOVER_REQUIRED,
    PLOVER_SIZE_FIELDS,
    PLOVER_TEXT_INFO_FIELDS,
    POLECAT_COLUMNS,
    flat_csv_problems,
    icews_problems,
    parquet_problems,
    plover_problems,
    polecat_problems,
    validate,
)

MARSAD = str(Path(sys.executable).parent / "marsad")
# pool_2000 lines 0-59 (hedged, month- and year-dated events among them), a Trump article, the
# Khashoggi killing as BBC Arabic and CNN Arabic reported it (one canonical event after dedup), and
# line 63, whose denied assassinations (نفى … اغتيال) are negated events
KHASHOGGI = ("ant2:BB-middleEast-1071-20181008", "ant2:CN-middleEast-1447-20181009")
# two articles whose acts have no named agent (killings and arrests by no one the text names): the
# PLOVER export's unnamed actor
UNNAMED_AGENT = ("snn:1c9b3cb97a81", "snn:f56a3458eb6a")
EXTRA = ("ant1:JA-internationalNews-34-20170122", *KHASHOGGI, "snn:6db31701c332", *UNNAMED_AGENT)
FILES = {"plover": "e.jsonl", "polecat": "e.tsv", "icews": "icews.tsv", "csv": "e.csv", "parquet": "e.parquet"}


def _marsad(*args: str) -> subprocess.CompletedProcess:
    run = subprocess.run([MARSAD, *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture(scope="module")
def exported(tmp_path_factory, shared):
    """A SQLite store of 64 real articles, deduped, and every format exported from it by the CLI."""
    lines = (shared / "corpora" / "pool_2000.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    chosen = lines[:60] + [ln for ln in lines if json.loads(ln)["id"] in EXTRA]
    root = tmp_path_factory.mktemp("validate")
    src = root / "articles.jsonl"
    src.write_text("".join(chosen), encoding="utf-8")
    db = str(root / "marsad.db")
    _marsad("ingest", str(src), "--db", db, "--no-progress")
    _marsad("dedup", "--db", db)
    for fmt, name in FILES.items():
        _marsad("export", "--db", db, "--format", fmt, "--out", str(root / name))
    (root / "events.csv").write_text(_marsad("events", "--db", db, "--format", "csv").stdout, encoding="utf-8")
    from marsad.store import open_store

    with open_store(db, readonly=True) as store:
        records = {r["id"]: r for r in store.iter_records()}
        links = {f"{aid}#{idx}": cid for aid, idx, cid in
                 store.rows("SELECT article_id, event_idx, canonical_id FROM event_links")}
    return root, records, links


def _plover(root: Path) -> list[dict]:
    return [json.loads(ln) for ln in (root / FILES["plover"]).read_text(encoding="utf-8").splitlines()]


def _tsv(root: Path, name: str) -> list[dict]:
    with (root / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


# --- the validators encode the public schemas --------------------------------------------------

def test_validators_are_the_public_schemas(schemas, shared):
    fields: dict[str, list[str]] = {}
    for line in (schemas / "plover_json_fields.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("object\t"):
            obj, field, *rest = line.split("\t")
            fields.setdefault(obj, []).append(field)
            if obj == "event" and rest[-1] == "Y":
                fields.setdefault("required", []).append(field)
    assert list(PLOVER_EVENT_FIELDS) == fields["event"] and list(PLOVER_REQUIRED) == fields["required"]
    assert list(PLOVER_ENTITY_FIELDS) == fields["entity"] and list(PLOVER_LOCATION_FIELDS) == fields["location"]
    assert list(PLOVER_TEXT_INFO_FIELDS) == fields["textInfo"] and list(PLOVER_SIZE_FIELDS) == fields["size"]
    assert list(PLOVER_CITE_INFO_FIELDS) == fields["citeInfo"]
    onto = json.loads((shared / "events" / "derived" / "plover_ontology.json").read_text(encoding="utf-8"))
    assert set(PLOVER_EVENTS) == {t["name"] for t in onto["event_types"]}

    def columns(name):
        return [ln.split("\t")[1] for ln in (schemas / name).read_text(encoding="utf-8").splitlines()
                if ln[:1].isdigit()]
    assert list(POLECAT_COLUMNS) == columns("polecat_events.tsv")
    assert list(ICEWS_COLUMNS) == columns("icews_events.tsv")


# --- real exports pass --------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("fmt", list(FILES))
def test_real_exports_pass_their_validator(exported, fmt):
    root, records, links = exported
    assert validate(root / FILES[fmt], fmt) == []
    n = sum(1 for _ in (pq.read_table(root / FILES[fmt]).to_pylist() if fmt == "parquet" else
                        (root / FILES[fmt]).read_text(encoding="utf-8").splitlines()))
    assert n > 120  # a real export: over a hundred acts from 66 articles, not an empty file


@pytest.mark.slow
def test_events_csv_has_the_flat_columns_and_passes(exported):
    root, records, links = exported
    text = (root / "events.csv").read_text(encoding="utf-8")
    assert flat_csv_problems(text) == []
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(NAMES)
    # one row per event as extracted (events), against one per act (export)
    assert len(rows) == sum(len(r["events"]) for r in records.values())


# --- what the PLOVER export carries -------------------------------------------------------------

@pytest.mark.slow
def test_plover_actor_qids_dates_places_and_links(exported):
    root, records, links = exported
    plover = _plover(root)
    assert all(len(r["actor"]) == 1 for r in plover)
    unnamed = [r for r in plover if r["actor"][0]["entity_text"] is None]
    assert unnamed and all(r["actor"][0]["marsad_id"] is None for r in unnamed)
    trump = [e for r in plover for e in r["actor"] + r["recipient"] if e["marsad_id"] == "PER-DONALD_TRUMP"]
    assert trump and {e["identifier_id"] for e in trump} == {"Q22686"}
    assert {e["identifier_id"] for r in plover for e in r["actor"] if e["marsad_id"] == "GRP-ISIS"} == {"Q2429253"}
    # a state institution has no QID of its own: never the state's
    assert all(e["identifier_id"] is None for r in plover for e in r["actor"]
               if (e["marsad_id"] or "").endswith("-MIL"))
    by_id = {r["id"]: r for r in plover}
    for rid, r in by_id.items():
        aid, idx = rid.rsplit("#", 1)
        date = records[aid]["events"][int(idx)]["date"]
        if date["precision"] in ("month", "year"):
            assert r["date"].startswith(date["value"]) and r["enddate"].startswith(date["value"])
            assert r["date_precision"] == date["precision"]
            assert r["date"] != records[aid]["date"] or r["date"].endswith("-01")
    assert {"month", "year", "day"} <= {r["date_precision"] for r in plover}
    assert all(r["event_scale"] == -3.0 for r in plover if r["event"] == ["ACCUSE"] and r["mode"][:1] in ([], ["negation"], ["hypothetical"]))
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert {r["coded_date"] for r in plover} == {today}
    localities = [r["event_loc"] for r in plover if r["event_loc"] and r["event_loc"]["feature_code"] == "PPL"]
    assert localities and all(loc["geonameid"] and loc["feature_class"] == "P" for loc in localities)
    assert any(loc["province"] for loc in localities)
    countries = [r["event_loc"] for r in plover if r["event_loc"] and r["event_loc"]["feature_code"] == "PCLI"]
    assert countries and all(loc["resolution"] == 1 and loc["city"] is None for loc in countries)
    # `link` is the event's canonical event after dedup; the Khashoggi case (Turkey asking to search
    # the consulate, the Saudi denial) links BBC Arabic's and CNN Arabic's reports to one event
    assert {r["id"]: r["link"] for r in plover if r["link"]} == {k: v for k, v in links.items() if k in by_id}
    outlets: dict[str, set[str]] = {}
    for r in plover:
        if r["link"]:
            outlets.setdefault(r["link"], set()).add(r["cite_info"]["citation"])
    assert any(set(KHASHOGGI) <= cited for cited in outlets.values())


@pytest.mark.slow
def test_polecat_flags_codes_and_story_names(exported):
    root, records, links = exported
    rows = _tsv(root, FILES["polecat"])
    negated = [r for r in rows if r["Negated"] == "True"]
    assert negated and all("negation" in r["Contexts"].split(";") for r in negated)
    hedged = [r for r in rows if r["Hedged"] == "True"]
    assert hedged and all("hypothetical" in r["Contexts"].split(";") for r in hedged)
    assert {r["Actor COW"] for r in rows if r["Actor Country"] == "USA"} == {"2"}
    assert {r["Actor COW"] for r in rows if r["Actor Country"] == "SYR"} <= {"652"}
    assert any(r["GeoNames ID"] and r["Province"] for r in rows)
    assert all(not r["City"] for r in rows if r["Place Precision"] in ("country", "admin"))
    from marsad.grammar.actor_base import ActorBase

    labels = set(ActorBase.load().head_roles)
    people = {p for r in rows for p in r["Story People"].split(";") if p}
    orgs = {o for r in rows for o in r["Story Organizations"].split(";") if o}
    assert "Donald Trump" in people and not (people | orgs) & labels


@pytest.mark.slow
def test_icews_sector_names_and_english_names(exported):
    root, records, links = exported
    rows = _tsv(root, FILES["icews"])
    sectors = {s for r in rows for s in (r["Source Sectors"] + "," + r["Target Sectors"]).split(",") if s}
    assert {"Government", "Military"} <= sectors and not {s for s in sectors if s.isupper() and len(s) == 3}
    assert any(r["Source Name"] == "Donald Trump" for r in rows)
    arabic = [r["Source Name"] for r in rows if any("\u0600" <= ch <= "\u06ff" for ch in r["Source Name"])]
    # raw Arabic only where the actor has no English name
    names_en = {((ev.get("source") or {}).get("actor") or {}).get("name_en")
                for rec in records.values() for ev in rec["events"]}
    assert not set(arabic) & names_en


# --- each validator fails on a broken record ----------------------------------------------------

@pytest.mark.slow
def test_plover_validator_fails_on_records_that_break_the_manual(exported):
    root, _, _ = exported
    good = next(r for r in _plover(root) if r["event_loc"] and r["recipient"])
    assert plover_problems(good) == []
    breaks = {
        "actor": lambda r: r.update(actor=[]),
        "date": lambda r: r.update(date="2018-03"),
        "identifier_id": lambda r: r["actor"][0].update(identifier_id="USA-GOV"),
        "event": lambda r: r.update(event=["ATTACK"]),
        "event_scale": lambda r: r.update(event_scale=30),
        "resolution": lambda r: r["event_loc"].update(resolution=7),
        "feature_class": lambda r: r["event_loc"].update(feature_class="PPL"),
        "geonameid": lambda r: r["event_loc"].update(geonameid="Q123"),
        "recipient": lambda r: r["recipient"][0].pop("sector"),
        "language": lambda r: r["cite_info"].update(language="arabic"),
        "quad_code": lambda r: r.update(quad_code=5),
    }
    for what, breaker in breaks.items():
        bad = copy.deepcopy(good)
        breaker(bad)
        problems = plover_problems(bad)
        assert problems and any(what in p for p in problems), (what, problems)


@pytest.mark.slow
def test_polecat_validator_fails_on_rows_that_break_polecat(exported):
    root, _, _ = exported
    text = (root / FILES["polecat"]).read_text(encoding="utf-8")
    header, *rows = text.split("\n")[:-1]
    names = header.split("\t")
    assert polecat_problems(text) == []

    def with_cell(column: str, value: str) -> str:
        cells = rows[0].split("\t")
        cells[names.index(column)] = value
        return "\n".join([header, "\t".join(cells), *rows[1:]]) + "\n"

    assert polecat_problems(with_cell("Event Type", "ATTACK"))
    assert polecat_problems(with_cell("Negated", "True"))  # negated without the negation context
    assert polecat_problems(with_cell("Actor COW", "USA"))
    assert polecat_problems(with_cell("Event Date", "2018-03"))
    cells = rows[0].split("\t")
    cells[names.index("City")], cells[names.index("Place Precision")] = "Syria", "country"
    assert any("City" in p for p in polecat_problems("\n".join([header, "\t".join(cells)]) + "\n"))
    forty = "\n".join("\t".join(line.split("\t")[:40]) for line in [header, *rows]) + "\n"
    assert any("Negated" in p for p in polecat_problems(forty))  # no flags: negated events read as plain
    swapped = header.replace("Event Type\tEvent Mode", "Event Mode\tEvent Type")
    assert polecat_problems("\n".join([swapped, *rows]) + "\n")


@pytest.mark.slow
def test_icews_validator_fails_on_rows_that_break_icews(exported):
    root, _, _ = exported
    text = (root / FILES["icews"]).read_text(encoding="utf-8")
    assert icews_problems(text) == []
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    as_csv = io.StringIO()
    csv.writer(as_csv, lineterminator="\n").writerows(rows)
    assert icews_problems(as_csv.getvalue())  # comma-separated is not ICEWS
    header, first = rows[0], list(rows[1])
    first[header.index("Source Sectors")] = "GOV"
    assert any("sector names" in p for p in icews_problems("\t".join(header) + "\n" + "\t".join(first) + "\n"))
    first = list(rows[1])
    first[header.index("CAMEO Code")] = "18.0"
    assert icews_problems("\t".join(header) + "\n" + "\t".join(first) + "\n")


@pytest.mark.slow
def test_flat_validators_fail_on_rows_that_break_the_schema(exported, tmp_path):
    root, _, _ = exported
    text = (root / FILES["csv"]).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))

    def as_csv(rows_, names=NAMES):
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows_)
        return buf.getvalue()

    assert flat_csv_problems(as_csv(rows)) == []
    assert flat_csv_problems(as_csv(rows, names=list(reversed(NAMES))))
    for column, value in (("date", "2018-03"), ("killed", "many"), ("negated", "yes"), ("date_precision", "week")):
        bad = [dict(rows[0], **{column: value}), *rows[1:]]
        assert any(column in p for p in flat_csv_problems(as_csv(bad))), column
    table = pq.read_table(root / FILES["parquet"])
    assert parquet_problems(root / FILES["parquet"]) == []
    assert table.schema.field("date").type == pa.date32() and table.schema.field("article_date").type == pa.date32()
    untyped = table.set_column(table.schema.get_field_index("date"), "date",
                               pa.array([str(d) if d else None for d in table.column("date").to_pylist()]))
    pq.write_table(untyped, tmp_path / "untyped.parquet")
    assert any("date" in p for p in parquet_problems(tmp_path / "untyped.parquet"))
