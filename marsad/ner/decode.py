"""Fast CRF decoding: per-word score vectors cached by word form, and a
Viterbi search run over all sentences of a document at once.

A word's features depend only on its own form (features.py), so what it adds
to each label's score, as the tagged word or as a neighbour at offset ±1/±2,
is summed once per form and kept in a table. A sentence's scores are then a
few row lookups, and the Viterbi search steps through token positions with
every sentence of the document in parallel (numpy), so its cost grows with
the longest sentence rather than with the number of tokens.

Words the training data never tags as part of a name although it has them
often (punctuation, التي، وقال …; `CrfWeights.outside`) are held to `O`.
Given a word's label, the search left and right of it is independent, so
each sentence falls into short stretches between such words that are
searched separately (exactly, under that constraint) and in parallel.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.ner.clusters import stem_key
from marsad.ner.discourse import MIN_SINGLE_WORD, spread_names
from marsad.ner.features import BOS, EOS, HASHTAG_MARK, OFFSETS, Resources, word_features
from marsad.ner.model import CrfWeights
from marsad.text.normalize import fold

MEMO_MAX = 200_000  # word forms kept before the tables are rebuilt from scratch


class Decoder:
    def __init__(self, weights: CrfWeights, res: Resources | None = None):
        self.w = weights
        self.res = res or Resources.default()
        self.labels = weights.labels
        self.n_labels = len(weights.labels)
        self.prefixes = {k: f"{k:+d}:" for k in OFFSETS if k}
        bias = weights.features.get("bias")
        self.bias = weights.state[bias] if bias is not None else np.zeros(self.n_labels, np.float32)
        self.trans = weights.transitions.astype(np.float64)
        self.trans_t = np.ascontiguousarray(self.trans.T)  # [to, from]
        self.o = weights.labels.index("O")
        self._reset()

    def _reset(self) -> None:
        self.index: dict[str, int] = {}
        self.table = np.zeros((1024, len(OFFSETS), self.n_labels))  # per form: scores by offset
        self.held = np.zeros(1024, dtype=bool)  # per form: always O
        self.key_index: dict[str, int] = {}
        self.keys = np.zeros(1024, dtype=np.intp)  # per form: id of its stem (repeats of a name share it)
        self.short = np.zeros(1024, dtype=bool)  # per form: never spreads as a one-word name
        for pad in (BOS, EOS):
            self.form_id(pad)

    def _scores(self, form: str) -> np.ndarray:
        own, near = word_features(form, self.res)
        feats, state = self.w.features, self.w.state
        out = np.zeros((len(OFFSETS), self.n_labels), np.float64)
        for j, k in enumerate(OFFSETS):
            names = own if k == 0 else [self.prefixes[k] + f for f in near]
            rows = [r for f in names if (r := feats.get(f)) is not None]
            if rows:
                out[j] = state[rows].sum(axis=0)
        return out

    def form_id(self, form: str) -> int:
        idx = self.index.get(form)
        if idx is None:
            if len(self.index) >= MEMO_MAX:
                self._reset()
            idx = self.index[form] = len(self.index)
            if idx >= len(self.table):  # grow by doubling: amortised O(1) per new form
                self.table = np.concatenate([self.table, np.zeros_like(self.table)])
                self.held = np.concatenate([self.held, np.zeros_like(self.held)])
                self.keys = np.concatenate([self.keys, np.zeros_like(self.keys)])
                self.short = np.concatenate([self.short, np.zeros_like(self.short)])
            self.table[idx] = self._scores(form)
            self.held[idx] = fold(form) in self.w.outside
            key = _stem(form)
            self.keys[idx] = self.key_index.setdefault(key, len(self.key_index))
            # a hashtag's words name one thing together, never alone
            self.short[idx] = len(key) < MIN_SINGLE_WORD or form.startswith(HASHTAG_MARK)
        return idx

    def emissions(self, forms: Sequence[str], bounds: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """(n_tokens, n_labels) scores of each token, and each token's form id;
        `bounds` are sentence token ranges of `forms`."""
        get = self.index.get
        if len(bounds) == 1 and bounds[0] == (0, len(forms)):
            ids_list = [get(f) for f in forms]
        else:
            ids_list = [get(f) for a, b in bounds for f in forms[a:b]]
        if None in ids_list:
            flat = [f for a, b in bounds for f in forms[a:b]]
            ids_list = [i if i is not None else self.form_id(f) for i, f in zip(ids_list, flat)]
        ids = np.asarray(ids_list, dtype=np.intp)
        n = len(ids)
        lengths = np.fromiter((b - a for a, b in bounds), dtype=np.intp, count=len(bounds))
        ends = np.repeat(np.cumsum(lengths), lengths)
        starts = ends - np.repeat(lengths, lengths)
        pos = np.arange(n)
        table = self.table
        e = self.bias + table[ids, 2]
        bos, eos = self.index[BOS], self.index[EOS]
        for j, k in enumerate(OFFSETS):
            if k < 0:
                nb = pos + k
                e += table[np.where(nb >= starts, ids[np.maximum(nb, 0)], bos), j]
            elif k > 0:
                nb = pos + k
                e += table[np.where(nb < ends, ids[np.minimum(nb, n - 1)], eos), j]
        return e, ids

    def viterbi(self, emissions: np.ndarray, firsts: np.ndarray, lengths: np.ndarray,
                after_o: np.ndarray, before_o: np.ndarray) -> np.ndarray:
        """Best label per row of `emissions` covered by the spans (first row,
        length, whether an O precedes it, whether an O follows it), each span
        searched on its own; rows in span order."""
        n_seq, steps, n_lab = len(lengths), int(lengths.max()), self.n_labels
        # row r of span s at position t sits at padded[t, s]
        seq_of = np.repeat(np.arange(n_seq), lengths)
        pos_of = np.arange(len(seq_of)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        padded = np.zeros((steps, n_seq, n_lab))
        padded[pos_of, seq_of] = emissions[np.repeat(firsts, lengths) + pos_of]
        back = np.empty((steps, n_seq, n_lab), dtype=np.intp)
        history = np.empty((steps, n_seq, n_lab))
        history[0] = padded[0] + np.where(after_o[:, None], self.trans[self.o], 0.0)
        # cand[s, to, from]: the best predecessor is an argmax over the last,
        # contiguous axis, and its score a flat gather (cheaper than a max)
        cand = np.empty((n_seq, n_lab, n_lab))
        flat = cand.reshape(-1)
        base = np.arange(n_seq * n_lab).reshape(n_seq, n_lab) * n_lab
        trans_t = self.trans_t
        for t in range(1, steps):
            np.add(history[t - 1][:, None, :], trans_t, out=cand)
            np.argmax(cand, axis=2, out=back[t])
            np.add(flat[base + back[t]], padded[t], out=history[t])
        lanes = np.arange(n_seq)
        final = history[lengths - 1, lanes] + np.where(before_o[:, None], self.trans[:, self.o], 0.0)
        last = final.argmax(axis=1)  # each span's best final label
        ending: dict[int, list[int]] = {}  # step -> spans whose last row it is
        for k, n in enumerate(lengths.tolist()):
            ending.setdefault(n - 1, []).append(k)
        out = np.empty((steps, n_seq), dtype=np.intp)
        y = last.copy()
        for t in range(steps - 1, -1, -1):
            spans_ending = ending.get(t)
            if spans_ending is not None and t < steps - 1:
                y[spans_ending] = last[spans_ending]  # their path starts from their best last label
            out[t] = y
            y = back[t, lanes, y]
        return out[pos_of, seq_of]

    def tag_ids(self, forms: Sequence[str], bounds: Sequence[tuple[int, int]], spread: bool = False,
                window: int | None = None) -> np.ndarray:
        """Label index of each token in `bounds` (sentence ranges of `forms`), in order.

        With `spread`, the sentences are one document and each name found is
        also given to its untagged repeats (within `window` sentences)."""
        e, ids = self.emissions(forms, bounds)
        n = len(ids)
        out = np.full(n, self.o, dtype=np.intp)
        if not n:
            return out
        free = ~self.held[ids]
        lengths = np.fromiter((b - a for a, b in bounds), dtype=np.intp, count=len(bounds))
        out = self._viterbi_free(e, out, free, lengths)
        if spread:
            out = spread_names(out, self.keys[ids], ~free, lengths, self.labels, window, self.short[ids])
        return out

    def _viterbi_free(self, e: np.ndarray, out: np.ndarray, free: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Viterbi over the stretches of rows not held to O."""
        n = len(out)
        first = np.zeros(n, dtype=bool)
        first[np.cumsum(lengths)[:-1]] = True
        first[0] = True
        last = np.roll(first, -1)
        last[-1] = True
        prev_free = np.concatenate(([False], free[:-1]))
        next_free = np.concatenate((free[1:], [False]))
        starts = np.flatnonzero(free & (first | ~prev_free))
        stops = np.flatnonzero(free & (last | ~next_free))
        if not len(starts):
            return out
        out[free] = self.viterbi(e, starts, stops - starts + 1, ~first[starts], ~last[stops])
        return out

    def tag(self, forms: Sequence[str], bounds: Sequence[tuple[int, int]], spread: bool = False,
            window: int | None = None) -> list[str]:
        """IOB2 tags of the tokens in `bounds` (sentence ranges of `forms`), in order."""
        labels = self.labels
        return [labels[k] for k in self.tag_ids(forms, bounds, spread, window).tolist()]


def _stem(form: str) -> str:
    """The stem repeats of a name are matched by (`للبنك` → البنك)."""
    if form.startswith(HASHTAG_MARK) and len(form) > 1:
        form = form[1:]
    return stem_key(form) if form.isalpha() else fold(form)
