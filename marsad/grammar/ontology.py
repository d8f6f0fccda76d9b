"""The 16 PLOVER event types (output contract) and their quad classes."""
from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Types an actor can do alone (annotation guide): no target is expected.
SOLO_TYPES = frozenset({"PROTEST", "MOBILIZE", "RETREAT"})
