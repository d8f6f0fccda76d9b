"""`marsad eval events|ner|names`: scoring commands under one group (registered from marsad/cli.py).

`marsad eval GOLD …` (before 0.6 `eval` scored events itself) still runs `eval events` for one
more release, with a one-line note on stderr.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from marsad.options import deprecation_note

LEGACY_KEY = "marsad.eval.legacy"  # ctx.meta flag: the group was called the old way


class EvalGroup(TyperGroup):
    """The `eval` group; a first argument that is no subcommand but a file or an option is the
    old `marsad eval GOLD` form: it runs `eval events`."""

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201 - click's signature
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names and _legacy(args[0]):
            ctx.meta[LEGACY_KEY] = True
            args = ["events", *args]
        return super().parse_args(ctx, args)


def _legacy(arg: str) -> bool:
    return arg.startswith("-") or "." in arg or "/" in arg or Path(arg).exists()


def eval_events(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Gold JSONL (annotation-guide format).")],
    system: Annotated[Optional[Path], typer.Option(exists=True, dir_okay=False, readable=True, help="System output JSONL; default: run the pipeline on the gold texts.")] = None,
    misses: Annotated[bool, typer.Option("--misses/--no-misses", help="List the gold items not found.")] = True,
    rules: Annotated[bool, typer.Option("--rules", help="Score v0.5.0's rules-only pipeline instead of the learned one (for before/after figures).")] = False,
) -> None:
    """Score events and claims against gold articles (P/R/F1, per type, misses)."""
    from marsad.eval.gold import GoldError, read_jsonl, system_records
    from marsad.eval.scoring import format_report, score
    from marsad.pipeline import StageError, default_pipeline

    if ctx.meta.get(LEGACY_KEY):
        deprecation_note("eval GOLD", "eval events GOLD")
    try:
        gold_rows = read_jsonl(gold, required=("id", "text"))
        if system:
            records = {r["id"]: r for r in read_jsonl(system, required=("id",))}
        else:
            from marsad.pipeline import Pipeline

            records = system_records(gold_rows, Pipeline.rules() if rules else default_pipeline())
    except GoldError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except StageError as exc:  # a bug, not a user error: one line all the same
        typer.echo(f"error: {gold}: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(format_report(score(gold_rows, records), show_misses=misses))


def make_eval_app() -> typer.Typer:
    from marsad.names.cli import eval_names_command
    from marsad.ner.cli import eval_ner

    eval_app = typer.Typer(cls=EvalGroup, no_args_is_help=True,
                           help="Score the pipeline: events and claims, the NER tagger, the name romaniser.")
    eval_app.command("events")(eval_events)
    eval_app.command("ner")(eval_ner)
    eval_app.command("names")(eval_names_command)
    return eval_app
