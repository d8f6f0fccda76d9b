from marsad.text.normalize import fold, fold_light, normalize


def test_fold_diacritics_tatweel_alef_yaa_taa_digits_quotes():
    assert fold("أَعْلَنَ") == "اعلن"
    assert fold("الإمـــارات") == "الامارات"
    assert fold("آل") == "ال"
    assert fold("مستشفى") == "مستشفي"
    assert fold("المتحدة") == "المتحده"
    assert fold("٣٠٠٠") == "3000"
    assert fold("«غير قانونية»") == '"غير قانونيه"'


def test_light_fold_keeps_taa_marbuta():
    assert fold_light("الروسيّة") == "الروسية"


def test_hashtag_reads_as_words_and_maps_back():
    raw = "أعلن #التحالف_الدولي اليوم"
    n = normalize(raw)
    assert "التحالف الدولي" in n.text
    a = n.text.index("التحالف الدولي")
    start, end = n.raw_span(a, a + len("التحالف الدولي"))
    assert raw[start:end] == "التحالف_الدولي"


def test_normalize_never_changes_raw_and_offsets_are_monotonic():
    raw = "قالَ المُتحدّث: «لن نتراجع» ـــ ٢٠١٨"
    n = normalize(raw)
    assert list(n.to_raw) == sorted(n.to_raw)
    for i, ch in enumerate(n.text):
        assert fold(raw[n.to_raw[i]]) == ch


def test_fold_deleting_matches_fold_and_names_the_deleted_characters():
    from marsad.text.normalize import fold_deleting

    # diacritics and tatweel are deleted, alef/yaa seats and Arabic digits
    # folded, a no-break space becomes a space; an emoji (beyond the BMP) stays
    text = "أَعْلَنَ الجيــش\u00a0السوري ٣٠ قتيلاً 😀 #الرقة"
    folded, deleted = fold_deleting(text)
    assert folded == fold(text)
    assert deleted == [i for i, ch in enumerate(text) if not fold(ch)]
    assert fold_deleting("قال") == ("قال", [])
