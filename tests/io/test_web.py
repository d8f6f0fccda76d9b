"""HTML pages and WARC archives as inputs (issue 13): the main text, title, date and URL of
real Arabic articles wrapped in a page with navigation, share links and a footer; the
extracted text is what every offset indexes."""
import html
import io
import json
import sys

import pytest

from marsad.batch import run_extract
from marsad.io.readers import ReadError, read_articles

pytest.importorskip("trafilatura", reason="the html extra (in the test extra) is not installed")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

# Al Arabiya, 2018-05-09 (Yemen) and 2018-02-20: seed-layout files, paragraphs joined by "., ".
YEMEN = "AL-internationalNews-1079-20180509.txt"
SECOND = "AL-internationalNews-118-20180220.txt"
NAV = ('<nav class="menu"><ul><li><a href="/">الصفحة الرئيسية</a></li><li><a href="/ar/politics">سياسة</a></li>'
       '<li><a href="/ar/sport">رياضة</a></li><li><a href="/ar/economy">اقتصاد</a></li></ul></nav>')
FOOTER = ('<div class="share"><a href="#">تويتر</a> <a href="#">فيسبوك</a> <a href="#">واتساب</a></div>'
          '<footer><p>جميع الحقوق محفوظة © 2018 العربية</p><a href="/privacy">سياسة الخصوصية</a>'
          '<p>اشترك في النشرة البريدية</p></footer>')


def seed_article(shared, name):
    """(title, paragraphs) of a seedlike file: its body is paragraphs joined by '., '."""
    title, _, body = (shared / "corpora" / "seedlike" / name).read_text(encoding="utf-8").partition("\n\n")
    parts = body.strip().split("., ")
    return title.strip(), [p + "." for p in parts[:-1]] + [parts[-1]]


def page(title, paragraphs, published=None, canonical=None, charset="utf-8"):
    meta = f'<meta property="article:published_time" content="{published}T09:30:00+03:00">' if published else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{html.escape(title)} | العربية</title>{meta}{link}</head>\n<body>{NAV}"
            f'<header><h1>{html.escape(title)}</h1></header><article class="story">{body}</article>'
            f"{FOOTER}</body></html>")


def articles(items):
    return [x for x in items if not isinstance(x, ReadError)]


def test_html_page_main_text_title_date_and_url(tmp_path, shared):
    title, paragraphs = seed_article(shared, YEMEN)
    path = tmp_path / "yemen.html"
    path.write_text(page(title, paragraphs, "2018-05-09", "https://www.alarabiya.net/ar/arab-and-world/yemen/2018/05/09/x.html"),
                    encoding="utf-8")
    (a,) = read_articles([str(path)])
    assert a.text == "\n".join(paragraphs)  # the article, and nothing of the menu, share links or footer
    for boilerplate in ("الصفحة الرئيسية", "رياضة", "فيسبوك", "جميع الحقوق", "النشرة البريدية"):
        assert boilerplate not in a.text
    assert a.title == title
    assert (a.id, a.date, a.url) == ("yemen", "2018-05-09",
                                     "https://www.alarabiya.net/ar/arab-and-world/yemen/2018/05/09/x.html")


def test_offsets_index_the_extracted_text_and_events_match_the_plain_text(tmp_path, shared):
    title, paragraphs = seed_article(shared, YEMEN)
    (tmp_path / "yemen.htm").write_text(page(title, paragraphs, "2018-05-09"), encoding="utf-8")
    (tmp_path / "yemen.jsonl").write_text(json.dumps({"id": "yemen", "title": title, "date": "2018-05-09",
                                                      "text": "\n".join(paragraphs)}, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    out = io.StringIO()
    run_extract([str(tmp_path / "yemen.htm"), str(tmp_path / "yemen.jsonl")], out, fmt="jsonl", errors=io.StringIO())
    from_html, from_text = (json.loads(line) for line in out.getvalue().splitlines())
    assert from_html["events"] and from_html["events"] == from_text["events"]
    text = from_html["text"]
    for e in from_html["events"]:
        assert text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    for m in from_html["entities"]:
        assert text[m["start"]:m["end"]] == m["text"]


def test_a_page_without_article_text_is_one_error_and_the_batch_goes_on(tmp_path, shared):
    title, paragraphs = seed_article(shared, YEMEN)
    (tmp_path / "a_menu.html").write_text(f"<html><head><title>العربية</title></head><body>{NAV}{FOOTER}</body></html>",
                                          encoding="utf-8")
    (tmp_path / "b_story.html").write_text(page(title, paragraphs), encoding="utf-8")
    items = list(read_articles([str(tmp_path)]))
    assert [str(x) for x in items if isinstance(x, ReadError)] == [
        f"{tmp_path / 'a_menu.html'}: no article text found in the HTML page"]
    assert [a.id for a in articles(items)] == ["b_story"]
    assert articles(items)[0].date is None  # no date in the page: none is guessed (the footer says © 2018)


def test_a_windows_1256_page_with_a_stray_byte(tmp_path, shared):
    title, paragraphs = seed_article(shared, SECOND)
    data = page(title, paragraphs, "2018-02-20", charset="windows-1256").encode("cp1256", "replace")
    (tmp_path / "win.html").write_bytes(data)
    (a,) = read_articles([str(tmp_path / "win.html")])
    expected = "\n".join(paragraphs).encode("cp1256", "replace").decode("cp1256")
    assert a.text == expected and a.date == "2018-02-20"


def _response(writer, url, body, date, status="200 OK", kind="text/html; charset=utf-8"):
    http = StatusAndHeaders(status, [("Content-Type", kind), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                     warc_headers_dict={"WARC-Date": date})


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_each_html_response_is_one_article(tmp_path, shared, name):
    yemen_title, yemen = seed_article(shared, YEMEN)
    second_title, second = seed_article(shared, SECOND)
    url1 = "https://www.alarabiya.net/ar/arab-and-world/yemen/2018/05/09/x.html"
    url2 = "https://www.alarabiya.net/ar/arab-and-world/y.html"  # no date in it (htmldate reads URLs)
    path = tmp_path / name
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(name, {"software": "test"}))
        request = StatusAndHeaders("GET /ar/x.html HTTP/1.1", [("Host", "www.alarabiya.net")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url1, "request", http_headers=request))
        # 2: the first article, dated by its page
        writer.write_record(_response(writer, url1, page(yemen_title, yemen, "2018-05-09").encode(), "2018-05-10T08:00:00Z"))
        writer.write_record(_response(writer, "https://www.alarabiya.net/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                                      "2018-05-10T08:00:01Z", kind="image/png"))
        writer.write_record(_response(writer, "https://www.alarabiya.net/old", b"<html>moved</html>",
                                      "2018-05-10T08:00:02Z", status="301 Moved Permanently"))
        # 6: a section front page, menu only: not an article
        writer.write_record(_response(writer, "https://www.alarabiya.net/ar/sport",
                                      f"<html><body>{NAV}{FOOTER}</body></html>".encode(), "2018-05-10T08:00:03Z"))
        # 7: the second article, no date in the page: the crawl date
        writer.write_record(_response(writer, url2, page(second_title, second).encode(), "2018-02-21T06:00:00Z"))
    items = list(read_articles([str(path)]))
    assert [str(x) for x in items if isinstance(x, ReadError)] == [
        f"{path}:6: no article text found in the HTML page"]
    first, last = articles(items)
    assert (first.id, first.url, first.date, first.origin) == (url1, url1, "2018-05-09", f"{path}:3")
    assert (last.id, last.url, last.date, last.origin) == (url2, url2, "2018-02-21", f"{path}:7")
    assert first.text == "\n".join(yemen) and first.title == yemen_title
    assert last.text == "\n".join(second) and last.title == second_title
    # --date is for inputs that carry none: it comes before the crawl date, after the page's own.
    dated = articles(read_articles([str(path)], default_date="2018-02-20"))
    assert [a.date for a in dated] == ["2018-05-09", "2018-02-20"]


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path, shared, gz):
    title, paragraphs = seed_article(shared, YEMEN)
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(_response(writer, "https://a.example/1", page(title, paragraphs).encode(), "2018-05-10T08:00:00Z"))
    good = buf.getvalue()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(good + good[: len(good) // 2])  # a second record cut in the middle
    items = list(read_articles([str(path)]))
    assert len(articles(items)) == 1
    (err,) = [x for x in items if isinstance(x, ReadError)]
    # Cut inside the record's block ("cut short") or inside its gzip member ("damaged WARC: the last N bytes")
    assert err.origin == f"{path}:2" and err.message.startswith(("WARC record cut short", "damaged WARC: the last"))


def test_garbage_after_the_records_is_one_error(tmp_path, shared):
    title, paragraphs = seed_article(shared, YEMEN)
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(_response(writer, "https://a.example/1", page(title, paragraphs).encode(), "2018-05-10T08:00:00Z"))
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(buf.getvalue() + bytes(range(256)))
    items = list(read_articles([str(path)]))
    assert len(articles(items)) == 1
    (err,) = [x for x in items if isinstance(x, ReadError)]
    assert err.origin == f"{path}:2" and err.message.startswith("damaged WARC, the rest of the file is not read")
    assert "\n" not in err.message


def test_html_and_warc_on_stdin(shared):
    title, paragraphs = seed_article(shared, YEMEN)
    (a,) = read_articles(["-"], stdin=io.BytesIO(page(title, paragraphs, "2018-05-09").encode()))
    assert a.text == "\n".join(paragraphs) and a.origin == "<stdin>"
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(_response(writer, "https://a.example/1", page(title, paragraphs).encode(), "2018-05-10T08:00:00Z"))
    (b,) = read_articles(["-"], stdin=io.BytesIO(buf.getvalue()))
    assert (b.text, b.url, b.date) == ("\n".join(paragraphs), "https://a.example/1", "2018-05-10")


def test_without_the_html_extra_each_page_is_one_clear_error(tmp_path, shared, monkeypatch):
    title, paragraphs = seed_article(shared, YEMEN)
    (tmp_path / "a.html").write_text(page(title, paragraphs), encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{title}\n\n" + "\n".join(paragraphs), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed: import fails
    items = list(read_articles([str(tmp_path)]))
    assert [str(x) for x in items if isinstance(x, ReadError)] == [
        f"{tmp_path / 'a.html'}: reading HTML needs trafilatura, which is not installed (pip install 'marsad[html]')"]
    assert [a.id for a in articles(items)] == ["b"]
