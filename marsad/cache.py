"""A binary cache of the tables Marsad builds from its shipped resources at load time.

Parsing the gazetteer's 76,000 rows and indexing them, or deriving the country names from them,
costs about a second of every start-up and gives the same tables every time; scoring the words of
Marsad's vocabulary for the NER tagger is work a first pass would do word by word. `cached(name,
build, encode, decode)` builds a table once, keeps its plain-data form (`encode`) in a file, and
later processes read that file back (`decode`) instead of building again.

Format: `marshal` of plain data only (str, int, float, None, tuple, list, dict, frozenset), never
pickle: loading a cache file builds no object of any class and runs no code. Each file starts with
a header: a magic line, the key, and a SHA-256 of the payload. The key hashes the package version,
the Python version (marshal's format is Python's), and the path, size and modification time of
every shipped data file (marsad.shipped) and Python file of the package, so a changed resource or
code makes a new key and the table is rebuilt. A file whose header, checksum or payload does not
read back is rebuilt and replaced; a cache that cannot be written (read-only home, full disk) only
costs the build, in memory, each time.

Where: `$MARSAD_CACHE_DIR`, else `$XDG_CACHE_HOME/marsad`, else `~/.cache/marsad`.
"""
from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from marsad import __version__

T = TypeVar("T")

CACHE_ENV = "MARSAD_CACHE_DIR"
MAGIC = b"marsad-cache 1\n"  # bump when the file layout below changes
SUFFIX = ".marshal"
KEEP = 3  # files kept per table, for other keys included (see _remove_stale)


class CorruptCache(ValueError):
    """A cache file that does not read back: wrong header, key or checksum, or a payload marshal rejects."""


def cache_dir() -> Path:
    """The directory the cache files go to (it may not exist yet, or not be writable)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "marsad"


def cache_key(name: str) -> str:
    """What a table depends on: its name, the package and Python versions, the shipped data files
    and the package's code."""
    digest = hashlib.sha256()
    for part in (MAGIC, name.encode(), __version__.encode(), sys.implementation.cache_tag.encode(),
                 marshal.version.to_bytes(2, "big"), _files_hash().encode()):
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()


@cache
def _files_hash() -> str:
    """Hash of the path, size and modification time of every shipped data file (marsad.shipped)
    and every Python file of the package, once per process: ~1 ms, where hashing their contents
    costs ~50 ms of each start-up. An edit changes the time (and mostly the size); code is in the
    key because an editable install changes it without a new version, and a table depends on more
    code than its builder's module (features, folding)."""
    from marsad.shipped import PACKAGE, data_files

    digest = hashlib.sha256()
    for file in [*data_files(), *sorted(PACKAGE.rglob("*.py"))]:
        stat = file.stat()
        digest.update(f"{file.relative_to(PACKAGE).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def cache_file(name: str, key: str, directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"{name}-{key[:16]}{SUFFIX}"


def read_payload(file: Path, key: str) -> Any:
    """The plain data stored in `file` under `key`; CorruptCache if it does not read back intact,
    FileNotFoundError if there is none."""
    blob = memoryview(file.read_bytes())  # slices below share its bytes (a payload is up to ~13 MB)
    header_end = len(MAGIC) + 2 * 65  # magic, key line, checksum line (64 hex digits and a newline each)
    if blob[:len(MAGIC)] != MAGIC or len(blob) < header_end:
        raise CorruptCache(f"{file}: not a Marsad cache file")
    stored_key, checksum = bytes(blob[len(MAGIC):header_end]).decode("ascii", "replace").split("\n")[:2]
    payload = blob[header_end:]
    if stored_key != key:
        raise CorruptCache(f"{file}: built for other resources or another version")
    if hashlib.sha256(payload).hexdigest() != checksum:
        raise CorruptCache(f"{file}: checksum mismatch (truncated or altered)")
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError) as exc:
        raise CorruptCache(f"{file}: {exc}") from exc


def write_payload(file: Path, key: str, data: Any) -> None:
    """Write atomically (a reader sees the old file or the new one, never half of one); an OSError
    (directory not writable) propagates to the caller, which goes on without the cache."""
    payload = marshal.dumps(data)
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=file.name, suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale(name: str, keep: Path) -> None:
    """Files of the same table built for other keys (older resources or versions), but the KEEP most
    recently written: two installs sharing a cache dir (two versions, two checkouts) would otherwise
    delete each other's tables and rebuild them on every run."""
    others = sorted((p for p in keep.parent.glob(f"{name}-*{SUFFIX}") if p != keep),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP - 1:]:
        old.unlink(missing_ok=True)


def cached(name: str, build: Callable[[], T], encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
    """`build()`, or the table read back from the cache (`decode(encode(build()))` must equal
    `build()`: the tests compare output with a cold and a warm cache)."""
    key = cache_key(name)
    file = cache_file(name, key)
    enabled = gc.isenabled()
    gc.disable()  # a table is ~10^5-10^6 new containers: collections meanwhile would only rescan them
    try:
        return decode(read_payload(file, key))
    except (OSError, CorruptCache, ValueError, TypeError, KeyError, IndexError):
        pass  # none yet, unreadable, stale or corrupt (a decode finding the wrong shape): built below
    finally:
        if enabled:
            gc.enable()
    value = build()
    try:
        write_payload(file, key, encode(value))
        _remove_stale(name, file)
    except (OSError, ValueError):  # not writable, a file removed meanwhile, or (a bug) not plain data
        pass
    return value
