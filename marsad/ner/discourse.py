"""One name, one reading per document: spreading the tagger's names to their
untagged repeats.

A news story names the same club, bank or person many times, and the CRF,
which sees one sentence at a time, finds it in some sentences and misses it
in others (`البنك التجاري` tagged once and missed nine times). After
tagging, every word sequence the tagger read as a name is looked for
elsewhere in the document, by clitic-stripped stems (`للبنك التجاري` repeats
`البنك التجاري`), and each repeat whose words are all still `O` gets the
name's type (the type the document gives it most often; a person's last
name alone counts as a repeat of the person), and names tagged
with different types are first retyped to the commonest. Only sentences
within `window` sentences of a tagged occurrence are searched, so a CoNLL
file without document marks can be read as a run of overlapping documents
(`eval ner` uses ±SPREAD_WINDOW sentences). Words held to `O` never start or
continue a spread name.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

SPREAD_WINDOW = 20  # sentences either side: about one ANERcorp story
MIN_SINGLE_WORD = 3  # letters of a one-word name that may spread (أم "or" is no name however tagged)


def chunk_rows(tags: np.ndarray, labels: Sequence[str], starts: np.ndarray) -> list[tuple[int, int, str]]:
    """(first row, end row, type) of each name in the label ids `tags`; a name
    never runs over a sentence start (`starts`: boolean per row)."""
    out: list[tuple[int, int, str]] = []
    rows = np.flatnonzero(np.fromiter((lab != "O" for lab in labels), bool, len(labels))[tags]).tolist()
    k = 0
    while k < len(rows):
        a = rows[k]
        kind = labels[tags[a]][2:]
        b = a + 1
        k += 1
        while k < len(rows) and rows[k] == b and not starts[b] and labels[tags[b]] == "I-" + kind:
            b += 1
            k += 1
        out.append((a, b, kind))
    return out


def _unify_types(tags: np.ndarray, keys: np.ndarray, names: list[tuple[int, int, str]], sentence_of: np.ndarray,
                 index: dict[str, int], window: int | None) -> tuple[np.ndarray, list[tuple[int, int, str]]]:
    """Tags and names with each name retyped to the type its repeats (within
    `window` sentences) have most often, when that beats its own
    (`أرسنال` read as a club twice and as a place once is a club)."""
    by_words: dict[tuple[int, ...], list[int]] = {}
    for k, (a, b, _kind) in enumerate(names):
        by_words.setdefault(tuple(keys[a:b].tolist()), []).append(k)
    out = tags.copy()
    retyped = list(names)
    for members in by_words.values():
        if len({names[k][2] for k in members}) < 2:
            continue
        everywhere = Counter(names[m][2] for m in members) if window is None else None  # one count, not one per member
        for k in members:
            a, b, kind = names[k]
            near = everywhere or Counter(names[m][2] for m in members
                                         if abs(int(sentence_of[names[m][0]]) - int(sentence_of[a])) <= window)
            best = max(sorted(near), key=near.__getitem__)
            if near[best] > near[kind]:
                out[a] = index["B-" + best]
                out[a + 1:b] = index["I-" + best]
                retyped[k] = (a, b, best)
    return out, retyped


def spread_names(tags: np.ndarray, keys: np.ndarray, held: np.ndarray, lengths: np.ndarray,
                 labels: Sequence[str], window: int | None = None,
                 short: np.ndarray | None = None) -> np.ndarray:
    """Label ids with each tagged name also given to its untagged repeats,
    after repeats tagged with different types take the commonest one.

    `tags`, `keys` (a stem id per row) and `held` (rows held to O) cover the
    sentences of one document, whose lengths are `lengths`; `window` limits
    the search to sentences that close to a tagged occurrence (None: the
    whole document)."""
    n = len(tags)
    if not n:
        return tags
    o = labels.index("O")
    ends = np.cumsum(lengths)
    starts = np.zeros(n + 1, dtype=bool)
    starts[ends - lengths] = True
    starts[n] = True
    names = chunk_rows(tags, labels, starts)
    sentence_of = np.repeat(np.arange(len(lengths)), lengths)
    index = {lab: k for k, lab in enumerate(labels)}
    out, names = _unify_types(tags, keys, names, sentence_of, index, window)
    found: dict[tuple[int, ...], list[tuple[int, str]]] = {}
    # a person is named again by the last name alone (ارسين فينغر … فينغر)
    last_names = [(b - 1, b, kind) for a, b, kind in names if kind == "PER" and b - a > 1]
    for a, b, kind in names + last_names:
        if b - a == 1 and short is not None and short[a]:
            continue
        found.setdefault(tuple(keys[a:b].tolist()), []).append((int(sentence_of[a]), kind))
    if not found:
        return out
    firsts = {seq[0] for seq in found}
    sizes = sorted({len(seq) for seq in found})
    # where each name's stems occur, in one pass: looking at every row of its
    # first stem for each name made a long article quadratic (one first stem,
    # الرئيس, begins many names)
    rows_of: dict[tuple[int, ...], list[int]] = {}
    key_list = keys.tolist()
    for a, key in enumerate(key_list):
        if key in firsts:
            for size in sizes:
                seq = tuple(key_list[a:a + size])
                if len(seq) == size and seq in found:
                    rows_of.setdefault(seq, []).append(a)
    # longest names first, so `البنك التجاري` is placed before `البنك` could be
    for seq in sorted(found, key=lambda s: (-len(s), s)):
        seen = found[seq]
        kinds = {kind for _, kind in seen}
        if len(kinds) > 1:
            counts = Counter(kind for _, kind in seen)
            kinds = {max(sorted(counts), key=counts.__getitem__)}
        kind = kinds.pop()
        near = np.array(sorted({s for s, _ in seen})) if window is not None else None
        size = len(seq)
        for a in rows_of.get(seq, ()):
            if out[a] != o or held[a]:  # most repeats found are the tagged names themselves
                continue
            b = a + size
            if size > 1 and starts[a + 1:b].any():
                continue
            if (out[a:b] != o).any() or held[a:b].any():
                continue
            if near is not None and np.abs(near - sentence_of[a]).min() > window:
                continue
            if not starts[b] and labels[out[b]] == "I-" + kind:
                continue  # it would run into the next name
            out[a] = index["B-" + kind]
            out[a + 1:b] = index["I-" + kind]
    return out
