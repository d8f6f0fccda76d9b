"""The actor base's curated tables (tools/actor_tables/*.tsv): the tool checks
them and compiles them into the shipped resources/actors.tsv and heads.tsv."""
from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.grammar.actor_base import ActorBase, head_role, military_coalitions
from marsad.types import Actor

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_actors.py"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_actors", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tables(tool):
    return tool.load_tables()


def test_the_tables_compile_to_the_shipped_files():
    run = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("table, column, value, message", [
    ("groups.tsv", "sector", "XYZ", "no PLOVER sector"),
    ("persons.tsv", "country", "RUX", "no ISO3 code of states.tsv"),
    ("igos.tsv", "id", "IGO-UN", "repeated"),  # the id of the first IGO row
    ("heads.tsv", "role", "victim", "role"),  # a President is no victim, and its other row says so
])
def test_a_broken_row_is_refused_with_its_line(tool, tables, table, column, value, message):
    broken = copy.deepcopy(tables)
    row = broken[table][1]
    row[column] = value
    with pytest.raises(tool.TableError, match=message) as err:
        tool.check_tables(broken)
    assert f"{table}:{row['_line']}" in str(err.value)


def test_columns_are_checked(tool, tmp_path, monkeypatch):
    (tmp_path / "extra_norp.tsv").write_text("# x\niso3\tforms\nZAF\tجنوب أفريقي\n", encoding="utf-8")
    monkeypatch.setattr(tool, "TABLES", str(tmp_path))
    with pytest.raises(tool.TableError, match="columns"):
        tool.read_table("extra_norp.tsv")


def test_roles_come_from_the_heads_tables():
    base = ActorBase.load()
    # مصادر speaks and acts not; مدنيين and متهمين are acted upon; بيان speaks for its issuer
    assert head_role(Actor(None, base.heads.single("مصادر")[0].name_en, None, None)) == "source"
    assert head_role(Actor(None, base.heads.single("مدنيين")[0].name_en, None, "CVL")) == "victim"
    assert head_role(Actor(None, base.heads.single("متهمين")[0].name_en, None, "CVL")) == "victim"
    assert base.heads.single("بيان")[0].role == "statement"
    assert head_role(base.actors["IGO-UN"]) == ""  # an actor of the base has no head role
    assert {"IGO-NATO", "IGO-COALITION-ISIS"} <= military_coalitions() <= set(base.actors)
