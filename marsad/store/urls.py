"""`--db` values: a SQLite file or a PostgreSQL URL.

    >>> parse_db_url("marsad.db")
    DbUrl(kind='sqlite', target='marsad.db')
    >>> parse_db_url("sqlite:////var/data/m.db").target
    '/var/data/m.db'
    >>> parse_db_url("postgresql://me@localhost:5433/news").kind
    'postgresql'
"""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DB = "marsad.db"
PG_SCHEMES = ("postgresql://", "postgres://")


class DbUrlError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class DbUrl:
    kind: str    # sqlite | postgresql
    target: str  # a file path, or the libpq connection URL

    def __str__(self) -> str:
        return self.target if self.kind == "sqlite" else _hide_password(self.target)


def parse_db_url(value: str | None) -> DbUrl:
    value = (value or DEFAULT_DB).strip()
    if value.startswith(PG_SCHEMES):
        return DbUrl("postgresql", value)
    if value.startswith("sqlite:"):
        # sqlite:///rel.db is relative, sqlite:////abs.db absolute (SQLAlchemy's convention).
        rest = value[len("sqlite://"):] if value.startswith("sqlite://") else ""
        if not rest.startswith("/") or len(rest) < 2:
            raise DbUrlError(f"{value}: expected sqlite:///PATH")
        return DbUrl("sqlite", rest[1:])
    if "://" in value:
        raise DbUrlError(f"{_hide_password(value)}: unknown database scheme (use a file path, sqlite:///PATH or postgresql://…)")
    return DbUrl("sqlite", value)


def _hide_password(url: str) -> str:
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user_pw = head.partition("//")
    return f"{scheme}//{user_pw.split(':', 1)[0]}:***@{tail}"
