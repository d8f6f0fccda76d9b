"""What a store holds, for tests that compare two ingests of one input (plain, --jobs, --dask)."""
from __future__ import annotations

from marsad.store.schema import ARTICLE_TABLES, ARTICLES


def stored_rows(store) -> dict[str, list[tuple]]:
    """Every row of the article tables, in a fixed order (all their columns but the time of ingest)."""
    out = {}
    for table in (ARTICLES, *ARTICLE_TABLES):
        columns = ", ".join(name for name, _ in table.columns if name != "ingested_at")
        out[table.name] = sorted((tuple(r) for r in store.rows(f"SELECT {columns} FROM {table.name}")), key=repr)
    return out
