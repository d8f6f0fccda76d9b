"""`marsad train names` and `marsad eval names`, registered from marsad/cli.py."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_DATA = Path("../shared/data")
TEST_FILE = "gazetteers/google_translit_ar2en/ar2en-test.txt"


def train_names_command(
    data: Annotated[Path, typer.Option(help="The shared data directory.")] = DEFAULT_DATA,
    out: Annotated[Optional[Path], typer.Option(help="Where to write the artifacts (default: the package).")] = None,
    limit: Annotated[int, typer.Option(help="Train the model on a slice of this many pairs (0 = all).")] = 0,
) -> None:
    """Rebuild the name dictionary and the romanisation model from the shared data."""
    from marsad.names.romanize import DATA
    from marsad.names.train import train_names

    if not (data / "gazetteers").is_dir():
        raise typer.BadParameter(f"{data}: no gazetteers/ directory here", param_hint="--data")
    report = train_names(data, out or DATA, limit=limit, log=lambda m: typer.echo(m, err=True))
    for p in (report.dictionary_path, report.model_path):
        typer.echo(f"wrote {p} ({p.stat().st_size / 1e6:.2f} MB)")
    typer.echo(f"trained in {report.seconds:.0f} s")


def eval_names_command(
    test_file: Annotated[Optional[Path], typer.Argument(help="arabic<TAB>latin file (default: ar2en-test.txt).")] = None,
    data: Annotated[Path, typer.Option(help="The shared data directory (for the default test file).")] = DEFAULT_DATA,
) -> None:
    """Exact match and character error rate of the name romaniser."""
    from marsad.names.evaluate import evaluate_names, format_evaluation

    path = test_file or data / TEST_FILE
    if not path.is_file():
        raise typer.BadParameter(f"{path}: no such file", param_hint="TEST_FILE")
    try:
        ev = evaluate_names(path)
    except (OSError, UnicodeDecodeError) as exc:
        typer.echo(f"error: {path}: cannot read ({getattr(exc, 'strerror', None) or exc})", err=True)
        raise typer.Exit(2) from None
    if not ev.total:
        typer.echo(f"error: {path}: no 'arabic<TAB>latin' line to score", err=True)
        raise typer.Exit(2)
    for err in ev.errors:  # bad lines are reported and skipped, like bad records in a batch
        typer.echo(f"error: {err}", err=True)
    typer.echo(format_evaluation(ev))
    if ev.errors:
        raise typer.Exit(1)
