"""`marsad export` end to end: real records in, a bad line reported, the batch goes on."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from marsad.export.records import act_events

MARSAD = str(Path(sys.executable).parent / "marsad")


def test_export_reports_bad_lines_and_goes_on(tmp_path, pool_records):
    src = tmp_path / "records.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in pool_records[:5]]
    src.write_text("\n".join([lines[0], "{broken", json.dumps({"id": "x"}), *lines[1:]]) + "\n", encoding="utf-8")
    out = tmp_path / "e.tsv"
    run = subprocess.run([MARSAD, "export", str(src), "--format", "polecat", "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert f"error: {src}:2: invalid JSON" in run.stderr
    assert f"error: {src}:3: not a contract record" in run.stderr
    n = sum(len(act_events(r)) for r in pool_records[:5])  # one row per act
    assert f"{n} event(s) exported, 2 error(s)" in run.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.reader(fh, delimiter="\t"))) == n + 1


def test_parquet_needs_an_output_file(tmp_path, pool_records):
    src = tmp_path / "records.jsonl"
    src.write_text(json.dumps(pool_records[0], ensure_ascii=False) + "\n", encoding="utf-8")
    run = subprocess.run([MARSAD, "export", str(src), "--format", "parquet"], capture_output=True, text=True)
    assert run.returncode != 0 and "--out" in run.stderr
    run = subprocess.run([MARSAD, "export", str(src), "--format", "xml"], capture_output=True, text=True)
    assert run.returncode != 0 and "--format" in run.stderr


def test_records_file_with_a_utf8_bom_is_read(tmp_path, pool_records):
    src = tmp_path / "records.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r, ensure_ascii=False) + "\n"
                                            for r in pool_records[:2]).encode("utf-8"))
    run = subprocess.run([MARSAD, "export", str(src), "--format", "jsonl"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert [json.loads(ln)["id"] for ln in run.stdout.splitlines()] == [r["id"] for r in pool_records[:2]]
