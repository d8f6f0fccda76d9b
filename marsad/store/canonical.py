"""`marsad export --db … --canonical`: one row per canonical event (a dedup cluster), with the
names, evidence and URLs of all its reports.

A canonical event is exported when one of its reports passes the filters of `marsad events`; its
row then lists every report. Events in no cluster (ingested after the last `marsad dedup --db`)
are each their own canonical event, one per act, with the id `ARTICLE_ID#N` of the act's first
event. The row's type, date and actors are those of the preferred report (the most precise date,
then the earliest), completed from the others where it has none.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from marsad.store.base import Store
from marsad.store.query import EventFilter, event_sql, select_columns

LIST_SEPARATOR = " | "  # between the reports' values in a CSV cell
SCALARS: tuple[str, ...] = (
    "canonical_id", "type", "date", "date_precision", "reports", "n_outlets",
    "source_actor_id", "source_name", "target_actor_id", "target_name",
    "place_name", "place_country", "lat", "lon",
)
LISTS: tuple[str, ...] = (
    "modes", "source_texts", "target_texts", "event_ids", "article_ids", "outlets", "urls", "titles", "evidence",
)
COLUMNS = SCALARS + LISTS
MEMBER_COLUMNS = ("article_id", "idx", "date", "date_precision", "type", "mode", "source_text", "source_actor_id",
                  "source_actor_name", "target_text", "target_actor_id", "target_actor_name", "place_name",
                  "place_country", "lat", "lon", "evidence_text")


def _members_sql(store: Store, f: EventFilter) -> tuple[str, list]:
    cols = select_columns("e", MEMBER_COLUMNS)
    inner, params = event_sql(store, f, f"{cols}, a.source AS outlet, a.url, a.title", unit=True)
    return (f"SELECT * FROM ({inner}) q WHERE reports >= ? ORDER BY unit, "
            "CASE LENGTH(date) WHEN 10 THEN 0 WHEN 7 THEN 1 ELSE 2 END, date, article_id, idx"), [*params]


def selected_units(store: Store, f: EventFilter) -> set[str]:
    """The canonical events (or acts) one of whose reports `f` selects."""
    sql, params = _members_sql(store, f)
    rows = store.query(sql, [*params, f.min_reports])
    return {r["unit"] for r in rows if not f.near or f.near.holds(r.get("lat"), r.get("lon"))}


def canonical_rows(store: Store, f: EventFilter) -> Iterator[dict]:
    """One dict per canonical event `f` selects (keys: COLUMNS; the LISTS are lists)."""
    wanted = selected_units(store, f)
    sql, params = _members_sql(store, EventFilter())
    group: list[dict] = []
    for row in store.query(sql, [*params, 1]):
        if group and row["unit"] != group[0]["unit"]:
            if group[0]["unit"] in wanted:
                yield _row(group)
            group = []
        group.append(row)
    if group and group[0]["unit"] in wanted:
        yield _row(group)


def _distinct(values: Iterable[object]) -> list:
    return list(dict.fromkeys(v for v in values if v not in (None, "")))


def _actor(group: list[dict], role: str) -> tuple[str | None, str | None]:
    """(id, English name) of the role's actor: from the first report that links it to an actor
    id, else the first that names it (a role label such as Civilians)."""
    row = next((r for r in group if r.get(f"{role}_actor_id")), None) or next(
        (r for r in group if r.get(f"{role}_actor_name")), None)
    return (row[f"{role}_actor_id"], row[f"{role}_actor_name"]) if row else (None, None)


def _row(group: list[dict]) -> dict:
    best = group[0]
    unit = best["canonical_id"] or f"{best['article_id']}#{best['idx']}"
    (source_id, source_name), (target_id, target_name) = _actor(group, "source"), _actor(group, "target")
    located = next((r for r in group if r.get("lat") is not None), None) or next(
        (r for r in group if r.get("place_name")), best)
    return {
        "canonical_id": unit, "type": best["type"], "date": best["date"],
        "date_precision": best["date_precision"] or ("day" if best["date"] and len(best["date"]) == 10 else None),
        "reports": len(_distinct(r["article_id"] for r in group)), "n_outlets": len(_distinct(r["outlet"] for r in group)),
        "source_actor_id": source_id, "source_name": source_name,
        "target_actor_id": target_id, "target_name": target_name,
        "place_name": located.get("place_name"), "place_country": located.get("place_country"),
        "lat": located.get("lat"), "lon": located.get("lon"),
        "modes": _distinct(r["mode"] for r in group),
        "source_texts": _distinct(r["source_text"] for r in group),
        "target_texts": _distinct(r["target_text"] for r in group),
        "event_ids": [f"{r['article_id']}#{r['idx']}" for r in group],
        "article_ids": _distinct(r["article_id"] for r in group),
        "outlets": _distinct(r["outlet"] for r in group),
        "urls": _distinct(r["url"] for r in group),
        "titles": _distinct(" ".join((r["title"] or "").split()) for r in group),
        "evidence": _distinct(" ".join((r["evidence_text"] or "").split()) for r in group),
    }


def write_canonical(rows: Iterable[dict], fmt: str, out: TextIO | None, path: str | None = None) -> int:
    """Write the rows as CSV (lists joined by ` | `), JSON Lines, or Parquet (lists as lists;
    `path` needed); returns the number written."""
    import orjson

    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        listed = list(rows)
        table = pa.Table.from_pylist(listed) if listed else pa.table({c: pa.array([], pa.string()) for c in COLUMNS})
        pq.write_table(table, path, compression="zstd")
        return table.num_rows
    n = 0
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for row in rows:
        if writer:
            writer.writerow({k: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
        else:
            out.write(orjson.dumps(row).decode("utf-8") + "\n")
        n += 1
    return n
