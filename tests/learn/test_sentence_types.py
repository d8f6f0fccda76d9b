"""The sentence-type model's learner: NB-LR (logistic regression over features scaled by their
log-count ratios, Wang & Manning 2012), the ratios folded into the saved weights."""
from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from marsad.grammar.ontology import PLOVER_TYPES
from marsad.learn.linear import LinearModel, _design, fit_multilabel, log_count_ratios
from marsad.learn.candidates import RuleView, trigger_candidates
from marsad.learn.sentences import sentence_features, sentence_views
from marsad.pipeline import Pipeline
from marsad.types import ArticleInput


def test_log_count_ratios_favour_the_words_of_the_class():
    # three sentences' words: two state an attack (قصف), one a meeting
    x = csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [1, 0, 1]], dtype=np.float64))  # bias, k=قصف, k=اجتماع
    y = np.array([1, 1, 0])
    ratios = log_count_ratios(x, y, alpha=1.0)
    # positives' counts 2+1, 2+1, 0+1 (of 7); negatives' 1+1, 0+1, 1+1 (of 5)
    expected = np.log(np.array([3, 3, 1]) / 7) - np.log(np.array([2, 1, 2]) / 5)
    assert np.allclose(ratios, expected)
    assert ratios[1] > 0 > ratios[2]


def test_nb_lr_on_a_small_slice_states_its_types_and_saves_as_a_plain_model(shared, tmp_path):
    from marsad.learn.train import annotated_rows, build_examples, process

    rows = annotated_rows(shared, "train")[:25]
    ex = build_examples(process(rows))
    model = fit_multilabel(ex.trigger_x, ex.trigger_y, list(PLOVER_TYPES), c=0.5, nb_alpha=1.0)
    # the ratios are folded in: the saved model scores a feature list as sklearn scores its scaled row
    from sklearn.linear_model import LogisticRegression

    vocab, x = _design(ex.trigger_x, 2)
    k = model.classes.index("ASSAULT")
    y = np.array([1 if "ASSAULT" in labels else 0 for labels in ex.trigger_y])
    ratios = log_count_ratios(x, y, 1.0)
    clf = LogisticRegression(C=0.5, max_iter=300, solver="lbfgs").fit(x.multiply(ratios).tocsr(), y)
    first = next(i for i, labels in enumerate(ex.trigger_y) if "ASSAULT" in labels)
    row = sorted(set(ex.trigger_x[first]))  # each feature once, as in training
    assert np.isclose(model.scores(row)[k], clf.decision_function(x[first].multiply(ratios))[0], atol=1e-4)
    model.save(tmp_path / "trigger")
    again = LinearModel.load(tmp_path / "trigger")
    assert np.allclose(again.probabilities_many(ex.trigger_x[:50]), model.probabilities_many(ex.trigger_x[:50]))
    # in-sample, the slice's attack sentences read as attacks more than its other sentences
    probs = model.probabilities_many(ex.trigger_x)[:, k]
    assert probs[y == 1].mean() > 0.5 > probs[y == 0].mean()
    # and a new attack sentence (not in the slice) more than a new meeting sentence
    pipeline = Pipeline.rules()

    def p_assault(text: str) -> float:
        doc = pipeline(ArticleInput(id="t", title="", text=text))
        view = RuleView(doc)
        sv = sentence_views(doc, trigger_candidates(doc, view))[0]
        return float(model.probabilities(sentence_features(doc, view, sv))[k])

    assert p_assault("قصفت طائرات حربية مواقع للمسلحين شمال سوريا وقتلت عشرة منهم.") > p_assault(
        "التقى وزير الخارجية الأردني نظيره المصري في عمان لبحث العلاقات الثنائية.")
