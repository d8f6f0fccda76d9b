"""Training examples from annotated articles, over a rules-processed Doc.

Gold items carry no trigger offsets, only a verbatim `evidence` inside their sentence: the
sentence-type model learns the set of gold types of each sentence, and the role rankers learn,
for the first gold event of each (sentence, type), which candidates its source and target accept
(the scorer's own name rule). Gold roles that no candidate fits are counted: the ceiling of the
rankers.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from marsad.doc import Doc
from marsad.eval.scoring import _match, role_matches
from marsad.learn.candidates import RoleCandidate, RuleView, role_candidates, trigger_candidates
from marsad.learn.claims import claim_features, speaker_groups
from marsad.learn.dates import CLAIM, DateIndex, claim_item, date_candidates, date_features, event_item
from marsad.learn.features import candidate_features, role_context, role_features
from marsad.learn.pairs import PairCandidate, pair_candidates
from marsad.learn.sentences import anchor, sentence_features, sentence_views

@dataclass
class Examples:
    trigger_x: list[list[str]] = field(default_factory=list)
    trigger_y: list = field(default_factory=list)  # per sentence: the set of gold types
    role_x: dict[str, list[list[str]]] = field(default_factory=lambda: {"source": [], "target": []})
    role_y: dict[str, list[str]] = field(default_factory=lambda: {"source": [], "target": []})
    role_groups: dict[str, list[int]] = field(default_factory=lambda: {"source": [], "target": []})  # sizes
    stats: Counter = field(default_factory=Counter)
    # per role group: the number of the article it comes from (in order), for cross-fitting
    role_articles: dict[str, list[int]] = field(default_factory=lambda: {"source": [], "target": []})
    pairs: list[PairExample] = field(default_factory=list)  # the pair model's (marsad.learn.pairs)
    articles: int = 0

    def role_part(self, role: str, keep) -> tuple[list[list[str]], list[str], list[int]]:
        """The role's examples of the groups whose article number `keep` accepts."""
        xs: list[list[str]] = []
        ys: list[str] = []
        sizes: list[int] = []
        start = 0
        for size, article in zip(self.role_groups[role], self.role_articles[role]):
            if keep(article):
                xs += self.role_x[role][start:start + size]
                ys += self.role_y[role][start:start + size]
                sizes.append(size)
            start += size
        return xs, ys, sizes


@dataclass(frozen=True)
class PairExample:
    """One gold event's trigger whose source and target both have an accepted candidate: each
    candidate's role features, what the pair model reads of it, and which the gold accepts."""

    article: int
    etype: str
    source_x: list[list[str]]
    target_x: list[list[str]]
    cands: list[PairCandidate]
    ok_source: list[bool]
    ok_target: list[bool]


def mention_dict(m) -> dict | None:
    if m is None:
        return None
    return {"text": m.text, "actor": {"name_en": m.actor.name_en if m.actor else None}}


def candidate_matches(gold_names: list[str] | None, cand: RoleCandidate) -> bool:
    """Whether a role candidate is one the gold role accepts (the scorer's own rule)."""
    if not gold_names:
        return cand.mention is None
    return cand.mention is not None and role_matches(gold_names, mention_dict(cand.mention))


def _evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    pos = text.find(evidence)
    return (pos, pos + len(evidence)) if pos >= 0 and evidence else None


def sentence_of(doc: Doc, evidence: str) -> int | None:
    """The sentence holding the start of a gold item's evidence."""
    ev = _evidence_span(doc.text, evidence)
    if ev is None:
        return None
    for k, s in enumerate(doc.sentences):
        if s.start <= ev[0] < s.end:
            return k
    return None


def add_article(ex: Examples, doc: Doc, gold_events: list[dict]) -> None:
    """Add one rules-processed article's sentence-type and role examples."""
    view = RuleView(doc)
    cands = trigger_candidates(doc, view)
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
            ctx = role_context(doc, view, trig, etype, role_cands)
            bases = [candidate_features(doc, view, ctx, rc) for rc in role_cands]
            xs, oks = {}, {}
            for role in ("source", "target"):
                ok = [candidate_matches(g.get(role), rc) for rc in role_cands]
                ex.stats[f"{role}_events"] += 1
                if not any(ok):
                    ex.stats[f"{role}_no_candidate"] += 1
                    continue
                ex.role_groups[role].append(len(role_cands))
                ex.role_articles[role].append(ex.articles)
                xs[role] = [role_features(doc, ctx, role, rc, base) for rc, base in zip(role_cands, bases)]
                oks[role] = ok
                ex.role_x[role] += xs[role]
                ex.role_y[role] += ["1" if good else "0" for good in ok]
            if len(xs) == 2:
                ex.pairs.append(PairExample(ex.articles, etype, xs["source"], xs["target"],
                                            pair_candidates(trig, role_cands), oks["source"], oks["target"]))
    ex.articles += 1


def claim_examples(row: dict, doc: Doc) -> tuple[list[list[str]], list[str]]:
    """Filter examples of one rules-processed article: each rules' claim, "1" when it matches a
    required gold claim — cue in the gold sentence and speaker accepted (the scorer's own rule)."""
    rec = doc.to_dict()
    _, _, _, _, pairs = _match(row.get("claims", []), rec["claims"], rec,
                               lambda g, s: role_matches(g.get("speaker"), s.get("speaker")), "cue")
    right = {id(s) for g, s in pairs if g.get("required", True)}
    view = RuleView(doc)
    return ([claim_features(doc, view, c) for c in doc.claims],
            ["1" if id(sc) in right else "0" for sc in rec["claims"]])


def speaker_examples(row: dict, doc: Doc) -> tuple[list[list[str]], list[str], list[int]]:
    """Speaker-ranker examples of one rules-processed article: for each rules' claim matched to a
    gold claim (cue in its sentence), its candidates, "1" for those the gold speaker accepts."""
    rec = doc.to_dict()
    _, _, _, _, pairs = _match(row.get("claims", []), rec["claims"], rec, lambda g, s: True, "cue")
    gold_of = {id(s): g for g, s in pairs}
    view = RuleView(doc)
    xs: list[list[str]] = []
    ys: list[str] = []
    sizes: list[int] = []
    for claim, sc in zip(doc.claims, rec["claims"]):
        g = gold_of.get(id(sc))
        if g is None:
            continue
        cands, feats = speaker_groups(doc, view, claim)
        ok = [candidate_matches(g.get("speaker"), c) for c in cands]
        if any(ok):
            xs += feats
            ys += ["1" if k else "0" for k in ok]
            sizes.append(len(cands))
    return xs, ys, sizes


def date_examples(doc: Doc, gold_events: list[dict], gold_claims: list[dict] = ()
                  ) -> tuple[list[list[str]], list[str], list[int]]:
    """Ranker examples of one grounded article: for each event matched to a gold event (same
    sentence and type) and each claim matched to a gold claim (same sentence) whose annotation
    gives its day, its candidates, "1" for the gold day; items whose gold day no candidate states
    are left out (the ranker's ceiling)."""
    gold: dict[tuple[int | None, str], dict] = {}
    for g in gold_events:
        if g.get("date"):
            gold.setdefault((sentence_of(doc, g.get("evidence", "")), g["type"]), g)
    for g in gold_claims:
        if g.get("date"):
            gold.setdefault((sentence_of(doc, g.get("evidence", "")), CLAIM), g)
    index = DateIndex(doc, doc.dates)
    xs: list[list[str]] = []
    ys: list[str] = []
    sizes: list[int] = []
    for item in [*map(event_item, doc.events), *map(claim_item, doc.claims)]:
        g = gold.get((item.sentence, item.kind))
        if g is None:
            continue
        cands = date_candidates(index, item)
        ok = [c.value == g["date"] for c in cands]
        if not any(ok):
            continue
        xs += [date_features(doc, index, item, c) for c in cands]
        ys += ["1" if good else "0" for good in ok]
        sizes.append(len(cands))
    return xs, ys, sizes
