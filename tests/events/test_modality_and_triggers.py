"""Trigger finding and modality on real sentences (events/triggers.py, events/modality.py)."""
import marsad
from marsad.pipeline import Pipeline

# These tests pin down the hand-written rules (still the learned models' candidates and features).
RULES = Pipeline.rules()


def rules_extract(text, **kw):
    return marsad.extract(text, pipeline=RULES, **kw)
from marsad.events.modality import clause_governors, event_modality
from marsad.events.triggers import find_triggers


def doc_of(text):
    return rules_extract(text, date="2018-06-04")


def trigger_texts(text):
    doc = doc_of(text)
    covered = {t for m in doc.mentions for t in range(*m.tokens)}
    out = []
    for sent in doc.sentences:
        out += [(m.payloads[0].type, doc.text[doc.tokens[m.start].start:doc.tokens[m.end - 1].end])
                for m in find_triggers(doc, *sent.tokens, dict.fromkeys(covered))]
    return out


def test_clitics_and_two_part_triggers():
    found = trigger_texts("وحمّلت الرابطة جماعة الحوثي كامل المسؤولية عن اختطاف المدنيين.")
    assert ("ACCUSE", "وحمّلت") in found


def test_a_verb_never_carries_a_preposition_or_an_object_it_cannot_take():
    found = trigger_texts("وتقع المدينة في مناطق سيطرته منذ سنوات.")
    assert not [t for t in found if t[1] == "سيطرته"]


def test_event_nouns_inside_names_are_not_triggers():
    found = trigger_texts("ويعاقب قانون العقوبات الأردني على هذه الأفعال.")
    assert not [t for t in found if t[1] == "العقوبات"]


def modality_of(text, trigger):
    doc = doc_of(text)
    i = next(t.i for t in doc.tokens if t.text == trigger)
    s_i = doc.sentence_of_token(i)
    return event_modality(doc, doc.sentences[s_i].tokens[0], i, clause_governors(doc, s_i))


def test_negation_particle_and_denial_governor():
    assert modality_of("لم يهاجم الجيش المدينة.", "يهاجم") == (True, False)
    assert modality_of("ونفى الجيش أنه قصف المستشفى.", "قصف")[0] is True


def test_future_and_alleged_acts_are_hedged():
    assert modality_of("وسيزور الوزير دمشق الأسبوع المقبل.", "وسيزور")[1] is True
    assert modality_of("واتهمت المعارضة القوات بقصف المدينة.", "بقصف")[1] is True
    assert modality_of("قصفت الطائرات المدينة أمس.", "قصفت") == (False, False)

