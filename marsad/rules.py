"""Rules as ordered, named tables.

A rule table is a tuple of `Rule`s run in order over a small state object.
Each rule is a plain function with a docstring and an example: it reads the
state, may change it, and returns whether it fired. The runner records the
name of every rule that fires in the state's `fired` list and stops when a
rule sets `stop` (the item is dropped, or settled). The names are what
`marsad extract --explain` prints and what learned models read as features.

    >>> from dataclasses import dataclass, field
    >>> @dataclass
    ... class Count:
    ...     n: int
    ...     fired: list[str] = field(default_factory=list)
    ...     stop: bool = False
    >>> def double_small(st: Count) -> bool:
    ...     '''2 → 4: a small number doubles.'''
    ...     if st.n < 10:
    ...         st.n *= 2
    ...         return True
    ...     return False
    >>> run(table(double_small), Count(2)).fired
    ['double-small']

Nothing here imports from marsad: any layer may use it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


class Traced(Protocol):
    """A rule state: the names of the rules that fired, and whether to stop."""

    fired: list[str]
    stop: bool


S = TypeVar("S")
T = TypeVar("T", bound=Traced)


@dataclass(frozen=True, slots=True)
class Rule(Generic[S]):
    """One named rule: `run(state)` changes the state and says whether it fired."""

    name: str
    run: Callable[[S], bool]

    @property
    def doc(self) -> str:
        return (self.run.__doc__ or "").strip()


def rule_name(fn: Callable) -> str:
    """A rule's name from its function's: `object_after` → `object-after`
    (`victim_of_cause_rule` → `victim-of-cause`: the suffix only keeps the
    function apart from the helper it calls)."""
    return fn.__name__.removesuffix("_rule").strip("_").replace("_", "-")


def table(*fns: Callable[[S], bool]) -> tuple[Rule[S], ...]:
    """An ordered rule table, each rule named after its function."""
    rules = tuple(Rule(rule_name(fn), fn) for fn in fns)
    assert len({r.name for r in rules}) == len(rules), "rule names in a table are unique"
    return rules


def names(rules: Sequence[Rule]) -> list[str]:
    """The rule names of a table, in order."""
    return [r.name for r in rules]


def run(rules: Sequence[Rule[T]], state: T) -> T:
    """Run the rules in order over `state`, recording each that fires, until
    one sets `state.stop`."""
    fired = state.fired
    for rule in rules:
        at = len(fired)
        if rule.run(state):
            fired.insert(at, rule.name)  # before the names of any rules it ran itself
            if state.stop:
                break
    return state
