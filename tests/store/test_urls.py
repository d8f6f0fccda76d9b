import pytest

from marsad.store.urls import DbUrl, DbUrlError, parse_db_url


def test_default_is_a_sqlite_file():
    assert parse_db_url(None) == DbUrl("sqlite", "marsad.db")


@pytest.mark.parametrize("value, target", [
    ("news.db", "news.db"), ("sqlite:///rel/news.db", "rel/news.db"), ("sqlite:////abs/news.db", "/abs/news.db"),
])
def test_sqlite_forms(value, target):
    assert parse_db_url(value) == DbUrl("sqlite", target)


def test_postgres_url_kept_whole_and_password_hidden_when_printed():
    url = parse_db_url("postgresql://ana:secret@db.local:5433/news")
    assert url.kind == "postgresql" and url.target.endswith("/news")
    assert "secret" not in str(url) and "ana" in str(url)


@pytest.mark.parametrize("value", ["mysql://u@h/db", "sqlite://", "sqlite:/x.db"])
def test_unknown_or_malformed_urls_are_refused_by_name(value):
    with pytest.raises(DbUrlError, match="sqlite|scheme"):
        parse_db_url(value)


def test_postgres_url_to_connection_arguments_with_pg_variables_and_socket_default(tmp_path):
    from marsad.store.urls import pg_params

    (tmp_path / ".s.PGSQL.5433").touch()  # a server's socket file, as Debian's lives in /var/run/postgresql
    env = {"PGUSER": "ana", "PGPASSWORD": "pw", "PGPORT": "5433", "PGDATABASE": "news"}
    p = pg_params("postgresql://", env=env, socket_dirs=("/no/such/dir", str(tmp_path)))
    assert (p.user, p.password, p.database, p.port) == ("ana", "pw", "news", 5433)
    assert p.unix_sock == f"{tmp_path}/.s.PGSQL.5433" and p.host is None
    # no socket anywhere: TCP to localhost, as libpq falls back
    assert pg_params("postgresql://u@/db", env={}, socket_dirs=("/no/such/dir",)).host == "localhost"
    # the URL wins over the environment; IPv6 hosts keep their colons
    p = pg_params("postgresql://bo@[::1]:6000/other?sslmode=require", env=env)
    assert (p.user, p.host, p.port, p.database, p.sslmode) == ("bo", "::1", 6000, "other", "require")


@pytest.mark.parametrize("value, message", [
    ("postgresql://u@h/db?sslcert=x", "unsupported parameter"),
    ("postgresql://u@h/db?connect_timeout=soon", "not a number of seconds"),
    ("postgresql://u@h:port/db", "port is not a number"),
])
def test_bad_postgres_urls_are_refused_by_name(value, message):
    from marsad.store.urls import pg_params

    with pytest.raises(DbUrlError, match=message):
        pg_params(value, env={})


def test_connect_timeout_is_read_from_the_url():
    from marsad.store.urls import DEFAULT_CONNECT_TIMEOUT_S, pg_params

    assert pg_params("postgresql://u@h/db?connect_timeout=3", env={}).connect_timeout == 3.0
    assert pg_params("postgresql://u@h/db", env={}).connect_timeout == DEFAULT_CONNECT_TIMEOUT_S


def test_a_server_that_accepts_and_never_answers_times_out():
    """v0.5.0 hung every command on such a port (issue 13): a real listening socket that never replies."""
    import socket
    import time

    from marsad.store.base import StoreError, open_store

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        t0 = time.monotonic()
        with pytest.raises(StoreError, match="cannot connect"):
            open_store(f"postgresql://u@127.0.0.1:{port}/db?connect_timeout=1")
        assert time.monotonic() - t0 < 10
