"""The `marsad` command: a thin layer over plain functions."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad import __version__
from marsad.limits import DEFAULT_MAX_CHARS
from marsad.options import (
    DEFAULT_LONG_POLICY, ArticleDate, ExtractFmt, ExtractFormat, Jobs, Long, MaxChars, OneLineErrors, Progress,
    article_date, check, deprecated_alias, output_file,
)
from marsad.io.progress import progress_mode

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


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt seed layout, .jsonl, .csv, .html, .warc[.gz]), directories, globs, or - for stdin.")],
    fmt: ExtractFmt = ExtractFormat.text,
    date: ArticleDate = None,
    out: Annotated[Optional[Path], typer.Option(help="Write to this file instead of stdout.")] = None,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    long: Long = DEFAULT_LONG_POLICY,
    explain: Annotated[bool, typer.Option("--explain", help="Also show the rules that produced each event, claim, "
                                          "date, count and place (jsonl: an `explain` object per item).")] = False,
    rules: Annotated[bool, typer.Option("--rules", help="v0.5.0's pipeline: the hand-written rules decide the events "
                                        "(default: the learned models, with the rules as their candidates).")] = False,
    progress: Progress = None,
    jobs: Jobs = None,
) -> None:
    """Extract events, claims and entities from Arabic news articles."""
    from marsad.batch import run_extract
    from marsad.parallel import usable_cores

    check(article_date, date, "--date")
    check(output_file, out, "--out")
    try:
        stream = out.open("w", encoding="utf-8") if out else sys.stdout
    except OSError as exc:
        raise typer.BadParameter(f"{out}: cannot write ({exc.strerror})", param_hint="--out") from None
    try:
        from marsad.pipeline import Pipeline

        stats = run_extract(paths, stream, fmt=fmt.value, date=date, max_chars=max_chars, long=long.value,
                            explain=explain, pipeline=Pipeline.rules() if rules else None,
                            progress=progress_mode(progress), jobs=jobs or usable_cores())
    finally:
        if out:
            stream.close()
    typer.echo(f"{stats.ok} article(s) processed, {stats.errors} error(s)", err=True)
    if stats.errors:
        raise typer.Exit(1)


# Commands that live in their own modules, registered after the app's own.
train_app = typer.Typer(no_args_is_help=True, help="Rebuild Marsad's trained models from ../shared/data.")
app.add_typer(train_app, name="train")

from marsad.dedup.cli import dedup_command  # noqa: E402
from marsad.eval.cli import make_eval_app  # noqa: E402
from marsad.export.cli import export_command  # noqa: E402
from marsad.learn.cli import register as _register_learn  # noqa: E402
from marsad.names.cli import eval_names_command, train_names_command  # noqa: E402
from marsad.ner.cli import eval_ner, train_ner_command  # noqa: E402
from marsad.serve.cli import serve  # noqa: E402
from marsad.store.cli import register as _register_store  # noqa: E402
from marsad.store.review_cli import make_review_app  # noqa: E402

app.add_typer(make_eval_app(), name="eval")
app.command("export")(export_command)
app.command("dedup")(dedup_command)
app.command("serve")(serve)
_register_store(app)
app.add_typer(make_review_app(), name="review", help="Correct events and claims; the corrections survive re-ingest.")
train_app.command("names")(train_names_command)
train_app.command("ner")(train_ner_command)
_register_learn(train_app)
# the names before `eval` became a group, for one more release
app.command("eval-ner", hidden=True)(deprecated_alias(eval_ner, "eval-ner", "eval ner"))
app.command("eval-names", hidden=True)(deprecated_alias(eval_names_command, "eval-names", "eval names"))

if __name__ == "__main__":
    app()
