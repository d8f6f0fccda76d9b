"""`marsad count`, `marsad show`, export filters and strict values, through the CLI on both backends.

Two kinds of store:
- golden: the contract records of eleven real articles (the seed example, seedlike texts, Al Arabiya,
  BBC, CNN and Sky News Arabic from pool_2000), extracted once into tests/golden/cli/records.jsonl and
  written to the store as they are, so the transcripts in tests/golden/cli/ (count, show, value
  errors) do not move when the models change. `MARSAD_UPDATE_GOLDEN=1` re-extracts the records and
  rewrites the transcripts (review the diff);
- ingested: the same articles through today's pipeline (marsad.store.ingest), for assertions on
  real content (the seed's ACCUSE and its source) and on filters shared by events and count.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.export.records import act_head

GOLDEN = Path(__file__).parents[1] / "golden" / "cli"
UPDATE = os.environ.get("MARSAD_UPDATE_GOLDEN") == "1"
EXAMPLE = Path(__file__).parents[2] / "examples" / "seed-0001.txt"
SEEDLIKE = ("AL-internationalNews-1079-20180509.txt", "AL-internationalNews-118-20180220.txt",
            "AL-internationalNews-861-20180410.txt")
POOL_IDS = ("ant2:BB-middleEast-79-20180223", "ant2:BB-middleEast-92-20180225", "ant2:CN-middleEast-10-20180218",
            "ant2:CN-middleEast-89-20180225", "ant2:SK-internationalNews-109-20180223")
ALARABIYA_LINES = 2
SEED_DATE = "2017-12-27"


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _inputs(shared: Path, root: Path) -> list[tuple[list[str], str | None]]:
    """(paths, --date) of the articles, as files the readers take."""
    pool = [ln for ln in (shared / "corpora" / "pool_2000.jsonl").read_text(encoding="utf-8").splitlines()
            if json.loads(ln)["id"] in POOL_IDS]
    ala = (shared / "corpora" / "alarabiya_2018.jsonl").read_text(encoding="utf-8").splitlines()[:ALARABIYA_LINES]
    news = root / "news.jsonl"
    news.write_text("\n".join(ala + pool) + "\n", encoding="utf-8")
    return [([str(EXAMPLE)], SEED_DATE), ([str(shared / "corpora" / "seedlike" / n) for n in SEEDLIKE], None),
            ([str(news)], None)]


@pytest.fixture(scope="module")
def golden_records(shared: Path, tmp_path_factory) -> list[dict]:
    path = GOLDEN / "records.jsonl"
    if UPDATE:
        from marsad.batch import run_extract

        out = io.StringIO()
        for paths, date in _inputs(shared, tmp_path_factory.mktemp("inputs")):
            assert run_extract(paths, out, date=date).errors == 0
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(out.getvalue(), encoding="utf-8")
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()]


def _new_store(request, root: Path, name: str) -> str:
    return str(root / f"{name}.db") if request.param == "sqlite" else request.getfixturevalue("pg_cluster").new_db()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def golden_db(request, tmp_path_factory, golden_records) -> tuple[str, str]:
    """(store, the same store after `marsad dedup --db`) holding the golden records as they are."""
    from marsad.dedup.stored import dedup_store
    from marsad.store import open_store
    from marsad.store.rows import flatten

    root = tmp_path_factory.mktemp("golden")
    urls = []
    for name in ("plain", "deduped"):
        url = _new_store(request, root, name)
        with open_store(url) as store:
            store.write([flatten(r, "golden") for r in golden_records], set())
            if name == "deduped":
                dedup_store(store, version="golden")
        urls.append(url)
    return urls[0], urls[1]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ingested(request, tmp_path_factory, shared) -> tuple[str, list[dict]]:
    """A store the pipeline filled from the same real articles, and its records."""
    from marsad.store import open_store
    from marsad.store.ingest import ingest

    root = tmp_path_factory.mktemp("ingested")
    url = _new_store(request, root, "news")
    with open_store(url) as store:
        for paths, date in _inputs(shared, root):
            assert ingest(paths, store, date=date).errors == 0
        records = list(store.iter_records())
    return url, records


def _run(runner, *args: str):
    return runner.invoke(app, list(args))


def _transcript(runner, args: list[str], db: str) -> str:
    """`$ marsad ARGS` then stdout, stderr and the exit code, with the store's URL as DB."""
    result = runner.invoke(app, [*args, "--db", db])
    text = (f"$ marsad {' '.join(args)} --db DB\n{result.stdout}"
            + (f"[stderr] {result.stderr}" if result.stderr else "") + f"[exit {result.exit_code}]\n")
    return text.replace(db, "DB")


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path} differs (MARSAD_UPDATE_GOLDEN=1 rewrites it)"


COUNT_RUNS = (
    ("count_by_type.txt", False, ["count", "--by", "type"]),
    ("count_by_month_per_articles.txt", False, ["count", "--by", "month", "--per-articles", "--since", "2017-12",
                                                 "--until", "2018-05", "-f", "csv"]),
    ("count_by_outlet_type_deduped.txt", True, ["count", "--by", "outlet,type", "--type", "ASSAULT,ACCUSE",
                                                "--outlet", "bbc,cnn", "-f", "csv"]),
    ("count_dyad_json_deduped.txt", True, ["count", "--by", "dyad", "--country", "سوريا", "-f", "json"]),
    ("count_actor_since.txt", True, ["count", "--by", "actor", "--since", "2018-02", "--until", "2018", "--limit", "8"]),
)


@pytest.mark.parametrize("name, deduped, args", COUNT_RUNS, ids=[r[0] for r in COUNT_RUNS])
def test_count_transcripts(runner, golden_db, name, deduped, args):
    _check_golden(name, _transcript(runner, args, golden_db[1] if deduped else golden_db[0]))


def test_show_transcript(runner, golden_db):
    _check_golden("show_seed.txt", _transcript(runner, ["show", "seed-0001#0"], golden_db[1]))


VALUE_ERRORS = (
    ["events", "--type", "BOMB"],
    ["count", "--by", "type", "--mode", "visit", "--type", "ASSAULT"],
    ["count", "--by", "type", "--mode", "loud"],
    ["events", "--country", "Atlantis"],
    ["count", "--by", "week"],
    ["count", "--by", "month,year"],
    ["count", "--by", "type", "--format", "xml"],
    ["events", "--format", "xml"],
    ["export", "--format", "xml"],
    ["claims", "--outlet", "Al Jazeera"],
    ["count", "--by", "type", "--outlet", "a"],
    ["search", "العراق", "--outlet", "Reuters"],
    ["events", "--since", "2018-13"],
    ["events", "--limit", "-1"],
    ["show", "seed-0001"],
    ["show", "seed-0001#99"],
    ["show", "no-such-article#0"],
    ["export", "--canonical", "-f", "plover"],
)


def test_value_error_transcript(runner, golden_db):
    """Each bad value: one line naming it and the valid values, exit 2."""
    text = "".join(_transcript(runner, args, golden_db[0]) for args in VALUE_ERRORS)
    _check_golden("value_errors.txt", text)
    for block in text.split("$ marsad ")[1:]:
        assert block.endswith("[exit 2]\n") and block.count("[stderr] error: ") == 1, block


def test_country_names_resolve_to_their_code(runner, golden_db):
    by_code = _run(runner, "events", "--country", "YEM", "-f", "csv", "--db", golden_db[0]).stdout
    assert by_code.count("\n") > 1
    for value in ("Yemen", "اليمن", "yem", "  YEMEN "):
        assert _run(runner, "events", "--country", value, "-f", "csv", "--db", golden_db[0]).stdout == by_code


def test_limit_0_is_every_row(runner, golden_db):
    every = _run(runner, "events", "--limit", "0", "--db", golden_db[0]).stdout.splitlines()
    default = _run(runner, "events", "--db", golden_db[0]).stdout.splitlines()
    n = sum(len(r["events"]) for r in map(json.loads, (GOLDEN / "records.jsonl").open(encoding="utf-8")))
    assert len(default) == 51 and len(every) == n + 1 > 51


# --- real content, through today's pipeline --------------------------------------------------

def test_show_marks_the_seed_accuse_and_its_source(runner, ingested):
    url, records = ingested
    seed = next(r for r in records if r["id"] == "seed-0001")
    i, ev = next((i, e) for i, e in enumerate(seed["events"]) if e["type"] == "ACCUSE")
    result = _run(runner, "show", f"seed-0001#{i}", "--db", url)
    assert result.exit_code == 0, result.stderr
    assert ev["source"]["text"] == "رئيس هيئة الأركان الروسية العامة"
    assert "⟦trigger: اتهم⟧ ⟦source: رئيس هيئة الأركان الروسية العامة⟧ ⟦target: الولايات المتحدة⟧" in result.stdout
    assert "PER-VALERY_GERASIMOV Valery Gerasimov (RUS, MIL)" in result.stdout
    assert f"seed-0001#{i}  ACCUSE" in result.stdout.splitlines()[0]
    body = result.stdout.split("\n\n", 1)[1]
    marked = body.replace("⟪", "").replace("⟫", "")
    for role in ("trigger", "source", "target", "place", "date"):
        marked = marked.replace(f"⟦{role}: ", "")
    assert marked.replace("⟧", "") == f"{seed['title']}\n\n{seed['text']}\n"  # the raw text, only marked


def _units(rows, records_by_id) -> set:
    """The acts of these event rows (what `count` counts without dedup)."""
    return {(r["article_id"], act_head(records_by_id[r["article_id"]]["events"][r["idx"]], r["idx"])) for r in rows}


FILTERS = (
    [],
    ["--type", "ASSAULT"],
    ["--country", "Yemen"],
    ["--outlet", "BBC Arabic,CNN"],
    ["--since", "2018-02", "--until", "2018-02"],
    ["--source", "الحوثي"],
    ["--type", "ACCUSE", "--mode", "allege"],
    ["--negated"],
)


@pytest.mark.parametrize("filters", FILTERS, ids=[" ".join(f) or "none" for f in FILTERS])
def test_events_count_and_export_select_the_same_events(runner, ingested, filters):
    url, records = ingested
    by_id = {r["id"]: r for r in records}
    rows = [json.loads(ln) for ln in _run(runner, "events", *filters, "-f", "jsonl", "--limit", "0", "--db", url)
            .stdout.splitlines()]
    counted = json.loads(_run(runner, "count", "--by", "type", *filters, "-f", "json", "--db", url).stdout)
    assert counted["counted"] == "events"
    assert sum(r["events"] for r in counted["rows"]) == len(_units(rows, by_id))
    per_type = {}
    for t in {r["type"] for r in rows}:
        per_type[t] = len(_units([r for r in rows if r["type"] == t], by_id))
    assert {r["type"]: r["events"] for r in counted["rows"]} == per_type
    exported = list(csv.DictReader(io.StringIO(_run(runner, "export", *filters, "-f", "csv", "--db", url).stdout)))
    assert {(e["article_id"], int(e["event_index"])) for e in exported} == _units(rows, by_id)
    if filters == ["--outlet", "BBC Arabic,CNN"]:
        assert {r["outlet"] for r in rows} == {"BBC Arabic", "CNN Arabic"}


def test_per_articles_divides_by_the_articles_of_each_month(runner, ingested):
    url, records = ingested
    out = json.loads(_run(runner, "count", "--by", "month", "--per-articles", "-f", "json", "--db", url).stdout)
    for row in out["rows"]:
        n = sum(1 for r in records if r.get("date") and r["date"].startswith(row["month"]))
        assert row["articles"] == n
        assert row["per_article"] == (round(row["events"] / n, 6) if n else None)
    months = [r["month"] for r in out["rows"] if len(r["month"]) == 7]
    assert months == sorted(months) and "2018-03" in months  # an empty month between Feb and Apr 2018 is a row


def test_canonical_export_lists_every_report(runner, golden_db):
    result = _run(runner, "export", "--canonical", "-f", "jsonl", "--db", golden_db[1])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(ln) for ln in result.stdout.splitlines()]
    counted = json.loads(_run(runner, "count", "--by", "type", "-f", "json", "--db", golden_db[1]).stdout)
    assert counted["counted"] == "canonical_events"
    assert len(rows) == sum(r["canonical_events"] for r in counted["rows"])
    merged = [r for r in rows if r["reports"] > 1]
    assert merged and all(len(r["article_ids"]) == r["reports"] and r["evidence"] and r["event_ids"] for r in merged)
    assert all(len(r["urls"]) >= 1 for r in merged if any(a.startswith("ant2:") for a in r["article_ids"]))



def test_canonical_export_to_parquet_keeps_the_lists(runner, golden_db, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "canonical.parquet"
    result = _run(runner, "export", "--canonical", "-f", "parquet", "--out", str(path), "--type", "ASSAULT",
                  "--db", golden_db[1])
    assert result.exit_code == 0, result.stderr
    rows = pq.read_table(path).to_pylist()
    lines = [json.loads(ln) for ln in _run(runner, "export", "--canonical", "-f", "jsonl", "--type", "ASSAULT",
                                           "--db", golden_db[1]).stdout.splitlines()]
    assert rows == lines and rows and all(isinstance(r["event_ids"], list) for r in rows)


def test_ingest_progress_lines_off_a_terminal(tmp_path, shared):
    from marsad.store import open_store
    from marsad.store.ingest import ingest

    path = tmp_path / "four.jsonl"
    path.write_text("".join((shared / "corpora" / "alarabiya_2018.jsonl").read_text(encoding="utf-8")
                            .splitlines(keepends=True)[:4]), encoding="utf-8")
    err = io.StringIO()
    with open_store(str(tmp_path / "p.db")) as store:
        assert ingest([str(path)], store, progress="lines", errors=err, progress_every=2).stored == 4
    lines = err.getvalue().splitlines()
    assert [ln.split(",")[0] for ln in lines] == ["ingest: 2/4 articles (50%)", "ingest: 4/4 articles (100%)"]
    assert "art/s" in lines[0] and "ETA" in lines[0] and lines[1].endswith("skipped, 0 errors")


def test_the_total_is_counted_cheaply_when_it_can_be(tmp_path, shared):
    from marsad.io.progress import count_articles

    lines = (shared / "corpora" / "alarabiya_2018.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "a.jsonl").write_text("".join(lines[:3]) + "\n", encoding="utf-8")  # a blank line is no article
    (tmp_path / "b.csv").write_text('id,text\n1,"سطر\nثان"\n2,نص\n', encoding="utf-8")  # a quoted field spans lines
    seedlike = str(shared / "corpora" / "seedlike")
    assert count_articles([str(tmp_path / "a.jsonl"), str(tmp_path / "b.csv"), seedlike]) == 3 + 2 + 40
    assert count_articles([str(tmp_path / "a.jsonl"), "-"]) is None  # stdin: not known beforehand


def test_extract_prints_progress_lines_off_a_terminal(tmp_path, shared):
    from marsad.batch import run_extract
    from marsad.io.progress import RunProgress

    err = io.StringIO()
    with RunProgress("lines", err, total=4, name="extract", counts=("errors",), every=2) as bar:
        for read in range(1, 5):
            bar.update(read, errors=0)
    assert [ln.split(",")[0] for ln in err.getvalue().splitlines()] == ["extract: 2/4 articles (50%)",
                                                                      "extract: 4/4 articles (100%)"]
    out, err = io.StringIO(), io.StringIO()
    stats = run_extract([str(EXAMPLE)], out, date=SEED_DATE, errors=err, progress="lines")
    assert stats.ok == 1 and err.getvalue() == ""  # under 500 articles: no line, and stdout is the records only
    assert json.loads(out.getvalue())["id"] == "seed-0001"
