"""Marsad: Arabic news to sourced, structured political and conflict events.

    >>> import marsad
    >>> doc = marsad.extract("اتهمت روسيا الولايات المتحدة بدعم الإرهاب", date="2018-01-01")
    >>> event = doc.events[0]
    >>> event.type, event.source.text, event.target.text, event.target.actor.name_en
    ('ACCUSE', 'روسيا', 'الولايات المتحدة', 'United States')
"""
from __future__ import annotations

__version__ = "0.5.0"


def extract(text: str, *, title: str = "", date: str | None = None, id: str | None = None,
            source: str | None = None, url: str | None = None):
    """Run the default pipeline on one article body and return its `Doc`.

    `text` must be a string and `date` a day YYYY-MM-DD (or None); anything else is a
    TypeError / ValueError naming the argument.
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

    return default_pipeline()(ArticleInput(id=id, title=title, text=text, date=date, source=source, url=url))


__all__ = ["__version__", "extract"]
