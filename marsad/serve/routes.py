"""The API's routes: each a thin call of the store code the CLI uses, paged."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from marsad.export import FORMATS as EXPORT_FORMATS
from marsad.options import ValueProblem
from marsad.serve.params import (
    DEFAULT_PAGE, MAX_OFFSET, MAX_TEXT, Cursor, Limit, Outlet, checked_text, claim_filter, count_by,
    encode_cursor, event_filter, offset_cursor, page_filter, path_id, refuse, row_cursor,
)
from marsad.store.base import Store
from marsad.store.query import ClaimFilter, EventFilter, Page

router = APIRouter(prefix="/api")
MAX_STAT_ROWS = 10_000
ACTOR_SAMPLE = 20       # events and claims shown on an actor's page
SEARCH_DEPTH = 500      # search pages go this deep: every hit up to the page gets its snippet made
ActorId = Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z0-9_.:\-]+$", description="An actor id, e.g. RUS-GOV.")]


def store(request: Request) -> Iterator[Store]:
    """A read-only connection for this request (marsad.serve.pool)."""
    with request.app.state.pool.lease() as leased:
        yield leased


Db = Annotated[Store, Depends(store)]
Events = Annotated[EventFilter, Depends(event_filter)]


def _page(rows: list[dict], limit: int, key: Callable[[dict], list], name: str) -> dict:
    """The first `limit` rows and the cursor of the next page (None on the last)."""
    more = len(rows) > limit
    rows = rows[:limit]
    return {name: rows, "next": encode_cursor(key(rows[-1])) if more else None}


def _row_key(row: dict) -> list:
    return [row["date"] or "", row["article_id"], row["idx"]]


def _with_id(row: dict) -> dict:
    return {"id": f"{row['article_id']}#{row['idx']}", **row}


@router.get("/events", summary="Events, filtered as `marsad events` filters them, by date")
def list_events(db: Db, f: Events, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None) -> dict:
    from marsad.store.query import events

    rows = [_with_id(r) for r in events(db, page_filter(f, limit), Page(row_cursor(cursor)), spans=True)]
    return _page(rows, limit, _row_key, "events")


@router.get("/events/{event_id:path}", summary="One event (ARTICLE_ID#N, `#` written %23): its fields and spans")
def get_event(db: Db, event_id: Annotated[str, Path(max_length=MAX_TEXT)]) -> dict:
    from marsad.store.show import find_event, parse_event_id

    path_id(event_id, "event_id")
    try:
        parse_event_id(event_id)
    except ValueProblem as exc:
        raise HTTPException(422, [{"loc": ["path", "event_id"], "msg": str(exc), "type": "value_error"}]) from None
    try:
        view = find_event(db, event_id)
    except ValueProblem as exc:
        raise HTTPException(404, str(exc)) from None
    rec, text = view.record, view.record["text"]
    return {
        "id": view.event_id, "article_id": rec["id"], "index": view.index, "reports": view.reports,
        "canonical_id": view.canonical_id, "date_from_text": view.date_from_text, "event": view.event,
        "spans": [{"role": s.role, "start": s.start, "end": s.end, "text": text[s.start:s.end]} for s in view.spans],
        "article": {k: rec.get(k) for k in ("id", "title", "date", "source", "url")},
    }


@router.get("/claims", summary="Claims, filtered as `marsad claims` filters them, by date")
def list_claims(db: Db, f: Annotated[ClaimFilter, Depends(claim_filter)], limit: Limit = DEFAULT_PAGE,
                cursor: Cursor = None) -> dict:
    from marsad.store.query import claims

    rows = [_with_id(r) for r in claims(db, page_filter(f, limit), Page(row_cursor(cursor)))]
    return _page(rows, limit, _row_key, "claims")


@router.get("/search", summary="Full-text search (Arabic-aware), best first, with snippets")
def search(db: Db, q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Arabic words; every one must match.")],
           limit: Annotated[int, Query(ge=1, le=100)] = 10, cursor: Cursor = None, outlet: Outlet = None) -> dict:
    from marsad.store.search import search as run

    checked_text(q, "q")
    if outlet is not None:
        checked_text(outlet, "outlet")
    offset = offset_cursor(cursor, SEARCH_DEPTH)
    hits = run(db, q, offset + limit + 1, outlet=outlet)[offset:]
    more = len(hits) > limit and offset + limit <= SEARCH_DEPTH
    return {"hits": [asdict(h) for h in hits[:limit]],
            "next": encode_cursor([offset + limit]) if more else None}


@router.get("/articles/{article_id:path}", summary="An article's contract record: its text and every span")
def get_article(db: Db, article_id: Annotated[str, Path(max_length=MAX_TEXT)]) -> Response:
    row = next(db.rows("SELECT record FROM articles WHERE id = ?", (path_id(article_id, "article_id"),)), None)
    if row is None:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    # the stored record is JSON already (orjson wrote it): sent as it is
    return Response(row[0], media_type="application/json")


@router.get("/actors", summary="Actors that appear most, as source, target and speaker")
def list_actors(db: Db, limit: Limit = DEFAULT_PAGE, cursor: Cursor = None) -> dict:
    from marsad.store.actors import top_actors

    offset = offset_cursor(cursor)
    rows = [asdict(a) for a in top_actors(db, limit + 1, offset)]
    more = len(rows) > limit and offset + limit <= MAX_OFFSET
    return {"actors": rows[:limit], "next": encode_cursor([offset + limit]) if more else None}


@router.get("/actors/{actor_id}", summary="One actor: its counts, first events as source and target, first claims")
def get_actor(db: Db, actor_id: ActorId) -> dict:
    from marsad.store.actors import actor_counts
    from marsad.store.query import claims, events

    counts = actor_counts(db, actor_id)
    if counts is None:
        raise HTTPException(404, f"no actor {actor_id!r} in this store")
    sample = [list(map(_with_id, events(db, EventFilter(**{role: actor_id}, limit=ACTOR_SAMPLE))))
              for role in ("source", "target")]
    said = [_with_id(r) for r in claims(db, ClaimFilter(speaker=actor_id, limit=ACTOR_SAMPLE))]
    return {"actor": asdict(counts), "as_source": sample[0], "as_target": sample[1], "claims": said,
            "more": {"as_source": f"/api/events?source={actor_id}", "as_target": f"/api/events?target={actor_id}",
                     "claims": f"/api/claims?speaker={actor_id}"}}


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@router.get("/stats", summary="Event counts by period and type, country or actor pair (`marsad count`)")
def stats(db: Db, f: Events, period: Period | None = None,
          by: Annotated[str, Query(max_length=100, description="type, mode, country, source, target, dyad, actor or outlet, comma-separated.")] = "type",
          limit: Annotated[int, Query(ge=1, le=MAX_STAT_ROWS)] = 1000) -> dict:
    from marsad.store.count import count

    dims = count_by(by)
    if any(d in Period.__members__ for d in dims):
        raise refuse("by", "a period goes in `period` (day, week or month), not in `by`")
    counted = [*(["day" if period == Period.week else period.value] if period else []), *dims]
    result = count(db, f, counted)
    rows = _weeks(result.rows, result.unit) if period == Period.week else result.rows
    out_by = ["week", *dims] if period == Period.week else counted
    return {"counted": result.unit, "note": result.note(), "by": out_by, "rows": rows[:limit],
            "truncated": len(rows) > limit}


def _weeks(rows: list[dict], unit: str) -> list[dict]:
    """Daily counts summed into ISO weeks (`2018-W07`); an event dated only to a month or a year
    keeps that coarser period, as a month count keeps a year."""
    cells: Counter[tuple] = Counter()
    for row in rows:
        day = row["day"]
        week = day if len(day) != 10 else "{}-W{:02d}".format(*date.fromisoformat(day).isocalendar()[:2])
        rest = tuple((k, v) for k, v in row.items() if k not in ("day", unit))
        cells[(week, rest)] += row[unit]
    out = [{"week": week, **dict(rest), unit: n} for (week, rest), n in cells.items()]
    return sorted(out, key=lambda r: (r["week"], -r[unit]))


ExportFormat = StrEnum("ExportFormat", [(f, f) for f in EXPORT_FORMATS])


@router.get("/export", summary="The selected events in an export format, streamed (`marsad export --db`)")
def export(request: Request, f: Events, format: ExportFormat = ExportFormat.csv) -> StreamingResponse:  # noqa: A002
    from marsad.serve.export import EXTENSIONS, MEDIA_TYPES, stream_export
    from marsad.store.query import resolve_outlets

    pool = request.app.state.pool
    if f.outlet:
        with pool.lease() as db:  # a bad outlet is a 422 now, not a stream cut short
            resolve_outlets(db, f.outlet)
    fmt = format.value
    return StreamingResponse(stream_export(pool, f, fmt), media_type=MEDIA_TYPES[fmt],
                             headers={"Content-Disposition": f'attachment; filename="marsad-events.{EXTENSIONS[fmt]}"'})
