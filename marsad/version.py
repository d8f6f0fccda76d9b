"""The one definition of the pipeline version every stored row carries.

The package version alone misses data edits (a new lexicon entry, a retrained
NER or names model changes output without a release), so a short hash of every
shipped data file is appended: `0.6.0+3f9a1c2e`. The files are those of
`marsad/resources/` and of every package's `data/` or `models/` directory
(`ner/data`, `names/data`, `learn/models` …). A store re-extracts an article
whose rows carry any other version. Code changes are not hashed (an editable
install would make every checkout a new version): bump `marsad.__version__`
when extraction code changes.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from marsad import __version__

HASH_CHARS = 8
PACKAGE = Path(__file__).resolve().parent
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


@cache
def pipeline_version() -> str:
    """`marsad.__version__` + the hash of the shipped models and resources.

    >>> pipeline_version().startswith(__version__ + "+")
    True
    """
    return f"{__version__}+{data_hash()}"
