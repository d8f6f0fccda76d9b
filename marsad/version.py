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

from functools import cache

from marsad import __version__
from marsad.shipped import DATA_DIR_NAMES, HASH_CHARS, PACKAGE, data_dirs, data_files, data_hash  # noqa: F401


@cache
def pipeline_version() -> str:
    """`marsad.__version__` + the hash of the shipped models and resources.

    >>> pipeline_version().startswith(__version__ + "+")
    True
    """
    return f"{__version__}+{data_hash()}"
