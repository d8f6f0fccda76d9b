"""`marsad extract --explain`: the rules that produced each event and claim,
outside the output contract (issue 14)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import orjson

MARSAD = str(Path(sys.executable).parent / "marsad")
ARTICLE = ("عنوان\n\nاتهمت روسيا الولايات المتحدة بدعم الإرهاب. وشنت طائرات التحالف الأربعاء أكثر من 20 غارة "
           "على مواقع الحوثيين في صعدة. وقال المتحدث إن 30 شخصا قتلوا.")


def extract(path: Path, *args: str) -> str:
    # the rules' own traces: v0.5.0's pipeline (the learned events carry their anchor's rule name)
    return subprocess.run([MARSAD, "extract", str(path), "--date", "2018-01-03", "--rules", *args],
                          capture_output=True, text=True, check=True).stdout


def test_jsonl_explain_adds_an_object_per_item_and_nothing_else(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    plain = extract(article, "--format", "jsonl")
    explained = json.loads(extract(article, "--format", "jsonl", "--explain"))
    assert len(explained["events"]) == 3 and len(explained["claims"]) == 2
    strike = explained["events"][1]["explain"]
    assert strike == {
        "rule": "noun:light",
        "trace": ["light-verb", "noun-roles", "light-verb-subject", "object-after"],
        "date": "clause:weekday",
        "quantities": ["digits:unit:comparator-before"],
        "location": "clause:locative:bare-name",
    }
    assert explained["claims"][1]["explain"] == {"rule": "verb", "date": "narrative:weekday",
                                                 "quantities": ["digits:unit"]}
    # without the explain objects the record is the default output, byte for byte
    stripped = {**explained, **{key: [{k: v for k, v in item.items() if k != "explain"} for item in explained[key]]
                                for key in ("events", "claims")}}
    assert orjson.dumps(stripped).decode("utf-8") + "\n" == plain
    assert "explain" not in plain


def test_text_explain_prints_a_rules_line_under_each_item(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    plain = extract(article).splitlines()
    explained = extract(article, "--explain").splitlines()
    rules = [line for line in explained if line.lstrip().startswith("⤷")]
    assert len(rules) == 5  # 3 events, 2 claims
    assert [line for line in explained if line not in rules] == plain
    assert rules[0].strip() == ("⤷ rule verb · trace verb-subject, object-after-subject, object-after"
                                " · date article · location dominant:bare-name")
