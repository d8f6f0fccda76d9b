from marsad.text.clitics import lookup_keys, proclitic_keys, segment
from marsad.text.normalize import fold_light


def seg(word):
    prefix, surface, suffix, _ = segment(fold_light(word))
    return prefix, surface, suffix


def test_conjunction_preposition_article():
    assert seg("وبالولايات") == ("وب", "الولايات", "")


def test_lam_alif_lam_is_preposition_plus_article():
    assert segment(fold_light("للولايات"))[3] == "الولايات"
    assert "الولايات" in proclitic_keys(fold_light("للولايات"))


def test_pronoun_suffix():
    assert seg("اتهامهم") == ("", "اتهام", "هم")


def test_words_that_only_look_cliticised_stay_whole():
    for word in ("ولايات", "وزير", "بريطانيا", "كما", "لكن", "بين", "فرنسا", "واشنطن"):
        assert seg(word) == ("", fold_light(word), ""), word


def test_verb_with_conjunction():
    assert seg("وأشار")[0] == "و"
    assert seg("وقال") == ("و", "قال", "")


def test_lookup_keys_offer_article_less_and_suffix_less_readings():
    keys = lookup_keys(fold_light("والهجوم"))
    assert "الهجوم" in keys and "هجوم" in keys
    assert "اتهام" in lookup_keys(fold_light("واتهامهم"))
