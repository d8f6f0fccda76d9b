"""The sentence-type view of events: which PLOVER types does a sentence state, and which word anchors each.

The scorer (and the annotation guide: one event per act per sentence) counts events per sentence
and type; 96 % of (sentence, type) pairs in the annotated corpus hold one event. So the trigger
decision is made per sentence and type — a multi-label classifier over the sentence's words, their
clusters, the lexicon's hits and the rules' events — and a sentence's several triggers of one
type (قصفت … غارات … مقتل) no longer make several events of one act.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache

from marsad.doc import Doc
from marsad.learn.candidates import RuleView, TriggerCandidate
from marsad.learn.features import neighbour_word, word_clusters
from marsad.learn.linear import LinearModel

# An anchor found by none of the candidate rules: the sentence's first word (the scorer only
# needs the trigger inside the sentence; the rules rarely leave a sentence with no candidate).
FALLBACK = "sentence"


@dataclass(frozen=True, slots=True)
class SentenceView:
    index: int
    candidates: tuple[TriggerCandidate, ...]


def sentence_views(doc: Doc, cands: list[TriggerCandidate]) -> list[SentenceView]:
    by: list[list[TriggerCandidate]] = [[] for _ in doc.sentences]
    for c in cands:
        by[c.sentence].append(c)
    return [SentenceView(i, tuple(cs)) for i, cs in enumerate(by)]


def sentence_features(doc: Doc, view: RuleView, sv: SentenceView) -> list[str]:
    """Features of one sentence for the multi-label type model (shared by training and prediction)."""
    sent = doc.sentences[sv.index]
    a, b = sent.tokens
    f = ["bias", f"first={'y' if sv.index == 0 else 'n'}"]
    previous = None
    grams: set[str] = set()
    for i in range(a, b):
        tok = doc.tokens[i]
        if not tok.is_word:
            if tok.text.isdigit():
                f.append("number")
            continue
        f += _word_features(tok.key, tok.text)
        grams.update(_trigrams(tok.key))
        if previous is not None:
            # word pairs tell a sense a word alone does not (أطلق سراح "released" against أطلق النار
            # "opened fire"; مجلس الأمن); validation-slice type F1 0.655 → 0.667
            f.append(f"bg={previous}_{tok.key}")
        previous = tok.key
    f += _context_features(doc, view, sv)
    # the letter trigrams of the sentence's words, each once: a word the training data never showed
    # shares its root's letters with those it did (مقتل، قتلى، اقتتال); validation strict F1 0.4416 →
    # 0.4469, type 0.6765 → 0.6819
    f += sorted(grams)
    return f


def sentence_columns(doc: Doc, view: RuleView, sv: SentenceView, model: LinearModel) -> list[int]:
    """`model.columns(sentence_features(doc, view, sv))`, made faster (prediction's path): a word's
    own known columns are kept in its form's facts, and the trigrams' columns are sorted as
    numbers, which is their features' string order in a vocabulary made by training."""
    if not model.sorted_vocab:
        return model.columns(sentence_features(doc, view, sv))
    known, column = model.columns, model.vocab.get
    fact_key = model.fact_key
    tokens = doc.tokens
    a, b = doc.sentences[sv.index].tokens
    cols = known(["bias", f"first={'y' if sv.index == 0 else 'n'}"])
    number = column("number")
    previous = None
    grams: set[int] = set()
    for i in range(a, b):
        tok = tokens[i]
        if not tok.is_word:
            if number is not None and tok.text.isdigit():
                cols.append(number)
            continue
        facts = tok.form.facts
        word = facts.get(fact_key)
        if word is None:  # the tokens of one form share its text and key
            word = facts[fact_key] = (tuple(known(_word_features(tok.key, tok.text))), known(_trigrams(tok.key)))
        cols += word[0]
        grams.update(word[1])
        if previous is not None:
            c = column(f"bg={previous}_{tok.key}")
            if c is not None:
                cols.append(c)
        previous = tok.key
    cols += known(_context_features(doc, view, sv))
    cols += sorted(grams)
    return cols


def _context_features(doc: Doc, view: RuleView, sv: SentenceView) -> list[str]:
    """The sentence's features beyond its words: its trigger candidates, the rules' events, the
    sectors of its mentions, a speaker."""
    a, b = doc.sentences[sv.index].tokens
    f: list[str] = []
    for c in sv.candidates:
        key = doc.tokens[c.start].key
        before, after = neighbour_word(doc, c.start - 1, a, b), neighbour_word(doc, c.end, a, b)
        if c.origin == "cue":
            f += ["cue", f"cue={key}"]
        for t in c.types:
            # the words beside a lexicon hit tell its sense (مقاطعة "boycott" or "province") and its
            # frame (a history: كان, سابق; a habit; a figure of speech)
            f += [f"lex={t}", f"lex={t}&k={key}", f"lex={t}&pos={c.pos}", f"lex={t}&prev={before}",
                  f"lex={t}&next={after}", f"lex={t}&k={key}&next={after}"]
            if view.quote_depth[c.start]:
                f.append(f"lex={t}&quoted")
    for e in view.events_by_sentence.get(sv.index, ()):
        f += [f"rule={e.type}", f"rule={e.type}&name={e.rule}"]
        if e.negated:
            f.append(f"rule={e.type}&negated")
        if e.hedged:
            f.append(f"rule={e.type}&hedged")
    sectors = {m.actor.sector for m in view.mentions_by_sentence[sv.index] if m.actor and m.actor.sector}
    f += [f"sec={s}" for s in sorted(sectors)]
    f.append(f"mentions={min(len(view.mentions_by_sentence[sv.index]), 4)}")
    if view.speakers.get(sv.index):
        f.append("has_speaker")
    return f


@lru_cache(maxsize=200_000)
def _trigrams(key: str) -> tuple[str, ...]:
    """The letter trigrams of a word key, with its edges marked (`<قت`, `تل>`), interned."""
    w = f"<{key}>"
    return tuple(sys.intern(f"g3={w[i:i + 3]}") for i in range(len(w) - 2))


@lru_cache(maxsize=200_000)
def _word_features(key: str, text: str) -> tuple[str, ...]:
    """A word's own features (its key, its fine cluster): a pure function of the word form, so
    built once per form, not per token; interned, as the models' vocabularies are, so that
    look-ups match them by identity."""
    cl = word_clusters(text)
    return tuple(map(sys.intern, (f"k={key}", f"c2={cl[1]}") if cl else (f"k={key}",)))


def anchor(doc: Doc, view: RuleView, sv: SentenceView, etype: str) -> TriggerCandidate:
    """The word that stands for the sentence's event of `etype`: a lexicon match of that type (one the
    rules made an event of first), else the rules' event of that type, else a claim cue, else the
    sentence's first candidate or word."""
    typed = [c for c in sv.candidates if etype in c.types]
    for c in typed:
        if c.rule_event is not None and c.rule_event.type == etype:
            return c
    if typed:
        return typed[0]
    for c in sv.candidates:
        if c.rule_event is not None and c.rule_event.type == etype:
            return c
    for c in sv.candidates:
        if c.origin == "cue":
            return c
    if sv.candidates:
        return sv.candidates[0]
    a, b = doc.sentences[sv.index].tokens
    first = next((i for i in range(a, b) if doc.tokens[i].is_word), a)
    return TriggerCandidate(sv.index, first, first + 1, (), view.events_at.get(first), FALLBACK)
