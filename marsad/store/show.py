"""`marsad show EVENT_ID`: one stored event, its fields and its article with the spans marked.

An event id is `ARTICLE_ID#N`, the article's N-th event (from 0) as `marsad events` prints it in its
`article` column and the exports in `event_id` (marsad.export.records.event_id). The fields come
from the stored contract record; `reports` and `canonical_id` from the store's dedup links.

The record has no span for the event's date: the date expression shown is the one in the event's
sentence that resolves to the event's date (marsad.ground.dates), if there is one; otherwise the
date came from the article's date or an earlier sentence, and is shown as a field only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

import orjson

from marsad.store.base import Store

ROLES = ("trigger", "source", "target", "place", "date")
STYLES = {"trigger": "bold red", "source": "bold cyan", "target": "bold magenta", "place": "bold green",
          "date": "bold yellow", "evidence": "underline"}
OPEN, CLOSE = "⟦", "⟧"
EVIDENCE_OPEN, EVIDENCE_CLOSE = "⟪", "⟫"


@dataclass(frozen=True, slots=True)
class Span:
    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventView:
    event_id: str
    record: dict
    index: int
    reports: int
    canonical_id: str | None
    spans: tuple[Span, ...]     # the roles found in the text, in text order
    date_from_text: bool        # the date has a span in the event's sentence

    @property
    def event(self) -> dict:
        return self.record["events"][self.index]


def parse_event_id(value: str) -> tuple[str, int]:
    """`ARTICLE_ID#N` → (article id, N); article ids may hold `#` and `:` themselves.

    >>> parse_event_id("ant2:CN-middleEast-76-20180223#2")
    ('ant2:CN-middleEast-76-20180223', 2)
    """
    from marsad.options import ValueProblem

    from marsad.export.records import split_event_id

    parts = split_event_id(value.strip())
    if parts is None:
        raise ValueProblem(f"EVENT_ID {value!r}: expected ARTICLE_ID#N, as `marsad events` prints it "
                           "(e.g. seed-0001#0)")
    return parts


def find_event(store: Store, value: str) -> EventView:
    """The stored event `value` names; a ValueProblem saying what is wrong when there is none."""
    from marsad.options import ValueProblem

    aid, index = parse_event_id(value)
    row = next(store.rows("SELECT record FROM articles WHERE id = ?", (aid,)), None)
    if row is None:
        raise ValueProblem(f"EVENT_ID {value!r}: no article {aid!r} in this store")
    record = orjson.loads(row[0])
    n = len(record.get("events") or [])
    if index >= n:
        have = f"its events are #0 to #{n - 1}" if n else "it has no events"
        raise ValueProblem(f"EVENT_ID {value!r}: article {aid!r} has {n} event(s): {have}")
    link = next(store.rows("SELECT canonical_id FROM event_links WHERE article_id = ? AND event_idx = ?",
                           (aid, index)), None)
    canonical = link[0] if link else None
    reports = next(store.rows("SELECT COUNT(DISTINCT article_id) FROM event_links WHERE canonical_id = ?",
                              (canonical,)))[0] if canonical else 1
    spans, dated = _spans(record, record["events"][index])
    return EventView(f"{aid}#{index}", record, index, reports, canonical, spans, dated)


def _spans(record: dict, ev: dict) -> tuple[tuple[Span, ...], bool]:
    found = []
    for role, key in (("trigger", "trigger"), ("source", "source"), ("target", "target"), ("place", "location")):
        span = ev.get(key) or {}
        if span.get("start") is not None and span.get("end") is not None:
            found.append(Span(role, span["start"], span["end"]))
    date = _date_span(record, ev)
    if date:
        found.append(date)
    return tuple(sorted(found, key=lambda s: (s.start, -s.end))), date is not None


def _date_span(record: dict, ev: dict) -> Span | None:
    """The date expression in the event's sentence that gives the event's date, if any."""
    from marsad.ground.dates import find_dates

    value = (ev.get("date") or {}).get("value")
    evidence = ev.get("evidence") or {}
    if not value or evidence.get("start") is None:
        return None
    lo, hi = evidence["start"], evidence["end"]
    trigger = (ev.get("trigger") or {}).get("start", lo)
    hits = [d for d in find_dates(record["text"], record.get("date")) if lo <= d.start and d.end <= hi
            and d.value == value]
    best = min(hits, key=lambda d: abs(d.start - trigger), default=None)
    return Span("date", best.start, best.end) if best else None


def _actor(span: dict | None) -> str:
    if not span:
        return "-"
    actor = span.get("actor") or {}
    who = " ".join(x for x in (actor.get("id"), actor.get("name_en")) if x)
    extra = ", ".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return f"{span.get('text')}  [{span.get('start')}:{span.get('end')}]" + (
        f"  {who}" if who else "  (no actor)") + (f" ({extra})" if extra else "")


def fields(view: EventView) -> list[tuple[str, str]]:
    """(name, value) lines of the event's fields."""
    ev, rec = view.event, view.record
    trig = ev.get("trigger") or {}
    loc = ev.get("location")
    date = ev.get("date") or {}
    attribution = ev.get("attribution") or {}
    speaker, cue = attribution.get("speaker"), attribution.get("cue")
    place = "-" if not loc else (f"{loc.get('text')}  [{loc.get('start')}:{loc.get('end')}]  {loc.get('name_en')} "
                                 f"({loc.get('country')}, {loc.get('precision')}) {loc.get('lat')},{loc.get('lon')}")
    when = f"{date.get('value')} ({date.get('precision')})" + (
        "" if view.date_from_text else "  (no date words in its sentence: from the article's date or an earlier sentence)")
    quantities = "; ".join(f"{q.get('text')} = {q.get('comparator') or ''}{q.get('value')} {q.get('unit') or ''}".strip()
                           for q in ev.get("quantities") or []) or "-"
    evidence = ev.get("evidence") or {}
    act = ev.get("act", view.index)
    out = [
        ("event", f"{view.event_id}  {ev.get('type')}" + (f" ({ev.get('mode')})" if ev.get("mode") else "")),
        ("article", f"{rec['id']}  {rec.get('date') or '-'}  {rec.get('source') or '-'}  {rec.get('url') or '-'}"),
        ("title", " ".join((rec.get("title") or "-").split())),
        ("trigger", f"{trig.get('text')}  [{trig.get('start')}:{trig.get('end')}]"),
        ("source", _actor(ev.get("source"))),
        ("target", _actor(ev.get("target"))),
        ("place", place),
        ("date", when),
        ("flags", f"negated {'yes' if ev.get('negated') else 'no'}, hedged {'yes' if ev.get('hedged') else 'no'}, "
                  f"confidence {ev.get('confidence')}"),
        ("said by", (f"{speaker.get('text')} [{(speaker.get('actor') or {}).get('id') or '-'}]" if speaker else "-")
         + (f"  cue {cue.get('text')}" if cue else "")),
        ("counts", quantities),
        ("act", f"#{act}" + ("" if act == view.index else " (the act's first event: this one is a later sentence of it)")),
        ("reports", f"{view.reports}" + (f"  canonical {view.canonical_id}" if view.canonical_id else
                                         "  (not in a dedup cluster)")),
        ("evidence", f"[{evidence.get('start')}:{evidence.get('end')}]"),
    ]
    return out


def _marked(text: str, spans: tuple[Span, ...], evidence: tuple[int, int] | None) -> str:
    """The text with ⟦role: …⟧ around each span and ⟪…⟫ around the evidence; a span crossing
    another (neither inside nor apart) is left unmarked (it is in the fields)."""
    marks: list[tuple[int, int, str]] = []  # (position, order, marker): closes before opens at one position
    kept: list[tuple[int, int]] = []
    items = ([(evidence[0], evidence[1], None)] if evidence else []) + [(s.start, s.end, s.role) for s in spans]
    for start, end, role in sorted(items, key=lambda x: (x[0], -x[1])):
        if any(a < start < b < end or start < a < end < b for a, b in kept):
            continue
        kept.append((start, end))
        width = end - start
        marks.append((start, 1, f"{OPEN}{role}: " if role else EVIDENCE_OPEN, -width))
        marks.append((end, 0, CLOSE if role else EVIDENCE_CLOSE, width))
    out, pos = [], 0
    for at, _, marker, _ in sorted(marks, key=lambda m: (m[0], m[1], m[3])):
        out.append(text[pos:at])
        out.append(marker)
        pos = at
    out.append(text[pos:])
    return "".join(out)


def render(view: EventView, out: TextIO, markup: bool = False) -> None:
    """The fields, then the article (title and text) with the spans marked: rich colours on a
    terminal, ⟦role: …⟧ and ⟪evidence⟫ in plain text."""
    rec, ev = view.record, view.event
    evidence = ev.get("evidence") or {}
    span = (evidence["start"], evidence["end"]) if evidence.get("start") is not None else None
    width = max(len(name) for name, _ in fields(view))
    lines = [f"{name.ljust(width)}  {value}" for name, value in fields(view)]
    if not markup:
        out.write("\n".join(lines) + "\n\n")
        out.write(f"{rec.get('title') or ''}\n\n{_marked(rec['text'], view.spans, span)}\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, highlight=False)
    for line in lines:
        console.print(line, markup=False)
    legend = Text("\n")
    for role in (*ROLES, "evidence"):
        legend.append(role, STYLES[role])
        legend.append("  ")
    console.print(legend)
    body = Text(rec["text"])
    if span:
        body.stylize(STYLES["evidence"], *span)
    for s in view.spans:
        body.stylize(STYLES[s.role], s.start, s.end)
    console.print(Text(rec.get("title") or "", "bold"))
    console.print()
    console.print(body)
