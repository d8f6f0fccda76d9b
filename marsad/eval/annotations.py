"""Annotated articles: joining annotation files to their texts, and scoring one annotator as a system.

Annotation files hold no article text (the outlets keep their copyright): each line is
`{"id", "text_sha1", "events", "claims"}` in the gold-file format, and the text is joined
from `../shared/data/corpora/` at load time by id, checked against the hash.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

ARABIC_RE = re.compile(r"[\u0600-\u06FF]")


class AnnotationError(ValueError):
    pass


def text_hash(text: str) -> str:
    """The hash that ties an annotation to the exact text it was made on."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def split_of(article_id: str) -> str:
    """The fixed split of an annotated article: 'test' for one id in five (by its SHA-1), else 'train'.

    >>> split_of("ant2:AL-internationalNews-100-20180219"), split_of("ant2:AL-internationalNews-102-20180219")
    ('test', 'train')
    """
    return "test" if int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "train"


def read_jsonl(path: str | Path) -> Iterator[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise AnnotationError(f"{path}:{n}: invalid JSON ({exc.msg})") from None


def articles_by_id(paths: Iterable[str | Path]) -> dict[str, dict]:
    return {r["id"]: r for p in paths for r in read_jsonl(p)}


def join_texts(annotations: Iterable[dict], articles: dict[str, dict]) -> Iterator[dict]:
    """Gold-file rows: each annotation with its article's fields; a changed or missing text is an error."""
    for ann in annotations:
        art = articles.get(ann["id"])
        if art is None:
            raise AnnotationError(f"{ann['id']}: no such article in the corpora")
        if ann.get("text_sha1") and ann["text_sha1"] != text_hash(art["text"]):
            raise AnnotationError(f"{ann['id']}: the article's text changed since it was annotated")
        yield {**{k: art.get(k) for k in ("id", "title", "date", "source", "url", "text")},
               "events": ann.get("events", []), "claims": ann.get("claims", [])}


def _name_span(names: list[str] | None, text: str, near: int) -> dict | None:
    """A system-style role span from an annotator's list of names: the Arabic name found
    closest to the item's evidence, with the first Latin name as its English name."""
    if not names:
        return None
    english = next((n for n in names if not ARABIC_RE.search(n)), None)
    best = None
    for name in names:
        if not ARABIC_RE.search(name):
            continue
        for m in re.finditer(re.escape(name), text):
            d = abs(m.start() - near)
            if best is None or d < best[0]:
                best = (d, m.start(), m.end())
    if best is None:
        return {"text": names[0], "actor": {"name_en": english}}
    return {"start": best[1], "end": best[2], "text": text[best[1]:best[2]], "actor": {"name_en": english}}


def as_system_record(row: dict, sentences: list[dict]) -> dict:
    """One annotated article as if a system had produced it, for `marsad.eval.scoring.score`:
    each item's trigger/cue is the start of its evidence; roles are the annotator's names."""
    text = row["text"]

    def anchor(evidence: str) -> dict:
        pos = text.find(evidence)
        return {"start": pos, "end": pos + len(evidence), "text": evidence}

    events = []
    for e in row.get("events", []):
        a = anchor(e.get("evidence", ""))
        place = e.get("place")
        events.append({
            "type": e["type"], "trigger": a,
            "source": _name_span(e.get("source"), text, a["start"]),
            "target": _name_span(e.get("target"), text, a["start"]),
            "date": {"value": e.get("date"), "precision": "day" if e.get("date") else "unknown"},
            "location": _name_span(place, text, a["start"]) | {"name_en": next(
                (n for n in place if not ARABIC_RE.search(n)), None)} if place else None,
            "hedged": e.get("hedged", False), "negated": e.get("negated", False), "required": e.get("required", True)})
    claims = []
    for c in row.get("claims", []):
        a = anchor(c.get("evidence", ""))
        q = c.get("quantity")
        claims.append({"cue": a, "speaker": _name_span(c.get("speaker"), text, a["start"]),
                       "date": {"value": c.get("date"), "precision": "day" if c.get("date") else "unknown"},
                       "quantities": [q] if q else [], "required": c.get("required", True)})
    return {"id": row["id"], "text": text, "sentences": sentences, "events": events, "claims": claims}
