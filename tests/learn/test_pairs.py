"""The joint (source, target) choice (marsad.learn.pairs) on a real news sentence."""
from __future__ import annotations

import numpy as np
import pytest

from marsad.learn.candidates import RuleView, role_candidates, trigger_candidates
from marsad.learn.linear import LinearModel
from marsad.learn.pairs import SCALE_FEATURES, entity_masses, joint_choice, pair_candidates, pair_features
from marsad.pipeline import Pipeline
from marsad.types import ArticleInput

SALT = "أعلنت الحكومة الأردنية مقتل 4 عناصر من الأمن العام في هجوم شنته خلية إرهابية على دورية في مدينة السلط."


def _candidates(trigger_word: str):
    doc = Pipeline.rules()(ArticleInput(id="salt", title="", text=SALT, date="2018-08-12"))
    view = RuleView(doc)
    trig = next(t for t in trigger_candidates(doc, view) if doc.tokens[t.start].text == trigger_word)
    cands = role_candidates(doc, view, trig)
    return cands, pair_candidates(trig, cands)


def _model(weights: dict[str, float]) -> LinearModel:
    names = list(SCALE_FEATURES) + [f for f in weights if f not in SCALE_FEATURES]
    w = np.array([[weights.get(f, 1.0 if f in SCALE_FEATURES else 0.0)] for f in names], dtype=np.float32)
    return LinearModel(["0", "1"], {f: i for i, f in enumerate(names)}, w, np.zeros(1, dtype=np.float32))


def test_pair_candidates_read_side_sector_and_entity_of_each_mention():
    cands, pcs = _candidates("مقتل")
    texts = [rc.mention.text if rc.mention else None for rc in cands]
    assert texts == [None, "الحكومة الأردنية", "عناصر", "الأمن العام"]
    none, government, members, security = pcs
    assert none.entity is None and none.position == -1
    assert government.before and not members.before and not security.before  # مقتل stands between them
    assert (government.sector, government.named) == ("GOV", True)
    assert members.sector == security.sector == "COP" and members.entity != security.entity


def test_pair_features_say_sides_order_sector_and_sameness():
    _, (none, government, members, security) = _candidates("هجوم")
    f = pair_features("ASSAULT", members, security)
    assert {"sides=before,before", "T=ASSAULT&sides=before,before", "s_first=True", "same_sector",
            "secs=COP,COP", "adjacent"} <= set(f)
    assert "same_entity" not in f and "both_named" not in f
    assert "same_entity" in pair_features("ASSAULT", government, government)
    assert pair_features("ASSAULT", government, none) == ("sides=before,none", "T=ASSAULT&sides=before,none")


def test_coreferent_candidates_pool_their_mass_and_none_takes_its_offset():
    keys = [None, "a", "a", "b"]
    scores = np.array([0.0, 1.0, 1.0, 1.5])
    masses = entity_masses(scores, keys, 0.0)
    assert [keys[i] for _, i in masses] == ["a", "b", None]  # two candidates at 1.0 beat one at 1.5
    assert masses[0][0] == pytest.approx(1.0 + np.log(2.0))
    assert [keys[i] for _, i in entity_masses(scores, keys, 5.0)][0] is None


def test_joint_choice_takes_the_best_pair_not_each_role_best():
    """Both rankers prefer the government; alone each role would take it. A pair model that
    forbids one entity in both roles gives the source the government and the target the next best."""
    cands, pcs = _candidates("مقتل")
    source = np.array([0.0, 3.0, 1.0, 0.5])
    target = np.array([0.0, 3.0, 2.0, 0.5])
    assert joint_choice(_model({}), "ASSAULT", pcs, source, target, (0.0, 0.0)) == (1, 1)
    src, tgt = joint_choice(_model({"same_entity": -100.0}), "ASSAULT", pcs, source, target, (0.0, 0.0))
    assert (cands[src].mention.text, cands[tgt].mention.text) == ("الحكومة الأردنية", "عناصر")
    # a pair feature outweighs the scores: with a government source and a police target made
    # unlikely, the pair turns round (members 1.0 + government 3.0 beats government alone, 3.0)
    src, tgt = joint_choice(_model({"same_entity": -100.0, "secs=GOV,COP": -10.0}), "ASSAULT", pcs,
                            source, target, (0.0, 0.0))
    assert (cands[src].mention.text, cands[tgt].mention.text) == ("عناصر", "الحكومة الأردنية")
