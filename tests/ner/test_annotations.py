"""Marsad's NER annotations (issue 16): character spans ↔ CoNLL in ANERcorp's tokenisation."""
import json
from pathlib import Path

import pytest

from marsad.eval.annotations import split_of, text_hash
from marsad.ner.annotations import hashtag_tokens, resolve, spans_to_tags, tags_to_spans, to_sentences, tokenize

REPO = Path(__file__).resolve().parents[2]
TEXT = "وقال الرئيس الأميركي دونالد ترامب إن واشنطن ستدعم الأمم المتحدة في سوريا."


def test_spans_round_trip_through_conll_tags():
    spans = resolve(TEXT, [{"text": "دونالد ترامب", "label": "PER", "n": 1},
                           {"text": "واشنطن", "label": "LOC", "n": 1},
                           {"text": "الأمم المتحدة", "label": "ORG", "n": 1},
                           {"text": "سوريا", "label": "LOC", "n": 1}])
    tokens = tokenize(TEXT)
    tags = spans_to_tags(tokens, spans)
    assert [t for t in tags if t != "O"] == ["B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG", "B-LOC"]
    assert tags_to_spans(tokens, tags) == spans
    [sentence] = to_sentences(TEXT, spans)
    assert sentence.words[-1] == "." and sentence.tags[-1] == "O"


def test_a_clitic_stays_on_its_word_and_punctuation_outside():
    text = "وصل «وبغداد» أمس"
    spans = resolve(text, [{"text": "«وبغداد»", "label": "LOC", "n": 1}])
    tokens = tokenize(text)
    assert [w for _, _, w in tokens] == ["وصل", "«", "وبغداد", "»", "أمس"]
    assert spans_to_tags(tokens, spans) == ["O", "O", "B-LOC", "O", "O"]


def test_the_committed_annotations_join_their_texts(shared):
    pool = {}
    with open(shared / "corpora" / "train_pool.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            pool[r["id"]] = r["text"]
    with open(REPO / "annotations" / "ner" / "train_pool.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    assert sum(len(tokenize(pool[r["id"]])) for r in rows) >= 150_000
    for r in rows[:40]:
        text = pool[r["id"]]
        assert text_hash(text) == r["text_sha1"]
        assert all(0 <= a < b <= len(text) and lab in ("PER", "LOC", "ORG", "MISC") for a, b, lab in r["entities"])
        assert to_sentences(text, [tuple(e) for e in r["entities"]])


def test_real_annotations_round_trip_spans_tags_spans(shared):
    """Every committed article: spans → IOB2 tags → spans gives the annotated spans back (a span
    ending inside a hashtag word, e.g. الحوثي in #ميليشيات_الحوثي, comes back widened to that
    word, and its tags are then stable); with the hashtag tokens it comes back exactly."""
    from marsad.eval.annotations import articles_by_id, read_jsonl

    texts = articles_by_id([shared / "corpora" / "train_pool.jsonl"])
    exact = widened = 0
    for r in read_jsonl(REPO / "annotations" / "ner" / "train_pool.jsonl"):
        text = texts[r["id"]]["text"]
        spans = sorted(tuple(e) for e in r["entities"])
        tokens = tokenize(text)
        tags = spans_to_tags(tokens, spans)
        back = tags_to_spans(tokens, tags)
        assert spans_to_tags(tokens, back) == tags
        for (a, b, label), (a2, b2, label2) in zip(spans, back):
            assert label == label2 and a2 <= a and b <= b2
            if (a, b) == (a2, b2):
                exact += 1
            else:
                widened += 1
                assert "_" in text[a2:b2]
        words = hashtag_tokens(text)
        assert tags_to_spans(words, spans_to_tags(words, spans)) == spans
    assert exact >= 17_000 and widened < 20


def test_hashtag_words_take_their_own_tags():
    text = "قتل مسلحو #ميليشيات_الحوثي مدنيين في #تعز أمس"
    spans = resolve(text, [{"text": "الحوثي", "label": "ORG", "n": 1}, {"text": "تعز", "label": "LOC", "n": 1}])
    [sentence] = to_sentences(text, spans, hashtag_tokens(text))
    assert list(zip(sentence.words, sentence.tags)) == [
        ("قتل", "O"), ("مسلحو", "O"), ("#ميليشيات", "O"), ("#الحوثي", "B-ORG"),
        ("مدنيين", "O"), ("في", "O"), ("#تعز", "B-LOC"), ("أمس", "O")]
    # ANERcorp's own tokenisation keeps the hashtag whole, so the whole word is tagged
    [plain] = to_sentences(text, spans)
    assert ("ميليشيات_الحوثي", "B-ORG") in zip(plain.words, plain.tags)


def _corpus(tmp_path: Path, rows: list[dict]) -> Path:
    (tmp_path / "corpora").mkdir()
    with open(tmp_path / "corpora" / "train_pool.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return tmp_path


def _annotation(tmp_path: Path, aid: str, text: str, entities: list[list]) -> Path:
    path = tmp_path / "ann.jsonl"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": aid, "text_sha1": text_hash(text), "annotator": "t",
                             "entities": entities}, ensure_ascii=False) + "\n")
    return path


# split_of: the first is in the events models' held-out split, the second is not
HELD_OUT, TRAIN = "ant2:AL-internationalNews-100-20180219", "ant2:AL-internationalNews-102-20180219"
SECOND = "وأكد وزير الخارجية الأردني أيمن الصفدي في عمان أن الأردن يدعم الحل السياسي."


def test_load_news_joins_texts_and_leaves_out_the_events_test_split(tmp_path):
    from marsad.ner.annotations import load_news

    assert (split_of(HELD_OUT), split_of(TRAIN)) == ("test", "train")
    data = _corpus(tmp_path, [{"id": HELD_OUT, "text": TEXT}, {"id": TRAIN, "text": SECOND}])
    _annotation(tmp_path, HELD_OUT, TEXT, [[27, 38, "PER"]])
    path = _annotation(tmp_path, TRAIN, SECOND, [[s, e, lab] for s, e, lab in resolve(SECOND, [
        {"text": "أيمن الصفدي", "label": "PER"}, {"text": "عمان", "label": "LOC"}, {"text": "الأردن", "label": "LOC", "n": 2}])])
    news = load_news(data, path)
    assert news.held_out == 1 and [a.id for a in news.articles] == [TRAIN]
    [sentence] = news.articles[0].sentences
    assert [(w, t) for w, t in zip(sentence.words, sentence.tags) if t != "O"] == [
        ("أيمن", "B-PER"), ("الصفدي", "I-PER"), ("عمان", "B-LOC"), ("الأردن", "B-LOC")]
    summary = news.summary()
    assert summary["articles"] == 1 and summary["held_out_events_test"] == 1 and summary["entities"] == 3
    assert summary["tokens"] == len(sentence.words) and len(summary["sha256"]) == 64


def test_load_news_names_an_article_whose_text_changed_or_is_missing(tmp_path):
    from marsad.ner.annotations import NewsAnnotationError, load_news

    data = _corpus(tmp_path, [{"id": TRAIN, "text": SECOND.replace("عمان", "العقبة")}])
    path = _annotation(tmp_path, TRAIN, SECOND, [])
    with pytest.raises(NewsAnnotationError, match=f"{TRAIN}: the text .* changed"):
        load_news(data, path)
    other = "ant2:AL-internationalNews-104-20180219"
    assert split_of(other) == "train"
    path = _annotation(tmp_path, other, SECOND, [])
    (tmp_path / "corpora" / "train_pool.jsonl").write_text(json.dumps({"id": TRAIN, "text": SECOND}, ensure_ascii=False) + "\n")
    with pytest.raises(NewsAnnotationError, match=f"{other}: annotated in .* but not in"):
        load_news(data, path)


def test_the_committed_news_annotations_load_for_training(shared):
    from marsad.ner.annotations import load_news

    news = load_news(shared)
    summary = news.summary()
    # all 600 articles were drawn from the events train split, so none is left out
    assert summary["articles"] == 600 and summary["held_out_events_test"] == 0
    assert summary["tokens"] >= 150_000 and summary["entities"] > 15_000
    tags = {t[2:] for a in news.articles for s in a.sentences for t in s.tags if t != "O"}
    assert tags == {"PER", "LOC", "ORG", "MISC"}
