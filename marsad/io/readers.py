"""Readers: seed-layout text, JSONL, CSV, HTML pages, WARC archives, directories, globs and stdin.

Each input yields `ArticleInput`s or `ReadError`s: a broken file or record is
reported by name (`FILE:LINE`) and the batch goes on.

Decoding is per record (marsad.io.decode): the encoding is chosen on evidence
from the whole input, each line is decoded on its own, and a bad byte becomes
U+FFFD in its record with one warning in `ArticleInput.warnings`
(`FILE:LINE: invalid UTF-8 at byte N replaced with U+FFFD`), which `marsad
extract` and `marsad ingest` print on stderr as `warning: ...`. Whether a text
reads as text (not binary or a misread encoding) is checked per article.
JSONL records are split on "\n" (and "\r\n") only: U+2028, U+2029, U+0085 and
other characters that `str.splitlines` treats as line ends stay inside their
record, and so do raw control characters in JSON strings.
"""
from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.io.decode import Line, decode_lines
from marsad.types import MAX_YEAR, MIN_YEAR, ArticleInput

FIELDS = ("id", "title", "date", "source", "url", "text")
SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".htm", ".warc", ".warc.gz")
FILENAME_DATE_RE = re.compile(r"(?:^|[-_])(\d{4})(\d{2})(\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Characters that text does not have and binary data or a misread encoding does: C0 and C1
# controls other than tab and line ends, replacement characters, lone surrogates, private use.
NOT_TEXT_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff\ue000-\uf8ff]")
NOT_TEXT_SHARE = 0.05
SURROGATE_RE = re.compile("[\ud800-\udfff]")
HTML_START_RE = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class ReadError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class DecodeError(ValueError):
    pass


def plausible_error(text: str) -> str | None:
    """Why a text is not one (binary data or a misread encoding), or None: at most 5 % of its
    characters may be controls, U+FFFD, surrogates or private-use characters. Any script
    is text (a Russian record, a line of emoji)."""
    if not text:
        return None
    bad = len(text) - len(NOT_TEXT_RE.sub("", text))
    if bad > NOT_TEXT_SHARE * len(text):
        return "binary or undecodable data (not UTF-8, UTF-16 or Windows-1256 text)"
    return None


def warnings_of(lines: Iterable[Line], origin: str) -> tuple[str, ...]:
    """The one warning of a record made of these lines: its first decoding problem, and how
    many more of its lines had one."""
    bad = [line for line in lines if line.warning]
    if not bad:
        return ()
    more = f" (and {len(bad) - 1} more line(s))" if len(bad) > 1 else ""
    return (f"{origin}:{bad[0].number}: {bad[0].warning}{more}",)


def kind_of(name: str) -> str:
    """The reader for a file name: .txt, .jsonl, .csv, .html or .warc (.htm is .html, .warc.gz is .warc)."""
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz")):
        return ".warc"
    suffix = Path(lower).suffix
    return ".html" if suffix in (".html", ".htm") else suffix


def _compressed(data: bytes) -> bool:
    """A whole gzip stream (checked to its CRC, so random bytes never pass)."""
    if not data.startswith(b"\x1f\x8b"):
        return False
    try:
        gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return False
    return True


def valid_date(value: object) -> str | None:
    """An ISO date `YYYY-MM-DD` (a longer timestamp is cut to its date), or None."""
    if not value:
        return None
    value = str(value).strip()[:10]
    if not DATE_RE.match(value):
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    # a placeholder year (0001-01-01, 9999-12-31) is no date to resolve أمس or a weekday against
    return value if MIN_YEAR <= day.year <= MAX_YEAR else None


def _meta_text(value: object) -> str | None:
    """A record's title/source/url as text: a number as written, a list joined by "; ".

    >>> _meta_text(["BBC", "Reuters"]), _meta_text(2018), _meta_text("")
    ('BBC; Reuters', '2018', None)
    """
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if v is not None) or None
    return value if isinstance(value, str) else str(value)


def _filename_date(stem: str) -> str | None:
    m = FILENAME_DATE_RE.search(stem)
    return valid_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") if m else None


def parse_seed_text(text: str, origin: str, article_id: str | None, default_date: str | None,
                    warnings: tuple[str, ...] = ()) -> ArticleInput:
    """First line title, blank line, body. Without the blank line the whole
    text after the first line is the body."""
    text = text.lstrip("\ufeff")
    title, _, rest = text.partition("\n")
    if rest.startswith("\r\n"):
        body = rest[2:]
    elif rest.startswith("\n"):
        body = rest[1:]
    else:
        body = rest
    if not body.strip():
        if not title.strip():
            raise DecodeError("empty article")
        title, body = "", text
    problem = plausible_error(text)
    if problem:
        raise DecodeError(problem)
    return ArticleInput(id=article_id, title=title.strip(), text=body, date=default_date, origin=origin,
                        warnings=warnings)


def _no_surrogates(row: dict, origin: str) -> tuple[dict, tuple[str, ...]]:
    """JSON's `\\udXXX` escapes can leave a lone surrogate, which no encoder writes back: each
    becomes U+FFFD, with one warning."""
    found = [k for k in FIELDS if isinstance(row.get(k), str) and SURROGATE_RE.search(row[k])]
    if not found:
        return row, ()
    row = dict(row)
    for k in found:
        row[k] = SURROGATE_RE.sub("\ufffd", row[k])
    return row, (f"{origin}: lone surrogate escape in {', '.join(found)} replaced with U+FFFD",)


def _from_record(row: dict, origin: str, default_date: str | None, warnings: tuple[str, ...] = ()) -> ArticleInput:
    row, fixed = _no_surrogates(row, origin)
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DecodeError("no 'text' field (or it is empty)")
    title = _meta_text(row.get("title")) or ""
    problem = plausible_error(title + text)
    if problem:
        raise DecodeError(problem)
    rid = row.get("id")
    extra = {k: v for k, v in row.items() if k not in FIELDS}
    return ArticleInput(
        id=str(rid) if rid not in (None, "") else None,
        title=title,
        text=text,
        date=valid_date(row.get("date")) or default_date,
        source=_meta_text(row.get("source")),
        url=_meta_text(row.get("url")),
        origin=origin,
        extra=extra,
        warnings=warnings[:1] or fixed,
    )


def _with_warning(message: str, line: Line) -> str:
    return f"{message}; {line.warning}" if line.warning else message


def read_jsonl(lines: Sequence[Line], origin: str, default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    """One record per line: lines end at "\n" only (see decode.decode_lines)."""
    for line in lines:
        if not line.text.strip():
            continue
        where = f"{origin}:{line.number}"
        try:
            row = json.loads(line.text, strict=False)  # strict=False: raw control characters in strings are kept
            if not isinstance(row, dict):
                raise DecodeError("line is not a JSON object")
            yield _from_record(row, where, default_date, warnings_of([line], origin))
        except json.JSONDecodeError as exc:
            yield ReadError(where, _with_warning(f"invalid JSON ({exc.msg} at column {exc.colno})", line))
        except RecursionError:
            yield ReadError(where, "invalid JSON (nested too deeply)")
        except DecodeError as exc:
            yield ReadError(where, _with_warning(str(exc), line))
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            yield ReadError(where, f"invalid JSON ({exc})")


def read_csv(lines: Sequence[Line], origin: str, default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    """A header with a `text` column, then one record per row (a quoted field may span lines);
    a record is named by its first line."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO("\n".join(line.text for line in lines)))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        yield ReadError(f"{origin}:1", f"invalid CSV header ({exc})")
        return
    if not fieldnames or "text" not in fieldnames:
        yield ReadError(origin, f"CSV needs a 'text' column (has {fieldnames})")
        return
    done, first_record = reader.line_num, True  # lines consumed by the header and earlier records
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadError(f"{origin}:{done + 1}", f"invalid CSV ({exc})")
            if reader.line_num <= done:
                return
            done = reader.line_num
            continue
        own = lines[done:reader.line_num]
        where = f"{origin}:{next((line.number for line in own if line.text.strip()), done + 1)}"
        # The header's decoding problems, if any, are reported with the first record.
        span = lines[:reader.line_num] if first_record else own
        done, first_record = reader.line_num, False
        try:
            yield _from_record(row, where, default_date, warnings_of(span, origin))
        except DecodeError as exc:
            yield ReadError(where, str(exc))


def read_bytes(data: bytes, origin: str, kind: str, stem: str | None,
               default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    """The articles in one input's bytes, read as `kind` (a suffix from `kind_of`)."""
    if kind == ".warc":
        from marsad.io.web import read_warc
        yield from read_warc(data, origin, default_date)
        return
    if kind == ".html":
        from marsad.io.web import read_html
        yield from read_html(data, origin, stem, default_date)
        return
    if not data.strip():
        yield ReadError(origin, "empty input")
        return
    if _compressed(data):
        yield ReadError(origin, "gzip-compressed data: decompress it first")
        return
    _, lines = decode_lines(data)
    if kind == ".jsonl":
        yield from read_jsonl(lines, origin, default_date)
    elif kind == ".csv":
        yield from read_csv(lines, origin, default_date)
    else:
        date_ = default_date or (_filename_date(stem) if stem else None)
        try:
            yield parse_seed_text("\n".join(line.text for line in lines), origin, stem, date_,
                                  warnings_of(lines, origin))
        except DecodeError as exc:
            yield ReadError(origin, str(exc))


def _stdin_kind(data: bytes) -> str:
    """What standard input holds: a WARC, an HTML page, JSONL, or seed-layout text."""
    from marsad.io.web import is_warc

    if is_warc(data):
        return ".warc"
    _, lines = decode_lines(data[:4096])
    head = "\n".join(line.text for line in lines).lstrip("\ufeff")
    if HTML_START_RE.match(head):
        return ".html"
    return ".jsonl" if head.lstrip().startswith("{") else ".txt"


def expand(paths: list[str]) -> Iterator[str | ReadError]:
    """Files named by paths, directories (recursively) and globs, in order."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.name.lower().endswith(SUFFIXES))
            if not found:
                yield ReadError(p, "directory has no .txt, .jsonl, .csv, .html, .htm, .warc or .warc.gz files")
            yield from (str(f) for f in found)
        elif path.is_file():
            yield p
        elif any(ch in p for ch in "*?["):
            matched = sorted(glob.glob(p, recursive=True))
            if not matched:
                yield ReadError(p, "glob matches no file")
            yield from matched
        else:
            yield ReadError(p, "no such file or directory")


def read_articles(paths: list[str], default_date: str | None = None,
                  stdin: io.BufferedReader | None = None) -> Iterator[ArticleInput | ReadError]:
    for item in expand(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            if item == "-":
                data = (stdin or sys.stdin.buffer).read()
                origin, stem, kind = "<stdin>", None, _stdin_kind(data)
            else:
                data = Path(item).read_bytes()
                origin, stem, kind = item, Path(item).stem, kind_of(str(item))
        except OSError as exc:
            yield ReadError(item if item != "-" else "<stdin>", str(exc))
            continue
        yield from read_bytes(data, origin, kind, stem, default_date)
