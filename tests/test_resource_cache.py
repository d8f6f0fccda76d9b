"""Marsad's binary cache of tables built from its resources (marsad.cache): rebuilt when a
resource file changes, when a file is corrupt, never a crash; the same output with a cold or a warm
cache."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import marsad
from marsad.ground.places import Gazetteer
from marsad import cache
from marsad.cache import MAGIC, CorruptCache, cache_file, cache_key, cached, read_payload

PACKAGE = Path(marsad.__file__).resolve().parent
REPO = PACKAGE.parent


def _tables_from_scratch() -> dict[str, list[str]]:
    """A small table, built the way the shipped ones are (from a resource file)."""
    from marsad.resources import read_tsv

    return {"icews": sorted(row["plover_sector"] for row in read_tsv("icews_sectors.tsv"))}


def _cached_tables() -> dict[str, list[str]]:
    return cached("test-tables", _tables_from_scratch, dict, dict)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(directory))
    return directory


def test_a_table_is_built_once_then_read_back_equal(cache_dir: Path):
    first = _cached_tables()
    file = cache_file("test-tables", cache_key("test-tables"))
    assert file.parent == cache_dir and file.read_bytes().startswith(MAGIC)
    assert first == _tables_from_scratch() == _cached_tables()


@pytest.mark.parametrize("damage", ["truncated", "flipped byte", "garbage", "empty", "other key"])
def test_a_corrupt_or_stale_cache_file_is_detected_and_rebuilt(cache_dir: Path, damage: str):
    expected = _cached_tables()
    key = cache_key("test-tables")
    file = cache_file("test-tables", key)
    blob = file.read_bytes()
    damaged = {"truncated": blob[: len(blob) - 7], "flipped byte": blob[:-3] + bytes([blob[-3] ^ 0xFF]) + blob[-2:],
               "garbage": os.urandom(len(blob)), "empty": b"",
               "other key": blob.replace(key.encode(), ("0" * 64).encode(), 1)}[damage]
    file.write_bytes(damaged)
    with pytest.raises(CorruptCache):
        read_payload(file, key)
    assert _cached_tables() == expected  # rebuilt, no crash
    assert read_payload(file, key) == expected  # and the file replaced by a good one


def test_a_cache_dir_that_cannot_be_written_falls_back_to_building_in_memory(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(blocker / "cache"))  # mkdir fails: a file is in the way
    assert _cached_tables() == _tables_from_scratch()
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_the_cache_dir_follows_xdg_then_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("MARSAD_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "marsad"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "marsad"


def test_the_gazetteer_read_from_the_cache_equals_the_one_built(cache_dir: Path):
    built = Gazetteer.build()
    load = Gazetteer.load.__wrapped__  # not this process's memo: built and stored, then read back
    stored, read_back = load(Gazetteer), load(Gazetteer)
    assert [p.name for p in cache_dir.iterdir()][0].startswith("gazetteer-")
    for gaz in (stored, read_back):
        assert gaz.places == built.places
        assert gaz.index == built.index
    assert [p.name_en for p in read_back.lookup("دمشق")] == [p.name_en for p in built.lookup("دمشق")] != []


def _run(args: list[str], cache_dir: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "MARSAD_CACHE_DIR": str(cache_dir)}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, check=True,
                          cwd=pythonpath or REPO)


def test_output_with_a_cold_cache_equals_output_with_a_warm_one(shared: Path, tmp_path: Path):
    articles = tmp_path / "some.jsonl"
    lines = (shared / "corpora" / "pool_2000.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    articles.write_text("".join(lines[:60]), encoding="utf-8")
    command = ["-m", "marsad.cli", "extract", str(articles), "--format", "jsonl", "--no-progress", "--jobs", "1"]
    cold = _run(command, tmp_path / "cache")
    files = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert {f.split("-")[0] for f in files} == {"gazetteer", "country", "ner"}
    warm = _run(command, tmp_path / "cache")
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == files  # read, not rebuilt
    assert warm.stdout == cold.stdout and len(cold.stdout.splitlines()) == 60


def test_the_ner_decoder_read_from_the_cache_scores_the_vocabulary_as_one_that_computes_it(cache_dir: Path):
    from marsad.ner.decode import Decoder
    from marsad.ner.model import default_weights
    from marsad.ner.tagger import preload_vocabulary
    from marsad.text.vocab import word_counts

    built, read_back, fresh = (Decoder(default_weights()) for _ in range(3))
    preload_vocabulary(built)  # builds the cache
    preload_vocabulary(read_back)  # reads it
    assert len(read_back.index) == len(built.index) > 30_000
    words = [w for k, w in enumerate(word_counts()) if k % 97 == 0] + ["غيدني", "وبالرقة"]  # and two new forms
    for decoder in (read_back, fresh):
        rows = decoder.form_ids(words)
        assert decoder.table[:, rows].tobytes() == built.table[:, built.form_ids(words)].tobytes()
        assert decoder.held[rows].tolist() == built.held[built.form_ids(words)].tolist()
        assert decoder.short[rows].tolist() == built.short[built.form_ids(words)].tolist()


def test_a_changed_resource_file_gives_a_new_key_and_the_table_is_rebuilt(tmp_path: Path):
    """A copy of the package whose curated places gain one: the copy's gazetteer finds it, read from a
    cache the unchanged package filled before."""
    copy = tmp_path / "tree"
    shutil.copytree(PACKAGE, copy / "marsad", ignore=shutil.ignore_patterns("__pycache__"))
    probe = ["-c", "from marsad.ground.places import Gazetteer; g = Gazetteer.load(); "
             "print(len(g.places), [p.name_en for p in g.lookup('قرية اختبار الذاكرة')])"]
    before = _run(probe, tmp_path / "cache", copy).stdout
    assert before.split(" ", 1)[1] == "[]\n"
    files = {p.name for p in (tmp_path / "cache").iterdir()}
    curated = copy / "marsad" / "resources" / "places_curated.tsv"
    rows = curated.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(r for r in rows if not r.startswith("#")).rstrip("\n").split("\t")
    values = {"names_ar": "قرية اختبار الذاكرة", "name_en": "Cache Test Village", "country": "SYR",
              "lat": "35.0", "lon": "38.0", "feature": "locality", "population": "10", "source": "test"}
    curated.write_text("".join(rows) + "\t".join(values.get(h, "") for h in header) + "\n", encoding="utf-8")
    after = _run(probe, tmp_path / "cache", copy).stdout
    assert after == f"{int(before.split()[0]) + 1} ['Cache Test Village']\n"
    new = {p.name for p in (tmp_path / "cache").iterdir()}
    gazetteers = sorted(n for n in new if n.startswith("gazetteer-"))
    assert len(gazetteers) == 2 and files < new  # rebuilt under a new key; the other install's file kept


def test_only_the_most_recent_files_of_a_table_are_kept(cache_dir: Path):
    from marsad.cache import KEEP, SUFFIX

    cache_dir.mkdir()
    for k in range(5):  # files of five other installs, oldest first
        old = cache_dir / f"test-tables-{k:016d}{SUFFIX}"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + k, 1_000_000 + k))
    _cached_tables()
    kept = sorted(p.name for p in cache_dir.iterdir())
    assert len(kept) == KEEP and f"test-tables-{4:016d}{SUFFIX}" in kept and f"test-tables-{0:016d}{SUFFIX}" not in kept
