"""The shipped NER model on real news sentences (from ../shared/data/corpora
and the bundled seed article), through the default pipeline."""
from __future__ import annotations

from pathlib import Path

import marsad
from marsad.grammar.actor_base import ActorBase
from marsad.grammar.phrase_index import phrase_key
from marsad.ner.model import default_weights

REPO = Path(__file__).resolve().parents[2]


def ner(text: str) -> list[tuple[str, str]]:
    doc = marsad.extract(text, date="2018-05-01")
    for s in doc.ner_spans:
        assert text[s.start:s.end] == s.text
    return [(s.text, s.label) for s in doc.ner_spans]


def entities(text: str) -> list[dict]:
    rec = marsad.extract(text, date="2018-05-01").to_dict()
    for e in rec["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
    return rec["entities"]


def _in_actor_base(name: str) -> bool:
    words = phrase_key(name)
    return any(words[1:] in entries for entries in ActorBase.load().names._by_first.get(words[0], {}).values())


def test_an_unseen_general_is_a_person():
    # corpora/alarabiya_2018: the US commander in Korea, not in the actor base
    text = "قائد القوات الاميركية في كوريا الجنوبية الجنرال الاميركي فينسنت بروكس"
    assert not _in_actor_base("فينسنت بروكس")
    assert ("فينسنت بروكس", "PER") in ner(text)
    assert ("كوريا الجنوبية", "GPE") in ner(text)  # a state: LOC refined to GPE


def test_an_unseen_person_without_title_becomes_a_mention():
    # seedlike (South Korean assassination unit): a trainer named only by his name
    text = "وقال يانغ دونغ سو، أحد المدربين الذين شاركوا في إعداد الفرقة، ممن ظلوا على قيد الحياة."
    assert not _in_actor_base("يانغ دونغ سو")
    found = [e for e in entities(text) if e["text"] == "يانغ دونغ سو"]
    assert len(found) == 1 and found[0]["label"] == "PER" and found[0]["actor"] is None


def test_a_hashtag_name_is_one_entity():
    text = (REPO / "examples" / "seed-0001.txt").read_text(encoding="utf-8")
    spans = ner(text)
    assert ("التحالف_الدولي", "ORG") in spans
    assert not [s for s, _ in spans if s in ("التحالف", "الدولي")]


def test_clitic_prefixed_places_span_the_name_only():
    # corpora/pool_2000
    text = "ومع طرد داعش من الموصل في العراق والرقة في سوريا بدأ التنظيم في حث أتباعه على شن هجمات."
    assert ("الرقة", "LOC") in ner(text)
    text = "إسرائيل تجمد الإجراءات الضريبية ضد الكنائس بالقدس"
    assert ("القدس", "LOC") in ner(text)
    # the pool sentence above with و+ب+الرقة
    text = "ومع طرد داعش من الموصل في العراق وبالرقة في سوريا بدأ التنظيم في حث أتباعه على شن هجمات."
    spans = ner(text)
    assert ("الرقة", "LOC") in spans and not [s for s, _ in spans if s.startswith("وب")]


def test_lexicon_keeps_priority_over_ner():
    text = "أعلنت مدعية المحكمة الجنائية الدولية #فاتو_بنسودا الثلاثاء أنها تراقب عن كثب الاضطرابات."
    found = [e for e in entities(text) if "بنسودا" in e["text"]]
    assert len(found) == 1 and found[0]["actor"]["id"] == "PER-FATOU_BENSOUDA"


def test_shipped_model_is_small_and_records_its_training():
    w = default_weights()
    assert w.meta["split"]["dev_start"] == 3576
    assert set(w.labels) == {"O", *(f"{p}-{t}" for p in "BI" for t in ("PER", "LOC", "ORG", "MISC"))}


def test_a_common_noun_swept_into_a_name_is_not_a_person_mention():
    # corpora (ANT, Al Arabiya 2018-07-16): صهر نواز is "Nawaz's son-in-law", the one arrested
    text = ("ثم نقلا بطائرة خاصة إلى إسلام آباد حيث تم سجنهما في سجن \"أدياله\" بالقرب من العاصمة، "
            "وسبق أن تم اعتقال صهر نواز بعد يومين من صدور الحكم ضده حيث سلم نفسه للشرطة.")
    assert not [e for e in entities(text) if e["text"].startswith("صهر") and e["label"] == "PER"]
