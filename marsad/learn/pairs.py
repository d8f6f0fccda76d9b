"""The joint (source, target) choice: a small pair model over the role rankers' entities.

The source and target rankers score a trigger's candidates independently; chosen apart, the target
ranker often takes the agent the source ranker also wants. Here each role's entities (coreferent
candidates pooling their softmax mass, "none" offset as in `stage._pick`) are paired, the best few
of each role, and a pair scores a·log mass(source) + b·log mass(target) + w·pair_features: whether
both are one entity, which side of the trigger each stands on (× type), which comes first, their
sectors. a, b and w are learned (listwise over the pairs of a training trigger) on role scores
cross-fitted over two halves of the training articles, so they are scores the rankers give to
articles they did not see.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from marsad.events.acts import entity_of
from marsad.learn.candidates import RoleCandidate, TriggerCandidate
from marsad.learn.linear import LinearModel

TOP_ENTITIES = 6  # per role: the pairs are the best few sources × the best few targets
SCALE_FEATURES = ("log_mass_source", "log_mass_target")


@dataclass(frozen=True, slots=True)
class PairCandidate:
    """What the pair features read of one role candidate (None fields for "none")."""

    entity: object     # `entity_of` its mention (None for "none")
    position: int      # its first token (-1 for "none")
    before: bool       # it stands before the trigger
    sector: str        # its actor's sector, or "none"
    named: bool        # its actor has an id


def _side(c: PairCandidate) -> str:
    if c.entity is None:
        return "none"
    return "before" if c.before else "after"


def pair_candidates(c: TriggerCandidate, cands: list[RoleCandidate]) -> list[PairCandidate]:
    """What the pair model reads of each role candidate of trigger `c`."""
    out = []
    for rc in cands:
        m = rc.mention
        if m is None:
            out.append(PairCandidate(None, -1, False, "none", False))
            continue
        actor = m.actor
        out.append(PairCandidate(entity_of(m), m.tokens[0], m.tokens[0] < c.start,
                                 actor.sector if actor and actor.sector else "none", bool(actor and actor.id)))
    return out


def pair_features(etype: str, s: PairCandidate, t: PairCandidate) -> tuple[str, ...]:
    ss, ts = _side(s), _side(t)
    both = s.entity is not None and t.entity is not None
    return _pair_features(etype, ss, ts, s.entity is not None and s.entity == t.entity,
                          both and s.position < t.position, s.sector if both else "", t.sector if both else "",
                          both and s.named and t.named, both and abs(s.position - t.position) <= 3)


@lru_cache(maxsize=20_000)
def _pair_features(etype: str, ss: str, ts: str, same: bool, first: bool, s_sector: str, t_sector: str,
                   named: bool, adjacent: bool) -> tuple[str, ...]:
    """The features of a pair's description (a few thousand descriptions: made once each)."""
    f = [f"sides={ss},{ts}", f"T={etype}&sides={ss},{ts}"]
    if same:
        f.append("same_entity")
    if s_sector:  # both are mentions
        f += [f"s_first={first}", f"T={etype}&s_first={first}&sides={ss},{ts}"]
        if s_sector != "none" and s_sector == t_sector:
            f.append("same_sector")
        f.append(f"secs={s_sector},{t_sector}")
        if named:
            f.append("both_named")
        if adjacent:
            f.append("adjacent")
    return tuple(f)  # shared by every pair of the description: immutable


def pooled_by_entity(scores: list[float], keys: list[object]) -> tuple[dict[object, float], dict[object, int], float]:
    """(each entity's softmax mass times exp(-top), its best-scored candidate, top): the candidates
    of one entity (a coreference cluster, an actor; None for "none") pool their mass. Shared by
    the joint choice and `stage.choose`."""
    top = max(scores)
    mass: dict[object, float] = {}
    best: dict[object, int] = {}
    for i, (v, k) in enumerate(zip(scores, keys)):
        mass[k] = mass.get(k, 0.0) + math.exp(v - top)
        if k not in best or v > scores[best[k]]:
            best[k] = i
    return mass, best, top


def entity_masses(scores: np.ndarray, keys: list[object], none_offset: float) -> list[tuple[float, int]]:
    """Each entity's (log softmax mass up to a constant, best candidate), best first; "none"'s
    scores shifted by `none_offset`."""
    mass, best, top = pooled_by_entity([v + none_offset if k is None else v for v, k in zip(scores.tolist(), keys)],
                                       keys)
    return sorted(((math.log(mass[k]) + top, best[k]) for k in mass), key=lambda e: (-e[0], e[1]))


def candidate_pairs(etype: str, cands: list[PairCandidate], source: np.ndarray, target: np.ndarray,
                    offsets: tuple[float, float]) -> list[tuple[int, int, float, float, tuple[str, ...]]]:
    """(source index, target index, source log mass, target log mass, pair features) of the best
    `TOP_ENTITIES` entities of each role."""
    keys = [c.entity for c in cands]
    sources = entity_masses(source, keys, offsets[0])[:TOP_ENTITIES]
    targets = entity_masses(target, keys, offsets[1])[:TOP_ENTITIES]
    return [(a, b, la, lb, pair_features(etype, cands[a], cands[b])) for la, a in sources for lb, b in targets]


def joint_choice(model: LinearModel, etype: str, cands: list[PairCandidate], source: np.ndarray,
                 target: np.ndarray, offsets: tuple[float, float]) -> tuple[int, int]:
    """The (source, target) candidate indices of the best-scored pair (the first on ties)."""
    weight = model.column_weights[0].get
    a_scale, b_scale = (weight(name, 0.0) for name in SCALE_FEATURES)
    best, pick = -math.inf, (0, 0)
    for a, b, la, lb, features in candidate_pairs(etype, cands, source, target, offsets):
        score = a_scale * la + b_scale * lb
        for w in map(weight, features):
            if w is not None:
                score += w
        if score > best:
            best, pick = score, (a, b)
    return pick


def strictly_right(accepted: list[bool], cands: list[PairCandidate], k: int) -> bool:
    """Whether candidate k is right for a role by the scorer's strict rule: the gold accepts it, or
    the gold leaves the role empty (`accepted` true at "none"), when any choice counts as right. The
    rankers learn to pick "none" for an empty gold role; the pair model learns what scores."""
    return accepted[k] or any(ok for ok, c in zip(accepted, cands) if c.entity is None)


def fit_pairs(groups: list[tuple[list[tuple[int, int, float, float, tuple[str, ...]]], list[bool]]], *,
              c: float = 1.0, max_iter: int = 500) -> LinearModel:
    """The pair model from training groups (each: its `candidate_pairs` and which pairs are right):
    a listwise logistic model (softmax over a group's pairs) whose two scale weights are
    penalised towards 1 (the rankers' own scores) and the pair features' towards 0."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    vocab = {name: k for k, name in enumerate(SCALE_FEATURES)}
    for pairs, _ in groups:
        for *_, features in pairs:
            for f in features:
                vocab.setdefault(f, len(vocab))
    data: list[float] = []
    rows: list[int] = []
    cols: list[int] = []
    y: list[float] = []
    sizes: list[int] = []
    for pairs, right in groups:
        for a, b, la, lb, features in pairs:
            r = len(y)
            rows += [r, r] + [r] * len(features)
            cols += [0, 1] + [vocab[f] for f in features]
            data += [la, lb] + [1.0] * len(features)
            y.append(1.0)
        for k, ok in enumerate(right):
            y[len(y) - len(right) + k] = 1.0 if ok else 0.0
        sizes.append(len(pairs))
    n = len(y)
    x = csr_matrix((data, (rows, cols)), shape=(n, len(vocab)))
    labels = np.array(y)
    size = np.asarray(sizes)
    owner = np.repeat(np.arange(len(size)), size)
    member = csr_matrix((np.ones(n), (owner, np.arange(n))), shape=(len(size), n))
    starts = np.r_[0, np.cumsum(size)[:-1]]
    xt = x.T.tocsr()
    prior = np.zeros(len(vocab))
    prior[:len(SCALE_FEATURES)] = 1.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        e = np.exp(s - np.maximum.reduceat(s, starts)[owner])
        z_all, z_pos = member @ e, member @ (e * labels)
        d = w - prior
        grad_s = e / z_all[owner] - e * labels / z_pos[owner]
        return float(np.sum(np.log(z_all) - np.log(z_pos)) + 0.5 / c * d @ d), xt @ grad_s + d / c

    result = minimize(loss, prior.copy(), jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    return LinearModel(["0", "1"], vocab, result.x.reshape(-1, 1).astype(np.float32), np.zeros(1, dtype=np.float32))
