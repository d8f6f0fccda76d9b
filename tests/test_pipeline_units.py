"""`Pipeline` (marsad/pipeline.py) on hand-built docs: the chain is checked when it is
built, stages run in order on the doc they are given, and a stage of one's own that
provides a layer can stand in for a built-in one."""
from __future__ import annotations

import pytest

from marsad.doc import Doc, stable_id
from marsad.entities.coref import Coreferencer
from marsad.pipeline import Pipeline, PipelineError, default_pipeline
from marsad.text.stages import Sentencizer, Tokenizer
from marsad.types import ArticleInput, Mention

# alarabiya_2018 ant2:AL-internationalNews-1909-20180712 (first clause; its typo مبليشيات spelt right),
# and a follow-up sentence in the same style
TEXT = ("وأكد مصدر ميداني أن قوات الجيش اليمني والمقاومة الشعبية تمكنتا من صد هجوم شنته عناصر "
        "ميليشيات الحوثي. وقال المصدر إن الحوثيين تكبدوا خسائر.")


class HandMentions:
    """A mention stage of one's own: marks the given phrases (first occurrence) as mentions."""

    name = "hand-mentions"
    requires = ("tokens", "sentences")
    provides = ("mentions",)

    def __init__(self, *phrases: str) -> None:
        self.phrases = phrases
        self.seen: list[str] = []

    def __call__(self, doc: Doc) -> Doc:
        self.seen.append(doc.id)
        out = []
        for phrase in self.phrases:
            start = doc.text.index(phrase)
            end = start + len(phrase)
            first = doc.token_at(start)
            last = doc.token_at(end - 1)
            out.append(Mention(start, end, phrase, "ORG", (first, last + 1), None, "hand"))
        doc.mentions = sorted(out, key=lambda m: m.start)
        return doc


def hand_doc(text: str = TEXT) -> Doc:
    return Doc(id="hand-built", title="", text=text, date="2018-07-12")


def test_a_stage_whose_layer_no_earlier_stage_provides_is_refused_when_built():
    with pytest.raises(PipelineError, match="'sentencizer' requires tokens"):
        Pipeline([Sentencizer()])
    with pytest.raises(PipelineError, match="'sentencizer' requires tokens"):
        Pipeline([Sentencizer(), Tokenizer()])  # order matters, not presence
    with pytest.raises(PipelineError, match="'coref' requires mentions"):
        Pipeline([Tokenizer(), Sentencizer(), Coreferencer()])


def test_stages_run_in_order_on_the_doc_given_and_record_their_layers():
    doc = hand_doc()
    out = Pipeline([Tokenizer(), Sentencizer()])(doc)
    assert out is doc  # the doc is added to, not copied
    assert [s.to_dict() for s in doc.sentences] == [{"start": 0, "end": TEXT.index("وقال") - 1},
                                                    {"start": TEXT.index("وقال"), "end": len(TEXT)}]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.tokens)
    assert {"tokens", "hashtags", "sentences"} <= doc.done


def test_an_article_input_becomes_a_doc_named_by_its_id_or_its_folded_text():
    nlp = Pipeline([Tokenizer()])
    named = nlp(ArticleInput(id="a1", title="عنوان", text=TEXT, date="2018-07-12", url="https://example.org/a1"))
    assert (named.id, named.title, named.text, named.date, named.url) == ("a1", "عنوان", TEXT, "2018-07-12",
                                                                          "https://example.org/a1")
    plain = nlp(ArticleInput(id=None, title="", text="أعلن الجيش السوري  سيطرته على المدينة."))
    marked = nlp(ArticleInput(id=None, title="", text="أعلنَ الجيشُ السوري سيطرتَه على المدينة."))
    assert plain.id == marked.id == stable_id("أعلن الجيش السوري سيطرته على المدينة.")  # diacritics, spaces
    assert plain.id.startswith("sha1:")


def test_a_stage_of_ones_own_stands_in_for_the_mention_finder():
    mentions = HandMentions("قوات الجيش اليمني", "ميليشيات الحوثي", "المصدر", "مصدر ميداني")
    nlp = Pipeline([Tokenizer(), Sentencizer(), mentions, Coreferencer()])
    assert nlp.names == ["tokenizer", "sentencizer", "hand-mentions", "coref"]
    doc = nlp(hand_doc())
    assert mentions.seen == ["hand-built"]
    assert [m.text for m in doc.mentions] == ["مصدر ميداني", "قوات الجيش اليمني", "ميليشيات الحوثي", "المصدر"]
    assert all(m.cluster is not None for m in doc.mentions)  # coreference ran on the hand-made layer


def test_pipe_yields_one_doc_per_article_in_order():
    nlp = Pipeline([Tokenizer(), Sentencizer()])
    articles = [ArticleInput(id=f"a{n}", title="", text=s) for n, s in enumerate(TEXT.split(". "))]
    docs = list(nlp.pipe(articles))
    assert [d.id for d in docs] == ["a0", "a1"] and all(len(d.sentences) == 1 for d in docs)


def test_the_default_pipeline_is_built_once_and_its_chain_holds():
    nlp = default_pipeline()
    assert nlp is default_pipeline()
    provided: set[str] = set()
    for stage in nlp.stages:
        assert set(stage.requires) <= provided, stage.name
        provided |= set(stage.provides)
    assert {"tokens", "sentences", "mentions", "claims", "events"} <= provided
