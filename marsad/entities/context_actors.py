"""Actors that depend on the article's subject (resources/context_aliases.tsv):
bare "التحالف" is the Saudi-led coalition in news on Yemen and the coalition
against ISIS in news on Syria and Iraq."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.doc import Doc
from marsad.grammar.actor_base import ActorBase
from marsad.resources import read_tsv
from marsad.text.normalize import fold
from marsad.types import Mention, evolve


@dataclass(frozen=True, slots=True)
class ContextAlias:
    alias: str  # folded last word of the mention
    default: str
    actor: str
    context: frozenset[str]  # actor ids or countries that point to `actor`
    rival: frozenset[str]  # … and those that point to `default`


@cache
def context_aliases() -> tuple[ContextAlias, ...]:
    return tuple(ContextAlias(fold(r["alias"]), r["default"], r["actor"], frozenset(r["context"].split("|")),
                              frozenset(r["rival"].split("|"))) for r in read_tsv("context_aliases.tsv"))


def _votes(mentions: list[Mention], keys: frozenset[str]) -> int:
    return sum(1 for m in mentions if m.actor is not None and (m.actor.id in keys or m.actor.country in keys))


def by_context(doc: Doc, mentions: list[Mention], base: ActorBase) -> list[Mention]:
    """Mentions of a context alias resolved by the article's other mentions."""
    out = mentions
    for rule in context_aliases():
        hits = [i for i, m in enumerate(out) if m.actor is not None and m.actor.id == rule.default
                and doc.tokens[m.tokens[1] - 1].key == rule.alias]
        if not hits or rule.actor not in base.actors:
            continue
        hit = set(hits)
        others = [m for i, m in enumerate(out) if i not in hit]
        if _votes(others, rule.context) > _votes(others, rule.rival):
            actor = base.actors[rule.actor]
            out = [evolve(m, actor=actor) if i in hit else m for i, m in enumerate(out)]
    return out
