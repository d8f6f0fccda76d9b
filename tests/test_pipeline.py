"""The stage contract: layers are Doc fields, rewrites are declared and checked, failures name the stage."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest

from marsad.batch import run_extract
from marsad.claims.claims import ClaimExtractor
from marsad.doc import LAYERS, Doc
from marsad.entities.coref import Coreferencer
from marsad.entities.mentions import MentionFinder
from marsad.names.stage import NameRomaniser
from marsad.pipeline import Pipeline, PipelineError, StageError
from marsad.text.stages import Sentencizer, Tokenizer
from marsad.types import ArticleInput, Mention, Place, Quantity

TEXT = "قال وزير الخارجية الروسي سيرغي لافروف إن الجنرال البريطاني فيليكس غيدني زار دمشق. وأضاف غيدني أن 30 مسلحا قتلوا."


def article(text: str = TEXT, id: str = "a1") -> ArticleInput:  # noqa: A002
    return ArticleInput(id=id, title="", text=text, date="2018-01-01")


class Drops:
    """A stage that drops the last mention without declaring that it rewrites mentions."""

    name = "drops"
    requires = ("mentions",)
    provides: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        doc.mentions = doc.mentions[:-1]
        return doc


class AppendsInPlace(Drops):
    name = "appends"

    def __call__(self, doc: Doc) -> Doc:
        doc.mentions.append(doc.mentions[0])  # the same list object, one longer
        return doc


class Fails(Drops):
    name = "fails"

    def __call__(self, doc: Doc) -> Doc:
        return doc.mentions[99]  # IndexError


def test_layers_are_the_doc_fields_stages_fill():
    assert LAYERS == ("tokens", "sentences", "hashtags", "ner_spans", "mentions", "clusters", "events", "claims",
                      "places", "dates")
    for stage in Pipeline.default().stages:
        for layer in (*stage.requires, *stage.provides, *getattr(stage, "rewrites", ())):
            assert layer in LAYERS, (stage.name, layer)


def test_the_default_pipeline_declares_its_rewrites():
    stages = {s.name: s for s in Pipeline.default().stages}
    assert Pipeline.default().names == ["tokenizer", "sentencizer", "ner", "mentions", "coref", "names", "claims",
                                        "events", "event_model", "claim_model", "grounding", "place_model",
                                        "date_model", "acts"]
    assert stages["event_model"].rewrites == ("events",) and stages["place_model"].rewrites == ("events",)
    assert stages["date_model"].rewrites == ("events", "claims") and "dates" in stages["date_model"].requires
    assert stages["acts"].rewrites == ("events",) and stages["claim_model"].rewrites == ("claims",)
    assert stages["grounding"].provides == ("places", "dates") and "places" in stages["place_model"].requires
    assert stages["coref"].rewrites == ("mentions",) and stages["coref"].provides == ("clusters",)
    assert set(stages["grounding"].rewrites) == {"claims", "events", "mentions"}
    assert stages["names"].rewrites == ("mentions",)
    assert "clusters" in stages["claims"].requires


def test_claims_before_coref_fails_when_the_pipeline_is_built():
    # Issue 14: with coref after claims the check passed and a seed claim's speaker changed.
    with pytest.raises(PipelineError, match="stage 'claims' requires clusters, which no earlier stage provides"):
        Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), ClaimExtractor(), Coreferencer()])
    with pytest.raises(PipelineError, match="stage 'names' requires clusters"):
        Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), NameRomaniser(), Coreferencer()])


def test_a_layer_name_that_is_no_doc_field_is_refused():
    class Labels(Drops):
        name = "labels"
        provides = ("grounding",)

    with pytest.raises(PipelineError, match="stage 'labels' provides grounding, which is not a Doc layer"):
        Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), Labels()])


def test_rewriting_a_layer_no_earlier_stage_provides_is_refused():
    class Rewrites(Drops):
        requires: tuple[str, ...] = ()
        rewrites = ("mentions",)

    with pytest.raises(PipelineError, match="stage 'drops' rewrites mentions, which no earlier stage provides"):
        Pipeline([Tokenizer(), Sentencizer(), Rewrites()])
    with pytest.raises(PipelineError, match="stage 'coref' requires mentions"):
        Pipeline([Tokenizer(), Sentencizer(), Coreferencer()])


@pytest.mark.parametrize("stage", [Drops(), AppendsInPlace()])
def test_an_undeclared_rewrite_is_caught_after_the_stage(stage):
    pipe = Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), stage])
    with pytest.raises(PipelineError, match=rf"stage '{stage.name}' changed 'mentions' on article a1 but does not "
                                            r"declare it"):
        pipe(article())


def test_the_same_change_declared_passes():
    class DropsDeclared(Drops):
        rewrites = ("mentions",)

    full = Pipeline([Tokenizer(), Sentencizer(), MentionFinder()])(article())
    doc = Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), DropsDeclared()])(article())
    assert len(doc.mentions) == len(full.mentions) - 1


def test_a_stage_may_not_touch_the_raw_text():
    class Strips(Drops):
        rewrites = ("mentions",)

        def __call__(self, doc: Doc) -> Doc:
            doc.text = doc.text.strip(".")
            return doc

    with pytest.raises(PipelineError, match="stage 'drops' changed 'text'"):
        Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), Strips()])(article())


def test_a_stage_error_names_the_stage_and_the_article_and_keeps_the_cause():
    pipe = Pipeline([Tokenizer(), Sentencizer(), MentionFinder(), Fails()])
    with pytest.raises(StageError, match=r"^stage 'fails' failed on article a1: IndexError: ") as caught:
        pipe(article())
    assert isinstance(caught.value.__cause__, IndexError) and caught.value.cause is caught.value.__cause__
    assert (caught.value.stage, caught.value.article) == ("fails", "a1")


def test_a_batch_reports_the_failing_stage_and_goes_on(tmp_path):
    path = tmp_path / "two.jsonl"
    path.write_text('{"id": "x", "text": "قال الجيش إن المعارك انتهت."}\n{"id": "y", "text": "بلا أسماء"}\n',
                    encoding="utf-8")

    class FailsOnX(Fails):
        def __call__(self, doc: Doc) -> Doc:
            return super().__call__(doc) if doc.id == "x" else doc

    out, errors = io.StringIO(), io.StringIO()
    stats = run_extract([str(path)], out, pipeline=Pipeline([Tokenizer(), Sentencizer(), MentionFinder(),
                                                             FailsOnX()]), errors=errors)
    assert (stats.ok, stats.errors) == (1, 1)
    assert errors.getvalue() == (f"error: {path}:1: stage 'fails' failed on article x "
                                 "(IndexError: list index out of range)\n")


def test_english_names_come_from_the_names_stage():
    base = [Tokenizer(), Sentencizer(), MentionFinder(), Coreferencer()]
    without = Pipeline(base)(article())
    named = Pipeline([*base, NameRomaniser()])(article())
    gedney = [m for m in named.mentions if m.text.endswith("غيدني")]
    assert [m.name_en for m in gedney] == ["Felix Gedney", "Gedney"]
    # the record only reads the field: without the stage the key is there, unfilled
    plain = {m["text"]: m for m in without.to_dict()["entities"]}
    assert plain["الجنرال البريطاني فيليكس غيدني"]["name_en"] is None
    assert {m["text"]: m for m in named.to_dict()["entities"]}["غيدني"]["name_en"] == "Gedney"
    # a linked person keeps the actor base's name and gets no romanisation
    lavrov = next(m for m in named.mentions if "لافروف" in m.text)
    assert lavrov.actor and lavrov.actor.id and lavrov.name_en is None and "name_en" not in lavrov.to_dict()


def test_the_record_types_run_no_model():
    code = "import sys, marsad.types, marsad.doc; print(sorted(m for m in sys.modules if m.startswith('marsad.names')))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_places_and_quantities_are_typed_and_give_the_contract_dicts():
    place = Place(40, 44, "دمشق", "Damascus", "SYR", 33.5, 36.3, "point")
    assert place.to_dict() == {"start": 40, "end": 44, "text": "دمشق", "name_en": "Damascus", "country": "SYR",
                               "lat": 33.5, "lon": 36.3, "precision": "point"}
    assert list(place.to_dict()) == ["start", "end", "text", "name_en", "country", "lat", "lon", "precision"]
    exact = Quantity(3, 11, "30 مسلحا", 30, "=", "fighters", "fighters")
    assert list(exact.to_dict()) == ["value", "comparator", "unit", "of", "start", "end", "text"]
    vague = Quantity(0, 5, "عشرات", None, "~", None, None, order=10)
    assert vague.to_dict()["order"] == 10
    with pytest.raises(AttributeError):
        place.lat = 0.0  # type: ignore[misc]
    mention = Mention(40, 44, "دمشق", "GPE", (8, 9), place=place)
    assert mention.to_dict()["place"] == place.to_dict()


def test_grounding_fills_typed_places_and_counts():
    from marsad.pipeline import default_pipeline

    doc = default_pipeline()(article())
    assert all(isinstance(e.location, Place) for e in doc.events if e.location is not None)
    counts = [q for c in doc.claims for q in c.quantities]
    assert counts and all(isinstance(q, Quantity) for q in counts)
    assert any(q.value == 30 for q in counts)
    damascus = [m for m in doc.mentions if m.text == "دمشق"]
    assert damascus and damascus[0].place is not None and damascus[0].place.name_en == "Damascus"
