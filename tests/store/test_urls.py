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
