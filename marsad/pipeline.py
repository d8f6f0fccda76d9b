"""Stages and the pipeline that runs them.

A stage is a small class with one verb (`__call__(doc) -> doc`), a `name`,
and the layers it reads and writes (Stanza's processor requirements, spaCy's
component meta). Layers are `Doc` fields (`marsad.doc.LAYERS`):

- `requires`: layers an earlier stage must have provided;
- `provides`: layers it sets (a layer provided before is replaced: the learned
  event model replaces the rules' events);
- `rewrites`: earlier layers it changes (coreference gives mentions their
  cluster and actor, grounding gives events their place).

`Pipeline` checks the chain when it is built (a missing or misnamed layer is a
PipelineError, not a crash mid-batch), and after each stage it checks,
cheaply, that the layers the stage does not declare were left alone (the same
object, of the same length) and that the article itself is unchanged. A
stage's exception becomes a StageError naming the stage and the article.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from operator import attrgetter
from typing import ClassVar, Protocol

from marsad.doc import ARTICLE_FIELDS, LAYERS, Doc
from marsad.types import ArticleInput
from marsad.version import pipeline_version


class Stage(Protocol):
    """A stage; it may also declare `rewrites` (a tuple of layers; a stage without it rewrites nothing)."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> Doc: ...


# gc.set_threshold for batch runs (generation 0 allocations, then collections
# of the younger generation per older one); Python's default is (700, 10, 10).
BATCH_GC_THRESHOLD = (20_000, 20, 20)
WARM_UP_TEXT = "أعلن الجيش السوري الأربعاء أن 30 مسلحا قتلوا في غارة على الرقة."


class PipelineError(ValueError):
    """A chain of stages that cannot work, or a stage that broke its declared contract."""


class StageError(RuntimeError):
    """A stage failed on an article: names both; the stage's exception is the `__cause__`."""

    def __init__(self, stage: str, article: str, cause: BaseException):
        self.stage, self.article, self.cause = stage, article, cause
        super().__init__(f"stage {stage!r} failed on article {article}: {type(cause).__name__}: {cause}")


def rewrites(stage: Stage) -> tuple[str, ...]:
    """The earlier layers a stage declares it changes."""
    return getattr(stage, "rewrites", ())


def _check_chain(stages: Sequence[Stage]) -> None:
    available: set[str] = set()
    for stage in stages:
        for kind in ("requires", "provides", "rewrites"):
            unknown = [layer for layer in getattr(stage, kind, ()) if layer not in LAYERS]
            if unknown:
                raise PipelineError(f"stage {stage.name!r} {kind} {', '.join(unknown)}, which is not a Doc layer "
                                    f"(the layers: {', '.join(LAYERS)})")
        for verb, layers in (("requires", stage.requires), ("rewrites", rewrites(stage))):
            missing = [layer for layer in layers if layer not in available]
            if missing:
                raise PipelineError(f"stage {stage.name!r} {verb} {', '.join(missing)}, which no earlier stage "
                                    "provides")
        available.update(stage.provides)


class Pipeline:
    """Stages run in order over a `Doc`; the chain is checked when built.

    >>> from marsad.entities.mentions import MentionFinder
    >>> from marsad.text.stages import Sentencizer, Tokenizer
    >>> pipe = Pipeline([Tokenizer(), Sentencizer(), MentionFinder()])
    >>> doc = pipe(ArticleInput(id="a1", title="", text="زار لافروف دمشق. ثم عاد إلى موسكو."))
    >>> len(doc.sentences), [m.text for m in doc.mentions]
    (2, ['لافروف', 'دمشق', 'موسكو'])
    >>> Pipeline([Tokenizer(), MentionFinder()])
    Traceback (most recent call last):
    ...
    marsad.pipeline.PipelineError: stage 'mentions' requires sentences, which no earlier stage provides
    """

    def __init__(self, stages: Sequence[Stage]):
        _check_chain(stages)
        self.stages = tuple(stages)  # fixed: the checks below were made for this chain
        # per stage, the fields it must leave as they were: the article and every undeclared layer
        self._kept = [(*ARTICLE_FIELDS, *(layer for layer in LAYERS
                                          if layer not in stage.provides and layer not in rewrites(stage)))
                      for stage in self.stages]
        # one C call reads them all (the check runs ~25 fields × 13 stages per article)
        self._getters = [attrgetter(*kept) for kept in self._kept]

    @property
    def version(self) -> str:
        """The version its output carries (marsad.version.pipeline_version)."""
        return pipeline_version()

    @classmethod
    def default(cls) -> Pipeline:
        from marsad.claims.claims import ClaimExtractor
        from marsad.entities.coref import Coreferencer
        from marsad.entities.mentions import MentionFinder
        from marsad.events.events import EventExtractor
        from marsad.ground.stage import Grounder
        from marsad.events.acts import ActLinker
        from marsad.learn.claims import ClaimModel
        from marsad.learn.stage import DateModel, EventModel, PlaceModel
        from marsad.names.stage import NameRomaniser
        from marsad.ner.tagger import NerTagger
        from marsad.text.stages import Sentencizer, Tokenizer

        # The rules' events are candidates and features for the learned models (marsad/learn), which
        # decide the events and filter the rules' claims; grounding dates them and proposes places,
        # the place ranker and the date ranker choose; the events of one act are then linked (one
        # act, one event in counts, exports and dedup).
        return cls([Tokenizer(), Sentencizer(), NerTagger(), MentionFinder(), Coreferencer(), NameRomaniser(),
                    ClaimExtractor(), EventExtractor(), EventModel(), ClaimModel(), Grounder(), PlaceModel(),
                    DateModel(), ActLinker()])

    @classmethod
    def rules(cls) -> Pipeline:
        """v0.5.0's pipeline: the hand-written rules decide the events and their places."""
        from marsad.claims.claims import ClaimExtractor
        from marsad.entities.coref import Coreferencer
        from marsad.entities.mentions import MentionFinder
        from marsad.events.events import EventExtractor
        from marsad.ground.stage import Grounder
        from marsad.names.stage import NameRomaniser
        from marsad.ner.tagger import NerTagger
        from marsad.text.stages import Sentencizer, Tokenizer

        return cls([Tokenizer(), Sentencizer(), NerTagger(), MentionFinder(), Coreferencer(), NameRomaniser(),
                    ClaimExtractor(), EventExtractor(), Grounder()])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: ArticleInput | Doc) -> Doc:
        doc = article if isinstance(article, Doc) else Doc.from_input(article)
        for stage, kept, get in zip(self.stages, self._kept, self._getters):
            values = get(doc)
            # a length for what has one (a layer; an article field that is None has -1)
            sizes = [len(v) if isinstance(v, _SIZED) else -1 for v in values]
            try:
                out = stage(doc)
            except Exception as exc:
                raise StageError(stage.name, doc.id, exc) from exc
            if not isinstance(out, Doc):
                raise PipelineError(f"stage {stage.name!r} returned {type(out).__name__}, not a Doc, "
                                    f"on article {doc.id}")
            for f, value, size, now in zip(kept, values, sizes, get(out)):
                if now is not value or (len(now) if isinstance(now, _SIZED) else -1) != size:
                    raise PipelineError(f"stage {stage.name!r} changed {f!r} on article {doc.id} but does not "
                                        f"declare it (provides: {', '.join(stage.provides) or 'nothing'}; "
                                        f"rewrites: {', '.join(rewrites(stage)) or 'nothing'})")
            doc = out
            doc.done.update(stage.provides)
        return doc

    def pipe(self, articles: Iterable[ArticleInput]) -> Iterator[Doc]:
        for article in articles:
            yield self(article)

    def warm_up(self, freeze: bool = False) -> None:
        """Load every resource now (lexicons, actor base, gazetteer) by running
        a small article. With `freeze`, move everything loaded so far out of
        the garbage collector's reach (gc.freeze): long batch runs then stop
        re-scanning the ~10^5 resource objects on each full collection, which
        costs ~15% of throughput; and collect the youngest generation every
        BATCH_GC_THRESHOLD allocations instead of 700: an article's objects
        mostly die by reference counting within the article, so fewer young
        collections find the same garbage (~1.5% of the instructions of a
        warm pass). Batch entry points use it; the library API leaves the
        process's GC alone."""
        self(ArticleInput(id="warm-up", title="", text=WARM_UP_TEXT, date="2018-01-01"))
        if freeze:
            gc.collect()
            gc.freeze()
            gc.set_threshold(*BATCH_GC_THRESHOLD)


_SIZED = (list, tuple, set, str)  # what has a length among layers and article fields


@cache
def default_pipeline() -> Pipeline:
    """The shared default pipeline (built once; stages hold only read-only data)."""
    return Pipeline.default()


def extraction_failure(exc: Exception) -> str:
    """How a batch reports an article the pipeline failed on (after `error: ORIGIN: `)."""
    if isinstance(exc, StageError):
        return f"stage {exc.stage!r} failed on article {exc.article} ({type(exc.cause).__name__}: {exc.cause})"
    return f"extraction failed ({type(exc).__name__}: {exc})"
