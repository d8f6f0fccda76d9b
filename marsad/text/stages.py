"""Pipeline stages for the text layers."""
from __future__ import annotations

from marsad.doc import Doc
from marsad.text.sentences import build_sentences
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

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = build_sentences(doc.text, doc.tokens)
        return doc
