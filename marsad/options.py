"""Command-line values, checked once for every command: a bad value is one line and exit 2.

The checks are plain functions (usable from the Python API and the web app later);
the `Annotated` option types share help texts between commands.
"""
from __future__ import annotations

import re
import sys
from datetime import date
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from marsad.grammar.ontology import PLOVER_TYPES as EVENT_TYPES
from marsad.types import MAX_YEAR, MIN_YEAR

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# SQLite integers are 64-bit; PostgreSQL's INTEGER 32-bit: one bound for both backends.
MAX_COUNT = 2**31 - 1
TABLE_LIMIT = 50


class ValueProblem(ValueError):
    """A user value that cannot be used; the message names the value and what is expected."""


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
    m = PERIOD_RE.match(value)
    if not m:
        raise ValueProblem(f"{what} {value!r} is not a date YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueProblem(f"{what} {value!r} is not a real date") from None
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise ValueProblem(f"{what} {value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}")
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


def text_value(value: str | None, what: str) -> str | None:
    """A free-text filter: no NUL (PostgreSQL cannot hold one) and not blank."""
    if value is None:
        return None
    if "\x00" in value:
        raise ValueProblem(f"{what}: the value contains a NUL character")
    if not value.strip():
        raise ValueProblem(f"{what}: the value is blank")
    return value


def check(fn, *args: Any) -> Any:
    """Run a value check for a command: a ValueProblem becomes a one-line usage error (exit 2)."""
    try:
        return fn(*args)
    except ValueProblem as exc:
        raise _click_class("UsageError")(str(exc)) from None


def row_limit(limit: int | None, fmt: str) -> int | None:
    """The rows to print: all for a file format, TABLE_LIMIT for a table unless asked."""
    return limit if limit is not None or fmt != "table" else TABLE_LIMIT


Db = Annotated[Optional[str], typer.Option("--db", help="SQLite file, sqlite:///PATH or postgresql://USER@HOST:PORT/DB (default marsad.db).")]
Limit = Annotated[Optional[int], typer.Option(min=1, max=MAX_COUNT, help="At most this many rows, 1 or more (table output defaults to 50; other formats print all).")]
Since = Annotated[Optional[str], typer.Option(help="From this date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive.")]
Until = Annotated[Optional[str], typer.Option(help="Up to this date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive.")]
ArticleDate = Annotated[Optional[str], typer.Option(help="Article date YYYY-MM-DD for inputs that carry none.")]


def _click_class(name: str) -> type[Exception]:
    # Typer may vendor click (typer._click) or use click itself: find the class through a public name.
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


class OneLineErrors(TyperGroup):
    """The app's root group: a usage error prints `error: …` on one line and exits 2 (no box, no usage)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # noqa: ANN001
        click_exception = _click_class("ClickException")
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            code = 1
        except click_exception as exc:
            message = " ".join(exc.format_message().split())
            param = getattr(exc, "param_hint", None) or getattr(getattr(exc, "param", None), "opts", None)
            hint = param if isinstance(param, str) else "/".join(param) if param else None
            if hint and hint not in message:
                message = f"{hint}: {message}"
            typer.echo(f"error: {message}", err=True)
            code = exc.exit_code
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)
