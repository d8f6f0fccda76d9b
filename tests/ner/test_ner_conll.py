"""Reading the NER corpora, mapping their tags, and the committed dev split."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ner.conll import ConllError, Split, map_tag, read_conll, to_iob2
from marsad.ner.train import SPLIT_FILE


def test_tags_map_to_the_contract_labels():
    assert [map_tag(t) for t in ("B-PERS", "I-PER", "B-MIS", "I-MISC", "B-LOC", "I-ORG", "O", "B-DATE")] == \
        ["B-PER", "I-PER", "B-MISC", "I-MISC", "B-LOC", "I-ORG", "O", "O"]
    assert to_iob2(["I-PER", "I-PER", "O", "I-LOC", "I-ORG"]) == ("B-PER", "I-PER", "O", "B-LOC", "B-ORG")


def test_anercorp_and_aqmar_read_with_mapped_tags(shared: Path):
    aner = read_conll(shared / "ner/anercorp_camel/ANERCorp_CamelLab_train.txt")
    assert aner[0].words[:2] == ("فرانكفورت", "(د") and aner[0].tags[0] == "B-LOC"
    assert any(t == "B-PER" for s in aner for t in s.tags)  # PERS renamed
    aqmar = read_conll(shared / "ner/aqmar/train.txt")
    assert any(t == "B-MISC" for s in aqmar for t in s.tags)  # MIS renamed
    assert not {t[2:] for s in aner + aqmar for t in s.tags if t != "O"} - {"PER", "LOC", "ORG", "MISC"}


def test_committed_split_is_the_last_tenth(shared: Path):
    split = Split.load(SPLIT_FILE)
    train, dev = split.apply(shared)
    assert len(train) == split.dev_start and len(train) + len(dev) == split.n_sentences
    assert abs(len(dev) - split.n_sentences / 10) < 1


def test_a_malformed_file_is_named_in_the_error(tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_text("كلمة\n", encoding="utf-8")
    with pytest.raises(ConllError, match="bad.txt:1"):
        read_conll(bad)
