"""Readers: seed-layout text, JSONL, CSV, directories, globs and stdin.

Each input yields `ArticleInput`s or `ReadError`s: a broken file or line is
reported by name and the batch goes on.
"""
from __future__ import annotations

import csv
import glob
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.types import ArticleInput

FIELDS = ("id", "title", "date", "source", "url", "text")
SUFFIXES = (".txt", ".jsonl", ".csv")
FILENAME_DATE_RE = re.compile(r"(?:^|[-_])(\d{4})(\d{2})(\d{2})$")
ARABIC_RE = re.compile(r"[\u0600-\u06FF]")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UTF16_HIGH_BYTE_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class ReadError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class DecodeError(ValueError):
    pass


def _plausible(text: str) -> bool:
    """Text, not binary: nearly all characters are Arabic, Latin, digits,
    punctuation or whitespace (a misread encoding yields controls and CJK)."""
    if not text:
        return False
    sample = text[:4000]
    good = sum(1 for ch in sample if ch.isspace() or " " <= ch <= "~" or "\u0600" <= ch <= "\u06ff"
               or "\u00a0" <= ch <= "\u024f" or "\u2000" <= ch <= "\u206f" or "\ufb50" <= ch <= "\ufeff")
    return good >= 0.95 * len(sample)


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (BOM or not) or Windows-1256,
    and refuse what does not read as text."""
    text = _decode(data)
    if not text.strip():
        raise DecodeError("empty input")
    if not _plausible(text):
        raise DecodeError("binary or undecodable data (not UTF-8, UTF-16 or Windows-1256 text)")
    return text


def _decode(data: bytes) -> str:
    if not data.strip():
        raise DecodeError("empty input")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    # UTF-16 without BOM: in Arabic or Latin text every other byte is 0x06 or 0x00.
    if len(data) >= 4:
        high = (0, 6)
        odd = sum(1 for b in data[1::2] if b in high) / max(1, len(data[1::2]))
        even = sum(1 for b in data[0::2] if b in high) / max(1, len(data[0::2]))
        if max(odd, even) > UTF16_HIGH_BYTE_SHARE:
            try:
                return data.decode("utf-16-le" if odd > even else "utf-16-be")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"looks like UTF-16 but does not decode: {exc.reason}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not UTF-8, UTF-16 or Windows-1256 ({exc.reason} at byte {exc.start})") from None
    if not ARABIC_RE.search(text):
        raise DecodeError("not UTF-8, and no Arabic when read as Windows-1256")
    return text


def _valid_date(value: str | None) -> str | None:
    if not value:
        return None
    value = str(value).strip()[:10]
    if not DATE_RE.match(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _filename_date(stem: str) -> str | None:
    m = FILENAME_DATE_RE.search(stem)
    return _valid_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") if m else None


def parse_seed_text(text: str, origin: str, article_id: str | None, default_date: str | None) -> ArticleInput:
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
    return ArticleInput(id=article_id, title=title.strip(), text=body, date=default_date, origin=origin)


def _from_record(row: dict, origin: str, default_date: str | None) -> ArticleInput:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DecodeError("no 'text' field (or it is empty)")
    rid = row.get("id")
    extra = {k: v for k, v in row.items() if k not in FIELDS}
    return ArticleInput(
        id=str(rid) if rid not in (None, "") else None,
        title=str(row.get("title") or ""),
        text=text,
        date=_valid_date(row.get("date")) or default_date,
        source=row.get("source") or None,
        url=row.get("url") or None,
        origin=origin,
        extra=extra,
    )


def read_jsonl(text: str, origin: str, default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise DecodeError("line is not a JSON object")
            yield _from_record(row, where, default_date)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON ({exc.msg})")
        except DecodeError as exc:
            yield ReadError(where, str(exc))


def read_csv(text: str, origin: str, default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield ReadError(origin, f"CSV needs a 'text' column (has {reader.fieldnames})")
        return
    for n, row in enumerate(reader, 2):
        where = f"{origin}:{n}"
        try:
            yield _from_record(row, where, default_date)
        except DecodeError as exc:
            yield ReadError(where, str(exc))


def _read_text(text: str, origin: str, kind: str, stem: str | None,
               default_date: str | None) -> Iterator[ArticleInput | ReadError]:
    if kind == ".jsonl":
        yield from read_jsonl(text, origin, default_date)
    elif kind == ".csv":
        yield from read_csv(text, origin, default_date)
    else:
        date_ = default_date or (_filename_date(stem) if stem else None)
        try:
            yield parse_seed_text(text, origin, stem, date_)
        except DecodeError as exc:
            yield ReadError(origin, str(exc))


def expand(paths: list[str]) -> Iterator[str | ReadError]:
    """Files named by paths, directories (recursively) and globs, in order."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                yield ReadError(p, "directory has no .txt, .jsonl or .csv files")
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
                origin, stem = "<stdin>", None
            else:
                data = Path(item).read_bytes()
                origin, stem = item, Path(item).stem
            text = decode(data)
        except (OSError, DecodeError, UnicodeDecodeError) as exc:
            yield ReadError(item if item != "-" else "<stdin>", str(exc))
            continue
        if item == "-":
            kind = ".jsonl" if text.lstrip().startswith("{") else ".txt"
        else:
            kind = Path(item).suffix.lower()
        yield from _read_text(text, origin, kind, stem, default_date)
