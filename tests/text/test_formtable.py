"""Per-word-form tables (text.formtable) give every token the value its own
lookup would, for real articles, hand-made token lists and hashtags."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from marsad.doc import Doc
from marsad.ner.decode import Decoder
from marsad.ner.model import default_weights
from marsad.ner.tagger import token_form
from marsad.text.formtable import FormTable
from marsad.text.tokens import hashtags, tokenize, tokenize_forms
from marsad.types import ArticleInput


def _articles(shared: Path, n: int) -> list[str]:
    with (shared / "corpora" / "pool_2000.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(next(fh))["text"] for _ in range(n)]


def _doc(text: str) -> Doc:
    doc = Doc.from_input(ArticleInput(id="t", title="", text=text))
    doc.set_tokens(*tokenize_forms(text))
    return doc


def test_values_equal_the_per_token_answer_on_real_articles(shared: Path):
    table = FormTable(lambda tok: len(tok.key) % 5)
    for text in _articles(shared, 5):
        doc = _doc(text)
        expected = [len(t.key) % 5 for t in doc.tokens]
        assert table.values(doc).tolist() == expected
        assert table.values(doc).tolist() == expected  # the second time from the table
        assert table.positions(doc) == [i for i, v in enumerate(expected) if v]


def test_a_word_repeated_in_an_article_shares_one_form():
    doc = _doc("قال المتحدث إن الجيش قصف الرقة، وقال إن الرقة محاصرة")
    raqqa = [t for t in doc.tokens if t.text == "الرقة"]
    assert len(raqqa) == 2 and raqqa[0].form is raqqa[1].form and raqqa[0].form.id > 0
    numbering, ids = doc.form_ids()
    assert numbering is not None and ids[raqqa[0].i] == ids[raqqa[1].i]


def test_tokens_set_by_hand_are_computed_one_by_one():
    doc = Doc.from_input(ArticleInput(id="t", title="", text="أعلن الجيش السوري"))
    doc.tokens = tokenize(doc.text)  # no form ids recorded: every value is computed
    numbering, ids = doc.form_ids()
    assert numbering is None and not ids.any()
    assert FormTable(lambda tok: len(tok.text)).values(doc).tolist() == [4, 5, 6]


def test_ner_rows_by_form_table_equal_rows_by_string(shared: Path):
    decoder = Decoder(default_weights())
    texts = [*_articles(shared, 3), "غادر #فيليكس_غيدني مدينة #الرقة أمس"]
    for text in texts:
        doc = _doc(text)
        doc.hashtags = hashtags(text)
        by_table = decoder.token_ids(doc)
        by_string = decoder.form_ids([token_form(t) for t in doc.tokens])
        assert np.array_equal(by_table, by_string)
    assert any(t.hashtag for t in doc.tokens)
