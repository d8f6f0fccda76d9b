"""Word features: a proclitic the clitic splitter cannot tell from a first
letter is read off when the rest is a word the name lists or clusters know.
Words from ANERcorp's news (dev-split names: وياسمين عبد العزيز، بايهود اولمرت)."""
from __future__ import annotations

from dataclasses import replace

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


def test_features_and_vector_read_a_form_by_one_key():
    from marsad.ner.features import BOS, word_key, word_vector

    res = Resources.default()
    wk = word_key("وبالرقة")
    assert (wk.prefix, wk.key, wk.hashtag) == ("وب", "الرقه", False)
    assert f"s={wk.key}" in _own("وبالرقة")
    assert word_key("#وبالرقة") == replace(wk, hashtag=True)
    assert "ht" in _own("#وبالرقة")
    assert word_key(BOS) is None and word_features(BOS, res) == ((BOS,), (BOS,))
    assert res.vectors is not None  # the vector is the one of the stem the features name
    vec = word_vector("وبالرقة", res)
    assert vec is not None and (vec == res.vectors.get(wk.key)).all()


def test_repeats_of_a_name_share_one_stem_key_with_clitics_diacritics_or_hashtag():
    # the decoder spreads a name to its repeats by this key: الرقة … بالرقة … بِالرَّقَّةِ … #الرقة
    from marsad.ner.features import Resources, form_reading

    res = Resources.default()
    keys = {form_reading(w, res).stem for w in ("الرقة", "بالرقة", "بِالرَّقَّةِ", "#الرقة")}
    assert len(keys) == 1
    assert form_reading("وبالموصل", res).stem != form_reading("بالرقة", res).stem
