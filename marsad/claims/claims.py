"""Claims: speaker, cue and content of what the article attributes to someone.

    وقال التحالف في بيان: "…"   → speaker التحالف, cue قال, direct quotation
    وأضاف أن …                  → continuation: the last speaker
    بحسب المرصد السوري، …       → speaker المرصد السوري, content the rest
    قال X إن …، مضيفا أن …       → a second claim: the participle continues X
    …، حسبما قال X / وفق ما نقلت X → speaker X, content what comes before
    …، في حين قالت Y إن …        → a clause opener starts a claim of its own inside X's
"""
from __future__ import annotations

from marsad.grammar.cues import Cue, cue_index
from marsad.claims.filters import (carried_speaker, circumstantial, noun_or_adjective, not_a_speaker, speech_follows,
                                   speech_only_cues)
from marsad.doc import Doc
from marsad.grammar.actor_base import head_role
from marsad.grammar.phrase_index import Match
from marsad.grammar.predicates import participle
from marsad.resources import grammar_words, read_words
from marsad.grammar.mention_map import MentionMap
from marsad.grammar.stop_words import phrase_stop_words
from marsad.grammar.words import COMPLEMENTIZERS, ISSUED_WORDS, RELATIVES
from marsad.text.clitics import enclitic_splits, prefix_for_key, verb_keys
from marsad.text.normalize import fold
from marsad.text.vocab import word_counts
from marsad.types import Claim, Mention, Sentence, Span

QUOTES = "\"«»“”'"
CLAIM_OPENERS = grammar_words("claim_openers")
CLAIM_OPENER_HEADS = grammar_words("claim_opener_heads")
PRE_VERB_PARTICLES = grammar_words("pre_verb_particles")
QUOTING_VERBS = grammar_words("quoting_verbs")
QUOTED_FROM_REACH = 10  # ونقلت وكالة الأنباء السورية الرسمية، سانا، عن مصدر
ACCORDING_REACH = 3  # tokens of an attribution before its verb: وفقا لما نقلته
NAME_RULES = frozenset({"ner", "short-form", "lexicon"})  # a mention that is a bare name, no title
SPEECH_NOUNS = read_words("speech_nouns.txt")
THIRD_PERSON = frozenset({"ه", "ها", "هم", "هما", "هن"})
PRONOUN_STEM_MIN_COUNT = 5  # a stem seen this often in the corpora is a word, so the ending is a pronoun


def _pronoun_word(doc: Doc, speaker: Mention) -> bool:
    """A plain one-word phrase that carries a third-person pronoun (قوله،
    لقاءاته، يضعه): it stands for someone already named, it names no speaker
    itself (but مراسلنا, "our correspondent", does)."""
    a, b = speaker.tokens
    if speaker.rule != "phrase" or b - a != 1:
        return False
    tok = doc.tokens[a]
    if tok.suffix:
        return tok.suffix in THIRD_PERSON
    if tok.text.endswith("ة"):
        return False  # ناطقة: the ة folds like the pronoun ه
    counts = word_counts()  # the tokenizer leaves most suffixes on: قوله, لقاءاته
    return any(suf in THIRD_PERSON and counts.get(stem, 0) >= PRONOUN_STEM_MIN_COUNT
               for stem, suf in enclitic_splits(tok.norm))


TRAILING = " .,،؛;:\n"


def _statement_owner(doc: Doc, mmap: MentionMap, statement: Mention) -> Mention | None:
    """The body a statement belongs to: `بيان لوزارة …`, `بيان صادر عن …`."""
    toks = doc.tokens
    j = statement.tokens[1]
    if j < len(toks) and toks[j].norm in ISSUED_WORDS:
        j += 1
    if j < len(toks) and toks[j].norm == "عن":
        j += 1
    owner = mmap.starts.get(j)
    return owner if owner is not None and owner.actor is not None else None


def _participle_cue(cue: Cue) -> bool:
    """A circumstantial participle cue (مضيفا، مشيرة، قائلا): it continues its sentence's subject."""
    return participle(fold(cue.form.split()[0]))


def _opens_claim(doc: Doc, i: int, sent_start: int) -> bool:
    """Whether the words before the cue at token i open a new clause (`لكنه قال`، `في حين قالت`،
    `بعد أن قال`): what follows is a claim of its own, not part of the earlier one. A comma alone
    does not (`قال إن "…، أكد …"`), nor a relative (`التي قالت إن`): both tried, each lowered the
    validation claim F1 (most such candidates were no gold claim)."""
    toks = doc.tokens
    k = i - 1
    while k > sent_start and toks[k].norm in PRE_VERB_PARTICLES:
        k -= 1  # لكنه لم يقل
    if k < sent_start:
        return False
    if toks[k].norm in CLAIM_OPENERS:
        return True
    return toks[k].norm in COMPLEMENTIZERS and k > sent_start and toks[k - 1].norm in CLAIM_OPENER_HEADS


class ClaimExtractor:
    """One claim per cue; nested cues inside a claim's content are skipped
    unless coordinated (`… وأضاف`)."""

    name = "claims"
    requires = ("tokens", "sentences", "mentions", "clusters")  # speakers are resolved mentions
    provides = ("claims",)

    def __call__(self, doc: Doc) -> Doc:
        index = cue_index()
        mmap = MentionMap(doc)
        claims: list[Claim] = []
        recent: list[Mention] = []  # speakers so far, the latest last
        starts = index.starts(doc, verb_keys)
        for s_i, sent in enumerate(doc.sentences):
            a, b = sent.tokens
            matches = [m for m in index.find_all(doc.tokens, a, b, verb_keys, starts) if m.start not in mmap.covering]
            sent_claims: list[Claim] = []
            has_verb_cue = any(m.payloads[0].kind in ("verb", "continuation") for m in matches)
            verb_starts = {m.start for m in matches if m.payloads[0].kind == "verb"}
            for m in matches:
                cue = m.payloads[0]
                if cue.kind == "statement" and has_verb_cue:
                    continue
                if cue.kind == "according" and m.end in verb_starts:
                    continue  # بحسب ما أعلن X: one claim, made by the verb
                if self._nested(doc, m, a, sent_claims) or self._not_a_report(doc, m, a):
                    continue
                claim = self._claim(doc, mmap, s_i, m, cue, recent, sent_claims)
                if claim:
                    sent_claims.append(claim)
                    if claim.speaker:
                        recent.append(claim.speaker)
            claims.extend(sent_claims)
        doc.claims = claims
        return doc

    @staticmethod
    def _not_a_report(doc: Doc, m: Match[Cue], sent_start: int) -> bool:
        """Cue words that report nothing here: the impersonal `يُذكر أن` / `يُتوقع أن`
        (a journalist's aside), `يُدعى` ("is called", folded like يدعي "claims"),
        and a cue inside a relative clause (`الملاحظات التي قالها`)."""
        tokens = doc.tokens
        tok = tokens[m.start]
        if m.payloads[0].kind not in ("verb", "continuation"):
            return False
        if tok.text.endswith("ى") and tok.key.startswith(("يدع", "تدع")):
            return True
        if m.start > sent_start and tokens[m.start - 1].norm in RELATIVES:
            return True
        if noun_or_adjective(doc, m.start, sent_start):
            return True
        if (m.payloads[0].kind == "continuation" or fold(m.payloads[0].form) in speech_only_cues()) and not speech_follows(
                doc, m.end, doc.sentences[doc.sentence_of_token(m.start)].tokens[1]):
            return True  # وتابع الجلسات، واختتمت مشاورات، كتب التاريخ: following or ending, not saying
        nxt = tokens[m.end] if m.end < len(tokens) else None
        return bool(tok.key in grammar_words("impersonal_verbs") and nxt is not None
                    and nxt.norm in COMPLEMENTIZERS and m.start - sent_start <= 1)

    @staticmethod
    def _nested(doc: Doc, m: Match[Cue], sent_start: int, earlier: list[Claim]) -> bool:
        """A cue inside an earlier claim's content is part of what was said, unless it opens a
        claim of its own: coordinated (`… وأضاف`), a circumstantial participle (`…، مضيفا أن`), or
        an attribution (`…، بحسب رويترز`، `…، حسبما قال X`)."""
        tok = doc.tokens[m.start]
        start = tok.start
        inside = any(c.content[0] <= start < c.content[1] for c in earlier)
        if not inside or (tok.prefix or prefix_for_key(tok.light, m.key)).startswith(("و", "ف")):
            return False  # the tokenizer leaves و on verbs (وأضاف): the matched key tells
        cue = m.payloads[0]
        if cue.kind == "according" or ClaimExtractor._according_before(doc, m.start, sent_start) is not None:
            return False
        return not _participle_cue(cue) and not _opens_claim(doc, m.start, sent_start)

    def _claim(self, doc: Doc, mmap: MentionMap, s_i: int, m: Match[Cue], cue: Cue,
               recent: list[Mention], sent_claims: list[Claim]) -> Claim | None:
        sent = doc.sentences[s_i]
        a, b = sent.tokens
        clause = next((c for c in sent.clauses if c[0] <= m.start < c[1]), sent.tokens)
        tokens = doc.tokens
        cue_tok = tokens[m.start]
        cue_start = cue_tok.start_after(prefix_for_key(cue_tok.light, m.key))
        cue_span = Span(cue_start, tokens[m.end - 1].end, doc.text[cue_start:tokens[m.end - 1].end])
        speaker: Mention | None
        rule = cue.kind
        if cue.kind == "according" and m.end < b and tokens[m.end].norm in COMPLEMENTIZERS:
            rule = "verb"  # كما قال إنه…: كما is "also", the verb reports with a pronoun subject
        if rule == "according":
            speaker = None
            # حسبما نشرت صحيفة…: a reporting verb may stand between the cue and the source
            for j in (m.end, m.end + 1):
                speaker = mmap.starts.get(j) or mmap.subject_after(j - 1, b) or mmap.phrase_after(
                    j - 1, b, ("obj", "ل"), phrase_stop_words())  # وفقا للصحيفة: an unlisted source
                if speaker is not None or j >= b or not tokens[j].is_word:
                    break
            if speaker is None or _pronoun_word(doc, speaker) or not_a_speaker(doc, speaker):
                return None  # حسب قوله، بحسب ما يضعه: the speaker is whoever the pronoun stands for
            speaker = mmap.issuer_of(speaker, b) or speaker  # حسب بيان لرئاسة أمن الدولة: the issuer speaks
            after = speaker.end
            if m.start - a <= 1:  # بحسب X، content
                content = self._content(doc, after, sent)
            else:  # content، بحسب X
                content = self._trim(doc, sent.start, tokens[m.start].start)
        else:
            according = self._according_before(doc, m.start, a)
            if according is None and self._transfer(doc, m, sent.tokens):
                return None  # نقل الجرحى إلى المستشفى: moving, not reporting (وفق ما نقلت رويترز reports)
            sentence_speakers = [c.speaker for c in sent_claims if c.speaker is not None]
            if _participle_cue(cue) and sentence_speakers:
                # قال X …، مضيفا أن …: the participle's subject is the sentence's speaker
                speaker, how = carried_speaker(doc, cue_tok, sentence_speakers), ":sentence"
            else:
                speaker, how = mmap.verb_subject(m.start, m.end, clause)
            rule += how
            if speaker is None and according is not None and (after_cue := mmap.starts.get(m.end)) is not None:
                speaker, rule = after_cue, rule + ":after"  # وفقا لما نقلته وكالة الأنباء: the pronoun is the object
            if speaker is None and (named := self._name_after_cue(doc, mmap, m)) is not None:
                speaker, rule = named, rule + ":name"  # وقالت هيلي: a bare name, whatever its letters
            quoted = self._quoted_from(doc, mmap, m, sent.tokens)
            if quoted is not None:
                speaker, rule = quoted, rule + ":quoted-from"  # نقلت وكالات عن وزارة الدفاع قولها
            if speaker is None and _participle_cue(cue) \
                    and (main := mmap.subject_after(a, b)) is not None and main.start < cue_span.start:
                speaker, rule = main, rule + ":main"  # وتنصل السفير … قائلا: the sentence's subject speaks
            if speaker is None and not (m.end < clause[1] and circumstantial(tokens[m.end])):
                # يقول بيتر ري، … / وأكدت مصادر ميدانية أن…: an unknown speaker (not
                # after وأضاف مخاطبا الصحافيين: the participle's object is the addressee)
                speaker = mmap.phrase_after(m.end - 1, clause[1], ("obj",), phrase_stop_words())
                rule += ":phrase" if speaker else ""
                if speaker is not None and (_pronoun_word(doc, speaker) or not_a_speaker(doc, speaker)
                                            or doc.tokens[speaker.tokens[0]].norm in COMPLEMENTIZERS):
                    speaker = None  # وقال عن أحد لقاءاته، وأفادت بأن…: no speaker named here
            if speaker is None:
                speaker = carried_speaker(doc, tokens[m.start], recent)
                rule += ":carried"
                after = tokens[m.end - 1].end
            else:
                after = max(speaker.end, tokens[m.end - 1].end)
            if according is not None and according > a:
                # "…، بحسب ما أعلن X": what X said is the sentence before the cue
                content = self._trim(doc, sent.start, tokens[according].start)
                rule += ":according"
            else:
                content = self._content(doc, after, sent)
        if content[1] <= content[0]:
            return None
        if speaker is not None and head_role(speaker.actor) == "statement":
            owner = _statement_owner(doc, mmap, speaker)
            speaker = owner or speaker  # بيان لوزارة الخزانة، بيان صادر عن الرابطة: the body speaks
        direct = self._is_direct(doc.text, after, content)
        return Claim(speaker, cue_span, content, s_i, direct=direct, rule=rule)

    @staticmethod
    def _name_after_cue(doc: Doc, mmap: MentionMap, m: Match[Cue]) -> Mention | None:
        """A person named right after the cue with no title (وقالت هيلي،
        قال ميرغني): the subject, even when the name's letters do not show
        the gender the verb has (foreign women's names end in no ة)."""
        found = mmap.starts.get(m.end)
        if found is None or found.label != "PER" or found.rule not in NAME_RULES:
            return None
        return found

    @staticmethod
    def _transfer(doc: Doc, m: Match[Cue], clause: tuple[int, int]) -> bool:
        """`نقل` reports only as "نقل X عن Y" (or نقل قوله/تصريحاته); with no
        عن and no speech noun in the clause it moves something (نقل الجرحى)."""
        if fold(m.payloads[0].form.split()[0]) not in QUOTING_VERBS:
            return False
        words = {t.norm for t in doc.tokens[m.end:clause[1]]} | {t.key for t in doc.tokens[m.end:clause[1]]}
        return "عن" not in words and not words & SPEECH_NOUNS

    @staticmethod
    def _quoted_from(doc: Doc, mmap: MentionMap, m: Match[Cue], clause: tuple[int, int]) -> Mention | None:
        """`نقل X عن Y`: Y is the one who said it."""
        if fold(m.payloads[0].form.split()[0]) not in QUOTING_VERBS:
            return None
        for j in range(m.end, min(clause[1] - 1, m.end + QUOTED_FROM_REACH)):
            if doc.tokens[j].norm == "عن" and j + 1 in mmap.starts:
                return mmap.starts[j + 1]
        return None

    @staticmethod
    def _according_before(doc: Doc, i: int, sent_start: int) -> int | None:
        """Token index of the attribution that introduces the verb cue at i
        (`بحسب ما أعلن`، `حسبما قال`، `وفقا لما نقلته`), if one does."""
        tokens = doc.tokens
        for j in range(i - 1, max(sent_start, i - ACCORDING_REACH) - 1, -1):
            hit = cue_index().match_at(tokens, j, i, verb_keys)
            if hit is not None and hit.end == i and hit.payloads[0].kind == "according":
                return j
            if j < i - 1 and tokens[i - 1].norm == "ما":  # بحسب ما: the phrase's own ما
                hit = cue_index().match_at(tokens, j, i - 1, verb_keys)
                if hit is not None and hit.end == i - 1 and hit.payloads[0].kind == "according":
                    return j
        return None

    @staticmethod
    def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
        text = doc.text
        while start < end and text[start] in TRAILING:
            start += 1
        while end > start and text[end - 1] in TRAILING:
            end -= 1
        return start, end

    def _content(self, doc: Doc, after: int, sent: Sentence) -> tuple[int, int]:
        """What was said: from after the speaker (past a complementiser or
        a colon) to the end of the sentence."""
        start = after
        # Skip the complementiser أن/إن that opens reported speech.
        for tok in doc.tokens[sent.tokens[0]:sent.tokens[1]]:
            if tok.start < after:
                continue
            if tok.norm in COMPLEMENTIZERS:
                start = tok.end
                break
            if tok.text == ":":
                start = tok.end
                break
            if tok.is_word and tok.start > after + 40:
                break
        return self._trim(doc, start, sent.end)

    @staticmethod
    def _is_direct(text: str, after: int, content: tuple[int, int]) -> bool:
        gap = text[after:content[0]]
        head = text[content[0]:content[0] + 2]
        return ":" in gap and any(q in head for q in QUOTES) or (
            text[content[0]:content[0] + 1] in QUOTES and text[content[1] - 1:content[1]] in QUOTES
        )
