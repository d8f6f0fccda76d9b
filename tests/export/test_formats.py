"""Each export format on real records: the columns/fields of its reference schema, parseable
output, one row per event, values traceable to the record."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from marsad.export import FORMATS, export
from marsad.export.flat import NAMES
from marsad.export.lookups import cameo_table
from marsad.export.records import act_events, event_id


def schema_fields(path, object_name=None) -> list[str]:
    rows = [ln.rstrip("\n").split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    header, body = rows[0], rows[1:]
    if object_name is None:
        return [r[header.index("field")] for r in body]
    return [r[1] for r in body if r[0] == object_name]


def all_events(records):
    """The rows an export writes: one per act (the sentences reporting one act are merged)."""
    return [(rec, i, ev) for rec in records for i, ev in act_events(rec)]


def test_polecat_has_the_40_columns_in_order_then_marsads(tmp_path, pool_records, schemas):
    from marsad.export.polecat import EXTRA_COLUMNS

    expected = schema_fields(schemas / "polecat_events.tsv")
    assert len(expected) == 40
    out = tmp_path / "e.tsv"
    n = export(pool_records, "polecat", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert rows[0] == expected + list(EXTRA_COLUMNS)
    assert len(rows) - 1 == n == len(all_events(pool_records))
    assert all(len(r) == len(rows[0]) for r in rows[1:])
    by_id = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    for rec, i, ev in all_events(pool_records):
        row = by_id[event_id(rec, i)]
        assert row["Event Type"] == ev["type"] and row["Event Mode"] == (ev.get("mode") or "")
        assert row["Actor Name Raw"] == ((ev.get("source") or {}).get("text") or "")
        assert row["Source"] == rec["source"] and row["Language"] == "ar"
        if ev.get("location") and ev["location"]["country"] == "SYR":
            assert row["Country"] == "Syria"


def test_plover_records_carry_every_plover_field(tmp_path, pool_records, shared, schemas):
    fields = schema_fields(schemas / "plover_json_fields.tsv", "event")
    entity_fields = schema_fields(schemas / "plover_json_fields.tsv", "entity")
    location_fields = schema_fields(schemas / "plover_json_fields.tsv", "location")
    types = {t["name"] for t in json.loads((shared / "events" / "derived" / "plover_ontology.json").read_text())["event_types"]}
    out = tmp_path / "e.jsonl"
    n = export(pool_records, "plover", out)
    lines = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == n == len(all_events(pool_records))
    for rec, (src, i, ev) in zip(lines, all_events(pool_records)):
        assert set(fields) <= set(rec)
        assert rec["id"] == event_id(src, i) and rec["date"] and rec["event"] == [ev["type"]]
        assert rec["event"][0] in types and rec["quad_code"] in (1, 2, 3, 4)
        for ent in rec["actor"] + rec["recipient"]:
            assert set(entity_fields) <= set(ent)
        if ev.get("source"):
            assert rec["actor"][0]["entity_text"] == ev["source"]["text"]
        if rec["event_loc"]:
            assert set(location_fields) <= set(rec["event_loc"])
        assert ("negation" in rec["mode"]) == ev["negated"]
        start, end = rec["text_info"]["start"], rec["text_info"]["end"]
        # the act's first sentence first, then its other sentences (one row per act)
        assert rec["event_text"][0] == src["text"][start:end]
        assert rec["event_text"] == [src["text"][e["start"]:e["end"]] for e in ev["act_evidence"]]


def test_parquet_round_trips_with_pyarrow(tmp_path, pool_records):
    out = tmp_path / "e.parquet"
    n = export(pool_records, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == n == len(all_events(pool_records))
    assert table.column_names == list(NAMES)
    rows = table.to_pylist()
    for row, (rec, i, ev) in zip(rows, all_events(pool_records)):
        assert row["event_id"] == event_id(rec, i) and row["type"] == ev["type"]
        assert row["evidence_text"] == rec["text"][row["evidence_start"]:row["evidence_end"]]
        assert row["negated"] is ev["negated"]
        if ev.get("location"):
            assert row["location_lat"] == pytest.approx(ev["location"]["lat"])


def test_parquet_writes_several_row_groups(tmp_path, pool_records):
    from marsad.export.parquet import write_parquet

    out = tmp_path / "e.parquet"
    n = write_parquet(pool_records, out, row_group=50)
    meta = pq.ParquetFile(out).metadata
    assert meta.num_row_groups == -(-n // 50) and meta.num_rows == n


def test_csv_parses_one_row_per_event(tmp_path, pool_records):
    out = tmp_path / "e.csv"
    n = export(pool_records, "csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n == len(all_events(pool_records))
    assert list(rows[0]) == list(NAMES)
    for row, (rec, i, ev) in zip(rows, all_events(pool_records)):
        start, end = int(row["evidence_start"]), int(row["evidence_end"])
        assert row["evidence_text"] == rec["text"][start:end]  # newlines and quotes survive
        assert row["source_text"] == ((ev.get("source") or {}).get("text") or "")
        date = ev.get("date") or {}
        if date.get("precision") == "day":
            assert row["date"] == row["date_end"] == date["value"] and row["date_precision"] == "day"
        elif date.get("value"):  # a month or year keeps its period, never the article's day
            assert row["date"].startswith(date["value"]) and row["date_end"].startswith(date["value"])
            assert row["date_precision"] == date["precision"]


def test_icews_codes_come_from_the_cameo_codebook(tmp_path, pool_records, shared, schemas):
    codebook = {}
    with (shared / "events" / "derived" / "cameo_codebook.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            codebook[row["cameo_code"]] = row
    out = tmp_path / "e.tsv"
    export(pool_records, "icews", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert list(rows[0]) == schema_fields(schemas / "icews_events.tsv")
    for row, (rec, i, ev) in zip(rows, all_events(pool_records)):
        code = row["CAMEO Code"]
        assert code in codebook, code
        assert float(row["Intensity"]) == float(codebook[code]["goldstein"])
        # the code's own PLOVER mapping names the event's type (SANCTION/convict is the one documented exception)
        assert ev["type"] in codebook[code]["plover_event"] or (ev["type"], ev.get("mode")) == ("SANCTION", "convict")
        assert row["Story ID"] == rec["id"]


def test_every_mapping_row_points_at_a_real_cameo_code(shared):
    with (shared / "events" / "derived" / "cameo_codebook.tsv").open(encoding="utf-8") as fh:
        codes = {row["cameo_code"]: row for row in csv.DictReader(fh, delimiter="\t")}
    for (etype, mode), cameo in cameo_table().items():
        assert cameo.code in codes and cameo.goldstein == float(codes[cameo.code]["goldstein"])
    assert {t for t, _ in cameo_table()} >= {"ASSAULT", "ACCUSE", "CONSULT", "PROTEST", "RETREAT"}


def test_jsonl_keeps_whole_records(tmp_path, pool_records):
    out = tmp_path / "r.jsonl"
    export(pool_records, "jsonl", out)
    assert [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()] == pool_records


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "parquet"])
def test_text_formats_stream(fmt, pool_records, monkeypatch):
    """Output is written while records are still being produced: nothing is gathered first."""
    buf = io.StringIO()
    monkeypatch.setattr("sys.stdout", buf)
    sizes = []

    def records():
        for rec in pool_records:
            sizes.append(len(buf.getvalue()))
            yield rec

    export(records(), fmt)
    assert sizes[-1] > 0 and sizes[-1] < len(buf.getvalue())


def test_polecat_cells_hold_no_tab_or_line_break(tmp_path, pool_records):
    """Issue 13: a tab or newline inside a field broke line-based tools (cut, awk, wc -l)."""
    import copy

    from marsad.export.polecat import COLUMNS

    recs = copy.deepcopy([r for r in pool_records if r["events"]][:5])
    for rec in recs:
        rec["source"] = "Sky\tNews\nArabia\u2028"
        ev = rec["events"][0]
        if ev.get("source"):
            ev["source"]["text"] = "قوات\tالنظام\r\nالسوري"
    out = tmp_path / "e.tsv"
    n = export(recs, "polecat", out)
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(lines) == n + 1
    assert all(line.count("\t") == len(COLUMNS) - 1 for line in lines)
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
    assert {r["Source"] for r in rows} == {"Sky News Arabia "}
