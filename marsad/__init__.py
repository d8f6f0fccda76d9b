"""Marsad: Arabic news to sourced, structured political and conflict events.

One call runs the default pipeline on an article and returns its `Doc`, which
holds the raw text and every layer the stages add (tokens, sentences, entity
mentions, claims, PLOVER events with their dates, places and counts):

    >>> import marsad
    >>> doc = marsad.extract("اتهمت روسيا الولايات المتحدة بدعم الإرهاب", date="2018-01-01")
    >>> event = doc.events[0]
    >>> event.type, event.source.text, event.target.text, event.target.actor.name_en
    ('ACCUSE', 'روسيا', 'الولايات المتحدة', 'United States')
    >>> doc.text[event.trigger.start:event.trigger.end]
    'اتهمت'
    >>> sorted(doc.to_dict())[:4]  # the output contract's record
    ['claims', 'date', 'entities', 'events']

The public API is what this module exports (`marsad.__all__`): `extract`, `Pipeline` (with
`PipelineError`, `StageError`), the record types (`Doc`, `Event`, `Claim`, `Mention`, `Place`,
`Quantity` …) and `open_store`. They load on first use, so `import marsad` is cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.11.0"

if TYPE_CHECKING:
    from marsad.doc import Doc
    from marsad.pipeline import Pipeline, PipelineError, StageError
    from marsad.store.base import Store, open_store
    from marsad.types import (
        Actor, ArticleInput, Attribution, Claim, DateValue, Event, Mention, NerSpan, Place, Quantity, Sentence, Span,
        Token,
    )

# public name -> the module that defines it (imported on first use: PEP 562)
_EXPORTS = {
    "Pipeline": "marsad.pipeline", "PipelineError": "marsad.pipeline", "StageError": "marsad.pipeline",
    "Doc": "marsad.doc", "open_store": "marsad.store.base", "Store": "marsad.store.base",
    **{name: "marsad.types" for name in ("ArticleInput", "Actor", "Attribution", "Claim", "DateValue", "Event",
                                         "Mention", "NerSpan", "Place", "Quantity", "Sentence", "Span", "Token")},
}


def extract(text: str, *, title: str = "", date: str | None = None, id: str | None = None,  # noqa: A002
            source: str | None = None, url: str | None = None, pipeline: Pipeline | None = None) -> Doc:
    """Run the default pipeline (or `pipeline`, e.g. `Pipeline.rules()`: v0.5.0's rules alone) on
    one article body and return its `Doc`.

    `text` must be a string and `date` a day YYYY-MM-DD (or None); anything else is a
    TypeError / ValueError naming the argument. The date anchors relative dates
    (أمس، الأربعاء); an article without one leaves them unresolved. An article without
    an `id` gets a stable one from its text.

    >>> doc = extract("قال الجيش إن 30 مسلحا قتلوا أمس في غارة على الرقة.", date="2018-03-07")
    >>> claim = doc.claims[0]
    >>> claim.speaker.text, claim.cue.text, [q.value for q in claim.quantities], claim.date.value
    ('الجيش', 'قال', [30], '2018-03-06')
    >>> strike = doc.events[0]
    >>> strike.type, strike.location.name_en, strike.location.country
    ('ASSAULT', 'Ar Raqqah', 'SYR')
    >>> doc.id.startswith("sha1:")
    True
    """
    from marsad.options import article_date
    from marsad.pipeline import default_pipeline
    from marsad.types import ArticleInput

    if not isinstance(text, str):
        raise TypeError(f"marsad.extract: text must be a str, not {type(text).__name__}")
    for name, value in (("title", title), ("id", id), ("source", source), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"marsad.extract: {name} must be a str or None, not {type(value).__name__}")
    date = article_date(date, "marsad.extract: date")

    run = pipeline if pipeline is not None else default_pipeline()
    return run(ArticleInput(id=id, title=title, text=text, date=date, source=source, url=url))


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'marsad' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = ["__version__", "extract", *_EXPORTS]
