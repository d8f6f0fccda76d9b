"""Event and claim filters on both backends, checked against the contract records themselves."""
import json
from collections import Counter

import pytest

from marsad.store.query import ClaimFilter, EventFilter, Near, claims, events, haversine_km, resolve_actor
from marsad.text.normalize import fold


@pytest.fixture(scope="module")
def extracted(loaded):
    """The records as stored (the pipeline's output), event by event."""
    store, _ = loaded
    records = list(store.iter_records())
    evs = [(r, i, e) for r in records for i, e in enumerate(r["events"])]
    cls = [(r, i, c) for r in records for i, c in enumerate(r["claims"])]
    return store, evs, cls


def _keys(rows):
    return sorted((row["article_id"], row["idx"]) for row in rows)


def _expect(items, keep):
    return sorted((r["id"], i) for r, i, x in items if keep(r, x))


def _actor(x, role):
    span = x.get(role) or {}
    return span.get("actor") or {}


def test_type_and_everything_unfiltered(extracted):
    store, evs, _ = extracted
    assert _keys(events(store, EventFilter())) == _expect(evs, lambda r, e: True)
    assert _keys(events(store, EventFilter(type="assault"))) == _expect(evs, lambda r, e: e["type"] == "ASSAULT") != []
    both = _keys(events(store, EventFilter(type="ASSAULT,ACCUSE")))
    assert both == _expect(evs, lambda r, e: e["type"] in ("ASSAULT", "ACCUSE"))


def test_actor_by_id_country_code_english_name_and_arabic_text(extracted):
    store, evs, _ = extracted
    ids = Counter(_actor(e, "source").get("id") for _, _, e in evs if _actor(e, "source").get("country"))
    actor_id = next(a for a, _ in ids.most_common() if a)
    got = _keys(events(store, EventFilter(source=actor_id.lower())))
    assert got == _expect(evs, lambda r, e: _actor(e, "source").get("id") == actor_id) != []

    country = _actor(next(e for _, _, e in evs if _actor(e, "source").get("id") == actor_id), "source")["country"]
    got = _keys(events(store, EventFilter(source=country.lower())))
    assert got == _expect(evs, lambda r, e: _actor(e, "source").get("country") == country)

    name = _actor(next(e for _, _, e in evs if _actor(e, "source").get("id") == actor_id), "source")["name_en"]
    rows = list(events(store, EventFilter(source=name.upper())))
    assert set(_expect(evs, lambda r, e: _actor(e, "source").get("name_en") == name)) <= set(_keys(rows))
    assert all(f" {name.lower()} " in f" {row['source_actor_name'].lower()} " for row in rows)

    texts = Counter(fold(e["target"]["text"]) for _, _, e in evs if e.get("target"))
    word = next(t for t, _ in texts.most_common() if " " not in t and len(t) > 3)
    query = "و" + word.replace("ا", "أ", 1)  # a clitic and a hamza fold away
    resolved = resolve_actor(word)
    got = _keys(events(store, EventFilter(target=query)))
    assert got == _expect(evs, lambda r, e: bool(e.get("target")) and (
        word in fold(e["target"]["text"]) or (resolved and _actor(e, "target").get("id") == resolved))) != []


def test_arabic_name_finds_other_names_of_the_same_actor(extracted):
    store, evs, _ = extracted
    names: dict[str, set[str]] = {}
    for _, _, e in evs:
        if _actor(e, "source").get("id"):
            names.setdefault(e["source"]["actor"]["id"], set()).add(e["source"]["text"])
    # an actor named two ways in these articles, and a name of it that does not spell the other
    # (الولايات المتحدة / واشنطن): the search must find the events under both
    actor_id, texts, query = next((a, t, q) for a, t in sorted(names.items(), key=lambda x: (-len(x[1]), x[0]))
                                  for q in sorted(t) if resolve_actor(q) == a
                                  and any(fold(q) not in fold(other) for other in t))
    assert len(texts) >= 2
    got = _keys(events(store, EventFilter(source=query)))
    assert set(_expect(evs, lambda r, e: _actor(e, "source").get("id") == actor_id)) <= set(got)
    assert any(fold(query) not in fold(e["source"]["text"]) for r, i, e in evs if (r["id"], i) in set(got))


def test_place_country_and_near(extracted):
    store, evs, _ = extracted
    located = [e["location"] for _, _, e in evs if e.get("location") and e["location"].get("lat") is not None]
    place = Counter((p["name_en"], p["country"], p["lat"], p["lon"]) for p in located).most_common(1)[0][0]
    name, country, lat, lon = place
    assert _keys(events(store, EventFilter(country=country.lower()))) == _expect(
        evs, lambda r, e: (e.get("location") or {}).get("country") == country) != []
    assert _keys(events(store, EventFilter(place=name))) >= _expect(
        evs, lambda r, e: (e.get("location") or {}).get("name_en") == name) != []
    for km in (1.0, 300.0):
        near = Near(lat, lon, km)
        got = _keys(events(store, EventFilter(near=near)))
        assert got == _expect(evs, lambda r, e: e.get("location") and e["location"].get("lat") is not None
                              and haversine_km(lat, lon, e["location"]["lat"], e["location"]["lon"]) <= km) != []
    assert len(list(events(store, EventFilter(near=Near(lat, lon, 300.0), limit=2)))) == min(2, len(got))


def test_dates_hedged_negated_and_limit(extracted):
    store, evs, _ = extracted

    def day(r, e):
        return (e.get("date") or {}).get("value") or r["date"]

    dates = sorted(day(r, e) for r, _, e in evs)
    since, until = dates[len(dates) // 4][:10], dates[3 * len(dates) // 4][:10]
    got = _keys(events(store, EventFilter(since=since, until=until)))
    assert got == _expect(evs, lambda r, e: since <= day(r, e) <= until) != []
    for flag in ("hedged", "negated"):
        for value in (True, False):
            got = _keys(events(store, EventFilter(**{flag: value})))
            assert got == _expect(evs, lambda r, e: bool(e[flag]) == value)
    assert _expect(evs, lambda r, e: e["hedged"]) != []
    assert len(list(events(store, EventFilter(limit=3)))) == 3


def test_min_reports_counts_articles_through_event_links(extracted):
    store, evs, _ = extracted
    (a, _, _), (b, _, _), (c, _, _) = [next(x for x in evs if x[0]["id"] == aid)
                                       for aid in list(dict.fromkeys(r["id"] for r, _, _ in evs))[:3]]
    links = [(a["id"], 0, "canon-1"), (b["id"], 0, "canon-1"), (c["id"], 0, "canon-1"), (a["id"], 1, "canon-2")]
    canon = [{"id": "canon-1", "type": "ASSAULT", "n_reports": 3, "record": {"articles": [a["id"], b["id"], c["id"]]}},
             {"id": "canon-2", "type": "ACCUSE", "n_reports": 1}]
    store.set_canonical(canon, links, "dedup-test")
    try:
        rows = list(events(store, EventFilter(min_reports=2)))
        assert _keys(rows) == sorted((x[0], x[1]) for x in links[:3])
        assert {row["reports"] for row in rows} == {3} and {row["canonical_id"] for row in rows} == {"canon-1"}
        assert len(list(events(store, EventFilter()))) == len(evs)
        stored = sorted(store.rows("SELECT id, n_reports, record, version FROM canonical_events"))
        assert stored[0][:2] == ("canon-1", 3) and json.loads(stored[0][2])["articles"][2] == c["id"]
        assert stored[1][2] is None and {s[3] for s in stored} == {"dedup-test"}
        store.set_canonical([], [], "dedup-test")  # replaced whole, not added to
        assert store.count("event_links") == store.count("canonical_events") == 0
    finally:
        store.set_canonical([], [], "dedup-test")


def test_claims_by_speaker_text_and_date(extracted):
    store, _, cls = extracted
    assert _keys(claims(store, ClaimFilter())) == _expect(cls, lambda r, c: True) != []
    speakers = Counter(_actor(c, "speaker").get("id") for _, _, c in cls)
    sid = next(s for s, _ in speakers.most_common() if s)
    assert _keys(claims(store, ClaimFilter(speaker=sid))) == _expect(cls, lambda r, c: _actor(c, "speaker").get("id") == sid)
    r0, _, c0 = next(x for x in cls if len(x[0]["text"][x[2]["content"]["start"]:x[2]["content"]["end"]].split()) > 4)
    words = " ".join(r0["text"][c0["content"]["start"]:c0["content"]["end"]].split()[1:3])
    got = _keys(claims(store, ClaimFilter(text=words)))
    assert (r0["id"], r0["claims"].index(c0)) in got
    assert got == _expect(cls, lambda r, c: fold(words) in fold(" ".join(r["text"][c["content"]["start"]:c["content"]["end"]].split())))
    first = min((c.get("date") or {}).get("value") or r["date"] for r, _, c in cls)
    assert len(list(claims(store, ClaimFilter(until=first[:10])))) >= 1


def test_a_query_name_with_a_proclitic_resolves_to_its_actor():
    assert resolve_actor("ودأعش") == resolve_actor("داعش") == "GRP-ISIS"
    assert resolve_actor("وبالكرملين") == "RUS-GOV"
    assert resolve_actor("قال") is None


def _interval(value: str):
    """The days a YYYY, YYYY-MM or YYYY-MM-DD value covers."""
    import calendar
    from datetime import date

    y = int(value[:4])
    if len(value) == 4:
        return date(y, 1, 1), date(y, 12, 31)
    m = int(value[5:7])
    if len(value) == 7:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    d = date.fromisoformat(value)
    return d, d


def test_dates_of_month_or_year_precision_overlap_the_range(db_url):
    """--since/--until: an event known to the month or year is in range when its period overlaps it
    (a day, month or year bound each), on both backends' string comparisons."""
    import itertools

    from marsad.store import open_store
    from marsad.store.query import Where, overlaps

    dates = ["2017", "2018", "2019", "2017-12", "2018-02", "2018-03", "2018-04", "2017-12-31", "2018-02-28",
             "2018-03-01", "2018-03-15", "2018-03-31", "2018-04-01"]
    bounds = [None, "2018", "2018-03", "2018-03-15", "2017-12", "2018-03-31", "2019-01"]
    with open_store(db_url) as store:
        with store.transaction() as cur:
            cur.execute("CREATE TABLE period_probe (d TEXT)")
            for d in dates:
                cur.execute(store.sql("INSERT INTO period_probe (d) VALUES (?)"), (d,))
        for since, until in itertools.product(bounds, bounds):
            where = Where([], [])
            overlaps(where, "d", since, until)
            got = sorted(r[0] for r in store.rows(f"SELECT d FROM period_probe WHERE {where.sql()}", where.params))
            want = sorted(d for d in dates if (since is None or _interval(d)[1] >= _interval(since)[0])
                          and (until is None or _interval(d)[0] <= _interval(until)[1]))
            assert got == want, (since, until)
            if (since, until) == ("2018-03-15", "2018-03-15"):  # a day keeps its month and year
                assert got == ["2018", "2018-03", "2018-03-15"]
