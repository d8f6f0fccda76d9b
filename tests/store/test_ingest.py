"""Ingest on both backends: complete rows, idempotence, re-extraction, bad input."""
import io
from contextlib import closing
import json

from marsad.doc import stable_id
from marsad.store import open_store
from marsad.store.ingest import ingest
from marsad.store.version import pipeline_version

COUNTED = ("entities", "events", "claims")


def _counts(store):
    return {t: store.count(t) for t in ("articles", "entities", "events", "claims", "quantities", "article_search")}


def test_every_entity_event_claim_and_quantity_is_stored(db_url, slice_file):
    path = slice_file(0, 12)
    with open_store(db_url) as store:
        stats = ingest([str(path)], store, batch_size=5)
        records = list(store.iter_records())
        counts = _counts(store)
        versions = {row[0] for t in ("articles", "events", "claims", "entities", "quantities")
                    for row in store.rows(f"SELECT DISTINCT version FROM {t}")}
    assert (stats.stored, stats.skipped, stats.errors) == (12, 0, 0)
    assert counts["articles"] == counts["article_search"] == 12
    for table in COUNTED:
        assert counts[table] == sum(len(r[table]) for r in records) > 0
    assert counts["quantities"] == sum(len(x["quantities"]) for r in records for x in r["events"] + r["claims"])
    assert versions == {pipeline_version()}


def test_records_are_stored_losslessly_in_input_order(db_url, slice_file):
    from marsad.pipeline import default_pipeline
    from marsad.io.readers import read_articles

    path = slice_file(20, 26)
    with open_store(db_url) as store:
        ingest([str(path)], store)
        stored = list(store.iter_records())
    expected = [default_pipeline()(a).to_dict() for a in read_articles([str(path)])]
    assert stored == expected


def test_rerun_skips_and_newer_version_replaces_without_duplicates(db_url, slice_file):
    path = slice_file(0, 10)
    with open_store(db_url) as store:
        ingest([str(path)], store, batch_size=4)
        before = _counts(store)
        again = ingest([str(path)], store, batch_size=4)
        assert (again.stored, again.skipped) == (0, 10)
        assert _counts(store) == before
        newer = ingest([str(path)], store, batch_size=4, version="9.9.9+test")
        assert (newer.stored, newer.replaced, newer.skipped) == (10, 10, 0)
        assert _counts(store) == before
        for table in ("articles", "events", "claims", "entities", "quantities"):
            assert {r[0] for r in store.rows(f"SELECT DISTINCT version FROM {table}")} == {"9.9.9+test"}
        # The default version now differs from what is stored: it re-extracts again.
        assert ingest([str(path)], store).replaced == 10


def test_extending_the_corpus_stores_only_new_articles(db_url, slice_file):
    with open_store(db_url) as store:
        ingest([str(slice_file(0, 6, "a.jsonl"))], store)
        stats = ingest([str(slice_file(0, 9, "b.jsonl"))], store)
        assert (stats.stored, stats.skipped, store.count("articles")) == (3, 6, 9)


def test_bad_lines_are_reported_by_file_and_line_and_skipped(db_url, tmp_path, corpus_lines):
    path = tmp_path / "mixed.jsonl"
    path.write_text(corpus_lines[0] + "{not json\n" + json.dumps({"id": "x", "text": ""}) + "\n" + corpus_lines[1],
                    encoding="utf-8")
    err = io.StringIO()
    with open_store(db_url) as store:
        stats = ingest([str(path), str(tmp_path / "missing.jsonl")], store, errors=err)
        assert store.count("articles") == 2
    lines = err.getvalue().splitlines()
    assert (stats.stored, stats.errors) == (2, 3)
    assert f"error: {path}:2: invalid JSON" in lines[0]
    assert lines[1].startswith(f"error: {path}:3: ") and "text" in lines[1]
    assert "missing.jsonl" in lines[2] and "no such file" in lines[2]


def test_article_without_id_is_keyed_by_its_text_hash(db_url, tmp_path, corpus_lines):
    row = json.loads(corpus_lines[3])
    row.pop("id")
    path = tmp_path / "noid.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_store(db_url) as store:
        ingest([str(path)], store)
        assert ingest([str(path)], store).skipped == 1
        assert [r[0] for r in store.rows("SELECT id FROM articles")] == [stable_id(row["text"])]


def test_a_nul_in_the_text_is_stored_alike_on_both_backends(db_url, tmp_path, corpus_lines):
    # PostgreSQL TEXT cannot hold NUL (v0.5.0 lost the article there, SQLite kept it): both now keep
    # the article, with U+FFFD in the text columns and the raw text in the record.
    row = json.loads(corpus_lines[4])
    row["text"] = row["text"].replace(" ", "\x00 ", 1)
    path = tmp_path / "nul.jsonl"
    path.write_text(corpus_lines[5] + json.dumps(row, ensure_ascii=False) + "\n" + corpus_lines[6], encoding="utf-8")
    err = io.StringIO()
    with open_store(db_url) as store:
        stats = ingest([str(path)], store, errors=err)
        assert (stats.stored, stats.errors) == (3, 0), err.getvalue()
        (record,) = [r for r in store.iter_records() if r["id"] == row["id"]]
        assert record["text"] == row["text"]
        columns = [r[0] for r in store.rows("SELECT evidence_text FROM events WHERE article_id = ?", (row["id"],))]
        columns += [r[0] for r in store.rows("SELECT content_text FROM claims WHERE article_id = ?", (row["id"],))]
        assert columns and not any("\x00" in (c or "") for c in columns)
        assert ingest([str(path)], store, errors=io.StringIO()).skipped == 3


def test_a_list_valued_source_is_stored_alike_on_both_backends(db_url, tmp_path, corpus_lines):
    row = json.loads(corpus_lines[4])
    row["source"] = ["BBC", "Reuters"]
    path = tmp_path / "list.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_store(db_url) as store:
        ingest([str(path)], store, errors=io.StringIO())
        assert [r[0] for r in store.rows("SELECT source FROM articles")] == ["BBC; Reuters"]


def test_one_writer_at_a_time(db_url, slice_file):
    import pytest

    from marsad.store.base import StoreError

    with open_store(db_url) as first, open_store(db_url) as second:
        with first.writer_lock():
            with pytest.raises(StoreError, match="another ingest"):
                ingest([str(slice_file(0, 1))], second)
        assert ingest([str(slice_file(0, 1))], second).stored == 1


def test_progress_bar_on_stderr_shows_done_rate_and_errors(db_url, tmp_path, corpus_lines, capsys):
    path = tmp_path / "p.jsonl"
    path.write_text("".join(corpus_lines[:3]) + "{bad\n", encoding="utf-8")
    with open_store(db_url) as store:
        ingest([str(path)], store, progress=True, batch_size=2)
    err = capsys.readouterr().err
    final = err.strip().splitlines()[-1]
    assert "4 articles" in final and "art/s" in final
    assert "3 stored, 0 skipped, 1 errors" in final
    assert f"error: {path}:4: invalid JSON" in err


def test_losing_the_server_mid_ingest_stops_with_a_clear_error(pg_cluster, slice_file):
    """PostgreSQL: a connection the server drops (terminated backend) is one StoreError, not
    one error per remaining article; what was committed stays."""
    import pytest

    from marsad.store.base import StoreError
    from marsad.store.postgres import connect

    url = pg_cluster.new_db()
    store = open_store(url)
    pid = next(store.rows("SELECT pg_backend_pid()"))[0]
    original = store.write

    def write_then_die(batch, replaced):
        original(batch, replaced)
        with closing(connect(pg_cluster.url())) as admin:
            admin.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
    store.write = write_then_die
    err = io.StringIO()
    with pytest.raises(StoreError, match="connection lost"):
        ingest([str(slice_file(0, 6))], store, batch_size=2, errors=err)
    assert err.getvalue() == ""
    with open_store(url) as fresh:
        assert fresh.count("articles") == 2
