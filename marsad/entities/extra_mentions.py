"""Mentions added after the phrase builder: names only the NER stage found
(and their later surnames), and generic members resolved to their group."""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from marsad.doc import Doc
from marsad.entities.name_ends import common_word, known_name_word, name_letters
from marsad.resources import grammar_words
from marsad.types import Mention, evolve

MIN_SURNAME = 3  # a surname must be a real word, not a particle
NAME_LINKS = grammar_words("name_links")  # عبد الله: "الله" is no surname


# Names the NER stage may add as mentions. Measured on gold/dev.jsonl: new
# persons and organisations leave event F1 as it was and lift claims; new
# places and MISC names become wrong event targets (strict F1 0.298 → 0.287),
# so they stay in `doc.ner_spans` only.
NER_MENTION_LABELS = frozenset({"PER", "ORG"})


def backed_by_ner(doc: Doc, mentions: list[Mention], labels: frozenset[str] = NER_MENTION_LABELS,
                  abstract: frozenset[str] = frozenset()) -> list[Mention]:
    """Add the names the NER stage found that no lexicon mention overlaps
    (the lexicon keeps priority where both found something): they are
    entities without an actor. A person must start with a word that can
    begin a name (an unknown one after a verbal noun is read as its agent)."""
    from marsad.ner.tagger import starts_like_a_name

    # A span overlaps a mention iff one starting before the span's end ends
    # after its start: the furthest end among the mentions sorted by start,
    # up to the span's end, answers it with one binary search per span.
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))
    extra = [_without_conjunction(doc, Mention(s.start, s.end, s.text, s.label, s.tokens, None, "ner"))
             for s in doc.ner_spans
             if s.label in labels and not ((k := bisect_left(starts, s.end)) and reach[k - 1] > s.start)
             and (s.label != "PER" or starts_like_a_name(doc.tokens[s.tokens[0]]))
             and not any(t.key in abstract for t in doc.tokens[s.tokens[0]:s.tokens[1]])]  # سيعززون الأمن
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _without_conjunction(doc: Doc, m: Mention) -> Mention:
    """`وبيني موردونت`، `وأيوب يلديريم`: the tagger's span took the
    conjunction و that the tokenizer left on an unknown name; drop it when
    the rest is a known name word and the whole is not (وليد stays)."""
    tok = doc.tokens[m.tokens[0]]
    if m.label != "PER" or m.start != tok.start or not tok.norm.startswith("و") or tok.prefix:
        return m
    if known_name_word(tok.norm[1:]) and not known_name_word(tok.norm):
        a = m.start + 1
        return evolve(m, start=a, text=doc.text[a:m.end])
    return m


def ner_surnames(doc: Doc, mentions: list[Mention], stop: frozenset[str]) -> list[Mention]:
    """Later surnames of persons only the NER stage found: `عبد الكريم
    الهاروني` … `وأعلن الهاروني` (the lexicon's persons get theirs in
    `MentionFinder._short_forms`). The surname must not be a common word."""
    tokens = doc.tokens
    short: dict[str, Mention] = {}
    for m in mentions:
        if m.rule == "ner" and m.label == "PER" and m.tokens[1] - m.tokens[0] >= 2:
            last = tokens[m.tokens[1] - 1]
            if last.is_word and len(last.key) >= MIN_SURNAME and last.key not in stop and not last.suffix \
                    and not common_word(last.norm) and tokens[m.tokens[1] - 2].norm not in NAME_LINKS:
                short.setdefault(last.key, m)
    if not short:
        return mentions
    covered = {i for m in mentions for i in range(*m.tokens)}
    extra = short_form_mentions(doc, short, covered)
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def short_form_mentions(doc: Doc, short: dict[str, Mention], covered: set[int]) -> list[Mention]:
    """Mentions of the later words that repeat a name's short form: each word
    (not in `covered`) whose key `short` maps to a full mention named earlier
    in the article, with the full mention's label, actor and name span."""
    tokens = doc.tokens
    out: list[Mention] = []
    for tok in tokens:
        full = short.get(tok.key) if tok.is_word and tok.i not in covered else None
        if full is None or full.tokens[0] <= tok.i < full.tokens[1] or tok.start < full.start:
            continue
        kept = name_letters(tokens[full.tokens[1] - 1], tok)
        if kept is None:
            continue
        a = tok.start_after(kept)
        out.append(Mention(a, tok.end, doc.text[a:tok.end], full.label, (tok.i, tok.i + 1), full.actor,
                           "short-form", name=(a, tok.end) if full.name else None))
    return out


MEMBER_HEADS = grammar_words("member_heads")


def members_of_groups(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`30 عنصرا من الحوثيين`، `أفراد من المعارضة السورية`: generic members
    named by their group resolve to the group's actor (the span stays theirs)."""
    by_start = {m.tokens[0]: m for m in mentions}
    out = []
    for m in mentions:
        head = doc.tokens[m.tokens[0]]
        j = m.tokens[1]
        group = by_start.get(j + 1) if j + 1 < len(doc.tokens) and doc.tokens[j].norm == "من" else None
        if group is not None and m.actor is not None and m.actor.id is None and m.rule == "head" \
                and m.tokens[1] - m.tokens[0] == 1 and head.reads_as(MEMBER_HEADS) \
                and group.actor is not None and group.label in ("ORG", "NORP") and group.actor.sector != "CVL":
            m = evolve(m, actor=group.actor)
        out.append(m)
    return out


QUOTE_OPEN = frozenset('"«“')
QUOTE_CLOSE = frozenset('"»”')
QUOTED_NAME_WORDS = 4  # حزب "العدالة والتنمية"، شبكة "سي بي أس"


def quoted_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`صحيفة "ماركا"`، `وكالة "فرانس برس"`، `تنظيم "الدولة الإسلامية"`: an
    institution noun with no article is in construct with the quoted name
    after it; the two are one mention (the name's actor if it has one, else
    the institution noun's). Names in quotes only: without them the next
    noun may be the verb's object."""
    tokens = doc.tokens
    by_start = {m.tokens[0]: m for m in mentions}
    covered = {i: m for m in mentions for i in range(*m.tokens)}
    out: list[Mention] = []
    drop: set[int] = set()
    for m in mentions:
        i = m.tokens[1]
        last = tokens[i - 1]
        if m.label != "ORG" or not m.rule.startswith("head") or last.stem.startswith("ال") or last.suffix \
                or i + 2 >= len(tokens) or tokens[i].text not in QUOTE_OPEN:
            out.append(m)
            continue
        close = next((k for k in range(i + 2, min(len(tokens), i + 2 + QUOTED_NAME_WORDS))
                      if tokens[k].text in QUOTE_CLOSE), None)
        inner = tokens[i + 1:close] if close is not None else []
        named = by_start.get(i + 1)
        if not inner or not all(t.is_word for t in inner) \
                or any(k in covered and covered[k] is not named for k in range(i + 1, close)) \
                or named is not None and named.tokens[1] != close:
            out.append(m)
            continue
        end = tokens[close].end
        actor = named.actor if named is not None and named.actor is not None else m.actor
        out.append(evolve(m, end=end, text=doc.text[m.start:end], tokens=(m.tokens[0], close + 1),
                          actor=actor, rule="head+name"))
        if named is not None:
            drop.add(id(named))
    return [m for m in out if id(m) not in drop]
