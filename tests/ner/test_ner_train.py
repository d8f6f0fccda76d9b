"""Training on a small slice gives a working tagger, and the fast decoder
finds exactly the labels crfsuite's own Viterbi finds."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ner.conll import Split
from marsad.ner.decode import Decoder
from marsad.ner.evaluate import chunks, score
from marsad.ner.features import Resources, crf_items
from marsad.ner.model import CrfWeights
from marsad.ner.train import SPLIT_FILE, TrainConfig, fit

pytestmark = pytest.mark.slow  # trains CRF models


@pytest.fixture(scope="module")
def small(shared: Path):
    train, dev = Split.load(SPLIT_FILE).apply(shared)
    weights = fit(train[:300], TrainConfig(max_iterations=25), Resources.default())
    return weights, dev[:120]


def _tag(weights: CrfWeights, sentences) -> list[list[str]]:
    bounds, forms = [], []
    for s in sentences:
        bounds.append((len(forms), len(forms) + len(s.words)))
        forms.extend(s.words)
    tags = Decoder(weights).tag(forms, bounds)
    return [tags[a:b] for a, b in bounds]


def test_a_small_model_tags_names(small):
    weights, dev = small
    assert {"O", "B-PER", "B-LOC", "B-ORG"} <= set(weights.labels)
    guessed = _tag(weights, dev)
    s = score((d.tags, g) for d, g in zip(dev, guessed))
    # 300 sentences and 25 iterations: far from the shipped model, far above nothing
    assert s.total().f1 > 0.3 and s.by_type()["LOC"].f1 > 0.5


def test_fast_decoder_equals_crfsuite(small, shared: Path, tmp_path: Path):
    import pycrfsuite

    weights, dev = small
    # retrain the same slice to a crfsuite file and compare label by label
    trainer = pycrfsuite.Trainer(verbose=False)
    train, _ = Split.load(SPLIT_FILE).apply(shared)
    res = Resources.default()
    for s in train[:300]:
        trainer.append(crf_items(list(s.words), res), list(s.tags))
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 25, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "m.crfsuite"))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "m.crfsuite"))
    ours = _tag(CrfWeights.from_crfsuite(tmp_path / "m.crfsuite", {}), dev)
    theirs = [tagger.tag(crf_items(list(s.words), res)) for s in dev]
    assert ours == theirs


def test_saved_model_loads_the_same(small, tmp_path: Path):
    weights, dev = small
    weights.save(tmp_path / "m.npz")
    assert _tag(CrfWeights.load(tmp_path / "m.npz"), dev) == _tag(weights, dev)


def test_news_weight_repeats_then_takes_a_nested_share_of_articles():
    from marsad.ner.annotations import NewsArticle, to_sentences
    from marsad.ner.train import article_share, weighted_news

    texts = ["قصفت الطائرات مدينة إدلب.", "وصل الوزير إلى القاهرة.", "التقى ترامب بوتين في هلسنكي.",
             "أعلنت الأمم المتحدة خطة جديدة.", "فاز الأهلي على الزمالك."]
    articles = [NewsArticle(f"ant2:test-{k}", tuple(to_sentences(t, []))) for k, t in enumerate(texts)]
    assert weighted_news(articles, 0) == []
    assert weighted_news(articles, 1) == [s for a in articles for s in a.sentences]
    assert len(weighted_news(articles, 2)) == 2 * len(articles)
    shares = [article_share(a.id) for a in articles]
    assert all(0 <= x < 1 for x in shares)
    quarter, half = weighted_news(articles, 0.25), weighted_news(articles, 0.5)
    assert len(half) == sum(x < 0.5 for x in shares) and set(quarter) <= set(half)
    assert len(weighted_news(articles, 1.5)) == len(articles) + len(half)
    with pytest.raises(ValueError):
        weighted_news(articles, -1)


def test_a_model_trained_with_news_sentences_loads_and_tags_unseen_news(shared: Path, tmp_path: Path):
    """200 ANERcorp sentences and 30 annotated news articles, 30 iterations: the saved model
    loads, records the annotations it learned from, and tags held-out news articles."""
    from marsad.ner.annotations import load_news
    from marsad.ner.train import training_set

    train, _dev = Split.load(SPLIT_FILE).apply(shared)
    news = load_news(shared)
    data = training_set(train[:200], news.articles[:30], 1.0)
    assert len(data.sentences) > 700  # the news's sentences are in
    fit(data.sentences, TrainConfig(max_iterations=30), Resources.default(), {"news": news.summary()},
        data.distinct, data.marked).save(tmp_path / "m.npz")
    weights = CrfWeights.load(tmp_path / "m.npz")
    assert weights.meta["news"]["sha256"] == news.sha256 and weights.meta["news"]["articles"] == 600
    held_out = [s for a in news.articles[500:520] for s in a.sentences]
    guessed = Decoder(weights).tag_sentences([s.words for s in held_out])
    assert score((s.tags, g) for s, g in zip(held_out, guessed)).total().f1 > 0.6

    def names(k: int) -> list[tuple[str, str]]:
        s, tags = held_out[k], guessed[k]
        return [(" ".join(s.words[a:b]), label) for a, b, label in sorted(chunks(tags))]

    # "…وحليفتها روسيا مئات الضربات الجوية على بلدات في محافظة درعا جنوبي البلاد…"
    assert names(0) == [("روسيا", "LOC"), ("درعا", "LOC")]
    # "من جانبها ، أعلنت الأمم المتحدة أن القتال في جنوب غرب سوريا …"
    assert held_out[6].words[:5] == ("من", "جانبها", "،", "أعلنت", "الأمم")
    assert names(6) == [("الأمم المتحدة", "ORG"), ("سوريا", "LOC")]


def test_folded_domain_copies_tag_as_crfsuite_does_on_marked_sentences(shared: Path, tmp_path: Path):
    """The shipped weights are the general ones plus ANERcorp's marked copies: our decoder on the
    folded model finds exactly the labels crfsuite finds on ANERcorp-marked items."""
    import pycrfsuite

    from marsad.ner.annotations import load_news
    from marsad.ner.train import DOMAIN_MARK, domain_copies, fold_domain, training_set

    train, dev = Split.load(SPLIT_FILE).apply(shared)
    data = training_set(train[:150], load_news(shared).articles[:15], 1.0)
    res = Resources.default()
    trainer = pycrfsuite.Trainer(verbose=False)
    for s, marked in zip(data.sentences, data.marked):
        items = crf_items(list(s.words), res)
        trainer.append(domain_copies(items) if marked else items, list(s.tags))
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 25, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "m.crfsuite"))
    raw = CrfWeights.from_crfsuite(tmp_path / "m.crfsuite", {})
    assert any(f.startswith(DOMAIN_MARK) for f in raw.features)
    folded = fold_domain(raw)
    assert not any(f.startswith(DOMAIN_MARK) for f in folded.features)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / "m.crfsuite"))
    theirs = [tagger.tag(domain_copies(crf_items(list(s.words), res))) for s in dev[:80]]
    assert _tag(folded, dev[:80]) == theirs
    assert _tag(raw, dev[:80]) != theirs  # the copies matter
