"""`--max-chars` / `--long` (issue #13): an over-long article is split into
parts `ID#p1`, `ID#p2`… whose offsets index each part's text, or refused with
one error naming it; through the plain functions and the CLI."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.batch import run_extract
from marsad.doc import stable_id
from marsad.limits import DEFAULT_MAX_CHARS, cut_points, limit_articles, split_article
from marsad.store import open_store
from marsad.store.ingest import ingest
from marsad.types import ArticleInput

MARSAD = str(Path(sys.executable).parent / "marsad")
PARAGRAPHS = [
    "اتهمت روسيا الولايات المتحدة بدعم الإرهاب في سوريا.",
    "وقال الجيش العراقي إن الهجوم على الموصل فشل.",
    "وأعلن التحالف مقتل عشرين مسلحا في غارة على الرقة.",
    "وطالبت رابطة أمهات المختطفين بالإفراج عن المختطفين.",
]
LONG_TEXT = "\n\n".join(PARAGRAPHS * 3)  # 12 paragraphs, ~600 characters


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_default_is_two_million_characters():
    assert DEFAULT_MAX_CHARS == 2_000_000


def test_parts_are_cut_after_paragraphs_and_cover_the_text():
    bounds = cut_points(LONG_TEXT, 200)
    assert "".join(LONG_TEXT[a:b] for a, b in bounds) == LONG_TEXT
    assert all(b - a <= 200 for a, b in bounds)
    # every part but the last ends with a paragraph break: no sentence is cut
    assert all(LONG_TEXT[a:b].endswith("\n\n") for a, b in bounds[:-1])


def test_a_text_without_breaks_is_cut_at_spaces_then_anywhere():
    words = " ".join(["كلمة"] * 100)
    assert all(words[a:b].endswith(" ") for a, b in cut_points(words, 50)[:-1])
    run = "ب" * 120
    assert [b - a for a, b in cut_points(run, 50)] == [50, 50, 20]


def test_a_diacritic_stays_with_its_letter():
    text = "بَ" * 60  # letter, fatha, …
    bounds = cut_points(text, 51)
    assert all(text[b - 1] == "\u064e" for _, b in bounds)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("بتث سلم.\n\u064e\u200f،"), max_size=400),
       limit=st.integers(min_value=1, max_value=120))
def test_cut_points_partition_any_text(text, limit):
    bounds = cut_points(text, limit)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= limit for a, b in bounds) or text == ""


def test_parts_have_ids_and_their_own_offsets(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "date": "2018-01-01", "text": LONG_TEXT},
                                              {"id": "small", "text": PARAGRAPHS[0]}])
    out, err = io.StringIO(), io.StringIO()
    stats = run_extract([str(path)], out, max_chars=200, errors=err)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    ids = [r["id"] for r in records]
    assert ids[:-1] == [f"big#p{k}" for k in range(1, len(ids))] and ids[-1] == "small"
    assert stats.ok == len(records) and stats.errors == 0
    assert "".join(r["text"] for r in records[:-1]) == LONG_TEXT
    for r in records:
        for ev in r["events"]:
            assert r["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert all(r["text"][e["start"]:e["end"]] == e["text"] for e in r["entities"])
    assert {ev["type"] for r in records for ev in r["events"]} >= {"ACCUSE", "ASSAULT", "REQUEST"}
    assert err.getvalue().count("\n") == 1 and "article big has" in err.getvalue() and "big#p1" in err.getvalue()


def test_an_article_without_id_is_split_under_its_stable_id():
    art = ArticleInput(id=None, title="", text=LONG_TEXT)
    parts = split_article(art, 300)
    assert [p.id for p in parts] == [f"{stable_id(LONG_TEXT)}#p{k}" for k in range(1, len(parts) + 1)]


def test_refuse_gives_one_error_naming_the_article_and_its_length(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": LONG_TEXT}, {"id": "small", "text": PARAGRAPHS[0]}])
    out, err = io.StringIO(), io.StringIO()
    stats = run_extract([str(path)], out, max_chars=200, long="refuse", errors=err)
    assert (stats.ok, stats.errors) == (1, 1)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["small"]
    (line,) = err.getvalue().splitlines()
    assert line.startswith(f"error: {path}:1: article big has {len(LONG_TEXT):,} characters")


def test_articles_within_the_limit_pass_unchanged():
    arts = [ArticleInput(id="a", title="", text=PARAGRAPHS[0])]
    assert list(limit_articles(arts, max_chars=len(PARAGRAPHS[0]))) == arts


@pytest.mark.parametrize("kwargs", [{"max_chars": 0}, {"long": "truncate"}])
def test_bad_limits_are_refused_before_any_work(kwargs, tmp_path):
    with pytest.raises(ValueError):
        run_extract([str(tmp_path / "none.jsonl")], io.StringIO(), **kwargs)


def test_ingest_stores_the_parts_once(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "date": "2018-01-01", "text": LONG_TEXT}])
    with open_store(str(tmp_path / "m.db")) as store:
        first = ingest([str(path)], store, max_chars=200, errors=io.StringIO())
        again = ingest([str(path)], store, max_chars=200, errors=io.StringIO())
        ids = [r["id"] for r in store.iter_records()]
    assert first.stored == len(ids) >= 3 and again.skipped == len(ids) and again.stored == 0
    assert ids == [f"big#p{k}" for k in range(1, len(ids) + 1)]


def test_ingest_refuses(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": LONG_TEXT}])
    err = io.StringIO()
    with open_store(str(tmp_path / "m.db")) as store:
        stats = ingest([str(path)], store, max_chars=200, long="refuse", errors=err)
        assert store.count("articles") == 0
    assert stats.errors == 1 and "article big has" in err.getvalue()


@pytest.mark.slow
def test_cli_options(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": LONG_TEXT}])
    split = subprocess.run([MARSAD, "extract", str(path), "--format", "jsonl", "--max-chars", "200"],
                           capture_output=True, text=True)
    assert split.returncode == 0 and json.loads(split.stdout.splitlines()[0])["id"] == "big#p1"
    refused = subprocess.run([MARSAD, "extract", str(path), "--max-chars", "200", "--long", "refuse"],
                             capture_output=True, text=True)
    assert refused.returncode == 1 and refused.stdout == "" and "article big has" in refused.stderr
    for bad in (["--max-chars", "0"], ["--max-chars", "lots"], ["--long", "truncate"]):
        run = subprocess.run([MARSAD, "extract", str(path), *bad], capture_output=True, text=True)
        assert run.returncode == 2 and "Traceback" not in run.stderr
    ingest_run = subprocess.run([MARSAD, "ingest", str(path), "--db", str(tmp_path / "c.db"), "--max-chars", "200",
                                 "--long", "refuse"], capture_output=True, text=True)
    assert ingest_run.returncode == 1 and "article big has" in ingest_run.stderr
