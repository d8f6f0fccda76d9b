"""HTML pages and web archives (WARC) as inputs.

A page's main text, title, date and URL are taken by trafilatura (pinned to an
Apache-2.0 release; navigation, footers, comments and other boilerplate are
left out), and that extracted text is the article's `text`: every offset
indexes it. A WARC file (`.warc`, `.warc.gz`) is read with warcio: each
`response` record with a 2xx status and an HTML payload is one article, named
`FILE:N` by its number among the archive's records; its WARC-Target-URI is the
article's id and `url`. Date: the page's own, else `--date`, else the record's
WARC-Date. Other records (requests, metadata, images, redirects) are not
articles and are passed over.

Both libraries are in the `html` extra (which the `test` extra includes); without
them an HTML or WARC input gets one clear error.
"""
from __future__ import annotations

import gzip
import io
import logging
from collections.abc import Iterator
from typing import Any

from marsad.io.decode import decode_lines
from marsad.io.readers import DecodeError, ReadError, plausible_error, valid_date, warnings_of
from marsad.types import ArticleInput

HTML_TYPES = ("text/html", "application/xhtml+xml")
INSTALL = "pip install 'marsad[html]'"
# The page's publication date from its markup only: htmldate's extensive search guesses from the
# text ("© 2018" in a footer became 2018-01-01), and a guessed date would ground every event.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise DecodeError(f"reading HTML needs trafilatura, which is not installed ({INSTALL})") from None
    # Its loggers warn about pages it cannot parse; the reader reports those itself, once.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    return trafilatura


def page_article(data: bytes, origin: str, article_id: str | None, default_date: str | None,
                 url: str | None = None, fallback_date: str | None = None) -> ArticleInput:
    """The article in one HTML page (bytes as served or saved), or DecodeError if it has none."""
    trafilatura = _trafilatura()
    _, lines = decode_lines(data)
    html = "\n".join(line.text for line in lines)
    if not html.strip():
        raise DecodeError("empty page")
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            deduplicate=False, favor_precision=True,
                                            date_extraction_params=DATE_PARAMS)
    except Exception as exc:  # noqa: BLE001 - a page the extractor chokes on is that page's error
        raise DecodeError(f"HTML extraction failed ({type(exc).__name__}: {exc})") from None
    text = (found.text if found is not None else None) or ""
    if not text.strip():
        raise DecodeError("no article text found in the HTML page")
    title = found.title or ""
    problem = plausible_error(title + text)
    if problem:
        raise DecodeError(problem)
    return ArticleInput(
        id=article_id, title=title.strip(), text=text,
        date=valid_date(found.date) or default_date or valid_date(fallback_date),
        url=found.url or url, origin=origin, warnings=warnings_of(lines, origin),
    )


def read_html(data: bytes, origin: str, stem: str | None, default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    try:
        yield page_article(data, origin, stem, default_date)
    except DecodeError as exc:
        yield ReadError(origin, str(exc))


def _warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise DecodeError(f"reading WARC needs warcio, which is not installed ({INSTALL})") from None
    logging.getLogger("warcio").setLevel(logging.CRITICAL)  # it logs what it repairs in a header
    return ArchiveIterator


def is_warc(data: bytes) -> bool:
    """A WARC file, gzipped per record or not (for stdin, which has no file name)."""
    if data.startswith(b"\x1f\x8b"):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = fh.read(5)
        except (OSError, EOFError):
            return False
    return data.startswith(b"WARC/")


def read_warc(data: bytes, origin: str, default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    """One article per HTML response record; a broken archive is one error where it breaks."""
    try:
        archive = _warcio()(io.BytesIO(data), arc2warc=True)
    except DecodeError as exc:
        yield ReadError(origin, str(exc))
        return
    n, found = 0, 0
    records = iter(archive)
    while True:
        where = f"{origin}:{n + 1}"
        try:
            record = next(records)
            n += 1
            if not _is_html_response(record):
                continue
            found += 1
            payload = record.content_stream().read()
            missing = getattr(record.raw_stream, "limit", 0)  # bytes of the declared Content-Length never read
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on a damaged archive
            reason = " ".join(str(exc).split())[:160]
            yield ReadError(where, f"damaged WARC, the rest of the file is not read ({type(exc).__name__}: {reason})")
            return
        if missing:
            yield ReadError(where, f"WARC record cut short ({missing} bytes of its Content-Length missing): "
                                   "a truncated or damaged archive")
            continue
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI") or None
        try:
            yield page_article(payload, where, url, default_date, url=url,
                               fallback_date=(headers.get_header("WARC-Date") or "")[:10])
        except DecodeError as exc:
            yield ReadError(where, str(exc))
    rest = data[archive.offset:]
    if rest.strip():  # e.g. a gzip member cut short, which warcio passes over in silence
        yield ReadError(f"{origin}:{n + 1}", f"damaged WARC: the last {len(rest)} bytes are not a complete record")
    elif not found:
        yield ReadError(origin, "no HTML response record in this WARC file")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return status.startswith("2") and kind in HTML_TYPES
