"""The `marsad` command: a thin layer over plain functions."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad import __version__
from marsad.options import ArticleDate, OneLineErrors, article_date, check
from marsad.limits import DEFAULT_LONG, DEFAULT_MAX_CHARS, LONG_CHOICES, LONG_HELP, MAX_CHARS_HELP

app = typer.Typer(cls=OneLineErrors, add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Marsad: Arabic news → sourced political and conflict events.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    pass


def check_long(long: str) -> None:
    if long not in LONG_CHOICES:
        raise typer.BadParameter(f"must be one of {', '.join(LONG_CHOICES)}", param_hint="--long")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt seed layout, .jsonl, .csv, .html, .warc[.gz]), directories, globs, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (readable summary) or jsonl (output contract).")] = "text",
    date: ArticleDate = None,
    out: Annotated[Optional[Path], typer.Option(help="Write to this file instead of stdout.")] = None,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help=MAX_CHARS_HELP)] = DEFAULT_MAX_CHARS,
    long: Annotated[str, typer.Option("--long", help=LONG_HELP)] = DEFAULT_LONG,
    explain: Annotated[bool, typer.Option("--explain", help="Also show the rules that produced each event, claim, "
                                          "date, count and place (jsonl: an `explain` object per item).")] = False,
) -> None:
    """Extract events, claims and entities from Arabic news articles."""
    from marsad.batch import run_extract

    if fmt not in ("text", "jsonl"):
        raise typer.BadParameter("must be text or jsonl", param_hint="--format")
    check(article_date, date, "--date")
    check_long(long)
    try:
        stream = out.open("w", encoding="utf-8") if out else sys.stdout
    except OSError as exc:
        raise typer.BadParameter(f"{out}: cannot write ({exc.strerror})", param_hint="--out") from None
    try:
        stats = run_extract(paths, stream, fmt=fmt, date=date, max_chars=max_chars, long=long, explain=explain)
    finally:
        if out:
            stream.close()
    typer.echo(f"{stats.ok} article(s) processed, {stats.errors} error(s)", err=True)
    if stats.errors:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Gold JSONL (annotation-guide format).")],
    system: Annotated[Optional[Path], typer.Option(exists=True, dir_okay=False, readable=True, help="System output JSONL; default: run the pipeline on the gold texts.")] = None,
    misses: Annotated[bool, typer.Option("--misses/--no-misses", help="List the gold items not found.")] = True,
) -> None:
    """Score events and claims against gold articles (P/R/F1, per type, misses)."""
    from marsad.eval.gold import read_jsonl, system_records
    from marsad.eval.scoring import format_report, score
    from marsad.pipeline import default_pipeline

    gold_rows = read_jsonl(gold)
    if system:
        records = {r["id"]: r for r in read_jsonl(system)}
    else:
        records = system_records(gold_rows, default_pipeline())
    typer.echo(format_report(score(gold_rows, records), show_misses=misses))


# Commands that live in their own modules, registered after the app's own.
train_app = typer.Typer(no_args_is_help=True, help="Rebuild Marsad's trained models from ../shared/data.")
app.add_typer(train_app, name="train")

from marsad.dedup.cli import dedup_command  # noqa: E402
from marsad.export.cli import export_command  # noqa: E402
from marsad.names.cli import register as _register_names  # noqa: E402
from marsad.ner.cli import register as _register_ner  # noqa: E402
from marsad.store.cli import register as _register_store  # noqa: E402

app.command("export")(export_command)
app.command("dedup")(dedup_command)
_register_store(app)
_register_names(app, train_app)
_register_ner(app, train_app)

if __name__ == "__main__":
    app()
