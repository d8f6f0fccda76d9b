"""The web app in a real browser: Debian's Chromium, headless, driven by Playwright, against a real
`marsad serve` process over a store of the seed article, the 40 seedlike articles and two articles
whose text holds markup. The page is checked against the API it reads: the map, the timeline and
the table show the stored events, a filter changes all three and the URL, the article view marks the
seed ACCUSE's trigger, source and target at their offsets, markup in an article runs nothing, and
the page asks nothing of any host but the server.

MARSAD_SCREENSHOTS=docs saves the README's screenshots (docs/web-*.png) while the tests run.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from served_store import EXAMPLE, MARKUP_ID, MARKUP_TEXT, SEED_DATE, serving

pytestmark = pytest.mark.slow  # a browser and server processes: left out of the quick `-m "not slow"` run
READY_MS = 60_000
XSS_ID = "xss-0001"
# An Arabic sentence with the two classic injections in it: a script element and an attribute break-out.
XSS_TEXT = ('اتهمت وزارة الخارجية الروسية الولايات المتحدة <script>window.__xss=1</script> بدعم الإرهاب، '
            'وقال المتحدث باسمها " onerror="window.__xss=2 إن موسكو سترد <img src=x onerror="window.__xss=3">.')


def _browser_parts():
    """(sync_playwright, chromium path), or a skip (a failure under CI, which installs both)."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if chromium and sync_playwright:
        return sync_playwright, chromium
    reason = "needs Debian's chromium and the playwright package (the test extra)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: .ci/run installs them", pytrace=False)
    pytest.skip(reason)




@pytest.fixture(scope="module")
def web_store(shared: Path, tmp_path_factory) -> str:
    from marsad.store import open_store
    from marsad.store.ingest import ingest

    root = tmp_path_factory.mktemp("web_store")
    extra = root / "markup.jsonl"
    extra.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [
        {"id": MARKUP_ID, "title": "<b>عنوان</b>", "date": "2018-05-01", "source": "Test <i>Outlet</i>", "text": MARKUP_TEXT},
        {"id": XSS_ID, "title": '<img src=x onerror="window.__xss=4">', "date": "2018-05-02", "text": XSS_TEXT},
    ]), encoding="utf-8")
    url = str(root / "news.db")
    with open_store(url) as store:
        assert ingest([str(EXAMPLE)], store, date=SEED_DATE).errors == 0
        assert ingest([str(shared / "corpora" / "seedlike")], store).errors == 0
        assert ingest([str(extra)], store).errors == 0
    return url




@pytest.fixture(scope="module")
def server(web_store: str) -> Iterator[str]:
    """The server as it starts by default: read-only."""
    with serving(web_store) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    sync_playwright, chromium = _browser_parts()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        yield browser
        browser.close()


class Watched:
    """A page with every request it makes and every dialog it opens recorded."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.wait_ready()

    def wait_ready(self) -> None:
        self.page.wait_for_selector("body[data-ready=true]", timeout=READY_MS)

    def shot(self, name: str) -> None:
        folder = os.environ.get("MARSAD_SCREENSHOTS")
        if folder:
            self.page.screenshot(path=str(Path(folder) / f"web-{name}.png"))


@contextmanager
def _page(browser, server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    watched = Watched(context.new_page(), server)
    yield watched
    context.close()
    # no request leaves the machine: every one the page made went to the server's origin
    assert watched.requests
    foreign = [u for u in watched.requests if not u.startswith(server + "/")]
    assert not foreign, foreign
    assert not watched.dialogs and not watched.errors, (watched.dialogs, watched.errors)


@pytest.fixture
def page(browser, server) -> Iterator[Watched]:
    with _page(browser, server) as watched:
        yield watched


def _all_events(base: str, **filters) -> list[dict]:
    rows, cursor = [], None
    while True:
        page = httpx.get(f"{base}/api/events", params={**filters, "limit": 500, **({"cursor": cursor} if cursor else {})},
                         timeout=60).json()
        rows += page["events"]
        cursor = page["next"]
        if not cursor:
            return rows


def _drawn(page) -> dict:
    """What the page drew: table rows (event ids), marker counts, timeline bars, the summary."""
    return page.evaluate("""() => ({
        rows: [...document.querySelectorAll('table.events tbody tr')].map(r => r.dataset.event),
        types: [...document.querySelectorAll('table.events tbody tr td:nth-child(2)')].map(c => c.firstChild.textContent),
        markers: [...document.querySelectorAll('svg.map circle.marker')].map(c => Number(c.dataset.count)),
        places: [...document.querySelectorAll('svg.map circle.marker')].map(c => Number(c.dataset.places)),
        bars: [...document.querySelectorAll('svg.timeline rect.bar')].map(b => [b.dataset.period, b.dataset.type, Number(b.dataset.count)]),
        outlines: document.querySelectorAll('svg.map path.country').length,
        summary: Number(document.getElementById('summary').dataset.count),
    })""")


def _stats_cells(base: str, **filters) -> list[list]:
    stats = httpx.get(f"{base}/api/stats", params={**filters, "period": "month", "by": "type"}, timeout=60).json()
    return sorted([r["month"], r["type"], r["events"]] for r in stats["rows"])


def test_map_timeline_and_table_show_the_stored_events(page, server):
    events = _all_events(server)
    page.open("/")
    drawn = _drawn(page.page)
    assert drawn["rows"] == [e["id"] for e in events] and drawn["summary"] == len(events) > 100
    assert sum(drawn["markers"]) == sum(1 for e in events if e["lat"] is not None) > 50
    # nearby places share a marker (clusters): every place is in exactly one, and Yemen's many close
    # places make fewer markers than places
    n_places = len({(round(e["lat"], 3), round(e["lon"], 3)) for e in events if e["lat"] is not None})
    assert sum(drawn["places"]) == n_places and len(drawn["markers"]) < n_places
    assert sorted(drawn["bars"]) == _stats_cells(server)
    # the timeline counts acts as `marsad count` does (the sentences telling one act count once), all of them
    by_type = httpx.get(f"{server}/api/stats", params={"by": "type"}, timeout=60).json()["rows"]
    assert sum(b[2] for b in drawn["bars"]) == sum(r["events"] for r in by_type) > 100
    assert drawn["outlines"] > 150                             # the basemap's countries are drawn
    page.shot("dashboard")


def test_a_filter_changes_map_timeline_table_and_url(page, server):
    page.open("/")
    before = _drawn(page.page)
    page.page.select_option("form.filters select[name=type]", "ASSAULT")
    page.page.fill("form.filters input[name=since]", "2018-03")
    with page.page.expect_navigation():
        page.page.click("form.filters button[type=submit]")
    page.wait_ready()
    query = parse_qs(urlsplit(page.page.url).query)
    assert query == {"type": ["ASSAULT"], "since": ["2018-03"]}   # the empty fields stay out of the URL
    events = _all_events(server, type="ASSAULT", since="2018-03")
    after = _drawn(page.page)
    assert after["rows"] == [e["id"] for e in events] and 0 < len(events) < len(before["rows"])
    assert set(after["types"]) == {"ASSAULT"}
    assert sum(after["markers"]) == sum(1 for e in events if e["lat"] is not None) < sum(before["markers"])
    assert sorted(after["bars"]) == _stats_cells(server, type="ASSAULT", since="2018-03") != sorted(before["bars"])
    assert {b[1] for b in after["bars"]} == {"ASSAULT"} and min(b[0] for b in after["bars"]) >= "2018-03"
    # the form shows the URL's filters; reloading the URL draws the same
    assert page.page.input_value("form.filters select[name=type]") == "ASSAULT"
    page.page.reload()
    page.wait_ready()
    assert _drawn(page.page) == after


def test_article_view_marks_the_seed_accuse_at_its_offsets(page, server):
    accuse = [e for e in _all_events(server, type="ACCUSE") if e["article_id"] == "seed-0001"
              and e["trigger_text"] == "اتهم"]
    assert len(accuse) == 1
    event = accuse[0]
    record = httpx.get(f"{server}/api/articles/seed-0001").json()
    page.open(f"/?article=seed-0001&ev={event['idx']}")
    marked = page.page.evaluate("""() => [...document.querySelectorAll('.article-text mark')].map(m => ({
        roles: m.dataset.roles.split(' '), start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent}))""")
    expected = {"trigger": "اتهم", "source": "رئيس هيئة الأركان الروسية العامة", "target": "الولايات المتحدة"}
    for role, text in expected.items():
        pieces = [m for m in marked if role in m["roles"]]
        start, end = event[f"{role}_start"], event[f"{role}_end"]
        assert "".join(m["text"] for m in pieces) == text == record["text"][start:end]
        assert pieces[0]["start"] == start and pieces[-1]["end"] == end
    # the whole text is there, unchanged, right to left
    assert page.page.text_content(".article-text") == record["text"]
    assert page.page.get_attribute(".article-text", "dir") == "rtl"
    fields = page.page.inner_text("dl.fields")
    assert "ACCUSE" in fields and "USA-GOV" in fields and "رئيس هيئة الأركان الروسية العامة" in fields
    page.shot("article")


@pytest.mark.parametrize("article_id", [XSS_ID, MARKUP_ID])
def test_markup_in_an_article_is_shown_as_text_and_runs_nothing(page, server, article_id):
    record = httpx.get(f"{server}/api/articles/{article_id}").json()
    paths = [f"/?article={article_id}", *(f"/?article={article_id}&ev={i}" for i in range(len(record["events"]))),
             "/?q=موسكو", "/?since=2018-05-01&until=2018-05-02"]
    for path in paths:
        page.open(path)
        assert page.page.evaluate("() => [window.__xss, document.querySelectorAll('#main script, #main img, "
                                  "#main [onerror]').length]") == [None, 0], path
    page.open(f"/?article={article_id}")
    assert page.page.text_content(".article-text") == record["text"]
    assert page.page.text_content(".article-head h2") == record["title"]
    table = httpx.get(f"{server}/api/events", params={"since": "2018-05-01", "until": "2018-05-02"}).json()
    assert any(e["article_id"] == article_id for e in table["events"])   # the table view above drew its events


def test_search_and_actor_page(page, server):
    page.page.goto(server + "/")
    page.wait_ready()
    page.page.fill("#search input[name=q]", "سكريبال")
    with page.page.expect_navigation():
        page.page.click("#search button")
    page.wait_ready()
    hits = httpx.get(f"{server}/api/search", params={"q": "سكريبال", "limit": 50}).json()["hits"]
    assert hits and page.page.locator(".hits li").count() == len(hits)
    assert page.page.text_content(".hits mark") == "سكريبال"
    actor = httpx.get(f"{server}/api/actors/GRP-HOUTHIS").json()
    page.open("/?actor=GRP-HOUTHIS")
    assert page.page.text_content(".actor-view h2").startswith(actor["actor"]["name"])
    tables = page.page.locator("table.events")
    assert tables.count() == 2
    assert tables.nth(0).locator("tbody tr").count() == len(actor["as_source"])
    assert tables.nth(1).locator("tbody tr").count() == len(actor["as_target"])
    bars = page.page.evaluate("() => [...document.querySelectorAll('svg.timeline')].map(s => "
                              "[...s.querySelectorAll('rect.bar')].reduce((n, b) => n + Number(b.dataset.count), 0))")
    acts = [sum(r["events"] for r in httpx.get(f"{server}/api/stats", params={role: "GRP-HOUTHIS"}).json()["rows"])
            for role in ("source", "target")]
    assert bars == acts and acts[1] > 10   # acts, as /api/stats counts them (the page's counts: events)


def test_a_refused_filter_says_why(page, server):
    page.open("/?since=2018-13")
    assert "since" in page.page.text_content(".error") and "422" in page.page.text_content(".error")


def _seed_accuse(base: str) -> dict:
    return next(e for e in _all_events(base, type="ACCUSE") if e["article_id"] == "seed-0001" and e["trigger_text"] == "اتهم")


def _review_form(page, form: str, values: dict[str, str]) -> None:
    """Fill a review form of the article view and submit it: the page reloads with the result."""
    for name, value in values.items():
        page.page.fill(f".{form} input[name={name}]", value)
    with page.page.expect_navigation():
        page.page.click(f".{form} button[type=submit]")
    page.wait_ready()


def _refused_review_form(page, form: str, values: dict[str, str]) -> str:
    """Fill and submit a review form whose values the server refuses: the message the page shows."""
    for name, value in values.items():
        page.page.fill(f".{form} input[name={name}]", value)
    page.page.click(f".{form} button[type=submit]")
    page.page.wait_for_selector(".review-message.error")
    return page.page.text_content(".review-message")


def _review_log(db: str) -> list:
    """The store's corrections, as `marsad review --list` reads them."""
    from marsad.store import open_store
    from marsad.store.review import listed

    with open_store(db, readonly=True) as store:
        return list(listed(store))


def test_review_in_the_browser_changes_the_store_and_records_who(browser, web_store, tmp_path):
    """With --allow-review an analyst corrects the seed ACCUSE's type in the article view; the API
    shows it, and the store's review log has who and when."""
    db = str(tmp_path / "review.db")
    shutil.copy(web_store, db)
    with serving(db, "--allow-review", "--reviewer", "Analyst A") as base, _page(browser, base) as page:
        event = _seed_accuse(base)
        page.open(f"/?article=seed-0001&ev={event['idx']}")
        assert "Analyst A" in page.page.text_content(".review h2")
        _review_form(page, "review-edit", {"type": "REJECT"})
        assert "REJECT" in page.page.inner_text("dl.fields")
        changed = httpx.get(f"{base}/api/events/seed-0001%23{event['idx']}").json()
        assert changed["event"]["type"] == "REJECT" and changed["event"]["trigger"]["text"] == "اتهم"
        # a write without the app's header (a form another site's page posts) is refused
        refused = httpx.post(f"{base}/api/review/reject/seed-0001%23{event['idx']}")
        assert refused.status_code == 403
        # a value the review functions refuse is a 422 with their message, shown on the page
        assert "422" in _refused_review_form(page, "review-edit", {"date": "2018-13-01"})
    log = _review_log(db)
    assert [(e.correction.action, e.correction.reviewer, dict(e.correction.changes)["type"]) for e in log] == [
        ("set", "Analyst A", "REJECT")]
    assert log[0].correction.at


def test_an_event_the_pipeline_missed_is_added_in_the_browser(browser, web_store, tmp_path):
    """The article view's "Add a missed event" form records an `add` correction: the API lists the
    new event at the trigger's words, reviewed, and the page shows it highlighted."""
    db = str(tmp_path / "add.db")
    shutil.copy(web_store, db)
    with serving(db, "--allow-review", "--reviewer", "Analyst B") as base, _page(browser, base) as page:
        event = _seed_accuse(base)
        before = {e["trigger_text"] for e in _all_events(base, type="ACCUSE") if e["article_id"] == "seed-0001"}
        assert "تقول" not in before
        page.open(f"/?article=seed-0001&ev={event['idx']}")
        _review_form(page, "review-add", {"type": "ACCUSE", "trigger": "تقول", "source": "#روسيا"})
        added = [e for e in _all_events(base, type="ACCUSE") if e["article_id"] == "seed-0001" and e["trigger_text"] == "تقول"]
        assert len(added) == 1 and added[0]["reviewed"] and "روسيا" in added[0]["source_text"]
        record = httpx.get(f"{base}/api/articles/seed-0001").json()
        trigger = next(e["trigger"] for e in record["events"] if e["trigger"]["text"] == "تقول")
        assert record["text"][trigger["start"]:trigger["end"]] == "تقول"
        assert "تقول" in page.page.inner_text("dl.fields")
        # a trigger the text does not hold is refused with the review functions' message
        assert "422" in _refused_review_form(page, "review-add", {"type": "ACCUSE", "trigger": "كلمة ليست في النص"})
    assert [(e.correction.action, e.correction.reviewer) for e in _review_log(db)] == [("add", "Analyst B")]


def test_without_allow_review_every_write_is_refused(page, server):
    event = _seed_accuse(server)
    page.open(f"/?article=seed-0001&ev={event['idx']}")
    assert page.page.locator(".review").count() == 0      # no controls
    assert httpx.get(f"{server}/api/review").json()["enabled"] is False
    for action in ("reject", "confirm", "change"):
        r = httpx.post(f"{server}/api/review/{action}/seed-0001%23{event['idx']}",
                       params={"type": "REJECT"} if action == "change" else {}, headers={"X-Marsad-Review": "1"})
        assert r.status_code == 403 and "--allow-review" in r.json()["detail"]
    r = httpx.post(f"{server}/api/review/add/seed-0001", params={"type": "ACCUSE", "trigger": "تقول"},
                   headers={"X-Marsad-Review": "1"})
    assert r.status_code == 403
    assert _seed_accuse(server)["type"] == "ACCUSE"


def test_behind_a_proxy_the_reviewer_is_the_header_it_sets(web_store, tmp_path):
    from fastapi.testclient import TestClient

    from marsad.serve.app import create_app
    from marsad.serve.review import ReviewConfig

    db = str(tmp_path / "proxy.db")
    shutil.copy(web_store, db)
    with TestClient(create_app(db, review=ReviewConfig(db, reviewer_header="X-Remote-User"))) as client:
        event = _seed_accuse_in(client)
        path = f"/api/review/confirm/seed-0001%23{event['idx']}"
        assert client.post(path, headers={"X-Marsad-Review": "1"}).status_code == 403   # the proxy named no one
        done = client.post(path, headers={"X-Marsad-Review": "1", "X-Remote-User": "layla"})
        assert done.status_code == 200 and done.json()["reviewer"] == "layla"
        assert client.get("/api/review").json() == {"enabled": True, "reviewer": None, "reviewer_header": "X-Remote-User"}
    assert [(e.correction.action, e.correction.reviewer) for e in _review_log(db)] == [("confirm", "layla")]


def _seed_accuse_in(client) -> dict:
    rows = client.get("/api/events", params={"type": "ACCUSE", "limit": 500}).json()["events"]
    return next(e for e in rows if e["article_id"] == "seed-0001" and e["trigger_text"] == "اتهم")
