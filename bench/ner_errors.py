"""List the NER tagger's entity errors on the dev split (or a CoNLL file), by type.

Usage: python bench/ner_errors.py [--types ORG MISC] [--conll FILE] [--no-spread]
First a table of confusions (gold type → what was guessed over the same words:
the same span with another type, overlapping spans, or nothing), then each
error with the three words before it, to see which cues the tagger misses.
Tags as `marsad eval-ner` does (the packaged model, names spread within the
same ±20-sentence window). Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from marsad.ner.conll import Sentence, Split, read_conll
from marsad.ner.decode import Decoder
from marsad.ner.discourse import SPREAD_WINDOW
from marsad.ner.evaluate import chunks
from marsad.ner.model import default_weights
from marsad.ner.train import SPLIT_FILE

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data"
CONTEXT = 3  # words shown before an error


def errors(sentences: Sequence[Sentence], guessed: Sequence[Sequence[str]],
           types: frozenset[str]) -> tuple[Counter[tuple[str, str]], list[str]]:
    """(confusion counts, one line per error) for gold or guessed spans of `types`."""
    confusions: Counter[tuple[str, str]] = Counter()
    lines: list[str] = []
    for s, tags in zip(sentences, guessed):
        gold = {(a, b): t for a, b, t in chunks(s.tags)}
        found = {(a, b): t for a, b, t in chunks(tags)}
        for side, mine, other in (("missed", gold, found), ("false", found, gold)):
            for (a, b), t in sorted(mine.items()):
                if t not in types or other.get((a, b)) == t:
                    continue
                near = [f"{' '.join(s.words[x:y])}/{u}" for (x, y), u in sorted(other.items()) if x < b and a < y]
                confusions[(f"{side} {t}", ",".join(u.rsplit("/", 1)[1] for u in near) or "-")] += 1
                before = " ".join(s.words[max(0, a - CONTEXT):a])
                lines.append(f"{side} {t}\t{' '.join(s.words[a:b])}\t[{'; '.join(near)}]\tafter: {before}")
    return confusions, lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--conll", type=Path, help="score this CoNLL file instead of the dev split")
    ap.add_argument("--types", nargs="+", default=["ORG", "MISC"])
    ap.add_argument("--no-spread", dest="spread", action="store_false")
    args = ap.parse_args()
    sentences = read_conll(args.conll) if args.conll else Split.load(SPLIT_FILE).apply(args.data)[1]
    bounds, forms = [], []
    for s in sentences:
        bounds.append((len(forms), len(forms) + len(s.words)))
        forms.extend(s.words)
    tags = Decoder(default_weights()).tag(forms, bounds, spread=args.spread, window=SPREAD_WINDOW)
    confusions, lines = errors(sentences, [tags[a:b] for a, b in bounds], frozenset(args.types))
    for (kind, guess), n in confusions.most_common():
        print(f"{n:5d}  {kind} → {guess}")
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
