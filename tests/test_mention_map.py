"""`MentionMap` (marsad/syntax.py), the phrase finder claims and events share, on hand-built docs.

Each doc is a sentence quoted from ../shared/data/corpora (article id beside it),
cut into tokens and sentences by the text stages; its mentions are placed by
hand, so these tests check how subjects, objects and phrases are found around a
word, whatever the mention finder would have marked.
"""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.grammar.mention_map import MentionMap
from marsad.text.stages import Sentencizer, Tokenizer
from marsad.types import Actor, ArticleInput, Mention

# pool_2000 ant2:AL-internationalNews-743-20180401
STRIKES = "فيما استهدفت مقاتلات التحالف مواقع الحوثيين في معسكر الحمزة ووادي قرية الأصمين بمديرية السبرة شرق إب بـ 6 غارات جوية."
# alarabiya_2018 ant2:AL-internationalNews-46-20180216 (first clause)
KANA = "وكان الرئيس الفلبيني قد أعلن، الجمعة، خلال مؤتمر صحافي وقف إرسال العمالة الفلبينية إلى #الكويت."
# alarabiya_2018 ant2:AL-internationalNews-895-20180413
WHITE_HOUSE = "وقال البيت الأبيض في بيان الخميس إن ترمب اجتمع بعدها مع فريقه للأمن القومي لبحث الوضع في سوريا."
# alarabiya_2018 ant2:AL-internationalNews-1711-20180620
COMMISSION = ("أعلنت المفوضية الأوروبية، الأربعاء، أنها دعت قادة عدة دول في الاتحاد الأوروبي إلى "
              "\"اجتماع عمل غير رسمي\"، الأحد، في #بروكسل حول اللجوء والهجرة.")
# pool_2000 snn:dce6544eee71
RELATIVE = "ولاسيما قاعدة انجرليك في جنوب البلاد، في شن غارات على تنظيم داعش الذي يسيطر على مناطق واسعة في سوريا والعراق."
# alarabiya_2018 ant2:AL-internationalNews-1909-20180712
CONJOINED = ("وأكد مصدر ميداني أن قوات الجيش اليمني والمقاومة الشعبية تمكنتا من صد هجوم شنته عناصر "
             "مبليشيات الحوثي على مواقع قوات الشرعية.")
# alarabiya_2018 ant2:AL-internationalNews-1716-20180621 (first clause)
AGENT = "وتحدّث فاضل عن حادثة مقتل ولده على يد مسلحين تابعين لميليشيات الحوثي."


def build(text: str, *names: str, label: str = "ORG") -> Doc:
    """`text` as a doc with tokens and sentences, and each of `names` (its first
    occurrence, without a proclitic) marked as a mention linked to an actor."""
    doc = Doc.from_input(ArticleInput(id="hand-built", title="", text=text, date="2018-04-01"))
    doc = Sentencizer()(Tokenizer()(doc))
    mentions = []
    for name in names:
        start = text.index(name)
        end = start + len(name)
        first = next(t.i for t in doc.tokens if t.end > start)
        last = next(t.i for t in doc.tokens if t.end >= end)
        mentions.append(Mention(start, end, name, label, (first, last + 1), Actor(None, name, None, None), "hand"))
    doc.mentions = sorted(mentions, key=lambda m: m.start)
    return doc


def at(doc: Doc, word: str) -> int:
    """Index of the first token whose text is `word`."""
    return next(t.i for t in doc.tokens if t.text == word)


def sentence_end(doc: Doc) -> int:
    return doc.sentences[0].tokens[1]


def text(m: Mention | None) -> str | None:
    return None if m is None else m.text


def test_the_maps_index_each_mention_by_its_first_and_covered_tokens():
    doc = build(STRIKES, "مقاتلات التحالف", "الحوثيين")
    mm = MentionMap(doc)
    fighters = doc.mentions[0]
    assert mm.starts[at(doc, "مقاتلات")] is fighters and at(doc, "التحالف") not in mm.starts
    assert mm.covering[at(doc, "التحالف")] is fighters
    assert at(doc, "مواقع") not in mm.covering


def test_latest_ending_walks_back_from_the_right_end_in_and_out_of_order():
    doc = build(STRIKES, "مقاتلات التحالف", "الحوثيين", "معسكر الحمزة")
    in_order = MentionMap(doc)
    everything = (-1, len(doc.tokens))
    assert [m.text for m in in_order.latest_ending(*everything)] == ["معسكر الحمزة", "الحوثيين", "مقاتلات التحالف"]
    # (lo, hi]: the mention ending at lo is out, the one ending at hi is in
    fighters_end, houthis_end = doc.mentions[0].tokens[1], doc.mentions[1].tokens[1]
    assert [m.text for m in in_order.latest_ending(fighters_end, houthis_end)] == ["الحوثيين"]
    doc.mentions = [doc.mentions[1], doc.mentions[2], doc.mentions[0]]  # a stage may append out of order
    shuffled = MentionMap(doc)
    assert [m.text for m in shuffled.latest_ending(*everything)] == ["مقاتلات التحالف", "معسكر الحمزة", "الحوثيين"]
    assert [m.text for m in shuffled.latest_ending(fighters_end, houthis_end)] == ["الحوثيين"]


def test_vso_subject_and_the_actor_behind_a_plain_noun_object():
    doc = build(STRIKES, "مقاتلات التحالف", "الحوثيين")
    mm = MentionMap(doc)
    verb, end = at(doc, "استهدفت"), sentence_end(doc)
    subject = mm.subject_after(verb, end)
    assert text(subject) == "مقاتلات التحالف"
    assert mm.verb_subject(verb, verb + 1, (0, end)) == (subject, "")
    # مواقع الحوثيين: the positions are not an actor; the actor they belong to is the target
    assert text(mm.object_after(subject.tokens[1] - 1, end, ("obj",), window=6, exclude=subject)) == "الحوثيين"
    assert text(mm.actor_behind(at(doc, "مواقع"), end)) == "الحوثيين"


def test_a_subject_after_time_words_and_none_behind_a_preposition():
    doc = build(WHITE_HOUSE, "البيت الأبيض", "ترمب")
    mm = MentionMap(doc)
    end = sentence_end(doc)
    assert text(mm.subject_after(at(doc, "وقال"), end)) == "البيت الأبيض"
    assert mm.skip_adverbials(at(doc, "الخميس"), end) == at(doc, "إن")  # a weekday is skipped
    # اجتمع بعدها مع فريقه: nothing after the verb is its subject
    assert mm.subject_after(at(doc, "اجتمع"), end) is None


def test_a_fronted_subject_after_a_complementiser():
    doc = build(WHITE_HOUSE, "البيت الأبيض", "ترمب")
    mm = MentionMap(doc)
    verb = at(doc, "اجتمع")
    subject, how = mm.verb_subject(verb, verb + 1, (0, sentence_end(doc)))
    assert (text(subject), how) == ("ترمب", ":svo")


def test_a_pronoun_on_the_complementiser_is_the_subject_and_what_follows_the_object():
    doc = build(COMMISSION, "المفوضية الأوروبية", "الاتحاد الأوروبي")
    mm = MentionMap(doc)
    verb = at(doc, "دعت")
    assert mm.verb_subject(verb, verb + 1, (0, sentence_end(doc))) == (None, "")


def test_kana_and_its_particles_stand_between_subject_and_verb():
    doc = build(KANA, "الرئيس الفلبيني", label="PER")
    mm = MentionMap(doc)
    verb = at(doc, "أعلن")
    president = doc.mentions[0]
    assert mm.kana_subject(verb, 0) is president
    assert mm.subject_before(verb, 0) is president  # past قد
    assert mm.verb_subject(verb, verb + 1, (0, sentence_end(doc))) == (president, ":svo")


def test_a_relative_pronoun_gives_its_antecedent_as_subject():
    doc = build(RELATIVE, "تنظيم داعش", "سوريا")
    mm = MentionMap(doc)
    verb = at(doc, "يسيطر")
    isis = doc.mentions[0]
    assert mm.relative_antecedent(verb, 0) is isis
    assert mm.verb_subject(verb, verb + 1, (0, sentence_end(doc))) == (isis, ":relative")
    assert mm.relative_antecedent(at(doc, "شن"), 0) is None


def test_coordinated_subjects_the_first_conjunct_speaks_and_the_next_is_found():
    doc = build(CONJOINED, "مصدر ميداني", "قوات الجيش اليمني", "المقاومة الشعبية", "مبليشيات الحوثي")
    mm = MentionMap(doc)
    verb = at(doc, "تمكنتا")
    army, resistance = doc.mentions[1], doc.mentions[2]
    assert mm.subject_before(verb, 0) is army  # not the conjunct nearest the verb
    assert mm.first_conjunct(resistance, 0) is army
    assert mm.conjunct_after(army) is resistance
    assert mm.conjunct_after(resistance) is None


def test_an_agent_phrase_names_who_did_it():
    doc = build(AGENT, "فاضل", "مسلحين تابعين لميليشيات الحوثي", label="PER")
    mm = MentionMap(doc)
    killing = at(doc, "مقتل")
    assert text(mm.agent_phrase(killing, sentence_end(doc))) == "مسلحين تابعين لميليشيات الحوثي"
    assert mm.agent_phrase(at(doc, "وتحدّث"), killing) is None  # على يد lies beyond the bound


@pytest.mark.parametrize("preps, expected", [(("مع",), "وفد المعارضة"), (("obj",), None)])
def test_an_object_must_come_with_a_preposition_the_verb_takes(preps, expected):
    # pool_2000-style meeting report: the partner comes after مع
    doc = build("اجتمع وزير الخارجية مع وفد المعارضة في جنيف.", "وزير الخارجية", "وفد المعارضة")
    mm = MentionMap(doc)
    minister = doc.mentions[0]
    found = mm.object_after(minister.tokens[1] - 1, sentence_end(doc), preps, window=6, exclude=minister)
    assert text(found) == expected


def test_a_plain_noun_phrase_target_after_the_verb_or_a_preposition_it_takes():
    """Preposition lists are folded (على -> علي), as the trigger lexicon gives them."""
    stop = frozenset({"في"})
    doc = build("وقصفت الطائرات مواقع في ريف المدينة.", "الطائرات")
    mm = MentionMap(doc)
    phrase = mm.phrase_after(at(doc, "الطائرات"), sentence_end(doc), ("obj",), stop)
    assert (phrase.text, phrase.rule, phrase.actor) == ("مواقع", "phrase", None)
    doc = build("شنت الطائرات غارات على مواقع في ريف المدينة.", "الطائرات")
    mm = MentionMap(doc)
    assert text(mm.phrase_after(at(doc, "غارات"), sentence_end(doc), ("علي",), stop)) == "مواقع"
    assert mm.phrase_after(at(doc, "غارات"), sentence_end(doc), ("ضد",), stop) is None


def test_a_clitic_preposition_opens_the_phrase_only_if_the_verb_takes_it():
    doc = build("ونددت الحكومة بالهجوم على الكنائس في المدينة.", "الحكومة")
    mm = MentionMap(doc)
    end = sentence_end(doc)
    phrase = mm.phrase_after(at(doc, "الحكومة"), end, ("ب",), frozenset({"في"}))
    assert phrase.text == "الهجوم على الكنائس" == doc.text[phrase.start:phrase.end]  # without the بـ
    assert text(mm.phrase_after(at(doc, "الحكومة"), end, ("ب",), frozenset({"في", "علي"}))) == "الهجوم"
    doc = build("وقصفت الطائرات بالمدفعية مواقع في ريف المدينة.", "الطائرات")
    mm = MentionMap(doc)
    assert mm.phrase_after(at(doc, "الطائرات"), sentence_end(doc), ("obj",), frozenset({"في"})) is None
