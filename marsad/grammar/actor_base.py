"""The actor base: curated actors with Arabic aliases, titles and head nouns.

Data lives in resources/actors.tsv and resources/heads.tsv (format in
resources/FORMATS.md); this module only indexes it and derives state actors
such as "Military of Russia" from a country and a sector.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.grammar.phrase_index import PhraseIndex, phrase_key
from marsad.grammar.words import function_words
from marsad.resources import path, read_tsv
from marsad.types import Actor

HEAD_FILES = ("heads.tsv", "heads_more.tsv")
SECTOR_NAMES = {
    "GOV": "{}",
    "MIL": "Military of {}",
    "COP": "Police of {}",
    "SPY": "Intelligence of {}",
    "LEG": "Parliament of {}",
    "JUD": "Judiciary of {}",
}


@dataclass(frozen=True, slots=True)
class Alias:
    actor_id: str
    kind: str  # GPE ORG PER NORP LOC MISC


@dataclass(frozen=True, slots=True)
class Head:
    text: str
    kind: str  # PER (a title) or ORG (an institution / group noun)
    sector: str | None
    name_en: str
    role: str = ""  # the heads table's `role`: statement, source, victim or ""


class ActorBase:
    def __init__(self, actor_rows: list[dict[str, str]], head_rows: list[dict[str, str]],
                 ambiguous: set[str]):
        self.actors: dict[str, Actor] = {}
        self.names: PhraseIndex[Alias] = PhraseIndex()
        self.heads: PhraseIndex[Head] = PhraseIndex()
        self.country_names: dict[str, str] = {}
        # a head's English name -> its role: the actor a head alone names carries only that name
        self.head_roles: dict[str, str] = {}
        self.ambiguous = ambiguous
        # A one-word entry that folds to a function word (إمام → امام = أمام) would fire everywhere.
        stop = function_words()
        for row in actor_rows:
            aid = row["id"]
            if aid not in self.actors:
                self.actors[aid] = Actor(aid, row["name_en"], row.get("country") or None, row.get("sector") or None)
            if aid.endswith("-GOV") and row.get("country") and aid[:3] == row["country"]:
                self.country_names.setdefault(row["country"], row["name_en"])
            for alias in row.get("aliases_ar", "").split("|"):
                key = phrase_key(alias)
                if key and not (len(key) == 1 and key[0] in stop):
                    self.names.add(alias, Alias(aid, row["kind"]))
        for row in head_rows:
            role = row.get("role", "")
            if self.head_roles.setdefault(row.get("name_en", ""), role) != role:
                raise ValueError(f"heads: {row.get('name_en')!r} has two roles")
            for form in row["head_ar"].split("|"):
                key = phrase_key(form)
                if key and not (len(key) == 1 and key[0] in stop):
                    self.heads.add(form.strip(), Head(form.strip(), row["kind"], row.get("sector") or None,
                                                      row.get("name_en", ""), role))

    @classmethod
    @cache
    def load(cls) -> ActorBase:
        ambiguous = {" ".join(phrase_key(r["alias"])) for r in read_tsv("ambiguous.tsv")}
        actors = read_tsv("actors.tsv") if path("actors.tsv").exists() else []
        heads = [row for name in HEAD_FILES if path(name).exists() for row in read_tsv(name)]
        return cls(actors, heads, ambiguous)

    def state_actor(self, country: str, sector: str | None) -> Actor:
        """The actor for a state's sector, from the base or derived by name."""
        sector = sector or "GOV"
        known = self.actors.get(f"{country}-{sector}")
        if known:
            return known
        cname = self.country_names.get(country, country)
        template = SECTOR_NAMES.get(sector, "{} (" + sector + ")")
        return Actor(f"{country}-{sector}", template.format(cname), country, sector)


def head_role(actor: Actor | None) -> str:
    """The heads table's `role` of an actor a head noun alone names (no id):
    `statement` (بيان: speaks for its issuer, does not act), `source` (مصادر:
    reports, does not act), `victim` (مدنيين، متهمين: acted upon), else ""."""
    if actor is None or actor.id is not None:
        return ""
    return ActorBase.load().head_roles.get(actor.name_en, "")


@cache
def military_coalitions() -> frozenset[str]:
    """Ids of the coalitions and alliances that fight (resources/military_coalitions.tsv)."""
    return frozenset(row["id"] for row in read_tsv("military_coalitions.tsv"))
