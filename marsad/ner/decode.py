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

from marsad.doc import Doc
from marsad.ner.discourse import MIN_SINGLE_WORD, spread_names
from marsad.ner.features import BOS, EOS, HASHTAG_MARK, OFFSETS, FormReading, Resources, form_reading
from marsad.ner.vectors import VECTOR_OFFSETS
from marsad.ner.model import CrfWeights
from marsad.text.formtable import FormTable
from marsad.text.normalize import fold, without_invisible

MEMO_MAX = 200_000  # word forms kept before the tables are rebuilt from scratch
SCORE_BLOCK = 512  # new forms scored in one gather (bounds its memory when a vocabulary is preloaded)
VITERBI_BLOCK = 2048  # spans decoded together (see _viterbi_free)


class Decoder:
    def __init__(self, weights: CrfWeights, res: Resources | None = None):
        self.w = weights
        self.res = res or Resources.default()
        self.labels = weights.labels
        self.n_labels = len(weights.labels)
        self.prefixes = {k: f"{k:+d}:" for k in OFFSETS if k}
        # feature name -> weight row, for the tagged word and (prefix stripped) for a neighbour at offset k
        self.own_rows = weights.features
        self.zero_row = len(weights.state)
        near_rows = {k: {name[len(p):]: row for name, row in weights.features.items() if name.startswith(p)}
                     for k, p in self.prefixes.items()}
        # a neighbour's feature -> its row at each offset (OFFSETS, zero_row at 0 and
        # where it has none): one look-up per feature, not one per offset
        self.near_rows = {name: tuple(near_rows[k].get(name, self.zero_row) if k else self.zero_row
                                      for k in OFFSETS)
                          for name in set().union(*near_rows.values())}
        self.padded_state = np.vstack([weights.state, np.zeros((1, self.n_labels), weights.state.dtype)])
        bias = weights.features.get("bias")
        self.bias = weights.state[bias] if bias is not None else np.zeros(self.n_labels, np.float32)
        self.trans = weights.transitions.astype(np.float64)
        self.trans_t = np.ascontiguousarray(self.trans.T)  # [to, from]
        self.o = weights.labels.index("O")
        # per offset: (dims, labels) weights of the neighbour's vector dimensions `v<d>`
        dims = self.res.vectors.dims if self.res.vectors is not None else 0
        self.dense = {}
        for k in VECTOR_OFFSETS:
            prefix = self.prefixes.get(k, "")
            found = [weights.features.get(f"{prefix}v{d}", self.zero_row) for d in range(dims)]
            if any(r != self.zero_row for r in found):
                # in float64, as a vector's product casts it to: once here, not per word
                self.dense[OFFSETS.index(k)] = self.padded_state[found].astype(np.float64)
        self._reset()

    def _reset(self) -> None:
        self.index: dict[str, int] = {}
        # each word form's row here, by the tokenizer's form ids (a new table
        # on each reset, as the rows change)
        # the form without invisible characters: قال and ق\u200fال read alike
        self.rows = FormTable(lambda tok: self._add(without_invisible(tok.text)), np.intp)
        self._unscored: list[tuple[int, FormReading]] = []  # rows `_add` gave, for `_score_new`
        # table[j, form]: what the form adds to each label's score at offset
        # OFFSETS[j]; one contiguous block per offset, so a row gather is a `take`
        self.table = np.zeros((len(OFFSETS), 1024, self.n_labels))
        self.held = np.zeros(1024, dtype=bool)  # per form: always O
        self.key_index: dict[str, int] = {}
        self.keys = np.zeros(1024, dtype=np.intp)  # per form: id of its stem (repeats of a name share it)
        self.short = np.zeros(1024, dtype=bool)  # per form: never spreads as a one-word name
        for pad in (BOS, EOS):
            self.form_id(pad)

    def preload(self, forms: Sequence[str]) -> None:
        """Score these word forms now (what a first pass would do for each new word)."""
        for form in forms:
            self._add(form)
        self._score_new()

    def form_tables(self) -> tuple:
        """The per-form tables as plain data (marsad.cache), arrays as bytes."""
        n = len(self.index)
        return (self.index, np.ascontiguousarray(self.table[:, :n]).tobytes(), self.held[:n].tobytes(),
                self.key_index, self.keys[:n].tobytes(), self.short[:n].tobytes())

    def restore(self, tables: tuple) -> None:
        """Take the per-form tables `form_tables` gave (of a decoder with the same weights)."""
        index, table, held, key_index, keys, short = tables
        self._reset()
        self.index, self.key_index = index, key_index
        # read-only views of the bytes, exactly full: the first new form grows them into new
        # (writable) arrays before anything is written (form_id)
        self.table = np.frombuffer(table, dtype=np.float64).reshape(len(OFFSETS), len(index), self.n_labels)
        self.held = np.frombuffer(held, dtype=bool)
        self.keys = np.frombuffer(keys, dtype=np.intp)
        self.short = np.frombuffer(short, dtype=bool)

    def _scores(self, readings: Sequence[FormReading]) -> np.ndarray:
        """(forms, offsets, labels): what each form adds to each label's score
        at each offset: the sum of its features' weight rows (summed in the
        weights' float32, row after row, as crfsuite's own scorer does). The
        forms are scored together: one gather, not a handful of numpy calls
        per new word of a first pass."""
        own_rows, near_rows, zero, centre = self.own_rows, self.near_rows, self.zero_row, OFFSETS.index(0)
        found: list[int] = []  # each (form, offset)'s weight rows, in the features' order, one after another
        counts: list[int] = []  # how many rows each (form, offset) has
        for reading in readings:
            near = [at for f in reading.near if (at := near_rows.get(f)) is not None]
            for j in range(len(OFFSETS)):
                if j == centre:
                    rows = [r for f in reading.own if (r := own_rows.get(f)) is not None]
                else:
                    rows = [r for at in near if (r := at[j]) != zero]
                found += rows
                counts.append(len(rows))
        out = np.zeros((len(readings), len(OFFSETS), self.n_labels), np.float64)
        width = max(counts, default=0)
        if width:
            # one row of `index` per (form, offset), padded at its end with the
            # all-zero row (adding 0.0 leaves a float sum as it was; a -0.0
            # becomes 0.0, as adding it to `out` makes it anyway)
            index = np.full((len(counts), width), zero, dtype=np.intp)
            index[np.arange(width) < np.array(counts)[:, None]] = found  # row-major: in `found`'s order
            out += self.padded_state[index].sum(axis=1).reshape(out.shape)
        if self.dense:
            for f, reading in enumerate(readings):
                if reading.vector is not None:
                    vec = reading.vector.astype(np.float64)
                    for j, w in self.dense.items():
                        out[f, j] += vec @ w
        return out

    def _score_new(self) -> None:
        """Score the forms `_add` gave rows since the last call."""
        while self._unscored:
            block, self._unscored = self._unscored[:SCORE_BLOCK], self._unscored[SCORE_BLOCK:]
            self.table[:, [idx for idx, _ in block]] = self._scores([reading for _, reading in block]).swapaxes(0, 1)

    def form_id(self, form: str) -> int:
        """The form's row in the score table (a new form is scored)."""
        idx = self._add(form)
        self._score_new()
        return idx

    def _add(self, form: str) -> int:
        """`form_id`, but a new form's scores are left to `_score_new`."""
        idx = self.index.get(form)
        if idx is None:
            if len(self.index) >= MEMO_MAX:
                self._reset()
            idx = self.index[form] = len(self.index)
            if idx >= len(self.held):  # grow by doubling: amortised O(1) per new form
                self.table = np.concatenate([self.table, np.zeros_like(self.table)], axis=1)
                self.held = np.concatenate([self.held, np.zeros_like(self.held)])
                self.keys = np.concatenate([self.keys, np.zeros_like(self.keys)])
                self.short = np.concatenate([self.short, np.zeros_like(self.short)])
            reading = form_reading(form, self.res)
            self._unscored.append((idx, reading))
            self.held[idx] = fold(form) in self.w.outside
            key = reading.stem
            self.keys[idx] = self.key_index.setdefault(key, len(self.key_index))
            # a hashtag's words name one thing together, never alone
            self.short[idx] = len(key) < MIN_SINGLE_WORD or form.startswith(HASHTAG_MARK)
        return idx

    def form_ids(self, forms: Sequence[str]) -> np.ndarray:
        """Row of each word form in the score table (new forms are scored)."""
        while True:
            rows = self.rows
            get = self.index.get
            ids = [get(f) for f in forms]
            if None in ids:
                ids = [i if i is not None else self._add(f) for i, f in zip(ids, forms)]
            if self.rows is rows:  # the table was not rebuilt meanwhile
                self._score_new()
                return np.array(ids, dtype=np.intp)

    def token_ids(self, doc: Doc) -> np.ndarray:
        """`form_ids` of the document's tokens (as `token_form`): one gather
        of rows kept per word form (FormTable), a lookup only for hashtags."""
        tagged = [i for i, t in enumerate(doc.tokens) if t.hashtag] if doc.hashtags else []
        while True:
            rows = self.rows
            ids = rows.values(doc)
            for i in tagged:
                ids[i] = self._add(HASHTAG_MARK + without_invisible(doc.tokens[i].text))
            if self.rows is rows:
                self._score_new()
                return ids

    def emissions(self, ids: np.ndarray, bounds: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """(n_tokens, n_labels) scores of each token in `bounds` (sentence
        ranges of `ids`, the words' form ids), and those tokens' form ids."""
        # Each sentence framed by two BOS before and two EOS after, so that a
        # word's neighbour at offset k is a fixed shift of the framed array.
        n_sent = len(bounds)
        firsts = np.fromiter((a for a, _ in bounds), dtype=np.intp, count=n_sent)
        lengths = np.fromiter((b - a for a, b in bounds), dtype=np.intp, count=n_sent)
        before = np.cumsum(lengths) - lengths  # tokens in earlier sentences
        rows = np.arange(int(lengths.sum())) + np.repeat(4 * np.arange(n_sent), lengths)
        own = ids[np.repeat(firsts - before, lengths) + np.arange(len(rows))]
        pad = np.full(len(rows) + 4 * n_sent + 2, self.index[EOS], dtype=np.intp)
        heads = 2 + before + 4 * np.arange(n_sent)  # framed position of each sentence's first word
        pad[heads - 1] = pad[heads - 2] = self.index[BOS]
        pad[rows + 2] = own
        size = len(pad) - 4
        table = self.table
        e = self.bias + table[2].take(pad[2:2 + size], axis=0)  # also scores the frames, then dropped
        for j, k in enumerate(OFFSETS):
            if k:
                e += table[j].take(pad[2 + k:2 + k + size], axis=0)
        return e[rows], own

    def viterbi(self, emissions: np.ndarray, firsts: np.ndarray, lengths: np.ndarray,
                after_o: np.ndarray, before_o: np.ndarray) -> np.ndarray:
        """Best label per row of `emissions` covered by the spans (first row,
        length, whether an O precedes it, whether an O follows it), each span
        searched on its own; rows in span order."""
        # Lanes hold the spans longest first, so the spans still running at
        # step t are the first `active[t]` lanes: most spans are a word or
        # two long, and a step only touches the lanes that are still going.
        order = np.argsort(-lengths, kind="stable")
        lens = lengths[order]
        n_seq, steps, n_lab = len(lens), int(lens[0]), self.n_labels
        active = np.searchsorted(-lens, -np.arange(steps + 1), side="left").tolist()  # lanes longer than t
        # row r of the span in lane s at position t sits at padded[t, s]
        lane_of = np.repeat(np.arange(n_seq), lens)
        pos_of = np.arange(len(lane_of)) - np.repeat(np.cumsum(lens) - lens, lens)
        padded = np.empty((steps, n_seq, n_lab))
        padded[pos_of, lane_of] = emissions[np.repeat(firsts[order], lens) + pos_of]
        back = np.empty((steps, n_seq, n_lab), dtype=np.intp)
        history = np.empty((steps, n_seq, n_lab))
        history[0] = padded[0] + np.where(after_o[order][:, None], self.trans[self.o], 0.0)
        # cand[s, to, from]: the best predecessor is an argmax over the last,
        # contiguous axis, and its score a flat gather (cheaper than a max)
        cand = np.empty((n_seq, n_lab, n_lab))
        flat = cand.reshape(-1)
        base = np.arange(n_seq * n_lab).reshape(n_seq, n_lab) * n_lab
        trans_t = self.trans_t
        add = np.add
        for t in range(1, steps):
            k = active[t]
            c = cand[:k]
            add(history[t - 1, :k, None, :], trans_t, out=c)
            b = back[t, :k]
            c.argmax(axis=2, out=b)
            add(flat[base[:k] + b], padded[t, :k], out=history[t, :k])
        lanes = np.arange(n_seq)
        final = history[lens - 1, lanes] + np.where(before_o[order][:, None], self.trans[:, self.o], 0.0)
        last = final.argmax(axis=1)  # each span's best final label
        out = np.empty((steps, n_seq), dtype=np.intp)
        y = np.empty(n_seq, dtype=np.intp)
        for t in range(steps - 1, -1, -1):
            k, ending = active[t], active[t + 1]
            y[ending:k] = last[ending:k]  # lanes whose span ends here start from their best last label
            out[t, :k] = y[:k]
            if t:
                y[:k] = back[t, lanes[:k], y[:k]]
        labels = np.empty(len(lane_of), dtype=np.intp)
        # rows back in span order: lane s holds span order[s]
        starts = np.cumsum(lengths) - lengths
        labels[np.repeat(starts[order], lens) + pos_of] = out[pos_of, lane_of]
        return labels

    def tag_ids(self, forms: Sequence[str], bounds: Sequence[tuple[int, int]], spread: bool = False,
                window: int | None = None) -> np.ndarray:
        """Label index of each token in `bounds` (sentence ranges of `forms`), in order.

        With `spread`, the sentences are one document and each name found is
        also given to its untagged repeats (within `window` sentences)."""
        return self.label_ids(self.form_ids(forms), bounds, spread, window)

    def label_ids(self, ids: Sequence[int], bounds: Sequence[tuple[int, int]], spread: bool = False,
                  window: int | None = None) -> np.ndarray:
        """`tag_ids` of words given by their form ids (`form_ids`, `token_ids`)."""
        e, ids = self.emissions(ids, bounds)
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
        last = np.empty_like(first)  # `first` shifted left by one (np.roll's wrapper costs more than the shift)
        last[:-1] = first[1:]
        last[-1] = True
        prev_free = np.concatenate(([False], free[:-1]))
        next_free = np.concatenate((free[1:], [False]))
        starts = np.flatnonzero(free & (first | ~prev_free))
        stops = np.flatnonzero(free & (last | ~next_free))
        if not len(starts):
            return out
        lengths, after_o, before_o = stops - starts + 1, ~first[starts], ~last[stops]
        # spans are searched independently: a block at a time keeps the lane
        # arrays in cache and their memory bounded in a long article
        labels = [self.viterbi(e, starts[k:k + VITERBI_BLOCK], lengths[k:k + VITERBI_BLOCK],
                               after_o[k:k + VITERBI_BLOCK], before_o[k:k + VITERBI_BLOCK])
                  for k in range(0, len(starts), VITERBI_BLOCK)]
        out[free] = labels[0] if len(labels) == 1 else np.concatenate(labels)
        return out

    def tag(self, forms: Sequence[str], bounds: Sequence[tuple[int, int]], spread: bool = False,
            window: int | None = None) -> list[str]:
        """IOB2 tags of the tokens in `bounds` (sentence ranges of `forms`), in order."""
        labels = self.labels
        return [labels[k] for k in self.tag_ids(forms, bounds, spread, window).tolist()]

    def tag_sentences(self, sentences: Sequence[Sequence[str]], spread: bool = False,
                      window: int | None = None) -> list[list[str]]:
        """IOB2 tags of each sentence (a sequence of word forms), tagged together
        as one document (names spread across them with `spread`)."""
        forms: list[str] = []
        bounds: list[tuple[int, int]] = []
        for words in sentences:
            bounds.append((len(forms), len(forms) + len(words)))
            forms.extend(words)
        tags = self.tag(forms, bounds, spread, window)
        return [tags[a:b] for a, b in bounds]
