"""The `marsad` command end to end: extract to a file, then score it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

MARSAD = str(Path(sys.executable).parent / "marsad")


@pytest.mark.slow
def test_extract_then_eval_with_system_output(tmp_path, gold_rows):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold_rows[:3]), encoding="utf-8")
    out = tmp_path / "sys.jsonl"
    run = subprocess.run([MARSAD, "extract", str(gold), "--format", "jsonl", "--out", str(out)],
                         capture_output=True, text=True, check=True)
    assert "3 article(s) processed, 0 error(s)" in run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [r["id"] for r in gold_rows[:3]]
    scored = subprocess.run([MARSAD, "eval", str(gold), "--system", str(out)],
                            capture_output=True, text=True, check=True).stdout
    direct = subprocess.run([MARSAD, "eval", str(gold)], capture_output=True, text=True, check=True).stdout
    assert "events strict" in scored and "claims" in scored
    assert scored.splitlines()[:5] == direct.splitlines()[:5]  # same figures either way


@pytest.mark.slow
def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("عنوان\n\nقال الجيش إن المعارك انتهت.", encoding="utf-8")
    bad = tmp_path / "b.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    run = subprocess.run([MARSAD, "extract", str(good), str(bad), "--format", "jsonl"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert f"error: {bad}:1: invalid JSON" in run.stderr
    assert len(run.stdout.splitlines()) == 1


def test_the_python_api_names_a_bad_argument():
    """Issue 13: marsad.extract(None) failed deep inside with an AttributeError."""
    import pytest

    import marsad

    with pytest.raises(TypeError, match="text must be a str"):
        marsad.extract(None)
    with pytest.raises(ValueError, match="outside the years"):
        marsad.extract("اتهمت روسيا الولايات المتحدة", date="0001-01-01")
    with pytest.raises(ValueError, match="not a day"):
        marsad.extract("اتهمت روسيا الولايات المتحدة", date="yesterday")
