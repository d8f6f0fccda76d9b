"""The HTTP API over real stores (SQLite and PostgreSQL) of real Arabic articles: the real app,
through its ASGI interface, against what the CLI gives for the same filters."""
from __future__ import annotations

import json

import pytest
from served_store import MARKUP_ID, MARKUP_TEXT
from typer.testing import CliRunner

from marsad.cli import app as cli_app

SEED_SOURCE = "رئيس هيئة الأركان الروسية العامة"
SEED_TARGET = "الولايات المتحدة"


def _all(client, path: str, name: str, **params) -> list[dict]:
    """Every row of a paged route, following `next` to the end."""
    rows, cursor = [], None
    for _ in range(10_000):
        r = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        rows += body[name]
        cursor = body["next"]
        if cursor is None:
            return rows
    raise AssertionError("paging did not end")


def _cli(*args: str) -> str:
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_seed_accuse_comes_back_with_offsets_into_the_text(served):
    _, client = served
    accuse = client.get("/api/events", params={"type": "ACCUSE", "limit": 500}).json()["events"]
    seed = [e for e in accuse if e["article_id"] == "seed-0001" and e["source_text"] == SEED_SOURCE]
    assert len(seed) == 1, accuse
    ev = seed[0]
    assert (ev["type"], ev["target_text"], ev["source_country"], ev["target_actor_id"]) == \
        ("ACCUSE", SEED_TARGET, "RUS", "USA-GOV")
    record = client.get("/api/articles/seed-0001").json()
    text = record["text"]
    assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"] == "اتهم"
    assert text[ev["source_start"]:ev["source_end"]] == SEED_SOURCE
    assert text[ev["target_start"]:ev["target_end"]] == SEED_TARGET
    assert text[ev["evidence_start"]:ev["evidence_end"]] == ev["evidence_text"]
    # the event by its id: the same spans, from the record
    one = client.get(f"/api/events/{ev['id'].replace('#', '%23')}").json()
    assert one["event"]["source"]["text"] == SEED_SOURCE and one["article"]["id"] == "seed-0001"
    spans = {s["role"]: s for s in one["spans"]}
    assert spans["target"]["text"] == SEED_TARGET == text[spans["target"]["start"]:spans["target"]["end"]]
    # and every span the record holds is an offset into its text
    for e in record["events"]:
        for role in ("trigger", "source", "target", "evidence"):
            span = e.get(role)
            if span and span.get("start") is not None and "text" in span:
                assert text[span["start"]:span["end"]] == span["text"]


FILTERS = (
    {"type": "ACCUSE"},
    {"type": "assault,ACCUSE", "since": "2018-04", "until": "2018-05-15"},
    {"country": "Yemen"},
    {"country": "اليمن", "hedged": "false"},
    {"source": "USA"},
    {"target": "الحوثيين"},
    {"mode": "allege"},
    {"negated": "true"},
    {"near": "15.35,44.2,100"},
    {"place": "صنعاء"},
    {"since": "2018"},
    {"min_reports": "2"},
)


@pytest.mark.parametrize("params", FILTERS, ids=["&".join(f"{k}={v}" for k, v in p.items()) for p in FILTERS])
def test_filters_select_what_marsad_events_selects(served, params):
    url, client = served
    api = [e["id"] for e in _all(client, "/api/events", "events", limit=37, **params)]
    args = []
    for key, value in params.items():
        if key in ("hedged", "negated"):
            args.append(f"--{key}" if value == "true" else f"--no-{key}")
        else:
            args += [f"--{key.replace('_', '-')}", value]
    cli = [f"{r['article_id']}#{r['idx']}" for r in map(json.loads, _cli("events", "--db", url, "-f", "jsonl",
                                                                       "--limit", "0", *args).splitlines())]
    assert sorted(api) == sorted(cli)
    assert len(set(api)) == len(api)
    if params in ({"type": "ACCUSE"}, {"country": "Yemen"}, {"mode": "allege"}, {"since": "2018"}):
        assert api, f"{params}: the filter selects nothing here, so it proves nothing"


@pytest.mark.parametrize("limit", [1, 7, 500])
def test_the_cursor_pages_through_every_event_once(served, limit):
    url, client = served
    from marsad.store import open_store

    with open_store(url, readonly=True) as store:
        stored = {f"{a}#{i}" for a, i in store.rows("SELECT article_id, idx FROM events")}
        claims = {f"{a}#{i}" for a, i in store.rows("SELECT article_id, idx FROM claims")}
    if limit == 1:  # one event a page: a few pages prove the key; the whole walk is the others'
        first = [client.get("/api/events", params={"limit": 1}).json()]
        for _ in range(5):
            first.append(client.get("/api/events", params={"limit": 1, "cursor": first[-1]["next"]}).json())
        ids = [p["events"][0]["id"] for p in first]
        assert len(set(ids)) == 6
        return
    paged = [e["id"] for e in _all(client, "/api/events", "events", limit=limit)]
    assert len(paged) == len(set(paged)) == len(stored) > 100
    assert set(paged) == stored
    keys = [(e or "", a, i) for e, a, i in ((r["date"], r["article_id"], r["idx"])
                                           for r in _all(client, "/api/events", "events", limit=limit))]
    assert keys == sorted(keys)
    paged_claims = [c["id"] for c in _all(client, "/api/claims", "claims", limit=limit)]
    assert len(paged_claims) == len(set(paged_claims)) and set(paged_claims) == claims


BAD = (
    ("/api/events?type=BOMB", "type", "BOMB"),
    ("/api/events?mode=loud", "mode", "loud"),
    ("/api/events?country=Atlantis", "country", "Atlantis"),
    ("/api/events?since=2018-13", "since", "2018-13"),
    ("/api/events?until=yesterday", "until", "yesterday"),
    ("/api/events?since=20180101", "since", "20180101"),
    ("/api/events?limit=0", "limit", ""),
    ("/api/events?limit=100000", "limit", ""),
    ("/api/events?limit=ten", "limit", ""),
    ("/api/events?min_reports=99999999999999999999999", "min_reports", ""),
    ("/api/events?hedged=maybe", "hedged", ""),
    ("/api/events?near=95,10,5", "near", "out of range"),
    ("/api/events?near=a,b", "near", ""),
    ("/api/events?near=0,0,inf", "near", "out of range"),
    ("/api/events?cursor=WyIiLCJhXHUwMDAwYiIsMF0", "cursor", ""),  # ["", "a\u0000b", 0]
    ("/api/articles/a%00b", "article_id", "NUL"),
    ("/api/events/a%00b%230", "event_id", "NUL"),
    ("/api/events?outlet=Reuters", "outlet", "Reuters"),
    ("/api/events?source=%00", "source", "NUL"),
    ("/api/events?place=" + "x" * 201, "place", ""),
    ("/api/events?cursor=bm90IGEgY3Vyc29y", "cursor", "cursor"),
    ("/api/events?typ=ACCUSE", "typ", "unknown parameter"),
    ("/api/claims?speaker=%20%20", "speaker", "blank"),
    ("/api/claims?since=2018-02-30", "since", "2018-02-30"),
    ("/api/search", "q", ""),
    ("/api/search?q=%D8%A7&limit=1000", "limit", ""),
    ("/api/actors?cursor=WzEwMDAwMDAwXQ", "cursor", ""),
    ("/api/stats?by=weather", "by", "weather"),
    ("/api/stats?period=fortnight", "period", ""),
    ("/api/stats?by=month", "by", "period"),
    ("/api/export?format=xml", "format", ""),
    ("/api/export?type=BOMB&format=csv", "type", "BOMB"),
    ("/api/events/seed-0001", "event_id", "ARTICLE_ID#N"),
    ("/api/actors/RUS%20GOV", "actor_id", ""),
)


@pytest.mark.parametrize("path, param, words", BAD, ids=[b[0][:60] for b in BAD])
def test_a_bad_parameter_is_a_422_naming_it(served, path, param, words):
    _, client = served
    r = client.get(path)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert detail[0]["loc"][-1] == param and detail[0]["msg"]
    assert words in detail[0]["msg"] or words in str(detail[0].get("input", ""))


def test_missing_things_are_404_and_limits_hold(served):
    _, client = served
    assert client.get("/api/events/seed-0001%2399").status_code == 404
    assert client.get("/api/events/no-such%230").status_code == 404
    assert client.get("/api/articles/no-such").status_code == 404
    assert client.get("/api/actors/NO-SUCH-ACTOR").status_code == 404
    assert client.get("/api/events?" + "&".join(["type=ACCUSE"] * 400)).status_code == 414
    assert client.request("GET", "/api/events", content=b"x" * 10).status_code == 413
    assert client.post("/api/events").status_code in (405, 413)
    assert client.delete("/api/articles/seed-0001").status_code == 405


def test_markup_in_an_article_comes_back_as_data(served):
    _, client = served
    r = client.get(f"/api/articles/{MARKUP_ID}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.json()["text"] == MARKUP_TEXT
    # inside the JSON, `"` is escaped by the encoder: the attribute cannot close early
    assert '\\" onerror=\\"' in r.text
    hits = client.get("/api/search", params={"q": "الإرهاب"}).json()["hits"]
    assert any(h["id"] == MARKUP_ID for h in hits)


def test_search_finds_what_marsad_search_finds(served):
    url, client = served
    api = [h["id"] for h in client.get("/api/search", params={"q": "الحوثي", "limit": 20}).json()["hits"]]
    cli = [line.split()[2] for line in _cli("search", "الحوثي", "--db", url, "--limit", "20").splitlines()
           if line[:1].isdigit()]
    assert api == cli and len(api) > 3
    first, second = (client.get("/api/search", params={"q": "الحوثي", "limit": 2, **c}).json()
                     for c in ({}, {"cursor": "WzJd"}))
    assert [h["id"] for h in first["hits"] + second["hits"]] == api[:4] and first["next"] == "WzJd"


def test_stats_are_the_counts_of_marsad_count(served):
    url, client = served
    api = client.get("/api/stats", params={"period": "month", "by": "type", "country": "YEM"}).json()
    cli = json.loads(_cli("count", "--db", url, "--by", "month,type", "--country", "YEM", "-f", "json"))
    assert api["rows"] == cli["rows"] and api["counted"] == cli["counted"]
    dyads = client.get("/api/stats", params={"by": "dyad", "type": "ACCUSE"}).json()["rows"]
    assert {"dyad": "PER-VALERY_GERASIMOV → USA-GOV", "events": 1} in dyads
    days = client.get("/api/stats", params={"period": "day", "by": "type"}).json()
    weeks = client.get("/api/stats", params={"period": "week", "by": "type"}).json()
    assert weeks["by"] == ["week", "type"]
    assert sum(r["events"] for r in weeks["rows"]) == sum(r["events"] for r in days["rows"]) > 100
    assert any(r["week"] == "2017-W52" and r["type"] == "ACCUSE" for r in weeks["rows"])  # the seed, 27 Dec 2017


def test_actors_count_their_roles(served):
    url, client = served
    from marsad.store import open_store

    actors = _all(client, "/api/actors", "actors", limit=50)
    assert len({a["id"] for a in actors}) == len(actors) > 10
    with open_store(url, readonly=True) as store:
        as_target = sum(1 for _ in store.rows("SELECT 1 FROM events WHERE target_actor_id = ?", ("USA-GOV",)))
    usa = client.get("/api/actors/USA-GOV").json()
    assert usa["actor"]["as_target"] == as_target > 0 and usa["actor"]["name"] == "United States"
    assert any(e["article_id"] == "seed-0001" for e in usa["as_target"])
    totals = [a["total"] for a in actors]
    assert totals == sorted(totals, reverse=True)


@pytest.mark.parametrize("fmt", ["csv", "plover", "polecat"])
def test_export_streams_what_marsad_export_writes(served, fmt):
    url, client = served
    api = client.get("/api/export", params={"format": fmt, "type": "ACCUSE,ASSAULT", "since": "2018"})
    assert api.status_code == 200 and api.headers["content-disposition"].startswith("attachment")
    cli = _cli("export", "--db", url, "-f", fmt, "--type", "ACCUSE,ASSAULT", "--since", "2018")
    assert api.text == cli and cli.count("\n") > 5


def test_parquet_export_holds_what_marsad_export_writes(served, tmp_path):
    import io

    import pyarrow.parquet as pq

    url, client = served
    r = client.get("/api/export", params={"format": "parquet", "type": "ACCUSE"})
    assert r.status_code == 200 and r.content[:4] == b"PAR1"
    api = pq.read_table(io.BytesIO(r.content))
    _cli("export", "--db", url, "-f", "parquet", "--type", "ACCUSE", "--out", str(tmp_path / "cli.parquet"))
    cli = pq.read_table(tmp_path / "cli.parquet")
    assert api.to_pylist() == cli.to_pylist() and "seed-0001#0" in api.column("event_id").to_pylist()


def test_the_servers_connections_cannot_write(served):
    url, client = served
    pool = client.app.state.pool
    with pool.lease() as store:
        before = store.count("articles")
        for statement in ("DELETE FROM articles", "CREATE TABLE intruder (x INT)",
                          "UPDATE events SET type = 'AID'"):
            with pytest.raises(Exception, match="(?i)read-?only"):
                list(store.rows(statement))
    with pool.lease() as store:
        assert store.count("articles") == before
        assert store.count("events") == sum(1 for _ in store.rows("SELECT 1 FROM events WHERE type <> 'AID'")) + \
            sum(1 for _ in store.rows("SELECT 1 FROM events WHERE type = 'AID'"))
    assert client.get("/api/events", params={"limit": 1}).status_code == 200


def test_openapi_lists_every_route_and_docs_load_nothing_from_elsewhere(served):
    _, client = served
    schema = client.get("/openapi.json").json()
    routes = {"/api/events", "/api/events/{event_id}", "/api/claims", "/api/search", "/api/articles/{article_id}",
              "/api/actors", "/api/actors/{actor_id}", "/api/stats", "/api/export"}
    review = {"/api/review", "/api/review/reject/{event_id}", "/api/review/confirm/{event_id}",
              "/api/review/change/{event_id}", "/api/review/add/{article_id}"}
    assert set(schema["paths"]) == routes | review
    # each listed route answers (and nothing the server answers under /api is missing from the schema:
    # an unlisted path is a 404)
    examples = {"{event_id}": "seed-0001%230", "{article_id}": "seed-0001", "{actor_id}": "USA-GOV"}
    for path in routes:
        for name, value in examples.items():
            path = path.replace(name, value)
        assert client.get(path, params={"q": "العراق"} if path.endswith("search") else {}).status_code == 200, path
    # the review routes are there, but this server (no --allow-review) refuses every write
    assert client.get("/api/review").json()["enabled"] is False
    for path in review - {"/api/review"}:
        refused = client.post(path.replace("{event_id}", "seed-0001%230").replace("{article_id}", "seed-0001"),
                              params={"type": "ACCUSE", "trigger": "تقول"} if "{article_id}" in path else {},
                              headers={"X-Marsad-Review": "1"})
        assert refused.status_code == 403, path
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "mode", "source", "target", "country", "place", "near", "since", "until", "hedged", "negated",
            "min_reports", "outlet", "limit", "cursor"} == names
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/events" in page.text
    assert "<script" not in page.text and "http://" not in page.text and "https://" not in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
