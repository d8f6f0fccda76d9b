"""Entity mentions from the actor base and context rules.

Atoms are lexicon hits: actor aliases (`روسيا`, `داعش`, `الروسية`) and heads
(titles `الجنرال`, institutions `قوات`). An actor phrase starts at a head or
an actor and absorbs what modifies it: `قوات` + `النظام` + `السوري` is one
mention of the Syrian military; `الجنرال` + `البريطاني` + an unknown name is
a British military person.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from marsad.doc import Doc
from marsad.entities.context_actors import by_context
from marsad.entities.extra_mentions import (
    MIN_SURNAME,
    NAME_LINKS,
    backed_by_ner,
    members_of_groups,
    ner_surnames,
    quoted_names,
    short_form_mentions,
)
from marsad.entities.name_ends import NameEnds, abstract_heads, adjectival_heads
from marsad.grammar.actor_base import ActorBase, Alias, Head
from marsad.grammar.predicates import adjective_like, definite, in_construct, nisba_ending
from marsad.grammar.stop_words import event_noun_words, name_stop_words
from marsad.grammar.words import adverbials, modifiers
from marsad.names.romanize import looks_like_name
from marsad.resources import grammar_words
from marsad.text.clitics import prefix_for_key, proclitic_keys
from marsad.text.formtable import FormTable
from marsad.text.normalize import fold
from marsad.types import Actor, Mention, Token

LEXICON_WORD, POSSESSED_HEAD = 1, 2  # what a word may begin (MentionFinder._atom_word)
ORG_NAME_MAX_TOKENS = 3
PERSON_NAME_MAX_TOKENS = 3
RESOLVED_MAX = 100_000  # atom groups MentionFinder._resolve keeps (a few thousand recur)
SPEAKING_FOR = frozenset({"باسم"})  # folded: المتحدث باسم/بإسم الحرس الوطني
QUOTES = frozenset('"«»“”')  # تنظيم "الدولة الإسلامية": a quoted name follows the head (or مجموعة 5+1 a number)


@dataclass(frozen=True, slots=True)
class Atom:
    start: int
    end: int
    head: Head | None = None
    aliases: tuple[Alias, ...] = ()
    key: str = ""  # the reading of the first word that matched

    @property
    def kind(self) -> str:
        return self.head.kind if self.head else self.aliases[0].kind


class MentionFinder:
    """Find actor mentions (PER ORG GPE LOC NORP MISC) and resolve their actors."""

    name = "mentions"
    requires = ("tokens", "sentences")
    provides = ("mentions",)

    def __init__(self, base: ActorBase | None = None, stop_words: frozenset[str] | None = None):
        self.base = base or ActorBase.load()
        self.stop = stop_words if stop_words is not None else name_stop_words()
        self.mods = modifiers()
        self.event_nouns = event_noun_words()
        self.advs = adverbials()
        self.abstract = abstract_heads()
        self.ends = NameEnds(self.stop, self.advs, self.mods, self.event_nouns, adjectival_heads())
        self.atom_words = FormTable(self._atom_word)  # which words may begin an atom (see _atoms)
        self._titles: dict[str, tuple[str, bool]] = {}  # head text -> (its kind, _is_title)
        self._resolved: dict[tuple, tuple[Actor | None, str]] = {}  # see _resolve
        # ids of the states and their sectors (`_is_state`), for one set lookup per alias
        self._states = frozenset(aid for aid in self.base.actors if self._is_state(aid))

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[Mention] = []
        kinds = self.atom_words.values(doc)
        starts = kinds.nonzero()[0].tolist()
        for sent in doc.sentences:
            a, b = sent.tokens
            atoms = self._atoms(doc.tokens, a, b, starts[bisect_left(starts, a):bisect_left(starts, b)], kinds)
            mentions.extend(self._compose(doc, atoms, sent.tokens[1]))
        doc.mentions = self._short_forms(doc, mentions)
        if doc.ner_spans:
            doc.mentions = ner_surnames(doc, backed_by_ner(doc, doc.mentions, abstract=self.abstract), self.stop)
        doc.mentions = by_context(doc, members_of_groups(doc, quoted_names(doc, doc.mentions)), self.base)
        return doc

    def _short_forms(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Later short forms of names given in full: a person's last name
        (`محمود عباس` … `عباس`, `فيليكس غيدني` … `غيدني`) and an organisation's
        head noun with the article (`حلف شمال الأطلسي` … `الحلف`,
        `رابطة أمهات المختطفين` … `الرابطة`)."""
        tokens = doc.tokens
        short: dict[str, Mention] = {}
        for m in mentions:
            if m.tokens[1] - m.tokens[0] < 2 or m.actor is None:
                continue
            if m.label == "PER" and m.rule in ("lexicon", "title+name", "head"):
                last = tokens[m.tokens[1] - 1]
                # a name's last word, not a title's (وزير الداخلية … الشؤون الداخلية)
                # (وزيرة الإعلام القرار: the word after the title is no personal name)
                named = m.rule == "title+name" and m.name is not None and not self._body_named(doc, m) \
                    or (m.actor.id or "").startswith("PER-")
                if last.is_word and len(last.key) >= MIN_SURNAME and last.key not in self.stop and named \
                        and tokens[m.tokens[1] - 2].norm not in NAME_LINKS:
                    short.setdefault(last.key, m)
            elif m.label == "ORG" and (m.actor.id or m.rule == "head+name"):
                first = tokens[m.tokens[0]]
                if first.is_word and not first.key.startswith("ال") and len(first.key) >= MIN_SURNAME:
                    short.setdefault("ال" + first.key, m)
        if not short:
            return mentions
        out: list[Mention] = []
        covered: set[int] = set()
        for m in mentions:
            full = short.get(tokens[m.tokens[0]].key) if m.tokens[1] - m.tokens[0] == 1 else None
            if full is not None and full is not m and m.rule == "head" and m.actor is not None \
                    and m.actor.id is None and full.start < m.start:
                m = Mention(m.start, m.end, m.text, full.label, m.tokens, full.actor, "short-form")  # المجلس → مجلس الأمن
            out.append(m)
            covered.update(range(*m.tokens))
        out += short_form_mentions(doc, short, covered)
        return sorted(out, key=lambda m: m.start)

    @staticmethod
    def _body_named(doc: Doc, m: Mention) -> bool:
        """`المتحدث باسم الحرس الوطني`، `وزير الحرس الوطني`: the "name" after
        باسم, or one opening with a definite noun that is no nisba (a personal
        name has none), is the body the title serves; its last word (الوطني)
        is no surname."""
        first = next((t for t in doc.tokens[m.tokens[0]:m.tokens[1]] if m.name and t.start >= m.name[0]), None)
        if first is None:
            return False
        if first.i > 0 and doc.tokens[first.i - 1].norm in SPEAKING_FOR:
            return True
        return first.stem.startswith("ال") and not adjective_like(first)

    # -- atoms ---------------------------------------------------------------
    def _atom_word(self, tok: Token) -> int:
        """LEXICON_WORD when a name or head entry may start at the word,
        POSSESSED_HEAD for a possessed group noun (`_possessed_head`), else 0."""
        if tok.is_word and (self.base.names.token_hits(tok, proclitic_keys)
                            or self.base.heads.token_hits(tok, proclitic_keys)):
            return LEXICON_WORD
        return POSSESSED_HEAD if self._possessed_head(tok) is not None else 0

    def _atoms(self, tokens: list[Token], start: int, end: int, candidates: list[int],
               kinds: np.ndarray) -> list[Atom]:
        """Lexicon atoms in tokens [start, end); `candidates` are the positions
        there whose `kinds` (`_atom_word`) is not 0, in order."""
        atoms: list[Atom] = []
        names, heads = self.base.names, self.base.heads
        i = start
        for q in candidates:
            if q < i:
                continue  # inside the previous atom
            i = q
            if kinds[i] == POSSESSED_HEAD:
                atoms.append(Atom(i, i + 1, head=self._possessed_head(tokens[i]), key=tokens[i].key))
                i += 1
                continue
            nh = names.token_hits(tokens[i], proclitic_keys)
            hh = heads.token_hits(tokens[i], proclitic_keys)
            name = names.match_hits(tokens, i, end, nh) if nh else None  # a LEXICON_WORD is a word
            head = heads.match_hits(tokens, i, end, hh) if hh else None
            if name and self._is_common_noun(tokens, name.start, name.end, end):
                name = None
            if head and self._is_common_noun(tokens, head.start, head.end, end):
                head = None  # الفريق القانوني is a team, not a general
            if head and head.end - head.start == 1 and head.end < end and tokens[head.end].norm == "علي" \
                    and head.key in self.event_nouns:
                head = None  # القضاء على…: "eliminating", not the judiciary
            if head and head.end - head.start == 1 and i > start and not tokens[i].prefix \
                    and tokens[i - 1].key in ADJECTIVE_HOSTS and nisba_ending(tokens[i].norm):
                head = None  # مؤتمر صحفي، مصدر دبلوماسي: the nisba describes the noun before it
            if head and head.end - head.start == 1 and i > start and self.ends.describes_noun(tokens, i):
                head = None  # الشؤون الداخلية، حاجز عسكري: an adjective of the noun before it
            if name and (not head or name.end >= head.end):
                atoms.append(Atom(name.start, name.end, aliases=name.payloads, key=name.key))
                i = name.end
            elif head:
                atoms.append(Atom(head.start, head.end, head=head.payloads[0], key=head.key))
                i = head.end
            else:
                i += 1
        return atoms

    def _possessed_head(self, tok: Token) -> Head | None:
        """`قواتنا`، `جنودها`: a group noun with a possessive pronoun names the
        possessor's forces (resolved, if at all, by coreference)."""
        if not tok.suffix or not tok.is_word:
            return None
        for head in self.base.heads.single(tok.key):
            if head.kind == "ORG" or is_plural(head.text):
                return head
        return None

    def _is_common_noun(self, tokens: list[Token], a: int, b: int, end: int) -> bool:
        if b == a + 1:  # most matches are one word: no joins
            key, stripped = tokens[a].norm, proclitic_keys(tokens[a].light)[-1]
        else:
            key = " ".join(t.norm for t in tokens[a:b])
            stripped = " ".join([proclitic_keys(tokens[a].light)[-1], *[t.norm for t in tokens[a + 1:b]]])
        if key not in self.base.ambiguous and stripped not in self.base.ambiguous:
            return False
        return b < end and adjective_like(tokens[b])

    def _is_state(self, actor_id: str) -> bool:
        """A state or one of its sectors (`RUS-MIL`), not a group or person."""
        actor = self.base.actors[actor_id]
        return bool(actor.country) and actor_id.startswith(actor.country + "-")

    # -- phrases -------------------------------------------------------------
    def _compose(self, doc: Doc, atoms: list[Atom], sent_end: int) -> list[Mention]:
        tokens = doc.tokens
        out: list[Mention] = []
        k = 0
        while k < len(atoms):
            group = [atoms[k]]
            k += 1
            while k < len(atoms) and atoms[k].start == group[-1].end and self._joins(group, atoms[k], tokens):
                group.append(atoms[k])
                k += 1
            end = group[-1].end
            adjectives = 0
            while end < sent_end and (tokens[end].norm in self.mods or group[0].head and adjectives < 2
                                      and adjective_like(tokens[end]) and not tokens[end].prefix
                                      and (k >= len(atoms) or atoms[k].start != end)):
                adjectives += tokens[end].norm not in self.mods
                end += 1  # القوات الكردية، المنظمات الدولية
            if end > group[-1].end and k < len(atoms) and atoms[k].start == end and atoms[k].kind == "NORP":
                group.append(atoms[k])  # هيئة الطيران المدني الإماراتي: the nisba after the adjective
                end = atoms[k].end
                k += 1
            has_title = any(a.head and self._is_title(a.head) for a in group)
            has_person = any(al.kind == "PER" for a in group for al in a.aliases)
            rule = "lexicon" if len(group) == 1 and not group[0].head else "head"
            limit = atoms[k].start if k < len(atoms) else sent_end
            name = None
            if has_title and not has_person:
                name_end = self.ends.name_after(tokens, end, sent_end, limit, PERSON_NAME_MAX_TOKENS)
                if name_end > end:
                    name = (tokens[end].start, tokens[name_end - 1].end)
                    if not looks_like_name(doc.text[name[0]:name[1]]):
                        name = None  # الرئيس المخلوع: not a personal name, so no romanisation
                    end, rule = name_end, "title+name"
            elif len(group) == 1 and group[0].head and group[0].head.kind == "ORG" and end == group[0].end \
                    and not definite(tokens[group[0].end - 1]) and group[0].head.role != "statement":
                # رابطة أمهات المختطفين: an institution noun in construct (not بيان صادر عن…:
                # the word after a statement is not its name)
                # state takes the unknown name after it.
                name_end = self.ends.name_after(tokens, end, sent_end, limit, ORG_NAME_MAX_TOKENS, construct=True)
                if name_end > end:
                    end, rule = name_end, "head+name"
            while end < sent_end and tokens[end - 1].hashtag and tokens[end].hashtag \
                    and doc.text[tokens[end - 1].end:tokens[end].start] == "_":
                end += 1  # #أمهات_المختطفين_اليمنيين: a hashtag names one thing
                while k < len(atoms) and atoms[k].start < end:
                    group.append(atoms[k])
                    end = max(end, atoms[k].end)
                    k += 1
            if rule in ("head+name", "title+name") and k < len(atoms) and atoms[k].start == end \
                    and atoms[k].kind == "NORP":
                group.append(atoms[k])  # وزارة الخزانة الأميركية
                end = atoms[k].end
                k += 1
            elif rule == "head+name" and k < len(atoms) and atoms[k].start == end and atoms[k].head \
                    and not atoms[k].aliases and not definite(tokens[end - 1]) and not tokens[end].prefix:
                end = atoms[k].end  # رابطة أمهات المختطفين: the construct name goes on into a genitive noun
                k += 1
            start = group[0].start
            if rule == "head" and len(group) == 1 and end == group[0].end and not tokens[start].suffix \
                    and fold(group[0].key) in self.abstract \
                    and not (end < sent_end and (tokens[end].text in QUOTES or tokens[end].norm.isdigit())):
                continue  # يضمن الأمن، بالقوة: the abstract noun, not an actor
            out.append(self._mention(doc, group, start, end, rule, name))
        return out

    def _is_title(self, head: Head) -> bool:
        """A head that titles one person (not مقاتلين; not صحافي, which is also
        an adjective); memoised per head text, asked for every head atom."""
        found = self._titles.get(head.text)
        if found is None or head.kind != found[0]:
            found = self._titles[head.text] = (head.kind, head.kind == "PER" and not is_plural(head.text)
                                               and fold(head.text) not in self.mods)
        return found[1]

    def _joins(self, group: list[Atom], nxt: Atom, tokens: list[Token]) -> bool:
        first, last = group[0], group[-1]
        if first.head:
            if last.head and last.head.kind == "ORG" and not definite(tokens[last.start]) \
                    and any(c in tokens[nxt.start].prefix for c in "بل"):
                return False  # بيان لوزارة…: a preposition ends an institution noun's construct
            if last.head and (in_construct(tokens[last.end - 1]) or last.head.text.endswith("باسم")
                              or not definite(tokens[last.end - 1]) and tokens[nxt.start].prefix):
                return True  # construct state takes a genitive: قوات النظام السوري، المتحدث باسم الجيش
            if nxt.kind == "NORP":
                return True  # الجيش الروسي
            if nxt.head:
                return False  # المجلس | الميليشيات: two phrases
            # الرئيس دونالد ترامب (apposition), الأمين العام لحزب الله
            return nxt.kind == "PER" or bool(tokens[nxt.start].prefix.endswith("ل"))
        if nxt.head:
            return False
        # An actor takes a nisba (حزب الله اللبناني) but two names stay apart.
        return nxt.kind == "NORP" and first.kind != "NORP"

    def _mention(self, doc: Doc, group: list[Atom], start: int, end: int, rule: str,
                 name: tuple[int, int] | None = None) -> Mention:
        tokens = doc.tokens
        a, b = tokens[start].start, tokens[end - 1].end
        # The span starts after a proclitic (و/ب/ل) the match stripped.
        lead = tokens[start]
        a = lead.start_after(prefix_for_key(lead.light, group[0].key))
        actor, label = self._resolve(group, rule)
        return Mention(a, b, doc.text[a:b], label, (start, end), actor, rule, name=name)

    def _resolve(self, group: list[Atom], rule: str) -> tuple[Actor | None, str]:
        """The actor and label of a group of atoms. A pure function of the rule
        and the atoms' heads and first aliases, which are the actor base's own
        objects (alive as long as this finder, so their ids name them): the
        same few groups recur in every article, and are resolved once."""
        key = (rule, *[(id(a.head), id(a.aliases[0]) if a.aliases else 0) for a in group])
        found = self._resolved.get(key)
        if found is None:
            if len(self._resolved) > RESOLVED_MAX:
                self._resolved.clear()
            found = self._resolved[key] = self._resolve_group(group, rule)
        return found

    def _resolve_group(self, group: list[Atom], rule: str) -> tuple[Actor | None, str]:
        heads = [a.head for a in group if a.head]
        aliases = [al for a in group for al in a.aliases[:1]]
        institution = group[0].head is not None and group[0].head.kind == "ORG" and not group[0].head.sector
        # رابطة أمهات المختطفين: an institution noun keeps its own (unknown) sector
        sector = None if institution else next((h.sector for h in heads if h.sector), None)
        label = heads[0].kind if heads else aliases[0].kind
        if heads and label == "PER" and is_plural(heads[0].text):
            label = "ORG"  # عناصر داعش، مقاتلين: a group of people, not a person
        if rule == "title+name":
            label = "PER"
        person = next((al for al in aliases if al.kind == "PER"), None)
        if person:
            return self.base.actors[person.actor_id], "PER"
        named = next((al for al in aliases if al.actor_id not in self._states), None)
        if named and not institution:
            return self.base.actors[named.actor_id], label
        if institution and rule != "lexicon":
            state = next((al for al in aliases if al.actor_id in self._states), None)
            country = self.base.actors[state.actor_id].country if state else None
            return Actor(None, group[0].head.name_en or group[0].head.text, country, None), "ORG"
        state = next((al for al in aliases if al.actor_id in self._states), None)
        if state:
            actor = self.base.actors[state.actor_id]
            if sector and actor.country and (heads and heads[0].kind == "ORG" or actor.sector == "GOV"):
                actor = self.base.state_actor(actor.country, sector)
            if rule == "title+name" and actor.country:
                title = heads[0].name_en if heads else "Person"
                country = self.base.country_names.get(actor.country, actor.country)
                actor = Actor(None, f"{title} ({country})", actor.country, sector or actor.sector)
            return actor, label
        if heads:
            return Actor(None, heads[0].name_en or heads[0].text, None, sector), label
        return None, label


PLURAL_NOUNS = grammar_words("plural_person_nouns")
ADJECTIVE_HOSTS = grammar_words("adjective_hosts")


def is_plural(head_text: str) -> bool:
    """Plural person nouns (مقاتلين، عناصر) name groups, not one person."""
    key = fold(head_text).split()[0]
    return key.endswith(("ين", "ون", "ات")) or key in PLURAL_NOUNS or key.removeprefix("ال") in PLURAL_NOUNS
