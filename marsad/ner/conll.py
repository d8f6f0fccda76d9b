"""Reading CoNLL-style NER files and mapping their tags to the contract's labels.

A file holds one `token tag` pair a line and a blank line between sentences
(ANERcorp, AQMAR). Tags are IOB2 or IOB1; their types are renamed to the
contract's (`PERS` → PER, `MIS` → MISC) and anything else becomes `O`.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TYPE_MAP = {"PER": "PER", "PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}


class ConllError(ValueError):
    """A CoNLL file that cannot be read (names the file and line)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # IOB2 with contract labels


def map_tag(tag: str) -> str:
    """`B-PERS` → `B-PER`, `I-MIS` → `I-MISC`; unknown types → `O`."""
    if tag in ("O", "") or "-" not in tag:
        return "O"
    prefix, _, kind = tag.partition("-")
    label = TYPE_MAP.get(kind.upper())
    if label is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{label}"


def to_iob2(tags: Sequence[str]) -> tuple[str, ...]:
    """IOB1 (an entity may start with I-) to IOB2 (every entity starts with B-)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return tuple(out)


def read_conll(path: Path | str) -> list[Sentence]:
    """Sentences of a CoNLL file: first column the word, last column the tag."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConllError(f"{path}: cannot read ({exc})") from exc
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        cols = line.split()
        if not cols:
            if words:
                sentences.append(Sentence(tuple(words), to_iob2([map_tag(t) for t in tags])))
                words, tags = [], []
            continue
        if len(cols) < 2:
            raise ConllError(f"{path}:{n}: expected 'token tag', got {line!r}")
        words.append(cols[0])
        tags.append(cols[-1])
    if words:
        sentences.append(Sentence(tuple(words), to_iob2([map_tag(t) for t in tags])))
    if not sentences:
        raise ConllError(f"{path}: no sentences")
    return sentences


def write_conll(sentences: Sequence[Sentence], path: Path | str) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        for s in sentences:
            fh.writelines(f"{w} {t}\n" for w, t in zip(s.words, s.tags))
            fh.write("\n")


def sentences_digest(sentences: Sequence[Sentence]) -> str:
    """sha256 of the sentences' words and tags (checks a split is the one committed)."""
    h = hashlib.sha256()
    for s in sentences:
        h.update(" ".join(f"{w}/{t}" for w, t in zip(s.words, s.tags)).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Split:
    """The committed train/dev split of ANERcorp's train file: dev is every
    sentence from `dev_start` on (the file's last 10 %)."""

    file: str  # path under the shared data dir
    n_sentences: int
    dev_start: int
    dev_sha256: str

    @classmethod
    def load(cls, path: Path | str) -> Split:
        return cls(**json.loads(Path(path).read_text(encoding="utf-8")))

    def apply(self, data_dir: Path) -> tuple[list[Sentence], list[Sentence]]:
        """(train, dev) sentences; raises if the file is not the one the split was made on."""
        sentences = read_conll(data_dir / self.file)
        if len(sentences) != self.n_sentences:
            raise ConllError(f"{data_dir / self.file}: {len(sentences)} sentences, split expects {self.n_sentences}")
        train, dev = sentences[: self.dev_start], sentences[self.dev_start:]
        if sentences_digest(dev) != self.dev_sha256:
            raise ConllError(f"{data_dir / self.file}: dev sentences differ from the committed split")
        return train, dev
