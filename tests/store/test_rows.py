import json

from marsad.store import schema
from marsad.store.rows import flatten
from marsad.text.normalize import fold


def test_rows_fit_their_tables_and_keep_actor_place_and_offsets(corpus_lines):
    from marsad.pipeline import default_pipeline
    from marsad.types import ArticleInput

    row = json.loads(corpus_lines[1])
    record = default_pipeline()(ArticleInput(**{k: row.get(k) for k in ("id", "title", "text", "date", "source", "url")})).to_dict()
    rows = flatten(record, "v1", "pool:2")
    assert len(rows.article) == len(schema.ARTICLES.columns)
    for table in schema.ARTICLE_TABLES:
        for r in rows.children.get(table.name, []):
            assert len(r) == len(table.columns), table.name
    cols = schema.EVENTS.names
    assert len(rows.children["events"]) == len(record["events"]) > 0
    for ev, r in zip(record["events"], rows.children["events"]):
        got = dict(zip(cols, r))
        assert got["type"] == ev["type"] and got["version"] == "v1"
        assert record["text"][got["trigger_start"]:got["trigger_end"]] == ev["trigger"]["text"]
        if ev["target"] and ev["target"]["actor"]:
            assert got["target_actor_id"] == ev["target"]["actor"]["id"]
            assert got["target_fold"] == fold(ev["target"]["text"])
        if ev["location"]:
            assert (got["place_name"], got["place_country"], got["lat"]) == (
                ev["location"]["name_en"], ev["location"]["country"], ev["location"]["lat"])
        assert got["evidence_text"] == record["text"][ev["evidence"]["start"]:ev["evidence"]["end"]]
    n_quant = sum(len(e["quantities"]) for e in record["events"]) + sum(len(c["quantities"]) for c in record["claims"])
    assert len(rows.children["quantities"]) == n_quant
    assert json.loads(dict(zip(schema.ARTICLES.names, rows.article))["record"]) == record
