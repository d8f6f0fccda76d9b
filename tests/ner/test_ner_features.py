"""Word features: a proclitic the clitic splitter cannot tell from a first
letter is read off when the rest is a word the name lists or clusters know.
Words from ANERcorp's news (dev-split names: وياسمين عبد العزيز، بايهود اولمرت)."""
from __future__ import annotations

from marsad.ner.features import Resources, word_features
from marsad.text.clitics import segment
from marsad.text.normalize import fold_light


def _own(word: str) -> tuple[str, ...]:
    return word_features(word, Resources.default())[0]


def test_a_first_name_after_a_conjunction_takes_the_names_flags():
    assert segment(fold_light("وياسمين"))[0] == ""  # the splitter leaves it whole
    own = _own("وياسمين")
    assert "p=و" in own and any(f.startswith("g=") and "PER" in f for f in own)
    assert set(f for f in _own("ياسمين") if f.startswith("g=")) <= set(own)


def test_a_name_after_a_preposition_takes_the_rests_clusters():
    own = _own("بايهود")
    plain = _own("ايهود")
    assert "p=ب" in own
    assert [f for f in own if f.startswith(("c=", "C="))] == [f for f in plain if f.startswith(("c=", "C="))] != []


def test_an_unknown_word_without_a_known_rest_is_left_alone():
    own = _own("وجيانتا")  # neither جيانتا nor يانتا is known
    assert "c=none" in own and not [f for f in own if f.startswith(("g=", "p="))]
