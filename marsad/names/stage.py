"""The `names` stage: English names for the persons the actor base does not know.

A linked entity has its actor's `name_en`; a person mention that holds a
personal name and no known actor (`الجنرال البريطاني فيليكس غيدني`) gets the
romaniser's spelling in `Mention.name_en` (Felix Gedney). It runs after
coreference, which decides which persons are linked (a short form takes its
cluster's actor).
"""
from __future__ import annotations

from marsad.doc import Doc
from marsad.names.romanize import romanize_name
from marsad.types import evolve


class NameRomaniser:
    name = "names"
    requires = ("mentions", "clusters")
    provides: tuple[str, ...] = ()
    rewrites = ("mentions",)

    def __call__(self, doc: Doc) -> Doc:
        out = []
        for m in doc.mentions:
            name = m.person_name()
            if name:
                m = evolve(m, name_en=romanize_name(name) or None)
            out.append(m)
        doc.mentions = out
        return doc
