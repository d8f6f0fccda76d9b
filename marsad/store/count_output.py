"""`marsad count` output: a rich table, CSV, or one JSON object (rows with what was counted)."""
from __future__ import annotations

import csv
import io
from typing import TextIO

import orjson

from marsad.store.count import CountResult

TABLE_WIDTH = 160  # off a terminal rich would wrap at 80 columns


def _cell(value: object) -> str:
    if value is None:
        return "n/a"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def write_count(result: CountResult, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        body = {"counted": result.unit, "note": result.note(), "by": result.by, "per_articles": result.per_articles,
                "filters": result.filters, "rows": result.rows}
        out.write(orjson.dumps(body, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=result.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(result.rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(caption=f"counted: {result.unit.replace('_', ' ')}", caption_justify="left")
        for col in result.columns:
            table.add_column(col, justify="right" if col in (result.unit, "articles", "per_article") else "left")
        for row in result.rows:
            table.add_row(*(_cell(row[c]) for c in result.columns))
        if out.isatty():
            Console(file=out, highlight=False).print(table)
            return
        buffer = io.StringIO()
        Console(file=buffer, width=TABLE_WIDTH, highlight=False).print(table)
        out.write("".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines()))
