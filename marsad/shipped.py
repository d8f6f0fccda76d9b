"""The data files shipped in the package (resources, models) and one hash of them all.

`marsad.version` appends the hash to the package version (the pipeline version rows carry);
`marsad.cache` keys its tables by it. A module of its own, below both in the layers (tests/test_layers.py).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

HASH_CHARS = 8
PACKAGE = Path(__file__).resolve().parent  # marsad/
DATA_DIR_NAMES = ("data", "models")  # a subpackage's shipped data, beside marsad/resources


def data_dirs(package: Path = PACKAGE) -> list[Path]:
    """The directories of shipped models and resources, in a fixed order."""
    dirs = [package / "resources"]
    dirs += sorted(d for d in package.glob("*/*") if d.is_dir() and d.name in DATA_DIR_NAMES)
    return [d for d in dirs if d.is_dir()]


def data_files(package: Path = PACKAGE) -> Iterator[Path]:
    for directory in data_dirs(package):
        yield from sorted(p for p in directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def data_hash(package: Path = PACKAGE) -> str:
    """Hash of the shipped data files' package-relative paths and contents."""
    digest = hashlib.sha1()
    for file in data_files(package):
        digest.update(file.relative_to(package).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:HASH_CHARS]
