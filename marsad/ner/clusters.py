"""Word clusters Marsad learns from its own unlabelled news.

Each word (its clitic-stripped, folded stem) is described by the words seen
just before and after it in `../shared/data/corpora`; the counts are weighted
by positive PMI, reduced to dense vectors with a truncated SVD and grouped by
k-means at two granularities (coarse and fine). Names of the same kind end up
together (cities with cities, first names with first names), which lets the
tagger generalise to names it never saw labelled. Everything runs with fixed
seeds over sorted inputs, so a rebuild gives the same file.

Only `word<TAB>coarse<TAB>fine` is shipped (`data/clusters.tsv.gz`), never text.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from marsad.text.clitics import segment
from marsad.text.normalize import fold_light

CORPUS_FILES = ("alarabiya_2018.jsonl", "news_sample.jsonl", "pool_2000.jsonl")
WORD_RE = re.compile(r"[\u0621-\u064A]+")
DATA = Path(__file__).resolve().parent / "data"
CLUSTER_FILE = "clusters.tsv.gz"


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    min_count: int = 3
    max_words: int = 40_000
    contexts: int = 3_000  # most frequent words used as left/right contexts
    dims: int = 100
    coarse: int = 64
    fine: int = 384
    seed: int = 13


def stem_key(word: str) -> str:
    """The folded, clitic-stripped form a word is clustered under (and looked up by)."""
    return segment(fold_light(word))[3]


def corpus_sentences(corpora: Path) -> Iterator[list[str]]:
    """Word keys per line of every article, files and articles in a fixed order."""
    seen: set[str] = set()
    for name in CORPUS_FILES:
        with (corpora / name).open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                text = row.get("text") or ""
                if text in seen:  # the pool repeats some articles of the other files
                    continue
                seen.add(text)
                for para in text.splitlines():
                    keys = [stem_key(w) for w in WORD_RE.findall(fold_light(para))]
                    if keys:
                        yield keys


def learn_vectors(corpora: Path, config: ClusterConfig = ClusterConfig(),
                  extra: Sequence[Sequence[str]] = ()) -> tuple[list[str], np.ndarray]:
    """Unit-length PPMI+SVD vectors (words ranked by count, one row each) of
    the words of `corpora` and of the `extra` sentences (raw words)."""
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    sentences = list(corpus_sentences(corpora)) + [[stem_key(w) for w in s if WORD_RE.fullmatch(fold_light(w))]
                                                   for s in extra]
    counts = Counter(w for s in sentences for w in s)
    ranked = sorted((w for w, c in counts.items() if c >= config.min_count), key=lambda w: (-counts[w], w))
    vocab = {w: i for i, w in enumerate(ranked[: config.max_words])}
    ctx = {w: i for i, w in enumerate(ranked[: config.contexts])}
    rows: list[int] = []
    cols: list[int] = []
    n_ctx = len(ctx)
    for s in sentences:
        padded = ["<s>", *s, "</s>"]
        for k in range(1, len(padded) - 1):
            row = vocab.get(padded[k])
            if row is None:
                continue
            left, right = ctx.get(padded[k - 1]), ctx.get(padded[k + 1])
            if left is not None:
                rows.append(row)
                cols.append(left)
            if right is not None:
                rows.append(row)
                cols.append(n_ctx + right)
    m = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(vocab), 2 * n_ctx)).tocsr()
    m.sum_duplicates()
    # Positive PMI with context-distribution smoothing (Levy et al. 2015).
    total = m.sum()
    row_p = np.asarray(m.sum(axis=1)).ravel() / total
    col_c = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col_c / col_c.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data / total / (row_p[coo.row] * col_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    vectors = TruncatedSVD(config.dims, algorithm="arpack", random_state=config.seed).fit_transform(ppmi)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return list(vocab), vectors / np.maximum(norms, 1e-9)


def cluster_vectors(words: Sequence[str], vectors: np.ndarray,
                    config: ClusterConfig = ClusterConfig()) -> dict[str, tuple[int, int]]:
    """(coarse, fine) k-means cluster of each word's vector."""
    from sklearn.cluster import KMeans

    coarse = KMeans(config.coarse, n_init=1, random_state=config.seed).fit_predict(vectors)
    fine = KMeans(config.fine, n_init=1, random_state=config.seed).fit_predict(vectors)
    return {w: (int(coarse[i]), int(fine[i])) for i, w in enumerate(words)}


def write_clusters(clusters: dict[str, tuple[int, int]], out: Path) -> None:
    with gzip.GzipFile(out, "wb", mtime=0) as gz:  # mtime=0: reproducible bytes
        gz.write(b"# word key\tcoarse cluster\tfine cluster; learned by marsad.ner.clusters from "
                 b"../shared/data/corpora (counts of neighbouring words only, no text)\n")
        gz.write("".join(f"{w}\t{c}\t{f}\n" for w, (c, f) in sorted(clusters.items())).encode("utf-8"))


@cache
def load_clusters(path: Path | None = None) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    with gzip.open(path or DATA / CLUSTER_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, c, f = line.rstrip("\n").split("\t")
            out[w] = (int(c), int(f))
    return out
