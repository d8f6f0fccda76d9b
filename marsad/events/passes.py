"""Clean-up passes over the events the role rules made: acts that are
results, demands or complements of another event, duplicates, exchanged
acts, accidents, the targets of protests, opinion columns.

PASSES is their one ordered list, applied in one place (`apply_passes`):
each runs over every sentence's events in turn (scope `sentence`) or over
the article's (scope `article`). An event a pass changes or makes gets the
pass's name at the end of its `trace`. In order:
    sentence: drop-results, drop-complement-acts, merge-causes, merge-aims,
        drop-accidents, complement-targets, dedupe, reciprocate, drop-roleless
    article: protest-targets, reported-only
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from marsad.doc import Doc
from marsad.events.actors import actor_key, has_actor
from marsad.events.asides import drop_accidents
from marsad.events.context import AIM_VERBS, DEATH_VERBS, death_caused, light_verb_before
from marsad.events.opinion import reported_only
from marsad.resources import grammar_words
from marsad.grammar.predicates import prep_clitic
from marsad.types import Event, Mention, evolve

COMPLEMENT_TARGET_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
COMPLEMENT_WINDOW = 10  # tokens from the verb to its بـ complement
COMPLEMENT_HEAD = 2  # بحملة الاختطاف: the act may follow the complement's head noun


def complement_targets(doc: Doc, events: list[Event]) -> list[Event]:
    """`نددت الرابطة بحملة الاختطاف التي تشنها ميليشيات الحوثي`: what is
    condemned or rejected is an act (a بـ complement), and its agent is the target."""
    out = []
    for ev in events:
        if ev.type in COMPLEMENT_TARGET_TYPES and ev.rule.startswith("verb") and not has_actor(ev.target):
            i = doc.token_at(ev.trigger.end - 1)
            sent_end = doc.sentences[ev.sentence].tokens[1]
            j = next((k for k in range(i + 1, min(sent_end, i + 1 + COMPLEMENT_WINDOW))
                      if prep_clitic(doc.tokens[k]) == "ب"), None)
            act = None if j is None else next(
                (f for f in events if f is not ev and f.rule.startswith("noun") and has_actor(f.source)
                 and f.source is not ev.source and j <= doc.token_at(f.trigger.start) <= j + COMPLEMENT_HEAD), None)
            if act is not None:
                ev = evolve(ev, target=act.source, rule=ev.rule + ":complement")
        out.append(ev)
    return out


RESULT_VERBS = grammar_words("result_verbs")
RESULT_REACH = 3  # أسفر عن تدمير، ما أدى إلى مقتل: the verb, a preposition, the noun
RESULT_REACH_COORDINATED = 12


def follows_result_verb(doc: Doc, i: int, lo: int, reach: int = RESULT_REACH + 1) -> bool:
    """Whether a result verb (أسفر، أدى) stands at most `reach` tokens before
    token i: أدت المعارك إلى مقتل… (the subject may stand between)."""
    return any(doc.tokens[j].reads_as(RESULT_VERBS) for j in range(max(lo, i - reach), i))


def drop_results(doc: Doc, events: list[Event]) -> list[Event]:
    """`شنت الطائرات غارات… ما أسفر عن تدمير عربات ومقتل عشرات`: the
    results of an act told in the same sentence are that act, not new ones;
    the act takes their victims when it names none."""
    out: list[Event] = []
    for ev in events:
        c = next((n for n in range(len(out) - 1, -1, -1) if out[n].type == ev.type), None) \
            if ev.rule.startswith("noun") else None
        if c is not None:
            i = doc.token_at(ev.trigger.start)
            lo = doc.sentences[ev.sentence].tokens[0]
            # أسفرت الغارات عن سقوط قتلى … وتدمير تعزيزات: a coordinated result reaches further back
            reach = RESULT_REACH_COORDINATED if doc.tokens[i].prefix.startswith("و") else RESULT_REACH
            if follows_result_verb(doc, i, lo, reach):
                if out[c].target is None and ev.target is not None:
                    out[c] = evolve(out[c], target=ev.target)  # the cause takes the result's victims
                continue
        out.append(ev)
    return out


def merge_causes(doc: Doc, events: list[Event]) -> list[Event]:
    """`قتل 13 شخصا في هجمات انتحارية`، `لقي مصرعه بانفجار لغم`: a death and
    the attack named as its cause are one act. It keeps the attack's agent
    and the dead as its target (those the act was done to)."""
    out = list(events)
    for ev in events:
        if ev.type != "ASSAULT" or not ev.rule.startswith("noun") or ev not in out:
            continue
        i = doc.token_at(ev.trigger.start)
        death = None if death_caused(doc, i, doc.sentences[ev.sentence].tokens[0]) is None else next(
            (d for d in reversed(out) if d is not ev and d.type == "ASSAULT" and d.trigger.end <= ev.trigger.start
             and any(doc.tokens[k].reads_as(DEATH_VERBS)
                     for k in range(doc.token_at(d.trigger.start), doc.token_at(d.trigger.end - 1) + 1))), None)
        if death is None or death.target is None \
                or death.source is not None and actor_key(death.source) != actor_key(ev.source):
            continue  # only the known dead make the two one act
        target, source = death.target, ev.source or death.source
        if source is not None and actor_key(source) == actor_key(target):
            source = None  # قتل ضابط شرطة في هجوم: the one killed did not attack
        merged = evolve(ev, target=target, source=source, rule=ev.rule + ":cause-of-death")
        # تفجير سيارة مفخخة: an attack noun in the genitive of the cause names the same act
        after = doc.token_at(ev.trigger.end - 1) + 1
        out = [merged if e is ev else e for e in out if e is not death
               and not (e.type == "ASSAULT" and e.rule.startswith("noun") and doc.token_at(e.trigger.start) == after)]
    return out


AIM_REACH = 4  # tokens from the act noun to its aim verb: adjectives, a relative pronoun


def merge_aims(doc: Doc, events: list[Event]) -> list[Event]:
    """`حملات اعتقال واختطاف واسعة استهدفت المئات`، `التفجير الذي استهدف سوقا`:
    the verb of aiming after an act noun names the act's target; it is not a
    second act."""
    out = list(events)
    for verb in events:
        i = doc.token_at(verb.trigger.start)
        if not verb.rule.startswith("verb") or doc.tokens[i].key not in AIM_VERBS:
            continue
        act = next((n for n in reversed(out) if n is not verb and n.rule.startswith("noun")
                    and n.trigger.end <= verb.trigger.start
                    and i - doc.token_at(n.trigger.end - 1) <= AIM_REACH), None)
        if act is None:
            continue
        dropped = [verb]
        while doc.tokens[start := doc.token_at(act.trigger.start)].prefix.startswith("و"):
            # حملات اعتقال واختطاف: coordinated act nouns name one campaign, told by the first
            head = next((n for n in out if n.rule.startswith("noun") and doc.token_at(n.trigger.end - 1) == start - 1), None)
            if head is None:
                break
            dropped.append(act)
            act = head
        # what the aim verb takes is what the act hit, unless the act already has the dead
        target = act.target if act.rule.endswith(":cause-of-death") else verb.target or act.target
        if act.source is not None and actor_key(target) == actor_key(act.source):
            target = act.target  # غارة أميركية استهدفته: the verb's pronoun is not the attacker
        merged = evolve(act, target=target, source=act.source or verb.source, rule=act.rule + ":aimed")
        out = [merged if e is act else e for e in out if all(e is not d for d in dropped)]
    return out


RECIPROCAL_VERBS = grammar_words("reciprocal_verbs")


def reciprocate(doc: Doc, events: list[Event]) -> list[Event]:
    """`تبادل الجيش وقوات المعارضة اتهامات`: an act exchanged is done by each
    side to the other, so it is told both ways."""
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        if ev.rule.startswith("noun") and has_actor(ev.source) and has_actor(ev.target) \
                and actor_key(ev.source) != actor_key(ev.target):
            i = doc.token_at(ev.trigger.start)
            lv = light_verb_before(doc, i, doc.sentences[ev.sentence].tokens[0])
            # the exchanging sides are the verb's subject: تبادل الجيش وقوات المعارضة اتهامات
            if lv is not None and doc.tokens[lv].reads_as(RECIPROCAL_VERBS) and ev.source.tokens[0] == lv + 1:
                out.append(evolve(ev, source=ev.target, target=ev.source, rule=ev.rule + ":reciprocal"))
    return out


MODAL_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})
MODAL_REACH = 8  # tokens from the demanding verb to the act it demands
MODAL_REACH_COORDINATED = 20


def drop_complement_acts(doc: Doc, events: list[Event]) -> list[Event]:
    """`طالبت الرابطة بالإفراج عن المختطفين`، `هدد باستهداف قادة`، `اتهمه
    بقتل`: an act that is demanded, threatened or alleged (a بـ / لـ / إلى
    complement) did not happen as told; it is part of the verb's event."""
    out: list[Event] = []
    for ev in events:
        if ev.rule.startswith("noun") and ev.type not in MODAL_TYPES:
            i = doc.token_at(ev.trigger.start)
            tok = doc.tokens[i]
            marked = prep_clitic(tok) in ("ب", "ل") or i > 0 and doc.tokens[i - 1].norm in ("الي", "ب")
            # … بوقف الاختطافات والكشف عن مصيرهم والإفراج عنهم: coordinated demands reach further
            reach = MODAL_REACH if marked else MODAL_REACH_COORDINATED if tok.prefix.startswith("و") else 0
            k = next((n for n in range(len(out) - 1, -1, -1) if out[n].type in MODAL_TYPES), None)
            if k is not None and not any(e.rule.startswith("verb") for e in out[k + 1:]) \
                    and out[k].trigger.end <= tok.start and 0 < i - doc.token_at(out[k].trigger.end - 1) <= reach:
                continue
        out.append(ev)
    return out


DEMAND_TYPES = frozenset({"REQUEST", "ACCUSE"})
PROTEST_TARGET_REACH = 4  # sentences over which the protests of a story keep their target


def protest_targets(doc: Doc, events: list[Event]) -> list[Event]:
    """`تظاهر آلاف الإسرائيليين مطالبين نتنياهو بالرحيل … واحتشد المتظاهرون`:
    a protest is against whom its protesters demand of or accuse in the same
    sentence (the one asked, not what is asked for: `للمطالبة بعودة اللاجئين`),
    else against the named actor the story's last protest was against."""
    out: list[Event] = []
    last: Event | None = None
    demands: dict[int, list[Event]] = {}  # sentence → its demands, in order: not a walk over the article per protest
    for e in events:
        if e.type in DEMAND_TYPES:
            demands.setdefault(e.sentence, []).append(e)
    for ev in events:
        if ev.type == "PROTEST" and not has_actor(ev.target):
            demand = next((e for e in demands.get(ev.sentence, ())
                           if has_actor(e.target) and actor_key(e.target) != actor_key(ev.source)
                           and "ب" not in doc.tokens[e.target.tokens[0]].prefix
                           and (e.source is None or ev.source is None or actor_key(e.source) == actor_key(ev.source)
                                or e.rule.endswith(":participle"))), None)
            target = demand.target if demand else last.target if (
                last is not None and ev.sentence - last.sentence <= PROTEST_TARGET_REACH
                and actor_key(last.target) != actor_key(ev.source)) else None
            if target is not None:
                ev = evolve(ev, target=target, rule=ev.rule + ":protest-target")
        if ev.type == "PROTEST" and has_actor(ev.target) and (
                _named(ev.target) or doc.tokens[ev.target.tokens[0]].stem.startswith("ال")):
            last = ev  # a named actor or a definite one (الحكومات), not a bare noun (عسكري)
        out.append(ev)
    return out


def _named(m: Mention) -> bool:
    """An actor of the base, or a name the tagger found that the base lacks
    (هتافات تطالب بـ«استقالة ثاباتيرو»: a mention with no actor at all)."""
    return bool(m.actor.id) if m.actor is not None else m.rule == "ner"


def dedupe(events: list[Event]) -> list[Event]:
    """One event per act per sentence: drop an event whose type matches a
    kept one and whose roles add nothing (missing, or the same actor); one
    with only a target completes a kept one with only a source (أيدت المحكمة
    … حكم الإعدام بحق ستة متهمين)."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: -e.confidence):
        redundant = False
        for n, k in enumerate(kept):
            if k.type != ev.type:
                continue
            if k.target is None and ev.source is None and ev.target is not None and k.source is not None:
                kept[n] = evolve(k, target=ev.target)
                redundant = True
                break
            src_same = ev.source is None or actor_key(ev.source) == actor_key(k.source)
            # إحراق مركبتين وتدمير عتاد: a second plain thing hit in the same act adds no actor
            tgt_same = ev.target is None or actor_key(ev.target) == actor_key(k.target) \
                or k.target is not None and not has_actor(ev.target) and ev.source is not None

            if src_same and tgt_same:
                redundant = True
                break
        if not redundant:
            kept.append(ev)
    return sorted(kept, key=lambda e: e.trigger.start)


def drop_roleless(doc: Doc, events: list[Event]) -> list[Event]:
    """An event is an act by or on an actor: "البنادق تقتل"، "المظاهرات"
    alone are not."""
    return [e for e in events if e.source or e.target]


SENTENCE, ARTICLE = "sentence", "article"


@dataclass(frozen=True, slots=True)
class Pass:
    """One named clean-up pass: `run(doc, events)` returns the events kept,
    changed or added; `scope` says whether it sees one sentence's events or
    the article's."""

    name: str
    scope: str
    run: Callable[[Doc, list[Event]], list[Event]]


PASSES = (
    Pass("drop-results", SENTENCE, drop_results),
    Pass("drop-complement-acts", SENTENCE, drop_complement_acts),
    Pass("merge-causes", SENTENCE, merge_causes),
    Pass("merge-aims", SENTENCE, merge_aims),
    Pass("drop-accidents", SENTENCE, drop_accidents),
    Pass("complement-targets", SENTENCE, complement_targets),
    Pass("dedupe", SENTENCE, lambda doc, events: dedupe(events)),
    Pass("reciprocate", SENTENCE, reciprocate),
    Pass("drop-roleless", SENTENCE, drop_roleless),
    Pass("protest-targets", ARTICLE, protest_targets),
    Pass("reported-only", ARTICLE, reported_only),
)


def apply_passes(doc: Doc, by_sentence: list[list[Event]]) -> list[Event]:
    """The article's events: PASSES in order, the sentence ones over each
    sentence's events (`by_sentence`), then the article ones over them all."""
    events: list[Event] = []
    for sent_events in by_sentence:
        for p in PASSES:
            if p.scope == SENTENCE and sent_events:
                sent_events = _traced(p, doc, sent_events)
        events.extend(sent_events)
    for p in PASSES:
        if p.scope == ARTICLE:
            events = _traced(p, doc, events)
    return events


def _traced(p: Pass, doc: Doc, events: list[Event]) -> list[Event]:
    """Run one pass; an event it changed or made (not one of those it was
    given) records the pass in its trace."""
    given = {id(e) for e in events}  # `events` keeps them alive: no id is reused meanwhile
    return [e if id(e) in given else evolve(e, trace=(*e.trace, p.name)) for e in p.run(doc, events)]
