"""Store edges found in issue 13: read-only stores, the writer lock through a symlink, LIKE wildcards
in filters, and hostile CLI values that must leave the store unchanged — on both backends."""
import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from marsad.cli import app
from marsad.store import open_store
from marsad.store.base import StoreError
from marsad.store.ingest import ingest
from marsad.store.query import ClaimFilter, EventFilter, claims, events


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_store_is_searched_without_being_changed(tmp_path, slice_file):
    db = tmp_path / "ro.db"
    with open_store(str(db)) as store:
        ingest([str(slice_file(0, 5))], store)
    os.chmod(db, 0o444)
    before = _digest(db)
    with open_store(str(db), readonly=True) as store:
        assert list(events(store, EventFilter(limit=3)))
        assert store.search(["العراق"], 5) is not None
        with pytest.raises(Exception):  # SQLite itself refuses: mode=ro
            with store.transaction() as cur:
                cur.execute("DELETE FROM events")
    # the database file is byte for byte the same (a WAL reader may leave an empty -wal and its -shm index)
    assert _digest(db) == before
    assert not (tmp_path / "ro.db-wal").exists() or (tmp_path / "ro.db-wal").stat().st_size == 0


def test_readers_never_create_a_store(tmp_path):
    runner = CliRunner()
    for args in (["events"], ["claims"], ["search", "العراق"], ["export", "--format", "csv"]):
        missing = tmp_path / "typo.db"
        result = runner.invoke(app, [*args, "--db", str(missing)])
        assert result.exit_code == 2 and "no such store" in result.stderr
        assert not missing.exists()


def test_a_postgres_reader_session_cannot_write(pg_cluster, slice_file):
    url = pg_cluster.new_db()
    with open_store(url) as store:
        ingest([str(slice_file(0, 2))], store)
    with open_store(url, readonly=True) as store:
        assert store.count("articles") == 2
        with pytest.raises(Exception, match="read-only"):
            with store.transaction() as cur:
                cur.execute("DELETE FROM articles")
        assert store.count("articles") == 2


def test_the_writer_lock_holds_through_a_symlink(tmp_path, slice_file):
    db = tmp_path / "real.db"
    link = tmp_path / "link.db"
    with open_store(str(db)):
        pass
    link.symlink_to(db)
    with open_store(str(db)) as first, open_store(str(link)) as second:
        with first.writer_lock():
            with pytest.raises(StoreError, match="another ingest"):
                ingest([str(slice_file(0, 1))], second)


def test_like_wildcards_in_filters_match_themselves(loaded):
    store, _ = loaded
    assert list(events(store, EventFilter())) != []
    for value in ("%", "_", "%%", "\\"):
        assert list(events(store, EventFilter(source=value))) == []
        assert list(events(store, EventFilter(place=value))) == []
        assert list(claims(store, ClaimFilter(text=value))) == []
    # and a real name still matches, its folded form inside a longer span
    assert list(claims(store, ClaimFilter(speaker="العراق"))) or list(events(store, EventFilter(place="العراق")))


HOSTILE = [
    ["events", "--type", ",,"], ["events", "--type", "ACCUSE;DROP TABLE events"], ["events", "--limit", "-5"],
    ["events", "--country", "Narnia"], ["events", "--min-reports", "0"], ["events", "--min-reports", "1e99"],
    ["events", "--since", "'; DROP TABLE events; --"], ["events", "--until", "2018-02-30"],
    ["events", "--near", "91,0,5"], ["events", "--near", "nan,nan,nan"], ["events", "--source", "\x00"],
    ["events", "--country", " "], ["events", "--format", "xml"], ["claims", "--since", "2018-W01-1"],
    ["claims", "--text", "a\x00"], ["claims", "--limit", "99999999999999999999"], ["search", "\x00"],
    ["search", "العراق", "--limit", "-1"], ["export", "--format", "docx"],
    ["events", "--mode", "'; DROP TABLE events; --"], ["events", "--outlet", "%"], ["count", "--by", "type;DROP"],
    ["count", "--by", "type", "--country", "\x00"], ["show", "x'; DROP TABLE events; --#0"],
]


@pytest.mark.parametrize("args", HOSTILE, ids=[" ".join(a).replace("\x00", "NUL") for a in HOSTILE])
def test_hostile_cli_values_exit_2_with_one_line_and_leave_the_store_unchanged(loaded_url, args):
    url, count = loaded_url
    result = CliRunner().invoke(app, [*args, "--db", url])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output
    with open_store(url, readonly=True) as store:
        assert store.count("events") == count


@pytest.fixture(scope="module")
def loaded_url(loaded):
    store, _ = loaded
    return (store.url.target, store.count("events"))



# Every filter option of the query commands, with the kinds of value a user (or a script gone wrong) sends.
OPTIONS = {
    "events": ["--type", "--mode", "--source", "--target", "--country", "--place", "--near", "--since", "--until",
               "--min-reports", "--limit", "--format", "--outlet"],
    "claims": ["--speaker", "--since", "--until", "--text", "--limit", "--format", "--outlet"],
    "search": ["QUERY", "--limit", "--outlet"],
    "export": ["--format", "--type", "--country", "--outlet", "--since"],
    "count": ["--by", "--type", "--mode", "--country", "--outlet", "--since", "--until", "--limit", "--format"],
}
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["%", "_", "\\", "'", '"', ";", "--", "\x00", "-1", "0", "1e309", "nan", "9" * 30, "", " ",
                     "2018-02-30", "2018-W01", "ACCUSE,", "\u202e", "العراق%", "ا" * 5000]),
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_cli_values_never_give_a_traceback_or_change_the_store(loaded_url, data):
    url, count = loaded_url
    command = data.draw(st.sampled_from(sorted(OPTIONS)))
    option = data.draw(st.sampled_from(OPTIONS[command]))
    value = data.draw(HOSTILE_TEXT)
    args = [command, value, "--db", url] if option == "QUERY" else [command, option, value, "--db", url]
    if command == "search" and option != "QUERY":
        args.insert(1, "العراق")
    if command == "export":
        args += ["--out", os.devnull]
    if command == "count" and option != "--by":
        args += ["--by", "type"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 2), (args, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1, result.stderr
    with open_store(url, readonly=True) as store:
        assert store.count("events") == count
