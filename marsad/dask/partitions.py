"""The input cut into partitions for Dask: whole files, and large JSONL files in byte ranges.

A JSONL file is cut on line boundaries into ranges of about `size` bytes. The client reads it
once to choose its encoding on the whole input (decode.detect, as a plain read does) and to count
the lines before each cut, so a worker reading its range names and warns about each record
exactly as `read_articles` does (`FILE:LINE`, byte offsets from the file's start). Only UTF-8
and Windows-1256 files are cut (their newline is one byte); a UTF-16 file, an empty or
gzip-compressed one, and every other kind (.txt, .html, .warc, and .csv: a quoted CSV field may
hold newlines, so a line boundary is not always a record boundary) is one partition, read whole.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.io.decode import CP1256, UTF8, decode_range, detect
from marsad.io.readers import ReadError, _compressed, expand, kind_of, read_bytes, read_jsonl
from marsad.types import ArticleInput

PARTITION_BYTES = 256 << 10  # ~65 pool articles: under a second of extraction per task, with the scheduler's ~2 ms lost in it


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's share of the input: a file, or the byte range [start, end) of a JSONL file."""

    index: int                 # position in input order
    path: str                  # as `expand` gives it (it names the articles' origins)
    start: int = 0
    end: int | None = None     # None: the whole file
    first_line: int = 1        # number of the range's first line in the file
    encoding: str = ""         # of the whole file (a range only)
    error: str = ""            # the path names no readable file: its one error line

    def describe(self) -> str:
        return self.path if self.end is None else f"{self.path} bytes {self.start}-{self.end}"


def plan(paths: list[str], size: int = PARTITION_BYTES) -> list[Partition]:
    """The partitions of `paths` (files, directories, globs; not stdin) in input order."""
    if size < 1:
        raise ValueError(f"partition size must be a positive number of bytes, not {size!r}")
    out: list[Partition] = []
    for item in expand(paths):
        if isinstance(item, ReadError):
            out.append(Partition(len(out), item.origin, error=item.message))
        elif item == "-":
            raise ValueError("Dask workers read files: standard input (-) cannot be partitioned; save it to a file")
        else:
            out.extend(_file_partitions(item, size, len(out)))
    return out


def _file_partitions(path: str, size: int, first: int) -> list[Partition]:
    whole = [Partition(first, path)]
    if kind_of(path) != ".jsonl":
        return whole
    try:
        data = Path(path).read_bytes()
    except OSError:
        return whole  # the worker reports it, as a plain read does
    if len(data) <= size or not data.strip() or _compressed(data):
        return whole
    encoding, bom = detect(data)
    if encoding not in (UTF8, CP1256):
        return whole
    out, start, line = [], bom, 1
    while start < len(data):
        cut = data.find(b"\n", max(start, start + size - 1))
        end = len(data) if cut == -1 else cut + 1
        out.append(Partition(first + len(out), path, start, end, line, encoding))
        line += data.count(b"\n", start, end)
        start = end
    return out


def read_partition(part: Partition, default_date: str | None = None) -> Iterator[ArticleInput | ReadError]:
    """The partition's articles and read errors, as `read_articles` gives them for its stretch of input."""
    if part.error:
        yield ReadError(part.path, part.error)
        return
    if part.end is None:
        try:
            data = Path(part.path).read_bytes()
        except OSError as exc:
            yield ReadError(part.path, str(exc))
            return
        yield from read_bytes(data, part.path, kind_of(part.path), Path(part.path).stem, default_date)
        return
    try:
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.end - part.start)
    except OSError as exc:
        yield ReadError(part.path, str(exc))
        return
    yield from read_jsonl(decode_range(data, part.encoding, part.first_line, part.start), part.path, default_date)
