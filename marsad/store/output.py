"""Query results as an aligned table, CSV or JSON Lines (streamed, row by row). `marsad events
--format csv` writes the flat export's columns (marsad.export.flat.COLUMNS), so the events CSV and
`marsad export --format csv|parquet` share one documented column list."""
from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

import orjson

FORMATS = ("table", "csv", "jsonl")
CELL_MAX = 40


def _who(row: dict, role: str) -> str:
    text = row.get(f"{role}_text") or ""
    actor = row.get(f"{role}_actor_id") or row.get(f"{role}_actor_name")
    return f"{text} [{actor}]" if actor else text


def _flags(row: dict) -> str:
    # R: an analyst corrected, confirmed or added it (marsad review)
    return "".join(flag for flag, key in (("N", "negated"), ("H", "hedged"), ("R", "reviewed")) if row.get(key))


def _place(row: dict) -> str:
    name = row.get("place_name") or row.get("place_text") or ""
    return f"{name} ({row['place_country']})" if row.get("place_country") else name


EVENT_TABLE: tuple[tuple[str, Callable[[dict], object]], ...] = (
    ("date", lambda r: r.get("date")), ("type", lambda r: r.get("type")), ("mode", lambda r: r.get("mode")),
    ("source", lambda r: _who(r, "source")), ("target", lambda r: _who(r, "target")),
    ("place", _place), ("N/H/R", _flags), ("reports", lambda r: r.get("reports")),
    ("article", lambda r: f"{r['article_id']}#{r['idx']}"),
)
CLAIM_TABLE: tuple[tuple[str, Callable[[dict], object]], ...] = (
    ("date", lambda r: r.get("date")), ("speaker", lambda r: _who(r, "speaker")),
    ("cue", lambda r: r.get("cue_text")), ("content", lambda r: r.get("content_text")),
    ("article", lambda r: f"{r['article_id']}#{r['idx']}"),
)


def _width(text: str) -> int:
    """Terminal columns: combining marks (Arabic diacritics) take none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _cell(value: object, name: str) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    if name == "article" or len(text) <= CELL_MAX:  # ids are for copying: never cut
        return text
    return text[: CELL_MAX - 1] + "…"


def write_table(rows: Iterable[dict], columns: tuple[tuple[str, Callable[[dict], object]], ...], out: TextIO) -> int:
    """Aligned plain text; needs every row to size the columns, so callers pass a --limit."""
    cells = [[_cell(get(r), name) for name, get in columns] for r in rows]
    header = [name for name, _ in columns]
    widths = [max([_width(h)] + [_width(c[i]) for c in cells]) for i, h in enumerate(header)]
    for line in [header, *cells]:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(line, widths)).rstrip() + "\n")
    return len(cells)


def write_rows(rows: Iterator[dict], fmt: str, out: TextIO,
               columns: tuple[tuple[str, Callable[[dict], object]], ...]) -> int:
    if fmt == "table":
        return write_table(rows, columns, out)
    n = 0
    writer = None
    for row in rows:
        if fmt == "jsonl":
            out.write(orjson.dumps(row).decode("utf-8") + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        n += 1
    return n


def flat_event_rows(store, rows: Iterable[dict]) -> Iterator[dict]:
    """The flat export's row of each queried event (one per event as extracted, as `marsad events`
    lists them), read from its article's stored record; `canonical_id` is its dedup link."""
    from marsad.export.context import ExportContext
    from marsad.export.flat import flat_row

    rec = None
    for row in rows:
        if rec is None or rec["id"] != row["article_id"]:
            found = next(store.rows("SELECT record FROM articles WHERE id = ?", (row["article_id"],)), None)
            if found is None:
                continue
            rec = orjson.loads(found[0])
        idx = row["idx"]
        links = {(rec["id"], idx): row["canonical_id"]} if row.get("canonical_id") else {}
        yield flat_row(rec, idx, rec["events"][idx], ExportContext(links))


def write_event_csv(store, rows: Iterable[dict], out: TextIO) -> int:
    """`marsad events --format csv`: the flat columns, with the header even when no event matches."""
    from marsad.export.flat_csv import write_flat_csv

    return write_flat_csv(flat_event_rows(store, rows), out)
