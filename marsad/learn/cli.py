"""`marsad train events` (registered from marsad/cli.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def train_events_command(
    data: Annotated[Path, typer.Option(help="The shared data directory (holds corpora/train_pool.jsonl).")] = DEFAULT_DATA,
    out: Annotated[Optional[Path], typer.Option(help="Directory for the model files; default: the packaged models.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Train on the first N annotated articles only (a quick check).")] = None,
) -> None:
    """Train the learned event models (sentence types, source and target rankers, place and date rankers)
    from annotations/events/ deterministically."""
    from marsad.learn.stage import MODEL_DIR
    from marsad.learn.train import train

    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise typer.BadParameter(f"training needs the 'train' extra ({exc.name} is missing): "
                                 "pip install 'marsad[train]'") from exc
    if not (data / "corpora" / "train_pool.jsonl").is_file():
        raise typer.BadParameter(f"{data}: no corpora/train_pool.jsonl here", param_hint="--data")
    train(data, out or MODEL_DIR, limit=limit, log=lambda m: typer.echo(m, err=True))


def register(train_app: typer.Typer) -> None:
    train_app.command("events")(train_events_command)
