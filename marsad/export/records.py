"""Streaming access to contract records (output-contract.md) and their events.

Exports and dedup read records one at a time from JSONL (or, later, from the store's
`iter_records()`), so memory stays flat whatever the collection size.
"""
from __future__ import annotations

import bisect
import calendar
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

ErrorSink = Callable[[str], None]


def report_to_stderr(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


class ErrorCounter:
    """An error sink that reports each bad input on stderr and counts them (for exit codes)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        report_to_stderr(message)


def read_records(paths: Iterable[str | Path], on_error: ErrorSink = report_to_stderr) -> Iterator[dict]:
    """Contract records from JSONL files (`-` is stdin), one line at a time.

    A line that is not a JSON object with an `id`, a `text` and an `events` list is reported
    as `<file>:<line>: <problem>` and skipped; the batch goes on.
    """
    for p in paths:
        name = str(p)
        try:
            fh = sys.stdin.buffer if name == "-" else open(name, "rb")
        except OSError as exc:
            on_error(f"{name}: cannot open ({exc.strerror})")
            continue
        try:
            for n, line in enumerate(fh, 1):
                if n == 1:
                    line = line.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 BOM from Windows tools
                if not line.strip():
                    continue
                try:
                    rec = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    on_error(f"{name}:{n}: invalid JSON ({exc})")
                    continue
                problem = record_problem(rec)
                if problem:
                    on_error(f"{name}:{n}: {problem}")
                    continue
                yield rec
        finally:
            if fh is not sys.stdin.buffer:
                fh.close()


def record_problem(rec: object) -> str | None:
    """Why `rec` is not a usable contract record, or None."""
    if not isinstance(rec, dict):
        return "not a JSON object"
    for key, kind in (("id", str), ("text", str), ("events", list)):
        if not isinstance(rec.get(key), kind):
            return f"not a contract record: `{key}` missing or not a {kind.__name__}"
    return None


# PLOVER's auxiliary modes of a record's flags: a negated event is `negation`, a hedged one
# (alleged, possible, planned) `hypothetical`
AUXILIARY_MODES = (("negated", "negation"), ("hedged", "hypothetical"))


def auxiliary_modes(ev: dict) -> list[str]:
    """The PLOVER auxiliary modes of an event's flags (PLOVER `mode`/`context`, POLECAT `Contexts`)."""
    return [name for flag, name in AUXILIARY_MODES if ev.get(flag)]


def event_id(rec: dict, index: int) -> str:
    """Stable event id: the article id and the event's position in the record."""
    return f"{rec['id']}#{index}"


def split_event_id(value: str) -> tuple[str, int] | None:
    """(article id, index) of an `event_id` (an event's or a claim's `ARTICLE_ID#N`), or None when
    `value` is not one; article ids may hold `#` and `:` themselves."""
    article, sep, index = value.rpartition("#")
    return (article, int(index)) if sep and article and index.isdigit() else None


DATE_RANK = {"day": 3, "month": 2, "year": 1}


def act_head(ev: dict, index: int) -> int:
    """The index of the first event of the act the record's event `index` reports (itself when
    unlinked, or in records from before acts)."""
    head = ev.get("act")
    return head if isinstance(head, int) and 0 <= head <= index else index


class Selected(dict):
    """A record whose exports keep some of its events only (`marsad export --db` with filters):
    `kept` holds the indices of the selected events; an act is kept when one of its sentences is."""

    kept: frozenset[int] = frozenset()


def act_events(rec: dict) -> list[tuple[int, dict]]:
    """(index, event) for each act of the record (events/acts.py): the act's first event, with
    what its other sentences add — a source, target or place it lacks, a more precise date, their
    counts — with `act_sentences`, how many sentences report it, and `act_evidence`, their spans.
    Events of records without `act` (older versions) are each their own act."""
    events = rec["events"]
    members: dict[int, list[dict]] = {}
    for i, ev in enumerate(events):
        members.setdefault(act_head(ev, i), []).append(ev)
    out = []
    for head, evs in members.items():
        merged = dict(events[head])
        for other in evs[1:]:
            for key in ("source", "target", "location"):
                if not merged.get(key) and other.get(key):
                    merged[key] = other[key]
            mine, theirs = merged.get("date") or {}, other.get("date") or {}
            if DATE_RANK.get(theirs.get("precision"), 0) > DATE_RANK.get(mine.get("precision"), 0):
                merged["date"] = theirs
            if other.get("quantities"):
                merged["quantities"] = [*(merged.get("quantities") or []),
                                        *(q for q in other["quantities"] if q not in (merged.get("quantities") or []))]
        merged["act_sentences"] = len(evs)
        merged["act_evidence"] = [e["evidence"] for e in evs if e.get("evidence")]
        out.append((head, merged))
    if isinstance(rec, Selected):
        heads = {act_head(events[j], j) for j in rec.kept}
        return [(head, ev) for head, ev in out if head in heads]
    return out


def iter_events(records: Iterable[dict], per_sentence: bool = False) -> Iterator[tuple[dict, int, dict]]:
    """(record, event index, event) for every act of every record (one row per act, as analysts
    count them), or with `per_sentence` for every event as extracted (one per sentence)."""
    for rec in records:
        if per_sentence:
            for i, ev in enumerate(rec["events"]):
                if not isinstance(rec, Selected) or i in rec.kept:
                    yield rec, i, ev
        else:
            for i, ev in act_events(rec):
                yield rec, i, ev


def span_text(rec: dict, span: dict | None) -> str | None:
    """The text of a span: its own `text` field, else the slice of the article body."""
    if not span:
        return None
    if span.get("text") is not None:
        return span["text"]
    if span.get("start") is None or span.get("end") is None:
        return None
    return rec["text"][span["start"]:span["end"]]


def sentence_number(rec: dict, offset: int | None) -> int | None:
    """0-based index of the sentence containing `offset` (None when unknown)."""
    sents = rec.get("sentences") or []
    if offset is None or not sents:
        return None
    i = bisect.bisect_right([s["start"] for s in sents], offset) - 1
    return max(i, 0)


def event_day(rec: dict, ev: dict) -> str | None:
    """YYYY-MM-DD for formats that need a day: the event's own date when known to the day,
    else the article's date (the day it was reported)."""
    d = ev.get("date") or {}
    if d.get("precision") == "day" and d.get("value"):
        return d["value"]
    return rec.get("date") or None


def actor_of(role: dict | None) -> dict:
    """The resolved actor of a source/target/speaker span ({} when unresolved)."""
    return (role or {}).get("actor") or {}


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event's date as the formats write it: the first and last day of the period it is known to,
    and its precision: `day`, `month`, `year` (the event's own date), or `article` when the text
    gives no date for the event and the article's date stands in (the day it was reported)."""

    start: str | None
    end: str | None
    precision: str | None


def event_date(rec: dict, ev: dict) -> EventDate:
    """An event known only to its month or year keeps that period (2018-03 -> 2018-03-01 .. 2018-03-31),
    never the article's day.

    >>> event_date({"date": "2018-04-02"}, {"date": {"value": "2018-02", "precision": "month"}})
    EventDate(start='2018-02-01', end='2018-02-28', precision='month')
    >>> event_date({"date": "2018-04-02"}, {"date": {"value": None, "precision": "unknown"}})
    EventDate(start='2018-04-02', end=None, precision='article')
    """
    d = ev.get("date") or {}
    value, precision = d.get("value"), d.get("precision")
    try:
        if value and precision == "day":
            return EventDate(value, value, "day")
        if value and precision == "month":
            year, month = int(value[:4]), int(value[5:7])
            last = calendar.monthrange(year, month)[1]
            return EventDate(f"{value[:7]}-01", f"{value[:7]}-{last:02d}", "month")
        if value and precision == "year":
            return EventDate(f"{value[:4]}-01-01", f"{value[:4]}-12-31", "year")
    except ValueError:  # a malformed value: the article's date stands in, as for no date
        pass
    article = rec.get("date") or None
    return EventDate(article, None, "article" if article else None)
