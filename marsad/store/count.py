"""`marsad count`: events counted by type, period, country, actors or outlet, with the filters of
`marsad events` (the same SQL: query.event_sql).

What is counted once: a canonical event after cross-article dedup (`marsad dedup --db` filled
`event_links`), else an act (the sentences of one article that tell one act, `events[].act`).
An event the filters select stands for its whole canonical event or act, which is counted once,
in the cells of one of its reports: the one with the most precise date, then the earliest
(by date, article id, index). So the cells of a table add up to the number of events counted,
except with `--by actor`, where an event counts once for each actor it involves.

`--per-articles` divides each cell by the number of stored articles in its period (by their
publication date, and of its outlet with `--by outlet`; `--outlet`, `--since` and `--until`
narrow the articles too), so that a month with more articles does not read as a rise. Without a
period in `--by`, each cell is divided by the number of articles in the whole range.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from marsad.store.base import Store
from marsad.store.query import EventFilter, Where, event_sql, outlet_where, overlaps, select_columns

PERIODS = {"year": 4, "month": 7, "day": 10}
NONE = "-"          # the event has no such field (no place, no target)
UNRESOLVED = "?"    # a span with no actor Marsad knows
MAX_FILLED = 5000   # a time series gets its empty periods up to this many rows

COUNT_COLUMNS = ("date", "article_id", "idx", "type", "mode", "place_country", "lat", "lon",
                 "source_text", "source_actor_id", "source_actor_name",
                 "target_text", "target_actor_id", "target_actor_name")


@dataclass
class CountResult:
    by: list[str]
    unit: str                 # "canonical_events" (after dedup) or "events" (one per act)
    rows: list[dict]          # the --by values, the count under `unit`, [articles, per_article]
    per_articles: bool = False
    undeduped: int = 0        # with dedup: counted events in no cluster (ingested after the last dedup)
    filters: dict = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [*self.by, self.unit, *(("articles", "per_article") if self.per_articles else ())]

    def note(self) -> str:
        """What one count is, in words."""
        if self.unit == "canonical_events":
            text = "canonical events (one per cross-article dedup cluster of `marsad dedup --db`)"
            if self.undeduped:
                text += (f"; {self.undeduped} event(s) ingested after the last dedup counted once per act "
                         "(rerun `marsad dedup --db`)")
            return text
        return ("events, once per act (the sentences of one article that tell one act count once); this store "
                "has no dedup clusters, so one event reported by several articles counts once per article "
                "(run `marsad dedup --db` first to count it once)")


def _role(row: dict, role: str) -> str:
    if not row.get(f"{role}_text") and not row.get(f"{role}_actor_id"):
        return NONE
    return row.get(f"{role}_actor_id") or row.get(f"{role}_actor_name") or UNRESOLVED


def _period(value: str | None, n: int) -> str:
    """The period of a date: its first `n` characters, or the date itself when it is coarser
    (an event known only to the year stays `2018` in a monthly count)."""
    return value[:n] if value else NONE


def cell_keys(row: dict, by: list[str]) -> Iterator[tuple[str, ...]]:
    """The cell(s) an event row is counted in: one, or one per actor with `actor`."""
    keys: list[list[str]] = []
    for dim in by:
        if dim in PERIODS:
            keys.append([_period(row.get("date"), PERIODS[dim])])
        elif dim == "country":
            keys.append([row.get("place_country") or NONE])
        elif dim in ("source", "target"):
            keys.append([_role(row, dim)])
        elif dim == "dyad":
            keys.append([f"{_role(row, 'source')} → {_role(row, 'target')}"])
        elif dim == "actor":
            actors = [a for a in dict.fromkeys((_role(row, "source"), _role(row, "target"))) if a != NONE]
            keys.append(actors or [NONE])
        else:  # type, mode, outlet
            keys.append([row.get(dim) or NONE])
    combos: list[tuple[str, ...]] = [()]
    for options in keys:
        combos = [(*c, o) for c in combos for o in options]
    yield from combos


def representatives(rows: Iterable[dict]) -> Iterator[dict]:
    """The first row of each unit (rows come ordered by unit, then by preference)."""
    last = object()
    for row in rows:
        if row["unit"] != last:
            last = row["unit"]
            yield row


def count(store: Store, f: EventFilter, by: list[str], per_articles: bool = False,
          limit: int | None = None) -> CountResult:
    """Count the events `f` selects by the dimensions `by` (marsad.options.COUNT_DIMENSIONS)."""
    deduped = store.count("canonical_events") > 0
    cols = select_columns("e", COUNT_COLUMNS)
    inner, params = event_sql(store, f, f"{cols}, a.source AS outlet", unit=True)
    # per unit, the preferred report first: the most precise date, then the earliest
    sql = (f"SELECT * FROM ({inner}) q WHERE reports >= ? ORDER BY unit, "
           "CASE LENGTH(date) WHEN 10 THEN 0 WHEN 7 THEN 1 ELSE 2 END, date, article_id, idx")
    rows = store.query(sql, [*params, f.min_reports])
    if f.near:
        rows = (r for r in rows if f.near.holds(r.get("lat"), r.get("lon")))
    cells: Counter[tuple[str, ...]] = Counter()
    undeduped = 0
    for row in representatives(rows):
        undeduped += deduped and row["canonical_id"] is None
        cells.update(cell_keys(row, by))
    result = CountResult(list(by), "canonical_events" if deduped else "events", [], per_articles, undeduped,
                         _filters(f))
    period = next((d for d in by if d in PERIODS), None)
    if period and len(by) == 1:
        _fill_periods(store, f, cells, PERIODS[period])
    for key, n in cells.items():
        result.rows.append({**dict(zip(by, key)), result.unit: n})
    if per_articles:
        _divide(store, f, result, period)
    pos = by.index(period) if period else None
    result.rows.sort(key=lambda r: ((r[period],) if pos is not None else ()) + (-r[result.unit],)
                     + tuple(str(r[d]) for d in by))
    if limit is not None:
        result.rows = result.rows[:limit]
    return result


def _filters(f: EventFilter) -> dict:
    """The filters in use, for the JSON output."""
    return {k: v for k, v in asdict(f).items()
            if v is not None and k != "limit" and not (k == "min_reports" and v == 1)}


def _fill_periods(store: Store, f: EventFilter, cells: Counter, n: int) -> None:
    """A time series has a row for every period of the range, empty ones too: --since to --until,
    or the stored articles' first to last publication date (events dated before or after the
    corpus, such as a war of 1971 recalled in 2018, keep their own rows without filling the years
    between)."""
    first, last = next(store.rows("SELECT MIN(date), MAX(date) FROM articles WHERE date IS NOT NULL"))
    first, last = f.since or first, f.until or last
    if not first or not last or len(first) < n or len(last) < n or first[:n] > last[:n]:
        return
    for p in _periods_between(first[:n], last[:n], n):
        cells.setdefault((p,), 0)


def _periods_between(first: str, last: str, n: int) -> list[str]:
    out: list[str] = []
    if n == 4:
        out = [str(y) for y in range(int(first), int(last) + 1)]
    elif n == 7:
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last and len(out) < MAX_FILLED:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        d, end = date.fromisoformat(first), date.fromisoformat(last)
        while d <= end and len(out) < MAX_FILLED:
            out.append(d.isoformat())
            d += timedelta(days=1)
    return out


def _divide(store: Store, f: EventFilter, result: CountResult, period: str | None) -> None:
    """Add `articles` (the stored articles of the row's period, and outlet with --by outlet) and
    `per_article` (the count divided by them; None when there are none)."""
    where = Where([], [])
    overlaps(where, "a.date", f.since, f.until)
    outlet_where(store, where, f.outlet)
    totals = list(store.rows(f"SELECT a.date, a.source, COUNT(*) FROM articles a WHERE {where.sql()} "
                             "GROUP BY a.date, a.source", where.params))
    for row in result.rows:
        key = row.get(period) if period else None
        n = sum(c for d, source, c in totals
                if (key is None or (d or "").startswith(key) and key != NONE)
                and ("outlet" not in result.by or (source or NONE) == row["outlet"]))
        row["articles"] = n
        row["per_article"] = round(row[result.unit] / n, 6) if n else None
