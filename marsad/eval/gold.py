"""Reading gold files and producing the system records to score."""
from __future__ import annotations

import json
from pathlib import Path

from marsad.pipeline import Pipeline
from marsad.types import ArticleInput


def read_jsonl(path: str | Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def system_records(gold: list[dict], pipeline: Pipeline) -> dict[str, dict]:
    """Run the pipeline on the gold articles' texts."""
    out = {}
    for g in gold:
        article = ArticleInput(id=g["id"], title=g.get("title") or "", text=g["text"], date=g.get("date"),
                               source=g.get("source"), url=g.get("url"))
        out[g["id"]] = pipeline(article).to_dict()
    return out
