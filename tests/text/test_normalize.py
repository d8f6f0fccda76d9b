from marsad.text.normalize import fold, fold_deleting, fold_light


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
    folded, deleted = fold_deleting(raw)
    assert folded == "اعلن التحالف الدولي اليوم" and deleted == [raw.index("#")]
    kept = [i for i in range(len(raw)) if i not in deleted]  # folded offset -> raw offset
    a = folded.index("التحالف الدولي")
    assert raw[kept[a]:kept[a + len("التحالف الدولي") - 1] + 1] == "التحالف_الدولي"


def test_folding_keeps_the_raw_text_and_maps_character_to_character():
    raw = "قالَ المُتحدّث: «لن نتراجع» ـــ ٢٠١٨"
    folded, deleted = fold_deleting(raw)
    kept = [i for i in range(len(raw)) if i not in deleted]
    assert len(kept) == len(folded)
    assert all(fold(raw[i]) == ch for i, ch in zip(kept, folded))


def test_fold_deleting_matches_fold_and_names_the_deleted_characters():
    # diacritics and tatweel are deleted, alef/yaa seats and Arabic digits
    # folded, a no-break space becomes a space; an emoji (beyond the BMP) stays
    text = "أَعْلَنَ الجيــش\u00a0السوري ٣٠ قتيلاً 😀 #الرقة"
    folded, deleted = fold_deleting(text)
    assert folded == fold(text)
    assert deleted == [i for i, ch in enumerate(text) if not fold(ch)]
    assert fold_deleting("قال") == ("قال", [])
