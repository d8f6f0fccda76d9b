"""`name_en` on entity records: unlinked persons get a romanisation, others do not."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.io.readers import read_articles
from marsad.pipeline import default_pipeline

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pipeline():
    return default_pipeline()


def _entities(pipeline, article) -> dict[str, dict]:
    return {e["text"]: e for e in pipeline(article).to_dict()["entities"]}


def _article_with(path: Path, phrase: str):
    with path.open(encoding="utf-8") as fh:
        row = next(json.loads(line) for line in fh if phrase in line)
    return next(a for a in read_articles([path]) if a.text == row["text"])


def test_seed_article_person_after_title_and_its_short_form(pipeline) -> None:
    article = next(read_articles([REPO / "examples" / "seed-0001.txt"]))
    ents = _entities(pipeline, article)
    gedney = ents["الجنرال البريطاني فيليكس غيدني"]
    assert gedney["actor"]["id"] is None and gedney["name_en"] == "Felix Gedney"
    assert ents["غيدني"]["name_en"] == "Gedney"  # the later short form
    # linked persons keep the actor base's name and get no romanisation
    assert ents["الجنرال فاليري جيراسيموف"]["actor"]["name_en"] == "Valery Gerasimov"
    assert "name_en" not in ents["الجنرال فاليري جيراسيموف"]
    assert "name_en" not in ents["رئيس النظام السوري بشار الأسد"]
    # a title alone names nobody; non-persons get nothing
    assert all("name_en" not in e for e in ents.values() if e["label"] != "PER")
    assert "name_en" not in ents["مقاتل"]  # a head noun alone (صحفي in مؤتمر صحفي is no longer a person)


def test_unknown_general_in_a_news_article(pipeline, shared: Path) -> None:
    article = _article_with(shared / "corpora" / "alarabiya_2018.jsonl", "الجنرال الاميركي فينسنت بروكس")
    ents = _entities(pipeline, article)
    assert ents["الجنرال الاميركي فينسنت بروكس"]["name_en"] == "Vincent Brooks"


def test_common_noun_after_a_title_is_not_romanised(pipeline, shared: Path) -> None:
    article = _article_with(shared / "corpora" / "pool_2000.jsonl", "مقربين من الرئيس المخلوع")
    ents = pipeline(article).to_dict()["entities"]
    deposed = [e for e in ents if "المخلوع" in e["text"]]
    assert deposed and all(e["label"] != "PER" or "name_en" not in e for e in deposed)
