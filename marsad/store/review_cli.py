"""`marsad review`: thin commands over the review functions (store/review.py)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from marsad.options import Db, check, open_db, output_file

Why = Annotated[Optional[str], typer.Option("--why", help="Why: a note kept with the correction.")]
Reviewer = Annotated[Optional[str], typer.Option("--reviewer", help="Who reviews (default: $USER).")]
EventId = Annotated[str, typer.Argument(metavar="EVENT_ID", help="ARTICLE#N, as `marsad events` lists it.")]
SpanHelp = "offsets START:END into the article, or words found once in it; - removes it"
Source = Annotated[Optional[str], typer.Option(help=f"Source actor: {SpanHelp}.")]
Target = Annotated[Optional[str], typer.Option(help=f"Target actor: {SpanHelp}.")]
Place = Annotated[Optional[str], typer.Option(help=f"Place of the event: {SpanHelp}.")]
SourceActor = Annotated[Optional[str], typer.Option(help="Source actor id (e.g. DZA-MIL), when its words resolve to a wrong one.")]
TargetActor = Annotated[Optional[str], typer.Option(help="Target actor id, as --source-actor.")]
Date = Annotated[Optional[str], typer.Option(help="Date YYYY-MM-DD, YYYY-MM or YYYY; - removes it.")]


def _run(ctx: typer.Context, db: str | None, action: Callable[[Any], Any]) -> Any:
    """Run `action(store)` on the store at `db` (or the group's `--db`), writable; a refused review
    is one line, exit 2."""
    from marsad.store.base import StoreError
    from marsad.store.review_values import ReviewError

    store = open_db(db if db is not None else ctx.obj, readonly=False)
    try:
        return action(store)
    except (ReviewError, StoreError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()


def _report(entry) -> None:  # noqa: ANN001 - a review.Listed
    from marsad.store.review import describe

    typer.echo(describe(entry))
    c = entry.correction
    if c.action == "reject" and entry.status == "applied":
        # ids are positions: the article's later items moved up one
        typer.echo(f"note: the {c.item}s after it in {c.article_id} are numbered one less now", err=True)


def review_callback(
    ctx: typer.Context,
    db: Db = None,
    list_: Annotated[bool, typer.Option("--list", help="List the corrections: id, status (applied or orphaned: "
                                        "no longer found after a re-extraction), action, item, who, when, why.")] = False,
    export_gold: Annotated[Optional[Path], typer.Option("--export-gold", metavar="FILE", help="Write the reviewed "
                                                        "articles as annotation-guide gold JSONL.")] = None,
) -> None:
    """Correct events and claims (reject, change, confirm, add); the corrections survive re-ingest."""
    ctx.obj = db  # `marsad review --db X reject …` means the same as `reject … --db X`
    if ctx.invoked_subcommand is not None:
        if list_ or export_gold:
            raise typer.BadParameter("--list and --export-gold take no subcommand", param_hint="--list/--export-gold")
        return
    if not list_ and export_gold is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
    check(output_file, export_gold, "--export-gold")
    store = open_db(db)
    try:
        if list_:
            from marsad.store.review import describe, listed

            n = 0
            for entry in listed(store):
                typer.echo(describe(entry))
                n += 1
            typer.echo(f"{n} correction(s)", err=True)
        if export_gold is not None:
            from marsad.store.review_gold import write_gold

            articles, required = write_gold(store, export_gold)
            typer.echo(f"{articles} reviewed article(s), {required} required event(s) — {export_gold}", err=True)
    finally:
        store.close()


def reject(
    ctx: typer.Context,
    item_id: EventId,
    claim: Annotated[bool, typer.Option("--claim", help="ITEM is a claim (ARTICLE#N as `marsad claims` lists it).")] = False,
    why: Why = None, reviewer: Reviewer = None, db: Db = None,
) -> None:
    """Reject an event (or a claim): it leaves queries and exports."""
    from marsad.store.review import Who, reject as run

    _report(_run(ctx, db, lambda store: run(store, item_id, Who(reviewer, why), claim=claim)))


def set_fields(
    ctx: typer.Context,
    event_id: EventId,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type.")] = None,
    trigger: Annotated[Optional[str], typer.Option(help="The words that state the act: offsets START:END, or "
                                                   "words found once in the article.")] = None,
    source: Source = None, target: Target = None, date: Date = None, place: Place = None,
    source_actor: SourceActor = None, target_actor: TargetActor = None,
    why: Why = None, reviewer: Reviewer = None, db: Db = None,
) -> None:
    """Change an event's type, trigger, source, target, date or place."""
    from marsad.store.review import Who, change

    _report(_run(ctx, db, lambda store: change(store, event_id, Who(reviewer, why), type=type, source=source,
                                          target=target, date=date, place=place,
                                          source_actor=source_actor, target_actor=target_actor, trigger=trigger)))


def confirm(ctx: typer.Context, event_id: EventId, why: Why = None, reviewer: Reviewer = None, db: Db = None) -> None:
    """Mark an event right as extracted (a required event in the exported gold)."""
    from marsad.store.review import Who, confirm as run

    _report(_run(ctx, db, lambda store: run(store, event_id, Who(reviewer, why))))


def add(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ARTICLE_ID", help="The article's id.")],
    type: Annotated[str, typer.Option("--type", help="PLOVER type.")],
    trigger: Annotated[str, typer.Option(help="The trigger: offsets START:END, or words found once in the article.")],
    source: Source = None, target: Target = None, date: Date = None, place: Place = None,
    source_actor: SourceActor = None, target_actor: TargetActor = None,
    why: Why = None, reviewer: Reviewer = None, db: Db = None,
) -> None:
    """Add an event the pipeline missed."""
    from marsad.store.review import Who, add as run

    _report(_run(ctx, db, lambda store: run(store, article_id, type, trigger, Who(reviewer, why), source=source,
                                            target=target, date=date, place=place, source_actor=source_actor,
                                            target_actor=target_actor)))


def make_review_app() -> typer.Typer:
    app = typer.Typer(no_args_is_help=False, invoke_without_command=True)
    app.callback()(review_callback)
    app.command("reject")(reject)
    app.command("set")(set_fields)
    app.command("confirm")(confirm)
    app.command("add")(add)
    return app
