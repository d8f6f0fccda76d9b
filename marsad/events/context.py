"""Words around a trigger that tell its roles: light verbs (شنت … هجوما),
exposure (تعرض لـ), act adjectives, participles, verbal nouns, agent phrases.
"""
from __future__ import annotations

from functools import cache, lru_cache

from marsad.grammar.agreement import agrees, mention_gender, verb_gender
from marsad.doc import Doc
from marsad.events.actors import can_act, is_victim
from marsad.grammar.triggers import trigger_indexes
from marsad.resources import grammar_words, read_words
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.predicates import adjective_like, is_count, participle, prep_clitic
from marsad.grammar.words import (
    AGENT_PHRASES,
    ALL_PREPOSITIONS,
    COMPLEMENTIZERS,
    PREPOSITION_WORDS,
    QUOTE_MARKS,
    STATEMENT_NOUNS,
    adverbials,
    light_verbs,
    prepositions,
)
from marsad.text.clitics import lookup_keys, verb_keys
from marsad.text.normalize import fold
from marsad.types import Event, Mention, Token


GOVERNED_REACH = 2  # اتهم X Y بتدريب: the noun follows the verb's object closely


def governing_event(doc: Doc, i: int, clause: tuple[int, int], earlier: list[Event]) -> Event | None:
    """The verb event whose `بـ`/`لـ` complement the noun at token i is."""
    tok = doc.tokens[i]
    if "ب" not in tok.prefix and "ل" not in tok.prefix:
        return None
    for ev in reversed(earlier):
        if ev.target is not None and ev.rule.startswith("verb") and doc.tokens[clause[0]].start <= ev.trigger.start \
                and ev.target.tokens[1] <= i <= ev.target.tokens[1] + GOVERNED_REACH:
            return ev
    return None


LIGHT_VERB_REACH = 4  # شنت قوات الجيش اليمني هجوما: verb, subject, then the noun


@lru_cache(maxsize=50_000)
def light_verb_word(light: str) -> bool:
    """Whether a word is a light verb, also with a pronoun object (تشنها)."""
    lv = light_verbs()
    return any(k in lv for k in verb_keys(light))


def is_light_verb(tok: Token) -> bool:
    facts = tok.form.facts  # per word form: the answer is kept there
    found = facts.get(_light_verb_key())
    if found is None:
        found = facts[_light_verb_key()] = tok.reads_as(light_verbs()) or (tok.is_word and light_verb_word(tok.light))
    return found  # type: ignore[return-value]


@cache
def _light_verb_key() -> object:
    """The key of `is_light_verb` in a word form's facts."""
    return object()


def light_verb_before(doc: Doc, i: int, clause_start: int) -> int | None:
    """Token index of a light verb shortly before the event noun at i."""
    tokens, key = doc.tokens, _light_verb_key()
    for j in range(i - 1, max(clause_start, i - 1 - LIGHT_VERB_REACH * 2) - 1, -1):
        found = tokens[j].form.facts.get(key)  # is_light_verb's answer, read inline: up to 8 words per noun
        if found or found is None and is_light_verb(tokens[j]):
            return j
    return None


EXPOSED_VERBS = grammar_words("exposed_verbs")


def exposed_to(doc: Doc, i: int, clause_start: int) -> int | None:
    """Index of تعرض right before the noun at i (تعرض لهجوم), or None."""
    for j in range(i - 1, max(clause_start, i - 5) - 1, -1):
        if doc.tokens[j].reads_as(EXPOSED_VERBS):
            return j
    return None


@cache
def act_adjectives() -> frozenset[str]:
    return read_words("act_adjectives.txt")


def past_act_adjectives(doc: Doc, i: int) -> int:
    """The last token of `عقوبات جديدة` / `غارات مكثفة` / `حملات اعتقال واختطاف
    واسعة` from its noun at i: adjectives and coordinated act nouns."""
    adjectives = act_adjectives()
    acts = trigger_indexes()[1]
    while i + 1 < len(doc.tokens) and doc.tokens[i + 1].is_word:
        nxt = doc.tokens[i + 1]
        if not (not nxt.prefix and nxt.norm in adjectives or nxt.prefix == "و" and nxt.key in acts):
            break
        i += 1
    return i


def is_participle(tok: Token) -> bool:
    """An active participle used as a verb (مطالبين، داعيا، مهددا، متهمة), with no proclitic."""
    return not tok.prefix and participle(tok.key)


AIM_VERBS = grammar_words("aim_verbs")


def act_noun_before(doc: Doc, i: int, clause_start: int) -> str | None:
    """The event type of an act noun standing as the subject right before the
    verb at i (past one adjective): `العقوبات الجديدة تستهدف`."""
    _, nouns = trigger_indexes()
    for j in (i - 1, i - 2):
        if j < clause_start:
            return None
        found = nouns.match_at(doc.tokens, j, i, lookup_keys)
        if found and found.end == i or found and found.end == i - 1 and (
                adjective_like(doc.tokens[i - 1]) or doc.tokens[i - 1].norm in act_adjectives()
                or doc.tokens[i - 1].stem.startswith("ال") and doc.tokens[j].stem.startswith("ال")):
            return found.payloads[0].type
        if not (doc.tokens[j].stem.startswith("ال") or doc.tokens[j].norm in act_adjectives()):
            return None
    return None


def clause_subject(doc: Doc, mmap: MentionMap, i: int, clause_start: int) -> Mention | None:
    """`الفصائل المسلحة ستلتزم بوقف إطلاق النار`, `ورد سلاح الجو بشن غارات`:
    the first actor of the clause, not behind a preposition, does the act its
    verb governs."""
    for j in range(i - 1, clause_start - 1, -1):
        if doc.tokens[j].norm in COMPLEMENTIZERS or doc.tokens[j].text in QUOTE_MARKS and j - 1 not in mmap.covering:
            # وأكدت مصادر أن قوات… تمكنت: the reported clause starts after أن (or an opening
            # quote, but not one after its subject: بأن إيران "أقامت منصات… من أجل استهداف")
            clause_start = j + 1
            break
    for j in range(clause_start, i):
        m = mmap.starts.get(j)
        if m is None or m.tokens[1] > i:
            continue
        if mmap.introduced_by(j, ALL_PREPOSITIONS) or not can_act(m) or is_victim(m) \
                or m.label == "NORP":
            return None  # the clause's first actor is not a subject
        return m
    return None


APPOSITION_COMMAS = frozenset({"،", ","})


def agent_of_described_noun(doc: Doc, mmap: MentionMap, i: int, clause_start: int) -> Mention | None:
    """`بغارة جوية للتحالف العربي استهدفت مواقعهم`: a verb right after an
    indefinite act noun describes it, and the noun's `لـ` agent is its subject."""
    if i - 1 > clause_start and doc.tokens[i - 1].text in APPOSITION_COMMAS:
        i -= 1  # غارات لمقاتلات التحالف، استهدفت…
    m = mmap.covering.get(i - 1)
    if m is None or m.tokens[1] != i or m.tokens[0] - 1 < clause_start or not can_act(m):
        return None
    if prep_clitic(doc.tokens[m.tokens[0]]) != "ل":
        return None
    k = m.tokens[0] - 1
    if adjective_like(doc.tokens[k]) or not doc.tokens[k].stem.startswith("ال") and k - 1 >= clause_start:
        k -= 1  # غارة جوية للتحالف: an adjective may follow the noun
    return m if is_attack_noun(doc, k, i) else None


def agent_phrase_after(doc: Doc, mmap: MentionMap, i: int, end: int) -> bool:
    """`من قبل X` / `على يد X` within a few words after a verb."""
    toks = doc.tokens
    for j in range(i, min(end - 1, i + 4)):
        if (toks[j].norm, toks[j + 1].norm) in AGENT_PHRASES and j + 2 in mmap.starts:
            return True
    return False


def is_attack_noun(doc: Doc, j: int, end: int) -> bool:
    _, nouns = trigger_indexes()
    found = nouns.match_at(doc.tokens, j, end, lookup_keys)
    return bool(found and any(t.type == "ASSAULT" for t in found.payloads))


def reported_as_ongoing(doc: Doc, i: int, end: int) -> bool:
    """`المعارك لا تزال متواصلة`, `أسفرت الغارات عن…`: fighting reported as going
    on or having results is an event even with no actor named."""
    outcome = read_words("outcome_verbs.txt")
    window = range(max(0, i - 2), min(end, i + 4))
    return any(doc.tokens[j].reads_as(outcome) for j in window)


DEATH_VERBS = grammar_words("death_verbs")
CAUSE_PREPOSITIONS = grammar_words("cause_prepositions")
COORDINATED_CAUSE_REACH = 6


def death_caused(doc: Doc, i: int, sent_start: int) -> int | None:
    """Token index of the death or wound verb whose cause (في، بـ، جراء) is
    the attack noun at i: `لقي 20 عنصرا مصرعهم في قصف مدفعي للجيش`."""
    tok = doc.tokens[i]
    caused = "ب" in tok.prefix or i > sent_start and doc.tokens[i - 1].reads_as(CAUSE_PREPOSITIONS)
    if not caused and tok.prefix.startswith("و"):
        # في قصف مدفعي للجيش وغارات للتحالف: a coordinated attack shares the cause preposition
        caused = any(doc.tokens[k].reads_as(CAUSE_PREPOSITIONS)
                     for k in range(max(sent_start, i - COORDINATED_CAUSE_REACH), i))
    if not caused:
        return None
    return next((j for j in range(i - 1, sent_start - 1, -1) if doc.tokens[j].reads_as(DEATH_VERBS)), None)


def victim_of_cause(doc: Doc, mmap: MentionMap, i: int, sent_start: int) -> Mention | None:
    """`لقي 20 عنصرا من الحوثيين مصرعهم في قصف مدفعي للجيش`: an attack
    named as the cause of a death or wound told before it in the sentence
    was done to those who died."""
    j = death_caused(doc, i, sent_start)
    if j is None:
        return None
    k = j + 1
    while k < i and (is_count(doc.tokens[k]) or doc.tokens[k].reads_as(adverbials())):
        k += 1  # لقي 20 عنصرا، قتل أكثر من 30
    return mmap.starts.get(k) or mmap.subject_before(j, sent_start)


ISSUED_REACH = 6  # أصدرت المحكمة قرارا في صالح إيران يطالب…: document, a phrase, then the verb


def issuer_before(doc: Doc, mmap: MentionMap, i: int, clause: tuple[int, int]) -> tuple[int, Mention] | None:
    """(position of the document, its issuer) when the verb at i has for its
    subject a document an actor issued: `أصدر مجلس الأمن قرارا يطالب…`."""
    for j in range(i - 1, max(clause[0], i - ISSUED_REACH) - 1, -1):
        if doc.tokens[j].reads_as(STATEMENT_NOUNS):
            lv = light_verb_before(doc, j, clause[0])
            if lv is None:
                return None
            # أصدرت ما تسمى "وزارة الصحة" تعميما: else the first actor between verb and document
            issuer = mmap.verb_subject(lv, lv + 1, clause)[0] or next(
                (mmap.starts[k] for k in range(lv + 1, j) if k in mmap.starts and not doc.tokens[k].prefix
                 and doc.tokens[k - 1].norm not in PREPOSITION_WORDS), None)
            return (j, issuer) if issuer is not None and issuer.tokens[0] < j else None
    return None


PLEDGE_VERBS = grammar_words("pledge_verbs")
HOSTILE_ACTS = grammar_words("hostile_acts")
PLEDGE_REACH = 12  # tokens: وتعهد رئيس الوزراء البريطاني ديفيد كاميرون خلال خطابه … بالتصدي


def pledges_hostility(doc: Doc, i: int, end: int) -> bool:
    """`متعهدا … بالتصدي لهؤلاء`: a pledge at i whose بـ complement is a hostile act."""
    if not doc.tokens[i].reads_as(PLEDGE_VERBS):
        return False
    return any("ب" in doc.tokens[j].prefix and doc.tokens[j].reads_as(HOSTILE_ACTS)
               for j in range(i + 1, min(end, i + 1 + PLEDGE_REACH)))


WARNING_VERBS = grammar_words("warning_verbs")
THREAT_OBJECTS = grammar_words("threat_objects") | HOSTILE_ACTS
WARNING_REACH = 8  # حذر الرئيس الروسي فلاديمير بوتين من "عواقب وخيمة"


def warns_of_danger(doc: Doc, i: int, end: int) -> bool:
    """`حذر من أن غزة على شفير حرب`: a warning verb at i that names no harm the
    speaker threatens (عواقب، عقوبات، الرد، القوة) warns of a danger, it threatens no one."""
    if not doc.tokens[i].reads_as(WARNING_VERBS):
        return False
    return not any(doc.tokens[j].reads_as(THREAT_OBJECTS) for j in range(i + 1, min(end, i + 1 + WARNING_REACH)))


PUNISHMENTS = grammar_words("punishments")
UPHELD_REACH = 14  # أيدت محكمة النقض المصرية، وهي آخر مراحل التقاضي في مصر، حكم الإعدام


def upholds_punishment(doc: Doc, i: int, end: int) -> bool:
    """`أيدت المحكمة حكم الإعدام`: the object of the endorsing verb at i is a
    sentence or punishment (a word with no proclitic after it)."""
    return any(not doc.tokens[j].prefix and doc.tokens[j].reads_as(PUNISHMENTS)
               for j in range(i + 1, min(end, i + 1 + UPHELD_REACH)))


TIME_CLAUSE_WORDS = frozenset(prepositions("قبل", "بعد"))
TIME_CLAUSE_REACH = 8  # tokens from the actor back from قبل/بعد: the clause just before


def subject_of_time_clause(doc: Doc, mmap: MentionMap, i: int, sent_start: int) -> Mention | None:
    """`خلفتها عناصر الميليشيات قبل أن تلوذ بالفرار`: a verb after قبل أن / بعد أن
    with no subject of its own has the nearest earlier actor its form agrees with
    that no preposition governs."""
    if i < sent_start + 2 or doc.tokens[i - 1].norm != "ان" or doc.tokens[i - 2].norm not in TIME_CLAUSE_WORDS:
        return None
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if i + 1 in mmap.starts or nxt is not None and nxt.is_word and not nxt.prefix and nxt.stem.startswith("ال"):
        return None  # بعد أن اقتحمت وحدتا القمع: an actor or definite noun after the verb may be its subject
    gender = verb_gender(doc.tokens[i])
    for k in range(i - 3, max(sent_start, i - 2 - TIME_CLAUSE_REACH) - 1, -1):
        m = mmap.starts.get(k)
        if m is not None and m.tokens[1] <= i - 2 and not doc.tokens[k].prefix and m.label != "NORP" \
                and doc.tokens[k - 1].norm not in PREPOSITION_WORDS \
                and agrees(gender, mention_gender(m, doc.tokens), pronoun=True):
            return m
    return None


VERDICT_NOUNS = grammar_words("verdict_nouns")
VERDICT_REACH = 3  # حكما نهائيا بإعدام: the verdict noun, an adjective, then the act


def sentenced_to(doc: Doc, i: int, sent_start: int) -> bool:
    """Whether the act noun at i (with بـ) is what a court sentenced someone to."""
    return "ب" in doc.tokens[i].prefix and any(
        doc.tokens[j].reads_as(VERDICT_NOUNS) for j in range(max(sent_start, i - VERDICT_REACH), i))


RANKS_NOUNS = grammar_words("ranks_nouns")
RANKS_REACH = 12  # أسفرت الغارات عن سقوط قتلى وجرحى في صفوف الحوثيين


def side_in_ranks(doc: Doc, mmap: MentionMap, i: int, end: int) -> Mention | None:
    """`أسفرت المعارك عن سقوط قتلى في صفوف الانقلابيين`: the side whose ranks
    took the losses an attack caused is its target."""
    for j in range(i, min(end - 1, i + RANKS_REACH)):
        if doc.tokens[j].reads_as(RANKS_NOUNS) and j + 1 in mmap.starts:
            return mmap.starts[j + 1]
    return None


PRONOUN_OBJECTS = {fold(w): g for g, words in (("m", "له عليه ضده إليه اليه معه"), ("f", "لها عليها ضدها إليها اليها معها"),
                                               ("p", "لهم عليهم ضدهم إليهم اليهم معهم"))
                   for w in words.split()}
PRONOUN_OBJECT_REACH = 3
# sentences back a pronoun object's antecedent may be (the farthest in 4,000
# articles of ../shared/data is 4)
PRONOUN_ANTECEDENT_SENTENCES = 10


def target_after_pronoun(doc: Doc, mmap: MentionMap, i: int, end: int, source: Mention | None) -> Mention | None:
    """`أوصت الشرطة بتوجيه اتهامات له`: a preposition with a pronoun right
    after the act names its target; the pronoun is the latest earlier actor of
    its gender (not the source)."""
    for j in range(i, min(end, i + PRONOUN_OBJECT_REACH)):
        gender = PRONOUN_OBJECTS.get(doc.tokens[j].norm)
        if gender is None:
            continue
        # an antecedent more than a few sentences back is no antecedent (and the walk must stay short)
        lo = doc.sentences[max(0, doc.sentence_of_token(i) - PRONOUN_ANTECEDENT_SENTENCES)].tokens[0]
        for m in mmap.latest_ending(lo, i):
            if m is source or not can_act(m) or is_victim(m) or m.label not in ("PER", "ORG", "GPE"):
                continue
            if source is not None and source.actor is not None and m.actor == source.actor:
                continue
            if agrees(gender, mention_gender(m, doc.tokens), pronoun=True):
                return m
        return None
    return None
