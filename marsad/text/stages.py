"""Pipeline stages for the text layers."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.text.formtable import FormTable
from marsad.text.sentences import CLAUSE_MARKS, build_sentences
from marsad.text.tokens import hashtags, tokenize_forms


class Tokenizer:
    """Tokens with clitic segmentation; inline hashtags."""

    name = "tokenizer"
    requires: tuple[str, ...] = ()
    provides = ("tokens", "hashtags")

    def __call__(self, doc: Doc) -> Doc:
        doc.set_tokens(*tokenize_forms(doc.text))
        doc.hashtags = hashtags(doc.text)
        return doc


class Sentencizer:
    """Sentences (with clause ranges) over the tokens."""

    name = "sentencizer"
    requires = ("tokens",)
    provides = ("sentences",)

    def __init__(self) -> None:
        self.clause_marks = FormTable(lambda tok: tok.text in CLAUSE_MARKS)

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = build_sentences(doc.text, doc.tokens, self.clause_marks.positions(doc))
        return doc
