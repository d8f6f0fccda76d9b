"""Passive readings of undiacritised verbs and the agent a passive names.

`قتل 13 شخصا` is قُتل (passive), `اعتقل شخصان` too; `على يد X`، `من قبل X`،
`برصاص X` after a passive verb name who did it.
"""
from __future__ import annotations

from marsad.grammar.agreement import verb_gender
from marsad.doc import Doc
from marsad.events.context import is_attack_noun
from marsad.grammar.triggers import Trigger
from marsad.grammar.phrase_index import Match
from marsad.resources import grammar_words
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.predicates import is_count
from marsad.text.clitics import lookup_keys
from marsad.types import Mention

OBJECT_WINDOW = 10
PASSIVE_AGENT_WORDS = grammar_words("passive_agent_words")  # على يد X، برصاص X
ADJUNCT_STARTS = grammar_words("adjunct_starts")
CLAUSE_ENDS = frozenset({".", "؛", '"', "»", "”"})  # not commas: an adjunct may stand before the object


def reads_passive(doc: Doc, mmap: MentionMap, m: Match[Trigger], trig: Trigger,
                   clause: tuple[int, int]) -> bool:
    """Undiacritised `قتل 13 شخصا` / `اعتقل عشرات المحتجين`: a violent verb
    followed by a count or by victims reads as passive (قُتل) — unless an
    actor stands right before it (`وكان الجيش هاجم عشرات المواقع`)."""
    if trig.type not in ("ASSAULT", "COERCE") or m.end >= len(doc.tokens):
        return False
    nxt = doc.tokens[m.end]
    if "obj" in trig.target and m.end - m.start == 1 and (nxt.text in CLAUSE_ENDS or nxt.norm in ADJUNCT_STARTS
                                                          or nxt.norm == "من" and verb_gender(doc.tokens[m.start]) == "p"):
        # أن خاشقجي قتل داخل القنصلية، مقاتلي داعش الذين طردوا من الرقة: a transitive verb
        # with no object is passive
        return True
    if mmap.subject_before(m.start, clause[0]) or mmap.kana_subject(m.start, clause[0]):
        return False
    # وأوقف خلالها أكثر من 50 ألف شخص: past a pronoun adverbial (counts are adverbials too)
    j = m.end if is_count(nxt) else mmap.skip_adverbials(m.end, clause[1])
    nxt = doc.tokens[j] if j < len(doc.tokens) else nxt
    if is_count(nxt) and verb_gender(doc.tokens[m.start]) not in ("f", "p"):
        return True  # قتل 13 شخصا (but اعتقلت عشرات، قتلوا العشرات: she, they did it)
    victim = mmap.starts.get(j)
    # قتل ضابط شرطة، اعتقل ناشطون: a generic person right after the verb is its victim
    return bool(victim and victim.actor and victim.actor.id is None
                and (victim.actor.sector == "CVL" or victim.label == "PER" and victim.rule == "head"))


def passive_agent(doc: Doc, mmap: MentionMap, i: int, end: int) -> Mention | None:
    """`على يد X`، `من قبل X`، `برصاص X` after a passive verb name the agent."""
    for j in range(i, min(end, i + OBJECT_WINDOW)):
        tok = doc.tokens[j]
        if j + 1 in mmap.starts and (tok.norm in PASSIVE_AGENT_WORDS or tok.stem in PASSIVE_AGENT_WORDS
                                     or any(k in PASSIVE_AGENT_WORDS for k in lookup_keys(tok.light))):
            return mmap.starts[j + 1]
        if "ب" in tok.prefix and j not in mmap.starts and is_attack_noun(doc, j, end):
            behind = mmap.actor_behind(j, end)  # بغارة جوية للتحالف العربي
            if behind is not None:
                return behind
    return None
