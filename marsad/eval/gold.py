"""Reading gold files and producing the system records to score."""
from __future__ import annotations

import json
from pathlib import Path

from marsad.pipeline import Pipeline
from marsad.types import ArticleInput


class GoldError(ValueError):
    """A gold or system file that cannot be scored; the message names the file and line."""


def read_jsonl(path: str | Path, required: tuple[str, ...] = ()) -> list[dict]:
    """The JSON objects of a JSONL file, each with the `required` keys."""
    rows = []
    try:
        with Path(path).open(encoding="utf-8-sig") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise GoldError(f"{path}:{n}: expected a JSON object, got {type(row).__name__}")
                missing = [k for k in required if not isinstance(row.get(k), str)]
                if missing:
                    raise GoldError(f"{path}:{n}: no {', '.join(missing)} (a string) in the record")
                rows.append(row)
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return rows


def system_records(gold: list[dict], pipeline: Pipeline) -> dict[str, dict]:
    """Run the pipeline on the gold articles' texts."""
    out = {}
    for g in gold:
        article = ArticleInput(id=g["id"], title=g.get("title") or "", text=g["text"], date=g.get("date"),
                               source=g.get("source"), url=g.get("url"))
        out[g["id"]] = pipeline(article).to_dict()
    return out
