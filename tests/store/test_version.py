import re
import shutil

import pytest

from marsad import __version__
from marsad.store.version import pipeline_version
from marsad.version import PACKAGE, data_dirs, data_hash


def test_version_is_package_version_plus_data_hash():
    version = pipeline_version()
    assert re.fullmatch(re.escape(__version__) + r"\+[0-9a-f]{8}", version)


def test_every_shipped_model_and_resource_directory_is_hashed():
    names = {d.relative_to(PACKAGE).as_posix() for d in data_dirs()}
    assert {"resources", "ner/data", "names/data"} <= names


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory):
    """The package's data directories, copied: edits there must change the hash."""
    root = tmp_path_factory.mktemp("pkg")
    for directory in data_dirs():
        shutil.copytree(directory, root / directory.relative_to(PACKAGE))
    return root


@pytest.mark.parametrize("edit", ["resources/triggers.tsv", "ner/data/ner_model.npz", "names/data/name_rules.tsv",
                                  "learn/models/trigger.npz"])
def test_hash_covers_each_data_file(package_copy, edit):
    # The same function over a copy of the data with one byte added (or a new model) gives another version.
    same = data_hash(package_copy)
    assert same == data_hash()
    target = package_copy / edit
    target.parent.mkdir(parents=True, exist_ok=True)
    had = target.read_bytes() if target.exists() else None
    with target.open("ab") as fh:
        fh.write(b"\n")
    try:
        assert data_hash(package_copy) != same
    finally:
        if had is None:
            target.unlink()
        else:
            target.write_bytes(had)
    assert data_hash(package_copy) == same
