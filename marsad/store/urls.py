"""`--db` values: a SQLite file or a PostgreSQL URL.

    >>> parse_db_url("marsad.db")
    DbUrl(kind='sqlite', target='marsad.db')
    >>> parse_db_url("sqlite:////var/data/m.db").target
    '/var/data/m.db'
    >>> parse_db_url("postgresql://me@localhost:5433/news").kind
    'postgresql'
"""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

DEFAULT_DB = "marsad.db"
PG_SCHEMES = ("postgresql://", "postgres://")
# Where Debian's and upstream's servers put their unix sockets (libpq's compiled-in default).
SOCKET_DIRS = ("/var/run/postgresql", "/tmp")
PG_QUERY_KEYS = {"host", "port", "user", "password", "dbname", "options", "application_name", "sslmode",
                 "connect_timeout"}
# libpq waits forever by default; a server that accepts and never answers would hang every command.
DEFAULT_CONNECT_TIMEOUT_S = 10.0


class DbUrlError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class DbUrl:
    kind: str    # sqlite | postgresql
    target: str  # a file path, or the postgresql:// URL

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


@dataclass(frozen=True, slots=True)
class PgParams:
    """A postgresql:// URL as pg8000 connection arguments (libpq's URL forms and PG* variables)."""

    user: str
    database: str
    host: str | None = None       # None: a unix socket
    port: int = 5432
    unix_sock: str | None = None  # the socket file
    password: str | None = None
    options: str | None = None    # server options, e.g. -csearch_path=s1
    application_name: str | None = None
    sslmode: str | None = None
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT_S  # seconds for the connection and its start-up handshake


def pg_params(url: str, env: dict[str, str] | None = None, socket_dirs: tuple[str, ...] = SOCKET_DIRS) -> PgParams:
    """Parse `postgresql://[user[:password]@][host][:port][/db][?key=value&…]` the way libpq does:
    a host that is a directory (in the URL, percent-encoded, or as `?host=/dir`) is a unix
    socket directory; no host at all means the first of `socket_dirs` holding the server's
    socket, else localhost; PGUSER, PGPASSWORD, PGHOST, PGPORT, PGDATABASE fill the gaps.

    >>> p = pg_params("postgresql://me@/news?host=/tmp/pg&options=-csearch_path%3Dt1", env={})
    >>> p.user, p.database, p.unix_sock, p.options
    ('me', 'news', '/tmp/pg/.s.PGSQL.5432', '-csearch_path=t1')
    >>> p = pg_params("postgres://ana:s%40cret@db.local:5433/news", env={})
    >>> p.host, p.port, p.password, p.unix_sock
    ('db.local', 5433, 's@cret', None)
    >>> pg_params("postgresql://%2Fvar%2Frun%2Fpg/db", env={"PGUSER": "u"}).unix_sock
    '/var/run/pg/.s.PGSQL.5432'
    """
    env = os.environ if env is None else env
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = set(query) - PG_QUERY_KEYS
    if unknown:
        raise DbUrlError(f"{_hide_password(url)}: unsupported parameter(s) {', '.join(sorted(unknown))}")
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    host, port = _host_port(unquote(hostport))
    host = query.get("host") or host or env.get("PGHOST") or None
    try:
        port_no = int(query.get("port") or port or env.get("PGPORT") or 5432)
    except ValueError:
        raise DbUrlError(f"{_hide_password(url)}: the port is not a number") from None
    timeout = _timeout(query.get("connect_timeout") or env.get("PGCONNECT_TIMEOUT"), url)
    user = unquote(query.get("user") or user) or env.get("PGUSER") or getpass.getuser()
    if host is None:
        host = next((d for d in socket_dirs if os.path.exists(f"{d}/.s.PGSQL.{port_no}")), "localhost")
    sock = f"{host.rstrip('/')}/.s.PGSQL.{port_no}" if host.startswith("/") else None
    return PgParams(
        user=user, database=query.get("dbname") or unquote(parts.path.lstrip("/")) or env.get("PGDATABASE") or user,
        host=None if sock else host, port=port_no, unix_sock=sock,
        password=unquote(query.get("password") or password) or env.get("PGPASSWORD") or None,
        options=query.get("options"), application_name=query.get("application_name"),
        sslmode=query.get("sslmode") or env.get("PGSSLMODE"), connect_timeout=timeout)


def _timeout(value: str | None, url: str) -> float:
    """libpq's connect_timeout: seconds, where 0 (or nothing) would mean 'wait forever'; we keep a bound.

    >>> _timeout("3", "u"), _timeout(None, "u")
    (3.0, 10.0)
    """
    if not value:
        return DEFAULT_CONNECT_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        raise DbUrlError(f"{_hide_password(url)}: connect_timeout {value!r} is not a number of seconds") from None
    if not 0 <= seconds <= 3600:
        raise DbUrlError(f"{_hide_password(url)}: connect_timeout {value!r} is out of range (0-3600 s)")
    # libpq reads 0 as "no limit"; a bounded default serves a CLI better, so 0 means the default.
    return seconds or DEFAULT_CONNECT_TIMEOUT_S


def _host_port(hostport: str) -> tuple[str, str]:
    if hostport.startswith("["):  # [IPv6]:port
        host, _, rest = hostport[1:].partition("]")
        return host, rest.lstrip(":")
    if hostport.startswith("/"):
        return hostport, ""
    host, _, port = hostport.partition(":")
    return host, port
