import re

from marsad import __version__
from marsad.store.version import pipeline_version


def test_version_is_package_version_plus_resource_hash():
    version = pipeline_version()
    assert re.fullmatch(re.escape(__version__) + r"\+[0-9a-f]{8}", version)


def test_hash_covers_resource_contents(tmp_path, monkeypatch):
    # The same function over a copy of the resources with one byte changed gives another version.
    import shutil

    import marsad.store.version as v
    from marsad.resources import path

    original = pipeline_version()
    root = path("FORMATS.md").parent
    copy = tmp_path / "res"
    shutil.copytree(root, copy)
    monkeypatch.setattr(v, "resource_path", lambda name: copy / name)
    v.pipeline_version.cache_clear()
    try:
        same = v.pipeline_version()
        with (copy / "triggers.tsv").open("a", encoding="utf-8") as fh:
            fh.write("\n")
        v.pipeline_version.cache_clear()
        changed = v.pipeline_version()
    finally:
        v.pipeline_version.cache_clear()
    assert same == original
    assert changed != same
