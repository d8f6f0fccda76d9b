"""Marsad's NER annotations (issue 16): character spans ↔ CoNLL in ANERcorp's tokenisation."""
import json
from pathlib import Path

from marsad.eval.annotations import text_hash
from marsad.ner.annotations import resolve, spans_to_tags, tags_to_spans, to_sentences, tokenize

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
