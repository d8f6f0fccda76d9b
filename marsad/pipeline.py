"""Stages and the pipeline that runs them.

A stage is a small class with one verb (`__call__(doc) -> doc`), a `name`,
the layers it `requires` and the layers it `provides` (Stanza's processor
requirements, spaCy's component meta). `Pipeline` checks the chain when it is
built, so a missing stage is a clear error, not a crash mid-batch.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import ClassVar, Protocol

from marsad import __version__
from marsad.doc import Doc
from marsad.types import ArticleInput


class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> Doc: ...


# gc.set_threshold for batch runs (generation 0 allocations, then collections
# of the younger generation per older one); Python's default is (700, 10, 10).
BATCH_GC_THRESHOLD = (20_000, 20, 20)
WARM_UP_TEXT = "أعلن الجيش السوري الأربعاء أن 30 مسلحا قتلوا في غارة على الرقة."


class PipelineError(ValueError):
    pass


class Pipeline:
    def __init__(self, stages: Sequence[Stage]):
        available: set[str] = set()
        for stage in stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides"
                )
            available.update(stage.provides)
        self.stages = list(stages)
        self.version = __version__

    @classmethod
    def default(cls) -> Pipeline:
        from marsad.claims.claims import ClaimExtractor
        from marsad.entities.coref import Coreferencer
        from marsad.entities.mentions import MentionFinder
        from marsad.events.events import EventExtractor
        from marsad.ground.stage import Grounder
        from marsad.ner.tagger import NerTagger
        from marsad.text.stages import Sentencizer, Tokenizer

        return cls([Tokenizer(), Sentencizer(), NerTagger(), MentionFinder(), Coreferencer(), ClaimExtractor(),
                    EventExtractor(), Grounder()])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: ArticleInput | Doc) -> Doc:
        doc = article if isinstance(article, Doc) else Doc.from_input(article)
        for stage in self.stages:
            doc = stage(doc)
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


@cache
def default_pipeline() -> Pipeline:
    """The shared default pipeline (built once; stages hold only read-only data)."""
    return Pipeline.default()
