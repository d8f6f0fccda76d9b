"""An article's identity in the store includes a hash of its content (issue 13): a corrected
text under a stored id is re-extracted and replaces it, the same text is never rewritten
(both backends; a store made before schema 2 is upgraded when opened)."""
import io
import json

from marsad.store import open_store, schema
from marsad.store.ingest import ingest

CLAIM = "اتهمت روسيا الولايات المتحدة بدعم الإرهاب"


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _state(store):
    """(seq, id, ingested_at, record) of every article: a rewrite changes seq."""
    return sorted(store.rows("SELECT seq, id, ingested_at, record FROM articles"))


def test_a_corrected_text_under_the_same_id_is_re_extracted_and_replaces_the_garbage(db_url, tmp_path):
    """v0.5.0 said 'already stored' and kept the mojibake of a misread file."""
    garbage = CLAIM.encode("utf-8").decode("cp1256") + " ÿ"  # what v0.5.0 stored for the m.txt
    bad = _write(tmp_path / "bad.jsonl", [{"id": "m", "title": "عنوان", "text": garbage}])
    good = _write(tmp_path / "good.jsonl", [{"id": "m", "title": "عنوان", "text": CLAIM + " \ufffd"}])
    with open_store(db_url) as store:
        assert ingest([bad], store).stored == 1
        (before,) = store.iter_records()
        assert before["events"] == []
        stats = ingest([good], store)
        assert (stats.stored, stats.replaced, stats.skipped) == (1, 1, 0)
        (after,) = store.iter_records()
        assert after["text"] == CLAIM + " \ufffd"
        assert [e["type"] for e in after["events"]] == ["ACCUSE"]
        assert store.count("articles") == store.count("article_search") == 1
        assert [r[0] for r in store.rows("SELECT type FROM events")] == ["ACCUSE"]


def test_the_same_input_again_is_skipped_without_a_rewrite(db_url, slice_file):
    path = str(slice_file(0, 8))
    with open_store(db_url) as store:
        ingest([path], store, batch_size=3)
        before = _state(store)
        stats = ingest([path], store, batch_size=3)
        assert (stats.stored, stats.skipped, stats.errors) == (0, 8, 0)
        assert _state(store) == before


def test_a_changed_title_or_date_counts_as_changed_content(db_url, tmp_path, corpus_lines):
    row = json.loads(corpus_lines[2])
    with open_store(db_url) as store:
        ingest([_write(tmp_path / "a.jsonl", [row])], store)
        assert ingest([_write(tmp_path / "b.jsonl", [dict(row, date="2018-03-01")])], store).replaced == 1
        assert next(store.iter_records())["date"] == "2018-03-01"
        assert ingest([_write(tmp_path / "c.jsonl", [dict(row, date="2018-03-01")])], store).skipped == 1


def test_one_id_twice_in_a_run_keeps_the_first_and_reports_other_content(db_url, tmp_path, corpus_lines):
    a, b = json.loads(corpus_lines[0]), json.loads(corpus_lines[1])
    path = _write(tmp_path / "dup.jsonl", [a, a, dict(b, id=a["id"]), b])
    err = io.StringIO()
    with open_store(db_url) as store:
        stats = ingest([path], store, errors=err)
        assert (stats.stored, stats.skipped, stats.errors) == (2, 1, 1)
        assert err.getvalue() == (f"error: {path}:3: id {a['id']!r} already read from {path}:1 with other content; "
                                  "not stored\n")
        assert [r["text"] for r in store.iter_records()] == [a["text"], b["text"]]
        before = _state(store)
        again = ingest([path], store, errors=io.StringIO())  # a rerun rewrites nothing
        assert (again.stored, again.skipped, again.errors) == (0, 3, 1)
        assert _state(store) == before


def test_a_schema_1_store_is_upgraded_and_its_articles_are_not_rewritten(db_url, slice_file):
    path = str(slice_file(0, 5))
    with open_store(db_url) as store:
        ingest([path], store)
        # Make it the store v0.5.0 left: no content_hash column, schema 1.
        with store.transaction() as cur:
            cur.execute("ALTER TABLE articles DROP COLUMN content_hash")
            cur.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
        before = _state(store)
    with open_store(db_url) as store:
        assert next(store.rows("SELECT value FROM meta WHERE key = 'schema'"))[0] == schema.SCHEMA_VERSION
        assert {r[0] for r in store.rows("SELECT content_hash FROM articles")} == {None}
        stats = ingest([path], store)
        assert (stats.stored, stats.skipped) == (0, 5)  # compared through the stored records
        assert _state(store) == before
