"""Cross-article dedup on real articles: two outlets reporting one event merge into one canonical
event with both reports; different events with overlapping actors stay apart."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.dedup import DedupSettings, dedup
from marsad.dedup.keys import event_key
from marsad.dedup.rule import verdict

MARSAD = str(Path(sys.executable).parent / "marsad")
# Khashoggi "killed inside the consulate": BBC Arabic (8 Oct 2018) and CNN Arabic (9 Oct 2018)
KHASHOGGI = ("ant2:BB-middleEast-1071-20181008", "ant2:CN-middleEast-1447-20181009")
# Trump's call with Erdogan (12 Apr) vs his talks with Macron and May (13 Apr), both France 24
TRUMP_CALLS = ("ant2:FR-internationalNews-692-20180412", "ant2:FR-internationalNews-707-20180413")


def test_two_outlets_reporting_one_killing_merge(article_records, find_event):
    bbc, cnn = article_records(*KHASHOGGI)
    i = find_event(bbc, "ASSAULT", "داخل القنصلية")
    j = find_event(cnn, "ASSAULT", "داخل القنصلية")
    result = dedup([bbc, cnn])
    cid = result.links[(bbc["id"], i)]
    assert result.links[(cnn["id"], j)] == cid
    canon = next(c for c in result.canonical if c.id == cid)
    assert canon.reports == 2 and set(canon.outlets) == {"BBC Arabic", "CNN Arabic"}
    assert set(canon.articles) == set(KHASHOGGI)
    # both reports are members (an article restating the killing adds members, not reports)
    assert {f"{bbc['id']}#{i}", f"{cnn['id']}#{j}"} <= set(canon.to_dict()["events"])


def test_every_event_links_to_exactly_one_canonical_event(article_records):
    records = article_records(*KHASHOGGI, *TRUMP_CALLS)
    result = dedup(records)
    refs = {(r["id"], i) for r in records for i in range(len(r["events"]))}
    assert set(result.links) == refs
    members = [(m.article_id, m.index) for c in result.canonical for m in c.members]
    assert sorted(members) == sorted(refs)


def test_different_calls_with_a_shared_caller_stay_apart(article_records, find_event):
    a, b = article_records(*TRUMP_CALLS)
    i = find_event(a, "CONSULT", "أردوغان")
    j = find_event(b, "CONSULT", "ماكرون")
    ka, kb = event_key(a, i, a["events"][i]), event_key(b, j, b["events"][j])
    assert ka.source.id == kb.source.id == "PER-DONALD_TRUMP"  # the hard part: same caller, next day
    assert verdict(ka, kb, DedupSettings.load()) == (False, "actors")
    result = dedup([a, b])
    assert result.links[(a["id"], i)] != result.links[(b["id"], j)]


def test_canonical_ids_do_not_depend_on_input_order(article_records):
    records = article_records(*KHASHOGGI, *TRUMP_CALLS)
    forward, backward = dedup(records), dedup(list(reversed(records)))
    assert forward.links == backward.links


def test_the_date_window_comes_from_the_settings(article_records, find_event, tmp_path):
    bbc, cnn = article_records(*KHASHOGGI)  # the two reports are a day apart
    i = find_event(bbc, "ASSAULT", "داخل القنصلية")
    j = find_event(cnn, "ASSAULT", "داخل القنصلية")
    same_day_only = dedup([bbc, cnn], DedupSettings.load(date_window_days=0))
    assert same_day_only.links[(bbc["id"], i)] != same_day_only.links[(cnn["id"], j)]
    toml = tmp_path / "strict.toml"
    toml.write_text("date_window_days = 0\n", encoding="utf-8")
    assert DedupSettings.load(toml).date_window_days == 0
    toml.write_text("date_window = 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown dedup setting"):
        DedupSettings.load(toml)


def test_negated_and_asserted_reports_do_not_merge(article_records, find_event):
    bbc, cnn = article_records(*KHASHOGGI)
    i = find_event(bbc, "ASSAULT", "داخل القنصلية")
    j = find_event(cnn, "ASSAULT", "داخل القنصلية")
    ka, kb = event_key(bbc, i, bbc["events"][i]), event_key(cnn, j, cnn["events"][j])
    denied = dict(cnn["events"][j], negated=True)
    kd = event_key(cnn, j, denied)
    s = DedupSettings.load()
    assert verdict(ka, kb, s)[0] is True
    assert verdict(ka, kd, s) == (False, "polarity")


def test_dedup_command_writes_canonical_events(article_records, tmp_path):
    src = tmp_path / "records.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in article_records(*KHASHOGGI)),
                   encoding="utf-8")
    out = tmp_path / "canonical.jsonl"
    run = subprocess.run([MARSAD, "dedup", str(src), "--min-reports", "2", "--out", str(out)],
                         capture_output=True, text=True, check=True)
    rows = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["reports"] >= 2 for r in rows)
    assert any(r["type"] == "ASSAULT" and set(r["outlets"]) == {"BBC Arabic", "CNN Arabic"} for r in rows)
    assert "reported by 2+ articles, 0 error(s)" in run.stderr
