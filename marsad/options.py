"""Command-line values, checked once for every command: a bad value is one line and exit 2.

The checks are plain functions (usable from the Python API and the web app later);
the `Annotated` option types share help texts between commands; formats and
policies are enums, so a wrong one is refused with the valid values listed.
"""
from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from marsad.export import FORMATS as EXPORT_FORMATS
from marsad.grammar.ontology import PLOVER_TYPES as EVENT_TYPES
from marsad.limits import DEFAULT_LONG, LONG_CHOICES, LONG_HELP, MAX_CHARS_HELP
from marsad.store.output import FORMATS as ROW_FORMATS
from marsad.types import MAX_YEAR, MIN_YEAR, period_precision

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# SQLite integers are 64-bit; PostgreSQL's INTEGER 32-bit: one bound for both backends.
MAX_COUNT = 2**31 - 1
TABLE_LIMIT = 50


class ValueProblem(ValueError):
    """A user value that cannot be used; the message names the value and what is expected.
    `param`, when known, is the option it is about (`--since`): the HTTP API names it in its 422."""

    def __init__(self, message: str, param: str | None = None):
        super().__init__(message)
        self.param = param


def article_date(value: str | None, what: str = "date") -> str | None:
    """A day YYYY-MM-DD between MIN_YEAR and MAX_YEAR, or None.

    >>> article_date("2017-12-27")
    '2017-12-27'
    >>> article_date("yesterday")
    Traceback (most recent call last):
    ...
    marsad.options.ValueProblem: date 'yesterday' is not a day YYYY-MM-DD
    """
    if value is None:
        return None
    m = DATE_RE.match(value) if isinstance(value, str) else None
    if not m:
        raise ValueProblem(f"{what} {value!r} is not a day YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueProblem(f"{what} {value!r} is not a real day") from None
    if not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        raise ValueProblem(f"{what} {value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return value


def period_bound(value: str | None, what: str) -> str | None:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD (compared as such with stored dates).

    >>> period_bound("2018-03", "--since")
    '2018-03'
    >>> period_bound("20180101", "--since")
    Traceback (most recent call last):
    ...
    marsad.options.ValueProblem: --since '20180101' is not a date YYYY-MM-DD, YYYY-MM or YYYY
    """
    if value is None:
        return None
    try:
        period_precision(value)
    except ValueError as exc:
        raise ValueProblem(f"{what} {value!r} is {exc}") from None
    return value


def event_types(value: str | None) -> list[str] | None:
    """`ACCUSE,assault` → ['ACCUSE', 'ASSAULT']; an unknown or empty type is refused.

    >>> event_types("accuse, ASSAULT")
    ['ACCUSE', 'ASSAULT']
    """
    if value is None:
        return None
    types = [t.strip().upper() for t in value.split(",")]
    if not any(types):
        raise ValueProblem(f"--type {value!r} names no type (valid: {', '.join(EVENT_TYPES)})")
    unknown = [t for t in types if t and t not in EVENT_TYPES]
    if unknown:
        raise ValueProblem(f"--type: unknown type {unknown[0]!r} (valid: {', '.join(EVENT_TYPES)})")
    return [t for t in types if t]


def country_code(value: str | None, what: str = "--country") -> str | None:
    """The ISO3 code a country value names: a code, or an English or Arabic name (Marsad's gazetteer
    and actor base: marsad.store.countries); an unknown one is refused with the valid codes.

    >>> country_code("Yemen"), country_code("اليمن"), country_code("yem")
    ('YEM', 'YEM', 'YEM')
    """
    if value is None:
        return None
    from marsad.store.countries import Countries

    text_value(value, what)
    countries = Countries.load()
    code = countries.resolve(value)
    if code:
        return code
    near = countries.suggest(value)
    hint = f"did you mean {', '.join(near)}? " if near else ""
    raise ValueProblem(f"{what}: unknown country {value!r} ({hint}valid: an ISO3 code or its English or Arabic "
                       f"name; codes: {' '.join(sorted(countries.names))})")


@functools.cache
def event_modes() -> dict[str, tuple[str, ...]]:
    """PLOVER type -> its modes: the PLOVER manual's (plover_scores.tsv) and those Marsad's trigger
    tables give (triggers.tsv, discontinuous.tsv)."""
    from marsad.resources import read_tsv

    modes: dict[str, set[str]] = {t: set() for t in EVENT_TYPES}
    for name, type_col, mode_col in (("plover_scores.tsv", "plover_event", "plover_mode"),
                                     ("triggers.tsv", "type", "mode"), ("discontinuous.tsv", "type", "mode")):
        for row in read_tsv(name):
            if row.get(mode_col) and row.get(type_col) in modes:
                modes[row[type_col]].add(row[mode_col])
    return {t: tuple(sorted(m)) for t, m in modes.items()}


def event_mode(value: str | None, types: list[str] | None = None) -> str | None:
    """A PLOVER mode (of one of `types`, when given), lower-cased; an unknown one is refused with
    the valid modes.

    >>> event_mode("Allege"), event_mode("visit", ["CONSULT"])
    ('allege', 'visit')
    >>> event_mode("visit", ["ASSAULT"])
    Traceback (most recent call last):
    ...
    marsad.options.ValueProblem: --mode: 'visit' is not a mode of ASSAULT (valid: abduct, aerial, beat, crowd-control, destroy, drone, explosives, firearms, heavy-weapons, primitive, sexual, suicide-attack, targeted, torture, unconventional)
    """
    if value is None:
        return None
    mode = value.strip().lower()
    table = event_modes()
    allowed = sorted({m for t in (types or EVENT_TYPES) for m in table[t]})
    if mode in allowed:
        return mode
    where = f"a mode of {', '.join(types)}" if types else "a PLOVER mode"
    raise ValueProblem(f"--mode: {value!r} is not {where} (valid: {', '.join(allowed)})")


# `marsad count --by`: what a row is counted by (marsad.store.count)
COUNT_DIMENSIONS = ("type", "mode", "year", "month", "day", "country", "source", "target", "dyad", "actor", "outlet")


def count_dimensions(value: str) -> list[str]:
    """`type,month` → ['type', 'month']; an unknown or repeated dimension is refused.

    >>> count_dimensions("Month, type")
    ['month', 'type']
    """
    dims = [d.strip().lower() for d in value.split(",") if d.strip()]
    if not dims:
        raise ValueProblem(f"--by {value!r} names nothing to count by (valid: {', '.join(COUNT_DIMENSIONS)})")
    unknown = [d for d in dims if d not in COUNT_DIMENSIONS]
    if unknown:
        raise ValueProblem(f"--by: unknown dimension {unknown[0]!r} (valid: {', '.join(COUNT_DIMENSIONS)})")
    if len(set(dims)) != len(dims):
        raise ValueProblem(f"--by {value!r} names a dimension twice")
    periods = [d for d in dims if d in ("year", "month", "day")]
    if len(periods) > 1:
        raise ValueProblem(f"--by: one period at most (got {', '.join(periods)})")
    return dims


def text_value(value: str | None, what: str) -> str | None:
    """A free-text filter: no NUL (PostgreSQL cannot hold one) and not blank."""
    if value is None:
        return None
    if "\x00" in value:
        raise ValueProblem(f"{what}: the value contains a NUL character")
    if not value.strip():
        raise ValueProblem(f"{what}: the value is blank")
    return value


def output_file(path: Path | None, what: str) -> Path | None:
    """A file to write: its directory must exist and it must not be a directory itself.

    >>> output_file(Path("/no/such/dir/out.csv"), "--out")
    Traceback (most recent call last):
    ...
    marsad.options.ValueProblem: --out: /no/such/dir/out.csv: directory /no/such/dir does not exist
    """
    if path is None:
        return None
    if path.is_dir():
        raise ValueProblem(f"{what}: {path} is a directory")
    parent = path.parent
    if not parent.is_dir():
        raise ValueProblem(f"{what}: {path}: directory {parent} does not exist")
    return path


def check(fn, *args: Any) -> Any:
    """Run a value check for a command: a ValueProblem becomes a one-line usage error (exit 2)."""
    try:
        return fn(*args)
    except ValueProblem as exc:
        raise _click_class("UsageError")(str(exc)) from None


def row_limit(limit: int | None, fmt: str) -> int | None:
    """The rows to print (None: all): all for a file format, TABLE_LIMIT for a table unless asked;
    `--limit 0` is every row, whatever the format.

    >>> row_limit(None, "table"), row_limit(0, "table"), row_limit(None, "csv"), row_limit(5, "csv")
    (50, None, None, 5)
    """
    if limit == 0:
        return None
    return limit if limit is not None or fmt != "table" else TABLE_LIMIT


def open_db(db: str | None, *, readonly: bool = True, create: bool = False):
    """The store a command reads (or, with `create`, the one `ingest` writes and makes if needed).

    Only `ingest` creates: for every other command the store must exist, so a typo in --db is an
    error, not an empty answer. A store that cannot be opened is one line and exit 2.
    """
    from marsad.store.base import StoreError, open_store
    from marsad.store.urls import DbUrlError

    try:
        return open_store(db, readonly=readonly and not create, create=create)
    except (StoreError, DbUrlError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def deprecated_alias(command: Callable[..., Any], old: str, new: str) -> Callable[..., Any]:
    """`command` under its old name for one more release: it runs the same, after a one-line note."""

    @functools.wraps(command)
    def alias(*args: Any, **kwargs: Any) -> Any:
        deprecation_note(old, new)
        return command(*args, **kwargs)

    return alias


def deprecation_note(old: str, new: str) -> None:
    typer.echo(f"warning: 'marsad {old}' is deprecated and goes in the next release; use 'marsad {new}'", err=True)


ExtractFormat = StrEnum("ExtractFormat", [(f, f) for f in ("text", "jsonl")])
ExportFormat = StrEnum("ExportFormat", [(f, f) for f in EXPORT_FORMATS])
RowFormat = StrEnum("RowFormat", [(f, f) for f in ROW_FORMATS])
CountFormat = StrEnum("CountFormat", [(f, f) for f in ("table", "csv", "json")])
LongPolicy = StrEnum("LongPolicy", [(f, f) for f in LONG_CHOICES])

Db = Annotated[Optional[str], typer.Option("--db", help="The store: SQLite file, sqlite:///PATH or postgresql://USER@HOST:PORT/DB (default marsad.db); it must exist (marsad ingest makes one).")]
IngestDb = Annotated[Optional[str], typer.Option("--db", help="SQLite file, sqlite:///PATH or postgresql://USER@HOST:PORT/DB (default marsad.db); made if it does not exist.")]
RecordsDb = Annotated[Optional[str], typer.Option("--db", help="Read the records from this store (SQLite file, sqlite:///PATH or postgresql://…; it must exist) instead of files.")]
ExtractFmt = Annotated[ExtractFormat, typer.Option("--format", "-f", help="text (readable summary) or jsonl (output contract).")]
ExportFmt = Annotated[ExportFormat, typer.Option("--format", "-f", help="plover (PLOVER JSONL), polecat (TSV), csv (flat), parquet, jsonl or icews (CAMEO-coded CSV).")]
RowFmt = Annotated[RowFormat, typer.Option("--format", "-f", help="table, csv or jsonl.")]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1, help=MAX_CHARS_HELP)]
Long = Annotated[LongPolicy, typer.Option("--long", help=LONG_HELP)]
DEFAULT_LONG_POLICY = LongPolicy(DEFAULT_LONG)
Limit = Annotated[Optional[int], typer.Option(min=0, max=MAX_COUNT, help="At most this many rows; 0 = no limit (table output defaults to 50; other formats print all).")]
Since = Annotated[Optional[str], typer.Option(help="From this date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive; an event dated only to a month or year counts when that period overlaps the range.")]
Until = Annotated[Optional[str], typer.Option(help="Up to this date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive (to the end of that month or year); month- or year-dated events overlap as for --since.")]
Outlet = Annotated[Optional[str], typer.Option(help="Outlet(s), comma-separated: a stored source name or words of it (`--outlet 'bbc'`), case-insensitive.")]
# the filters of `events`, `count` and `export --db` (one EventFilter: `event_filter`)
TypeOpt = Annotated[Optional[str], typer.Option("--type", help=f"PLOVER type(s), comma-separated: {', '.join(EVENT_TYPES)}.")]
ModeOpt = Annotated[Optional[str], typer.Option("--mode", help="PLOVER mode (of --type, when given), e.g. allege, aerial, arrest.")]
SourceOpt = Annotated[Optional[str], typer.Option("--source", help="Source actor: Arabic text, English name, actor id or country code.")]
TargetOpt = Annotated[Optional[str], typer.Option("--target", help="Target actor, as --source.")]
CountryOpt = Annotated[Optional[str], typer.Option("--country", help="Country of the event's place: ISO3 code, English or Arabic name (Yemen, اليمن, YEM).")]
PlaceOpt = Annotated[Optional[str], typer.Option("--place", help="Place name (Arabic or English).")]
NearOpt = Annotated[Optional[str], typer.Option("--near", help="LAT,LON,KM: places within KM km.")]
HedgedOpt = Annotated[Optional[bool], typer.Option("--hedged/--no-hedged")]
NegatedOpt = Annotated[Optional[bool], typer.Option("--negated/--no-negated")]
MinReports = Annotated[int, typer.Option("--min-reports", min=1, max=MAX_COUNT, help="Events reported by at least N articles (after dedup).")]
Progress = Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Progress on stderr: a bar with total, percentage, rate and ETA on a terminal, a plain line every 500 articles otherwise (default); --no-progress: none.")]
Jobs = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, max=1024, help="Worker processes extracting articles (default: the cores this process may use); 1 extracts in this process. The output is the same for any number.")]
ArticleDate = Annotated[Optional[str], typer.Option(help="Article date YYYY-MM-DD for inputs that carry none.")]


# The options of every event filter, in help order: one list for `events`, `count` and `export`.
EVENT_FILTER_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("type", TypeOpt, None), ("mode", ModeOpt, None), ("source", SourceOpt, None), ("target", TargetOpt, None),
    ("country", CountryOpt, None), ("place", PlaceOpt, None), ("near", NearOpt, None), ("since", Since, None),
    ("until", Until, None), ("hedged", HedgedOpt, None), ("negated", NegatedOpt, None),
    ("min_reports", MinReports, 1), ("outlet", Outlet, None))


def with_event_filters(after: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a typer command the event filters' options (`EVENT_FILTER_OPTIONS`), placed after its
    parameter `after`; the command gets their values as `filters`, the keywords of `event_filter`.
    (Typer has no parameter groups: this keeps the list in one place.)"""
    import inspect

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "filters"]
        at = next(k for k, p in enumerate(own) if p.name == after) + 1
        added = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default, annotation=kind)
                 for name, kind, default in EVENT_FILTER_OPTIONS]

        @functools.wraps(command)
        def run(**values: Any) -> Any:
            filters = {name: values.pop(name) for name, _, _ in EVENT_FILTER_OPTIONS}
            return command(filters=filters, **values)

        params = [*own[:at], *added, *own[at:]]
        run.__signature__ = inspect.Signature(params, return_annotation=None)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run

    return decorate


def checked_event_filter(type: str | None = None, mode: str | None = None, source: str | None = None,  # noqa: A002
                         target: str | None = None, country: str | None = None, place: str | None = None,
                         near: str | None = None, since: str | None = None, until: str | None = None,
                         hedged: bool | None = None, negated: bool | None = None, min_reports: int = 1,
                         outlet: str | None = None, limit: int | None = None):
    """The EventFilter of the filter values every event command (and the HTTP API) shares, each
    checked: a bad one raises a ValueProblem whose `param` is the option it is about."""
    from marsad.store.query import EventFilter, Near

    _checked_as("--since", period_bound, since, "--since")
    _checked_as("--until", period_bound, until, "--until")
    types = _checked_as("--type", event_types, type)
    for value, name in ((source, "--source"), (target, "--target"), (place, "--place"), (outlet, "--outlet")):
        _checked_as(name, text_value, value, name)
    try:
        where = Near.parse(near) if near else None
    except ValueError as exc:
        raise ValueProblem(str(exc), "--near") from None
    modes = _checked_as("--mode", event_mode, mode, types)
    countries = _checked_as("--country", country_code, country)
    return EventFilter(",".join(types) if types else None, modes, source, target, countries, place, where, since,
                       until, hedged, negated, min_reports, limit, outlet)


def checked_claim_filter(speaker: str | None = None, since: str | None = None, until: str | None = None,
                         text: str | None = None, outlet: str | None = None, limit: int | None = None):
    """The ClaimFilter of `marsad claims` (and the HTTP API), each value checked: a bad one raises a
    ValueProblem whose `param` is the option it is about."""
    from marsad.store.query import ClaimFilter

    checks = ((period_bound, since, "--since"), (period_bound, until, "--until"), (text_value, speaker, "--speaker"),
              (text_value, text, "--text"), (text_value, outlet, "--outlet"))
    for check_value, value, option in checks:
        _checked_as(option, check_value, value, option)
    return ClaimFilter(speaker, since, until, text, limit, outlet)


def _checked_as(param: str, check_value: Callable[..., Any], *args: Any) -> Any:
    """`check_value(*args)`, its ValueProblem naming `param`, the option the value came from."""
    try:
        return check_value(*args)
    except ValueProblem as exc:
        raise ValueProblem(str(exc), param) from None


def event_filter(type: str | None = None, mode: str | None = None, source: str | None = None,  # noqa: A002
                 target: str | None = None, country: str | None = None, place: str | None = None,
                 near: str | None = None, since: str | None = None, until: str | None = None,
                 hedged: bool | None = None, negated: bool | None = None, min_reports: int = 1,
                 outlet: str | None = None, limit: int | None = None):
    """`checked_event_filter` for a command: a bad value is a usage error listing the valid values."""
    try:
        return checked_event_filter(type, mode, source, target, country, place, near, since, until, hedged,
                                    negated, min_reports, outlet, limit)
    except ValueProblem as exc:
        if exc.param == "--near":
            raise typer.BadParameter(str(exc), param_hint="--near") from None
        raise _click_class("UsageError")(str(exc)) from None


def _click_class(name: str) -> type[Exception]:
    # Typer may vendor click (typer._click) or use click itself: find the class through a public name.
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


class OneLineErrors(TyperGroup):
    """The app's root group: a usage error (or a ValueProblem a command raises) prints `error: …` on
    one line and exits 2 (no box, no usage)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # noqa: ANN001
        click_exception = _click_class("ClickException")
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            code = 1
        except ValueProblem as exc:
            typer.echo(f"error: {' '.join(str(exc).split())}", err=True)
            code = 2
        except click_exception as exc:
            message = _one_line(exc)
            if message:  # no message: a group called bare, its help already printed
                typer.echo(f"error: {message}", err=True)
            code = exc.exit_code
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _one_line(exc: Exception) -> str:
    """A click error as one line, led by the option or argument it is about."""
    param = getattr(exc, "param", None)
    if isinstance(exc, _click_class("BadParameter")) and type(exc).__name__ == "BadParameter":
        # typer reports a wrong choice as "Value error, 'xml' is not one of 'text', 'jsonl'."
        detail = " ".join(str(exc.message).split()).removeprefix("Value error, ")
        hint = exc.param_hint if isinstance(exc.param_hint, str) else _param_name(param)
        return f"{hint}: {detail}" if hint else detail
    message = " ".join(exc.format_message().split())
    hint = getattr(exc, "param_hint", None) or _param_name(param)
    if hint and hint not in message:
        message = f"{hint}: {message}"
    return message


def _param_name(param: Any) -> str | None:
    """`--format` for an option (its longest name), `GOLD` for an argument."""
    if param is None:
        return None
    if getattr(param, "param_type_name", "") == "argument":
        return (param.metavar or param.name or "").upper() or None
    opts = list(getattr(param, "opts", ()) or ())
    return max(opts, key=len) if opts else None
