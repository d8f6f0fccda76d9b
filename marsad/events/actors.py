"""Who can act, and who a pronoun or an agentless act refers back to.

Speakers and statements report but do not act; counted civilians are
victims; a verb's pronoun subject is the latest earlier subject it agrees with.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from marsad.grammar.agreement import agrees, mention_gender
from marsad.doc import Doc
from marsad.resources import grammar_words
from marsad.grammar.actor_base import head_role, military_coalitions
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.words import COMPLEMENTIZERS, prepositions
from marsad.text.normalize import fold
from marsad.types import Mention, Token

NON_AGENT_ROLES = frozenset({"statement", "source"})  # statements and sources speak but do not act
REPORTER_HEADS = grammar_words("reporter_heads")


def can_act(m: Mention) -> bool:
    """Statements and those who only report (مصادر عسكرية، ناشطون) are no agents."""
    return not (m.actor and m.actor.id is None and (head_role(m.actor) in NON_AGENT_ROLES
                                                    or fold(m.text.split()[0]) in REPORTER_HEADS))


def is_victim(m: Mention) -> bool:
    """A generic civilian head (مدنيين، شخصا، قتلى، متهمين) with no named actor."""
    return head_role(m.actor) == "victim"


def has_actor(m: Mention | None) -> bool:
    return m is not None and m.rule != "phrase"


SUFFIX_GENDER = {"ه": "m", "ها": "f", "هم": "p"}
CARRY_BACK = 6  # how many earlier subjects a pronoun may reach past


def recent_subjects(subjects: list[tuple[int, Mention]], i: int) -> Iterator[Mention]:
    """The subjects before token i that a pronoun may reach, latest first."""
    k = bisect_right(subjects, i, key=lambda x: x[0])
    for n in range(k - 1, max(-1, k - 1 - CARRY_BACK), -1):
        yield subjects[n][1]


def carried(subjects: list[tuple[int, Mention]], i: int, gender: str | None,
            tokens: list[Token]) -> Mention | None:
    """The latest earlier subject the verb's pronoun agrees with."""
    for m in recent_subjects(subjects, i):
        if agrees(gender, mention_gender(m, tokens), pronoun=True):
            return m
    k = bisect_right(subjects, i, key=lambda x: x[0])
    return subjects[k - 1][1] if k else None


def carried_other(subjects: list[tuple[int, Mention]], i: int, gender: str | None,
                  tokens: list[Token], other: Mention | None) -> Mention | None:
    """The latest earlier subject the verb's pronoun agrees with that is not
    the actor of `other` (the verb's object)."""
    excluded = actor_key(other)
    return next((m for m in recent_subjects(subjects, i) if actor_key(m) != excluded
                 and agrees(gender, mention_gender(m, tokens), pronoun=True)), None)


def same_actor(a: Mention | None, b: Mention | None) -> bool:
    """Whether two mentions are linked to one actor of the actor base."""
    return bool(a and b and a.actor and b.actor and a.actor.id and a.actor.id == b.actor.id)


ARMED_SECTORS = frozenset({"MIL", "REB", "IMG", "UAF", "COP", "SPY"})


AIR_SECTORS = frozenset({"MIL"})


def is_military_coalition(m: Mention) -> bool:
    """A coalition or alliance that fights (التحالف العربي، التحالف الدولي، الناتو)."""
    return bool(m.actor and m.actor.id in military_coalitions())


def carried_armed(subjects: list[tuple[int, Mention]], i: int, others: list[Mention | None],
                  aerial: bool = False) -> Mention | None:
    """The latest earlier subject that is an armed actor and none of `others`
    (the target, the speaker who reports the act). Air strikes are flown by
    armies and military coalitions, not by militias or rebels."""
    excluded = {actor_key(o) for o in others if o is not None}
    sectors = AIR_SECTORS if aerial else ARMED_SECTORS
    return next((m for m in recent_subjects(subjects, i)
                 if m.actor and (m.actor.sector in sectors or is_military_coalition(m))
                 and not (aerial and m.label == "PER")  # a commander does not fly the strikes himself
                 and actor_key(m) not in excluded), None)


def actor_key(m: Mention | None) -> str | None:
    if m is None:
        return None
    return (m.actor.id or m.actor.name_en) if m.actor else m.text


TOPIC_WINDOW = 4
DATELINE_REACH = 12  # دبي، الإمارات العربية المتحدة (CNN)--
DASHES = frozenset({"-", "--", "—", "–"})


def dateline_end(doc: Doc, a: int, b: int) -> int:
    """Where the text of the sentence at a..b starts after a dateline
    (`القاهرة، مصر (CNN) --`، `بيروت (أ ف ب) -`): the place names the
    agency's desk, not the subject of what follows."""
    tokens = doc.tokens
    end = min(b - 1, a + DATELINE_REACH)
    if end <= a + 1 or ")" not in doc.text[tokens[a].start:tokens[end].end]:
        return a  # no closing bracket near the start: the usual case
    for j in range(a + 1, end):
        if tokens[j].text == ")" and tokens[j + 1].text in DASHES:
            k = j + 1
            while k < b and tokens[k].text in DASHES:
                k += 1
            return k
    return a


TOPIC_PREPOSITIONS = prepositions("ب", "ل", "في", "من", "على", "الى", "عن")


def topics(doc: Doc, mmap: MentionMap) -> list[tuple[int, Mention]]:
    """The actor near the start of each sentence (`أصدر مجلس الأمن بيانا…`):
    the usual subject of what follows when verbs carry it as a pronoun."""
    out = []
    for sent in doc.sentences:
        a, b = sent.tokens
        a = dateline_end(doc, a, b)
        for j in range(a, min(b, a + TOPIC_WINDOW)):
            m = mmap.starts.get(j)
            if m and m.label != "NORP" and can_act(m) and not mmap.introduced_by(j, TOPIC_PREPOSITIONS):
                out.append((j, m))
                break
    # أن قوات الجيش اليمني تقدمت… وسيطرت: the actor right after a complementiser is a subject
    # (looked up from the mentions, fewer than the tokens)
    taken = {j for j, _ in out}
    out.extend((k, m) for k, m in mmap.starts.items() if k > 0 and k not in taken
               and doc.tokens[k - 1].norm in COMPLEMENTIZERS and m.label != "NORP" and can_act(m)
               and not mmap.introduced_by(k, TOPIC_PREPOSITIONS))
    return sorted(out, key=lambda x: x[0])
