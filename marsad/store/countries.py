"""Country values of the queries (`--country Yemen`, `--country اليمن`, `--country yem` → YEM),
from Marsad's own tables: the gazetteer's country rows (their English name and every Arabic name
the gazetteer gives them) and the actor base's states (the English name of each `XXX-GOV`)."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache

from marsad.text.normalize import fold

SUGGESTIONS = 3


@dataclass(frozen=True, slots=True)
class Countries:
    names: dict[str, str]  # ISO3 -> English name
    keys: dict[str, str]   # lower-cased English or folded Arabic name -> ISO3

    @classmethod
    @cache
    def load(cls) -> Countries:
        from marsad.grammar.actor_base import ActorBase
        from marsad.ground.places import Gazetteer

        gaz = Gazetteer.load()
        names: dict[str, str] = {}
        keys: dict[str, str] = {}
        for place in gaz.places:
            if place.feature == "country" and place.country:
                names.setdefault(place.country, place.name_en)
                keys.setdefault(place.name_en.lower(), place.country)
        for first, by_len in gaz.index.items():
            for _n, entries in by_len:
                for rest, ids in entries.items():
                    codes = {gaz.places[i].country for i in ids if gaz.places[i].feature == "country"}
                    if len(codes) == 1:
                        keys.setdefault(fold(" ".join((first, *rest))), codes.pop())
        for code, name in ActorBase.load().country_names.items():
            names.setdefault(code, name)
            keys.setdefault(name.lower(), code)
        # places of a country the gazetteer has no country row for still carry its code
        for place in gaz.places:
            if place.country:
                names.setdefault(place.country, place.country)
        return cls(names, keys)

    def resolve(self, value: str) -> str | None:
        """The ISO3 code `value` names (a code, or an English or Arabic name), or None.

        >>> c = Countries.load()
        >>> c.resolve("Yemen"), c.resolve("اليمن"), c.resolve("yem"), c.resolve("Atlantis")
        ('YEM', 'YEM', 'YEM', None)
        """
        text = " ".join(value.split())
        if text.upper() in self.names:
            return text.upper()
        return self.keys.get(text.lower()) or self.keys.get(fold(text))

    def suggest(self, value: str) -> list[str]:
        """`CODE (Name)` of the countries whose name or code is closest to `value`."""
        text = " ".join(value.split())
        found = difflib.get_close_matches(text.lower(), list(self.keys), n=SUGGESTIONS, cutoff=0.75)
        found += difflib.get_close_matches(fold(text), list(self.keys), n=SUGGESTIONS, cutoff=0.75)
        codes = list(dict.fromkeys(self.keys[k] for k in found))
        if len(text) == 3:
            codes += [c for c in difflib.get_close_matches(text.upper(), list(self.names), n=SUGGESTIONS, cutoff=0.6)
                      if c not in codes]
        return [f"{c} ({self.names[c]})" for c in codes[:SUGGESTIONS]]
