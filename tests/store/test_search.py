"""Arabic-aware search on both backends, checked against the raw texts themselves."""
import re

import pytest

from marsad.store.search import query_keys, search, snippet
from marsad.text.normalize import fold

WORD_RE = re.compile(r"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3]+")  # letters, tatweel, marks: not ، or ؟
# العراق with و/ف, then ب/ك, or ل (which swallows the alef of ال: للعراق).
IRAQ = r"[وف]?(?:[بك]?ال|لل)عراق"


def _articles_with(records, pattern):
    """Ids of articles whose raw title or text has a word that, folded, matches `pattern`."""
    rx = re.compile(pattern)
    return {aid for aid, r in records.items()
            if any(rx.fullmatch(fold(w)) for w in WORD_RE.findall(r["title"] + " " + r["text"]))}


def test_iraq_finds_wal_and_bal_forms(loaded):
    store, records = loaded
    expected = _articles_with(records, IRAQ)
    assert _articles_with(records, r"والعراق") and _articles_with(records, r"بالعراق")  # the slice has both forms
    found = {h.id for h in search(store, "العراق", limit=100)}
    assert found == expected
    assert _articles_with(records, r"[وف]?بالعراق") <= found


def test_diacritics_tatweel_and_letter_variants_fold_in_the_query(loaded):
    store, _ = loaded
    plain = [h.id for h in search(store, "العراق", limit=100)]
    assert [h.id for h in search(store, "العِـــراقِ", limit=100)] == plain
    assert [h.id for h in search(store, "بالعراق", limit=100)] == plain
    assert {h.id for h in search(store, "الحكومه", limit=100)} == {h.id for h in search(store, "الحكومة", limit=100)} != set()
    assert {h.id for h in search(store, "إيران", limit=100)} == {h.id for h in search(store, "ايران", limit=100)} != set()


def test_every_word_must_match_and_ranking_puts_title_hits_first(loaded):
    store, records = loaded
    both = _articles_with(records, IRAQ) & _articles_with(records, r"[وف]?[بلك]?داعش")
    hits = search(store, "العراق داعش", limit=100)
    assert {h.id for h in hits} == both != set()
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    in_title = [h.id for h in hits if "العراق" in fold(h.title) and "داعش" in fold(h.title)]
    assert in_title and hits[0].id in in_title


def test_snippets_show_raw_words_with_the_hit_marked(loaded):
    store, records = loaded
    for hit in search(store, "العراق", limit=100):
        marked = re.findall(r"\*\*(.+?)\*\*", hit.snippet)
        assert marked, hit.snippet
        raw = records[hit.id]["text"] + records[hit.id]["title"]
        for word in marked:
            assert word in raw and fold(word).endswith("العراق")
        unmarked = hit.snippet.replace("**", "").strip("…")
        assert any(unmarked in " ".join(records[hit.id][k].split()) for k in ("text", "title"))


def test_snippet_keeps_diacritics_of_the_original():
    text = "قال المتحدث إن الوفدَ وصلَ إلى بالعِراقِ أمس لبحث الأزمة"
    assert snippet(text, query_keys("العراق"), marks=("[", "]")) == "قال المتحدث إن الوفدَ وصلَ إلى [بالعِراقِ] أمس لبحث الأزمة"
    assert snippet(text, query_keys("سوريا")) is None


def test_no_match_and_empty_query(loaded):
    store, _ = loaded
    assert search(store, "كلمةغيرموجودةابدا", limit=10) == []
    assert search(store, "، .", limit=10) == []


@pytest.mark.parametrize("query", ['"العراق', "العراق OR", "NEAR(", "العراق*", "a & b | !c"])
def test_query_syntax_characters_are_plain_text(loaded, query):
    store, _ = loaded
    search(store, query, limit=5)  # no FTS5 / tsquery syntax error
