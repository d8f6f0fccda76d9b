"""The one definition of the pipeline version every stored row carries.

The package version alone misses resource edits (a new lexicon entry changes
output without a release), so a short hash of the shipped resource files is
appended: `0.1.0+3f9a1c2e`. A store re-extracts an article whose rows carry any
other version. Code changes are not hashed (an editable install would make every
checkout a new version): bump `marsad.__version__` when extraction code changes.
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from marsad import __version__
from marsad.resources import path as resource_path

HASH_CHARS = 8


@cache
def pipeline_version() -> str:
    root = Path(resource_path("FORMATS.md")).parent
    digest = hashlib.sha1()
    for file in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(file.relative_to(root).as_posix().encode())
        digest.update(file.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:HASH_CHARS]}"
