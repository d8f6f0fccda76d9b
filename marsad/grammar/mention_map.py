"""The phrase finder: who does what around a verb or cue, shared by claims
and events (`MentionMap` indexes a document's mentions by token).

Arabic news puts the verb first (VSO: `اتهم X Y`), fronts the subject (SVO:
`X تتهم Y`, `وكان X … قال`) or leaves it in the verb (`وقالت إن…`): the
caller then falls back to the actor the text is about.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterator

from marsad.grammar.agreement import agrees, mention_gender, verb_gender
from marsad.doc import Doc
from marsad.grammar.predicates import (
    adjective_after_noun,
    adjective_like,
    definite,
    is_count,
    nisba_ending,
    prep_clitic,
    reads_as_any,
)
from marsad.grammar.stop_words import phrase_stop_words
from marsad.grammar.words import (
    AGENT_PHRASES,
    CLAUSE_COMMAS,
    CLAUSE_CONJUNCTIONS,
    COMPLEMENTIZERS,
    HOLDING_PRONOUNS,
    HONORIFICS,
    ISSUED_WORDS,
    KANA,
    KINSHIP_NOUNS,
    NUMBER_WORDS,
    PREPOSITION_WORDS,
    PRE_VERB_PARTICLES,
    PRONOUN_COMPLEMENTIZERS,
    QUOTE_MARKS,
    RELATIVES,
    STATEMENT_NOUNS,
    adverbials,
    function_words,
    prepositions,
)
from marsad.resources import grammar_words
from marsad.types import Mention

MAX_ADVERBIALS = 3
HELD_NOUN_WORDS = 2
ASIDE_WORDS = 5  # words an aside between commas may have
MAX_FRONTED_WORDS = 4
FRONTED_LINKS = frozenset(prepositions("من"))  # العشرات من أقاربه
MAX_APPOSED_WORDS = 3  # an apposed name between commas
MAX_INSTRUMENT_WORDS = 2  # بعدة غارات، بالمدفعية الثقيلة
AGENT_PHRASE_REACH = 8
ISSUER_WORDS = 4  # رئاسة أمن الدولة السعودية
REPORTER_HEADS = grammar_words("reporter_heads")  # صحيفة، موقع، قناة …: after ب, the medium of an act


class MentionMap:
    """Token index → mention starting or covering there, for one document."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts: dict[int, Mention] = {}
        self.covering: dict[int, Mention] = {}
        for m in doc.mentions:
            self.starts[m.tokens[0]] = m
            for t in range(*m.tokens):
                self.covering[t] = m
        self._mentions = doc.mentions
        self._ends = [m.tokens[1] for m in doc.mentions]
        self._ordered = all(a <= b for a, b in zip(self._ends, self._ends[1:]))

    def latest_ending(self, lo: int, hi: int) -> Iterator[Mention]:
        """The mentions ending at a token in (lo, hi], latest in `doc.mentions`
        first. The mentions come in text order, so a bisect finds them;
        walking back from the article's end for each question was quadratic."""
        mentions, ends = self._mentions, self._ends
        if self._ordered:
            for k in range(bisect_right(ends, hi) - 1, bisect_right(ends, lo) - 1, -1):
                yield mentions[k]
        else:  # not in order: look at each
            yield from (m for m in reversed(mentions) if lo < m.tokens[1] <= hi)

    def skip_adverbials(self, i: int, end: int) -> int:
        advs = adverbials()
        skipped = 0
        toks = self.doc.tokens
        while i < end and skipped < MAX_ADVERBIALS and toks[i].is_word and i not in self.starts and (
            toks[i].reads_as(advs) or skipped and toks[i].norm == "من" or toks[i].norm in HONORIFICS
        ):
            i += 1
            skipped += 1
        return i

    def subject_after(self, i: int, end: int) -> Mention | None:
        """VSO: the actor right after the verb (time words may intervene)."""
        j = self.skip_adverbials(i + 1, end)
        if j + 1 < len(self.doc.tokens) and self.doc.tokens[j].text == "(":
            j += 1  # هاجموا (مسلحو المعارضة) قواتنا: a subject spelt out in brackets (its own clause)
        m = self.starts.get(j)
        if m and not self._has_preposition(j):
            return m
        return None

    def subject_before(self, i: int, start: int) -> Mention | None:
        """SVO: an actor ending right before the verb (particles may intervene)."""
        # particles, كان (أن قوات الجيش كانت تقاتل), quotes around the verb (أن خاشقجي "قتل")
        j = self._before_particles(i - 1, start, kana=True)
        if j > start and self.doc.tokens[j].text == "،":
            j = self._before_apposition(j, start)
        tok = self.doc.tokens[j] if j >= start else None
        if tok is not None and j not in self.covering and j - 1 in self.covering and tok.is_word \
                and not tok.prefix and tok.norm.startswith("ال") and tok.norm not in function_words():
            j -= 1  # المتظاهرون العزل تعرضوا: an adjective the mention left out
        elif tok is not None and j not in self.covering and j - 1 in self.covering and tok.is_word \
                and tok.prefix == "و" and tok.norm not in function_words() and tok.norm not in NUMBER_WORDS:
            j -= 1  # نحو 5300 مقاتل وعائلاتهم غادروا: a plain noun coordinated after the subject
        m = self.covering.get(j)
        if not (m and m.tokens[1] == j + 1 and m.tokens[0] >= start):
            return None
        if self._in_prepositional_construct(m.tokens[0], start):
            return None  # وعلى صفحته بموقع فيسبوك أعلن البركاني: where it was said, not who said it
        if not self._has_preposition(m.tokens[0]):
            return self.first_conjunct(m, start)
        p = m.tokens[0] - 1  # قيادات في قوات الشرعية قطعت: the head the prepositional phrase qualifies
        head = self.covering.get(p - 1) if p > start and self.doc.tokens[p].norm in ("في", "من") else None
        if head is not None and head.tokens[1] == p and head.tokens[0] >= start and head.label != "GPE" \
                and not self._has_preposition(head.tokens[0]):
            return self.first_conjunct(head, start)
        return None

    def _apposed_subject(self, i: int, clause_start: int) -> Mention | None:
        """`الوزير بالحكومة الإسرائيلية، نفتالي بينيت، قال`: a verb whose clause starts
        right after the comma closing an apposition has the title before it as subject
        (the commas split the clause; the sentence holds the subject)."""
        if i != clause_start or i == 0 or self.doc.tokens[i - 1].text != "،":
            return None
        sent_start = self.doc.sentences[self.doc.sentence_of_token(i)].tokens[0]
        j = self._before_apposition(i - 1, sent_start)
        m = self.covering.get(j) if j != i - 1 else None
        if m is None or m.tokens[1] != j + 1 or self._has_preposition(m.tokens[0]):
            return None
        before = self.doc.tokens[m.tokens[0] - 1]
        if not (self._opens_clause(m.tokens[0], sent_start) or before.reads_as(CLAUSE_CONJUNCTIONS)  # لكنّ الوزير، …
                or before.text == "،" and m.tokens[0] - 2 in self.covering):  # the title، the name، verb
            return None
        return m

    def _before_apposition(self, comma: int, start: int) -> int:
        """`وزير الدفاع الإسرائيلي، أفيغدور ليبرمان، رفض`: the token that ends the
        subject before an apposed name between commas (the comma itself if none)."""
        toks = self.doc.tokens
        named = self.covering.get(comma - 1)
        if named is not None and named.label == "PER" and named.tokens[0] > start:
            return comma - 1  # the name is a mention: it closes the subject
        k = comma - 1
        while k > start and comma - k <= MAX_APPOSED_WORDS and toks[k].is_word and k not in self.covering \
                and not toks[k].prefix and toks[k].norm not in function_words():
            k -= 1  # an unlisted name: أفيغدور ليبرلمان
        title = self.covering.get(k - 1)
        if title is not None and title.label != "PER" and self._has_preposition(title.tokens[0]):
            # الوزير بالحكومة الإسرائيلية، نفتالي بينيت، قال: the title before its prepositional phrase
            title = self.covering.get(title.tokens[0] - 1)
        if k < comma - 1 and toks[k].text == "،" and title is not None and title.label == "PER" \
                and title.tokens[0] >= start:
            return title.tokens[1] - 1
        return comma

    def phrase_before(self, i: int, start: int) -> Mention | None:
        """SVO with a subject no lexicon knows: the plain noun phrase that stands
        between a complementiser (or the clause start) and the verb at i —
        `إن العشرات من أقاربه انضموا`، `بينما الأشقاء يجتمعون`، `أن أحد الموقوفين "أقر"`."""
        toks = self.doc.tokens
        j = self._before_particles(i - 1, start)
        stop = phrase_stop_words()
        k = j
        while k >= start and j - k < MAX_FRONTED_WORDS and toks[k].is_word and k not in self.covering \
                and not toks[k].norm.isdigit() and toks[k].norm not in RELATIVES \
                and toks[k].norm not in COMPLEMENTIZERS and not toks[k].reads_as(CLAUSE_CONJUNCTIONS) \
                and (not reads_as_any(toks[k], stop) or toks[k].norm in FRONTED_LINKS or reads_as_any(toks[k], NUMBER_WORDS)
                     or toks[k].norm == "احد"):
            k -= 1
        first = k + 1
        if first > j or toks[j].norm in FRONTED_LINKS or toks[first].norm in FRONTED_LINKS:
            return None
        if not (k < start or toks[k].norm in COMPLEMENTIZERS or toks[k].reads_as(CLAUSE_CONJUNCTIONS)
                or toks[k].text in QUOTE_MARKS and k == start):
            return None
        head = toks[first]
        if head.prefix not in ("", "و", "ف") or not (definite(head) or reads_as_any(head, NUMBER_WORDS) or head.norm == "احد"):
            return None
        return self._phrase(first, j + 1)

    def first_conjunct(self, m: Mention, start: int) -> Mention:
        """`الحكومة اليمنية وجماعة الحوثي`: the subject is the first conjunct."""
        while self.doc.tokens[m.tokens[0]].prefix.startswith("و"):
            prev = self.covering.get(m.tokens[0] - 1)
            if prev is None or prev.tokens[1] != m.tokens[0] or prev.tokens[0] < start:
                break
            m = prev
        return m

    def kana_subject(self, i: int, start: int) -> Mention | None:
        """`وكان X … قال`: the actor after a clause-initial كان is the subject."""
        toks = self.doc.tokens
        if start < i and toks[start].reads_as(KANA):
            m = self.starts.get(start + 1)
            if m and m.tokens[1] <= i:
                return m
        return None

    def verb_subject(self, start: int, end: int, clause: tuple[int, int],
                     gender: str | None = None) -> tuple[Mention | None, str]:
        """The explicit subject of the verb at tokens [start, end), and how it
        was found ('' for VSO, ':svo', ':relative', ':kana'); (None, '') if the
        subject is a pronoun."""
        if self._pronoun_subject_before(start, clause[0]):
            return None, ""  # أنها دعت قادة الدول: the pronoun on أن is the subject, what follows the object
        before = self.subject_before(start, clause[0])
        if before and self._opens_clause(before.tokens[0], clause[0]):
            return before, ":svo"  # إن X يفعل Y: the fronted actor is the subject
        toks = self.doc.tokens
        antecedent = self.relative_antecedent(start, clause[0])
        if antecedent is not None and not toks[end - 1].suffix:
            return antecedent, ":relative"
        # الوقت الذي اجتمعت فيه قياداتهم: no actor antecedent, the subject follows;
        # الغوطة التي تحاصرها قوات النظام: the pronoun on the verb is the antecedent, its object
        if before is None and (fronted := self.phrase_before(start, clause[0])) is not None:
            return fronted, ":svo-phrase"  # إن العشرات من أقاربه انضموا: an unlisted fronted subject
        after = self.subject_after(end - 1, clause[1])
        # `gender`: the verb's own, when a pronoun the segmenter left on it hides it (اختطفتهم)
        if after and agrees(gender or verb_gender(toks[start]), mention_gender(after, toks), pronoun=False):
            return after, ""
        if before:
            return before, ":svo"
        apposed = self._apposed_subject(start, clause[0])
        if apposed is not None:
            return apposed, ":svo"
        kana = self.kana_subject(start, clause[0])
        return kana, ":kana" if kana else ""

    def relative_antecedent(self, i: int, clause_start: int) -> Mention | None:
        """The actor a relative pronoun right before token i refers to:
        `تنظيم "الدولة الإسلامية" الذي سيطر`."""
        toks = self.doc.tokens
        if i <= clause_start or toks[i - 1].norm not in RELATIVES:
            return None
        k = i - 2
        if k >= clause_start and toks[k].text in QUOTE_MARKS:
            k -= 1
        return self.covering.get(k)

    def resumed_antecedent(self, i: int, clause_start: int) -> Mention | None:
        """What the object pronoun of the verb at i resumes after a relative:
        an actor, or the plain definite phrase before it (`في الغوطة الشرقية
        التي تحاصرها قوات النظام`)."""
        found = self.relative_antecedent(i, clause_start)
        toks = self.doc.tokens
        if found is not None or i <= clause_start or toks[i - 1].norm not in RELATIVES:
            return found
        end = i - 1
        k = end - 1
        stop = phrase_stop_words()
        while k >= clause_start and end - k <= MAX_FRONTED_WORDS and toks[k].is_word and k not in self.covering \
                and not reads_as_any(toks[k], stop) and toks[k].stem.startswith("ال"):
            k -= 1
        first = k + 1
        if first >= end or toks[first].prefix not in ("", "و") and prep_clitic(toks[first]) == "":
            return None
        return self._phrase(first, end)

    def _pronoun_subject_before(self, i: int, clause_start: int) -> bool:
        """Whether the verb at i follows a complementiser carrying the subject
        pronoun (أنها دعت، إنه قصف، إنها باتت تحاصر), past particles and كان-like verbs."""
        j = self._before_particles(i - 1, clause_start, kana=True)
        return j >= clause_start and self.doc.tokens[j].norm in PRONOUN_COMPLEMENTIZERS

    def _opens_clause(self, j: int, clause_start: int) -> bool:
        """Whether the actor at token j stands first in its clause: at the
        clause start (after particles) or right after a complementiser
        (`إن الولايات المتحدة تدرب…`)."""
        k = self._before_particles(j - 1, clause_start)  # particles, an opening quote (أن "مجلس الأمن يدعو…")
        return k < clause_start or self.doc.tokens[k].norm in COMPLEMENTIZERS

    def _before_particles(self, j: int, start: int, kana: bool = False) -> int:
        """The first token at or before j (not before `start`) that is not a
        particle (قد، لم), a quote mark or, with `kana`, a form of كان and its sisters."""
        toks = self.doc.tokens
        while j >= start and (toks[j].norm in PRE_VERB_PARTICLES or toks[j].text in QUOTE_MARKS
                              or kana and toks[j].reads_as(KANA)):
            j -= 1
        return j

    def _in_prepositional_construct(self, j: int, start: int) -> bool:
        """Whether the mention at token j names the medium in a prepositional phrase: the second
        term after ب + a reporter's head word (`وعلى صفحته بموقع فيسبوك أعلن`, `بقناة الجزيرة`)."""
        if j - 1 < start or j - 1 in self.covering:
            return False
        head = self.doc.tokens[j - 1]
        return head.is_word and "ب" in head.prefix and head.key in REPORTER_HEADS

    def _has_preposition(self, j: int) -> bool:
        tok = self.doc.tokens[j]
        if any(c in tok.prefix for c in "بلك"):
            return True
        return j > 0 and self.doc.tokens[j - 1].norm in PREPOSITION_WORDS

    def introduced_by(self, j: int, preps: Collection[str]) -> bool:
        """Whether the mention at token j is introduced by one of `preps`."""
        toks = self.doc.tokens
        if j > 0 and toks[j - 1].norm in preps:
            return True
        prefix = toks[j].prefix
        return bool(prefix) and any(len(p) == 1 and p in prefix for p in preps)

    def phrase_after(self, i: int, end: int, preps: tuple[str, ...], stop: frozenset[str],
                     max_tokens: int = 3, definite_only: bool = False) -> Mention | None:
        """A plain noun phrase (no actor) as the target: `أسقط الطائرة الماليزية`,
        `قصف مواقع`, `هجوم على كنائس`. It starts right after token i (past
        adverbials), or after one of `preps`; it runs over content words."""
        toks = self.doc.tokens
        j = self.skip_adverbials(i + 1, end)
        if j < end and toks[j].norm in preps and toks[j].norm != "obj":
            j = self.skip_adverbials(j + 1, end)  # مع معظم اللاعبين الرئيسيين: past a quantifier
        elif j < end and (clitic := prep_clitic(toks[j])):
            # a clitic preposition introduces the phrase: it must be one the verb takes
            if clitic not in preps:
                return None
        elif j < end and "obj" not in preps:
            return None
        if j < end and i + 1 == j and (adjective_after_noun(toks, i, j) or definite(toks[i])
                                       and toks[j].stem.startswith("ال") and not toks[j].prefix):
            return None  # التعذيب الوحشي، بالسجن المؤبد: a definite word after a definite noun is its adjective
        if definite_only and (j >= end or not toks[j].stem.startswith("ال")):
            return None
        k = j
        while k < end and k - j < max_tokens and toks[k].is_word and not toks[k].norm.isdigit() \
                and toks[k].norm not in stop and toks[k].norm not in COMPLEMENTIZERS \
                and (k == j or not toks[k].prefix) and k not in self.starts:
            k += 1  # مراسلنا بأن القوات: a complementiser ends the phrase
        if k == j:
            return None
        behind = self.actor_behind(k - 1, end) if k - j == 1 else None
        if behind is None and k < end and k in self.starts and self.starts[k].actor is not None and (
                toks[k].prefix.endswith("ل") or not toks[k].prefix):
            behind = self.starts[k]  # نقطة تفتيش للجيش المصري
        if behind is not None:
            return behind
        return self._phrase(j, k)

    def _phrase(self, first: int, end: int) -> Mention:
        """A plain noun phrase over tokens [first, end), without the first word's proclitics."""
        toks = self.doc.tokens
        a = toks[first].start_after(toks[first].prefix)
        return Mention(a, toks[end - 1].end, self.doc.text[a:toks[end - 1].end], "MISC", (first, end), None, "phrase")

    def actor_behind(self, j: int, end: int) -> Mention | None:
        """The actor that a plain noun at j (and an optional adjective) is
        "of": مواقع الحوثيين، نقطة تفتيش للجيش، وفدا من حركة حماس، 3 مواقع للجيش."""
        toks = self.doc.tokens
        if j >= end or not toks[j].is_word or j in self.starts:
            return None
        if toks[j].norm in PREPOSITION_WORDS:
            j += 1
        while j < end and (toks[j].norm.isdigit() or toks[j].norm in adverbials()) and j not in self.starts:
            j += 1  # على 3 مواقع للجيش، عشرات المواقع
        if j >= end or not toks[j].is_word or j in self.starts or toks[j].reads_as(KINSHIP_NOUNS):
            return None  # صهر نواز: a relative of an actor is another person
        if j + 2 < end and toks[j + 1].prefix.startswith("و") and toks[j + 1].is_word \
                and j + 1 not in self.starts and j + 2 in self.starts:
            j += 1  # مواقع وتعزيزات للحوثيين: coordinated nouns share the actor
        held = self._holder(j + 1, end)
        if held is not None:
            return held
        for k in (j + 1, j + 2):
            if k >= end:
                return None
            m = self.starts.get(k)
            if m is not None and m.actor is not None:
                tok = toks[k]
                if not tok.prefix or tok.prefix.endswith("ل") or toks[k - 1].norm == "من":
                    return m
                return None
            if k == j + 1 and toks[k].norm == "من":
                continue
            # بأن، إن open a clause: what follows is no genitive (وأفاد مراسلنا بأن القوات…)
            construct = k == j + 1 and not toks[j].norm.startswith("ال") and not toks[k].norm.startswith("ال") \
                and toks[k].norm not in function_words() and toks[k].norm not in PREPOSITION_WORDS \
                and toks[k].norm not in COMPLEMENTIZERS
            if not (toks[k].is_word and not toks[k].prefix and (toks[k].norm.startswith("ال") or construct)):
                return None  # only an adjective, or a noun of the construct chain, may stand between
        return None

    def _holder(self, k: int, end: int) -> Mention | None:
        """`مواقع (التي) تتمركز فيها الميليشيا`، `مناطق يسيطر عليها داعش`: the
        actor a describing clause right after a place noun says holds it."""
        toks = self.doc.tokens
        for _ in range(HELD_NOUN_WORDS):  # مواقع وجبال استراتيجية كانت…: coordinated nouns, adjectives
            if k < end and toks[k].is_word and k not in self.starts and toks[k].norm not in RELATIVES \
                    and (toks[k].prefix == "و" or adjective_like(toks[k]) or nisba_ending(toks[k].norm)):
                k += 1
        if k < end and toks[k].norm in RELATIVES:
            k += 1
        if k + 2 < end and toks[k].is_word and k not in self.starts and not toks[k].prefix \
                and toks[k + 1].norm in HOLDING_PRONOUNS:
            m = self.starts.get(k + 2)
            if m is not None and m.actor is not None:
                return m
        if k < end and toks[k].reads_as(KANA):
            k += 1  # كانت الميليشيات تتمركز فيها: the holder before its verb
        m = self.starts.get(k)
        if m is not None and m.actor is not None and m.tokens[1] + 1 < end and toks[m.tokens[1]].is_word \
                and toks[m.tokens[1] + 1].norm in HOLDING_PRONOUNS:
            return m
        return None

    def _after_instrument(self, j: int, end: int) -> int:
        """The token after a short بـ phrase of means at j (`بعدة غارات`،
        `بالمدفعية الثقيلة`), or j itself when none stands there."""
        toks = self.doc.tokens
        if j >= end or prep_clitic(toks[j]) != "ب" or j in self.starts:
            return j
        k = j + 1
        # an adjective (بالمدفعية الثقيلة), or the genitive of an indefinite head (بعدة غارات)
        while k < end and k - j < MAX_INSTRUMENT_WORDS and toks[k].is_word and not toks[k].prefix \
                and k not in self.starts and (adjective_like(toks[k]) or not definite(toks[j])):
            k += 1
        return k

    def agent_phrase(self, i: int, end: int) -> Mention | None:
        """The actor named by `من قبل X` or `على يد X` within a few words after token i."""
        toks = self.doc.tokens
        for j in range(i, min(end - 1, i + AGENT_PHRASE_REACH)):
            if (toks[j].norm, toks[j + 1].norm) in AGENT_PHRASES and j + 2 in self.starts:
                return self.starts[j + 2]
        return None

    def issuer_of(self, document: Mention, end: int) -> Mention | None:
        """The actor who issued a statement or report named as a source:
        `بيان لرئاسة أمن الدولة`، `تصريح صادر عن المكتب الإعلامي`، `تقرير من الأمم المتحدة`."""
        toks = self.doc.tokens
        if not toks[document.tokens[0]].reads_as(STATEMENT_NOUNS):
            return None
        i = document.tokens[1] - 1
        if i + 1 < end and toks[i + 1].reads_as(ISSUED_WORDS):
            i += 1  # تصريح صادر عن
        return self.phrase_after(i, end, ("ل", "عن", "من"), phrase_stop_words(), max_tokens=ISSUER_WORDS)

    def conjunct_after(self, m: Mention) -> Mention | None:
        """`الجيش وقوات المعارضة`: the actor coordinated right after m."""
        nxt = self.starts.get(m.tokens[1])
        if nxt is not None and self.doc.tokens[nxt.tokens[0]].prefix.startswith("و"):
            return nxt
        return None

    def _aside_end(self, j: int, first: int, end: int) -> int:
        """The closing comma of an aside opened by the comma at j, or -1: right
        after the verb and its subject any phrase (`، في بيان رئاسي الخميس،`),
        later only a name in apposition (`، أيمن عودة،`)."""
        toks = self.doc.tokens
        close = next((k for k in range(j + 1, min(end, j + 1 + ASIDE_WORDS + 1)) if toks[k].text in CLAUSE_COMMAS), -1)
        if close < 0:
            return -1
        if j <= self.skip_adverbials(first, end):
            return close  # right after the verb, its subject and adverbials (أيضا،)
        if j + 1 in self.starts and not toks[j + 1].prefix:
            return close
        words = toks[j + 1:close]
        # a bare name the mention finder missed: a few words, no clitic, no function word
        bare_name = len(words) <= MAX_APPOSED_WORDS and all(
            t.is_word and not t.prefix and t.norm not in function_words() and t.norm not in PREPOSITION_WORDS
            for t in words)
        return close if bare_name else -1

    def object_after(self, i: int, end: int, preps: tuple[str, ...], window: int,
                     exclude: Mention | None = None) -> Mention | None:
        """The first actor after token i that the verb takes as its target:
        a direct object (`obj`, no preposition) or one introduced by `preps`."""
        direct = "obj" in preps
        if exclude is not None and exclude.tokens[1] - 1 == i:
            # دعا الحلف والاتحاد الأوروبي موسكو: the target comes after all conjuncts
            nxt = self.starts.get(exclude.tokens[1])
            while nxt is not None and self.doc.tokens[nxt.tokens[0]].prefix.startswith("و"):
                i = nxt.tokens[1] - 1
                nxt = self.starts.get(nxt.tokens[1])
        first = i + 1
        if direct and "ب" not in preps:
            first = self._after_instrument(first, end)  # استهدف بعدة غارات مواقع…: the object follows
        aside_end = -1  # a comma pair around an aside: أدان المجلس، في بيان رئاسي، ارتكابات…
        for j in range(i + 1, min(end, i + 1 + window)):
            if self.doc.tokens[j].norm in COMPLEMENTIZERS:
                break
            if self.doc.tokens[j].text in CLAUSE_COMMAS and j > aside_end:
                aside_end = self._aside_end(j, first, end)
                if aside_end < 0 and j > first and self.skip_adverbials(j + 1, end) == j + 1:
                    # استهدفت المئات من أبناء المدينة، مع اقتراب القوات: past a comma that opens
                    # no aside or adverbial (الأحد،) a noun is no longer the verb's direct object
                    direct = False
            m = self.starts.get(j)
            if m is None and (self.introduced_by(j, preps) or direct and j in (i + 1, first) and not self._has_preposition(j)):
                if self.doc.tokens[j].reads_as(KINSHIP_NOUNS) and j + 1 in self.starts:
                    return self._phrase(j, self.starts[j + 1].tokens[1])  # اعتقال صهر نواز: the relative
                behind = self.actor_behind(j, end)
                if behind is not None and behind is not exclude:
                    # أشاد بجهود الكويت، على مواقع الحوثيين، استهدفت تجمعات للميليشيا: the actor behind the noun
                    return behind
            if not m or m is exclude:
                continue
            if self.introduced_by(j, preps) or j - 1 > i and is_count(self.doc.tokens[j - 1]) \
                    and self.introduced_by(j - 1, preps):
                return m  # على 62 متهما: a count may stand between the preposition and the noun
            if direct and not self._has_preposition(j):
                return m
        return None
