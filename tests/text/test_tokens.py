from marsad.text.tokens import hashtags, tokenize


def test_offsets_and_clitic_words_map_to_raw_characters():
    text = "وبالولايات المتحدة"
    tok = tokenize(text)[0]
    words = tok.words()
    assert [w.text for w in words] == ["وب", "الولايات"]
    assert all(text[w.start:w.end] == w.text for w in words)


def test_diacritics_stay_inside_their_word():
    text = "وَقالَ المُتَحَدِّثُ"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["وَقالَ", "المُتَحَدِّثُ"]
    words = toks[0].words()
    assert words[0].text == "وَ" and words[1].text == "قالَ"


def test_hashtag_tokens():
    text = "أكدت #الولايات_المتحدة أن #داعش هزم"
    toks = tokenize(text)
    assert [t.text for t in toks if t.hashtag] == ["الولايات", "المتحدة", "داعش"]
    assert [tag for _, _, tag in hashtags(text)] == ["الولايات_المتحدة", "داعش"]
    assert "#" not in [t.text for t in toks]


def test_glued_preposition_is_split_when_the_article_uses_the_name():
    text = "وأشار الجنرال فيليكس غيدنيفي مؤتمر صحفي. وأضاف غيدني أن التحالف لاحظ"
    toks = [t.text for t in tokenize(text)]
    assert "غيدني" in toks[:5] and "في" in toks[:6]


def test_glued_split_needs_evidence():
    toks = [t.text for t in tokenize("زار الوزير الصيني بكينفي الصباح")]
    assert "بكينفي" in toks


def test_numbers_with_both_digit_sets():
    toks = tokenize("قتل ٣٠ شخصا و1,500 جريح")
    assert [t.text for t in toks if not t.is_word or t.norm.isdigit() or "," in t.norm][:2] == ["٣٠", "1,500"]


def test_repeated_chunks_keep_their_own_offsets_across_any_whitespace():
    # tokenize cuts each whitespace-free chunk once and reuses the cut: a
    # chunk seen again (after a tab, a no-break space, a line break) must
    # still get the offsets of where it stands.
    text = "قال:«نعم»\tقال:«نعم»\u00a0(رويترز)\n\nقال:«نعم»، 2,5 مليون"
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert [t.text for t in toks[:5]] == ["قال", ":", "«", "نعم", "»"]
    assert [t.start for t in toks if t.text == "قال"] == [0, 10, 30]
    assert [t.i for t in toks] == list(range(len(toks)))
    assert [t.text for t in toks[-3:]] == ["،", "2,5", "مليون"]
