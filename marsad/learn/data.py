"""Training examples from annotated articles: gold events aligned to the candidates of a rules-processed Doc.

Gold items carry no trigger offsets, only a verbatim `evidence` inside their sentence, so a gold
event is aligned to the candidate that (in order of preference) starts inside its evidence with
the gold type among its lexicon types; starts inside its evidence; or shares its sentence and
type. Gold events that find no candidate are counted: that is the candidate generator's recall,
the ceiling of the models.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from marsad.doc import Doc
from marsad.eval.scoring import role_matches
from marsad.learn.candidates import RoleCandidate, RuleView, TriggerCandidate, role_candidates, trigger_candidates
from marsad.learn.features import role_features, trigger_features
from marsad.learn.sentences import anchor, sentence_features, sentence_views
from marsad.events.modality import clause_governors, governor_positions

NONE = "NONE"
SKIP = "SKIP"  # a candidate aligned to an arguable gold event: neither positive nor negative


@dataclass
class Examples:
    trigger_x: list[list[str]] = field(default_factory=list)
    trigger_y: list = field(default_factory=list)  # per sentence: the set of gold types
    role_x: dict[str, list[list[str]]] = field(default_factory=lambda: {"source": [], "target": []})
    role_y: dict[str, list[str]] = field(default_factory=lambda: {"source": [], "target": []})
    stats: Counter = field(default_factory=Counter)


def mention_dict(m) -> dict | None:
    if m is None:
        return None
    return {"text": m.text, "actor": {"name_en": m.actor.name_en if m.actor else None}}


def candidate_matches(gold_names: list[str] | None, cand: RoleCandidate) -> bool:
    """Whether a role candidate is one the gold role accepts (the scorer's own rule)."""
    if not gold_names:
        return cand.mention is None
    return cand.mention is not None and role_matches(gold_names, mention_dict(cand.mention))


def trigger_feature_rows(doc: Doc, view: RuleView, cands: list[TriggerCandidate]) -> list[list[str]]:
    """The trigger features of every candidate of a document, in order (shared with prediction)."""
    rows = []
    positions = governor_positions(doc)
    governors: dict[int, tuple[list[int], list[int]]] = {}
    earlier: dict[int, Counter] = {}
    for c in cands:
        if c.sentence not in governors:
            governors[c.sentence] = clause_governors(doc, c.sentence, positions)
        seen = earlier.setdefault(c.sentence, Counter())
        rows.append(trigger_features(doc, view, c, seen, governors[c.sentence]))
        seen.update(c.types)
    return rows


def _evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    pos = text.find(evidence)
    return (pos, pos + len(evidence)) if pos >= 0 and evidence else None


def align(doc: Doc, cands: list[TriggerCandidate], gold_events: list[dict]) -> dict[int, dict]:
    """Candidate index → the gold event aligned to it (required events first)."""
    starts = [doc.tokens[c.start].start for c in cands]
    sentence_spans = [(s.start, s.end) for s in doc.sentences]
    used: dict[int, dict] = {}
    for g in sorted(gold_events, key=lambda g: not g.get("required", True)):
        ev = _evidence_span(doc.text, g.get("evidence", ""))
        if ev is None:
            continue
        sents = {k for k, (a, b) in enumerate(sentence_spans) if a < ev[1] and ev[0] < b}
        best, rank = None, 9
        for k, c in enumerate(cands):
            if k in used or c.sentence not in sents:
                continue
            inside = ev[0] <= starts[k] < ev[1]
            typed = g["type"] in c.types
            r = 0 if inside and typed else 1 if inside else 2 if typed else 9
            if r < rank:
                best, rank = k, r
        if best is not None:
            used[best] = g
    return used


VOCAB_MIN_EVENTS = 3   # a word counts as a learned trigger after this many gold events hold it …
VOCAB_MIN_SHARE = 0.2  # … and when at least this share of its occurrences lies in a gold event's evidence


def learn_vocabulary(processed: list[tuple[dict, Doc]]) -> dict[str, tuple[str, ...]]:
    """Word keys the annotations show as triggers beyond the lexicon: words inside gold events'
    evidence (not actor mentions, not function words) often enough, and rarely elsewhere."""
    from marsad.resources import read_words

    stop = read_words("function_words.txt")
    in_evidence: dict[str, Counter] = {}
    total: Counter = Counter()
    for row, doc in processed:
        covered = {t for m in doc.mentions for t in range(*m.tokens)}
        starts = [t.start for t in doc.tokens]
        for tok in doc.tokens:
            if tok.is_word:
                total[tok.key] += 1
        for g in row["events"]:
            ev = _evidence_span(doc.text, g.get("evidence", ""))
            if ev is None:
                continue
            keys = {doc.tokens[i].key for i, s in enumerate(starts) if ev[0] <= s < ev[1]
                    and doc.tokens[i].is_word and i not in covered and len(doc.tokens[i].key) > 2
                    and doc.tokens[i].key not in stop and not doc.tokens[i].key.isdigit()}
            for k in keys:
                in_evidence.setdefault(k, Counter())[g["type"]] += 1
    vocab = {}
    for key, by_type in sorted(in_evidence.items()):
        n = sum(by_type.values())
        if n >= VOCAB_MIN_EVENTS and n / total[key] >= VOCAB_MIN_SHARE:
            vocab[key] = tuple(t for t, k in sorted(by_type.items(), key=lambda x: (-x[1], x[0])) if k >= 2) \
                or (by_type.most_common(1)[0][0],)
    return vocab


def sentence_of(doc: Doc, evidence: str) -> int | None:
    """The sentence holding the start of a gold item's evidence."""
    ev = _evidence_span(doc.text, evidence)
    if ev is None:
        return None
    for k, s in enumerate(doc.sentences):
        if s.start <= ev[0] < s.end:
            return k
    return None


def add_article(ex: Examples, doc: Doc, gold_events: list[dict], vocab: dict[str, tuple[str, ...]] | None = None
                ) -> None:
    """Add one rules-processed article's sentence-type and role examples."""
    view = RuleView(doc)
    cands = trigger_candidates(doc, view, vocab)
    views = sentence_views(doc, cands)
    by_sentence: dict[int, list[dict]] = {}
    for g in gold_events:
        k = sentence_of(doc, g.get("evidence", ""))
        if k is None:
            ex.stats["gold_unplaced"] += 1
            continue
        by_sentence.setdefault(k, []).append(g)
    for sv in views:
        golds = by_sentence.get(sv.index, [])
        ex.trigger_x.append(sentence_features(doc, view, sv))
        ex.trigger_y.append({g["type"] for g in golds})
        first_of_type: dict[str, dict] = {}
        for g in sorted(golds, key=lambda g: not g.get("required", True)):
            first_of_type.setdefault(g["type"], g)
            if g.get("required", True):
                ex.stats["gold_required"] += 1
        for etype, g in first_of_type.items():
            trig = anchor(doc, view, sv, etype)
            ex.stats[f"anchor_{trig.origin}"] += 1
            role_cands = role_candidates(doc, view, trig)
            for role in ("source", "target"):
                ok = [candidate_matches(g.get(role), rc) for rc in role_cands]
                ex.stats[f"{role}_events"] += 1
                if not any(ok):
                    ex.stats[f"{role}_no_candidate"] += 1
                    continue
                for rc, good in zip(role_cands, ok):
                    ex.role_x[role].append(role_features(doc, view, trig, etype, role, rc, role_cands))
                    ex.role_y[role].append("1" if good else "0")
