"""Subject-verb agreement (agreement.py) on real Arabic forms."""
import marsad
from marsad.pipeline import Pipeline

# These tests pin down the hand-written rules (still the learned models' candidates and features).
RULES = Pipeline.rules()


def rules_extract(text, **kw):
    return marsad.extract(text, pipeline=RULES, **kw)
from marsad.grammar.agreement import FEM, MASC, PLURAL, agrees, mention_gender, verb_gender


def first_token(text):
    return rules_extract(text).tokens[0]


def test_verb_gender_from_affixes():
    assert verb_gender(first_token("قالت الحكومة")) == FEM
    assert verb_gender(first_token("ونفت موسكو")) == FEM
    assert verb_gender(first_token("تقول روسيا")) == FEM
    assert verb_gender(first_token("يقول الوزير")) == MASC
    assert verb_gender(first_token("دعا الوزير")) == MASC
    assert verb_gender(first_token("قتلوا المدنيين")) == PLURAL
    assert verb_gender(first_token("وتابع الوزير")) is None  # a perfect in ت-: not an imperfect


def test_mention_gender():
    doc = rules_extract("أعلنت روسيا وأعلن العراق وقال الحوثيون إن الحكومة اليمنية ترفض")
    by_text = {m.text: mention_gender(m, doc.tokens) for m in doc.mentions}
    assert by_text["روسيا"] == FEM
    assert by_text["العراق"] == MASC  # a masculine country name
    assert by_text["الحوثيون"] == PLURAL
    assert by_text["الحكومة اليمنية"] == FEM


def test_agreement_rules():
    assert agrees(MASC, PLURAL, pronoun=False)  # قال المسؤولون
    assert not agrees(FEM, PLURAL, pronoun=False)  # حملت الحوثيين: the plural is the object
    assert not agrees(MASC, FEM, pronoun=False)  # دعا الولايات المتحدة: the country is the object
    assert agrees(FEM, FEM, pronoun=True) and not agrees(FEM, MASC, pronoun=True)
    assert agrees(None, MASC, pronoun=True)


def test_object_after_a_verb_of_the_other_gender():
    doc = rules_extract("وأضاف الوزير الألماني أن بلاده متمسكة بالاتفاق. ودعا الولايات المتحدة إلى الحفاظ عليه.")
    request = [e for e in doc.events if e.type == "REQUEST"]
    assert request and request[0].target is not None and "الولايات المتحدة" in request[0].target.text


def test_a_womans_name_without_a_feminine_ending_is_feminine():
    # alarabiya_2018: ماي accuses Moscow; she is the subject of اتهمت, not its object
    text = ("وكانت رئيسة الوزراء البريطانية تيريزا ماي قد طردت 23 دبلوماسيا روسيا. واتهمت ماي موسكو "
            "بتسميم الجاسوس، فيما نفت روسيا الاتهامات جملة وتفصيلا.")
    doc = rules_extract(text, date="2018-03-20")
    may = next(m for m in doc.mentions if m.text == "ماي")
    assert mention_gender(may, doc.tokens) == FEM
    accuse = next(e for e in doc.to_dict()["events"] if e["trigger"]["text"] == "اتهمت")
    assert accuse["source"]["text"] == "ماي"
    assert accuse["target"]["text"] == "موسكو"


def test_a_mans_name_ending_like_a_plural_is_singular():
    # alarabiya_2018: بوتين، هايدون end in ين/ون but are one man each
    doc = rules_extract("وقال بوتين إن روسيا لن ترد. وقال دين هايدون إن هدف المتهم كان إقامة جيش من الأطفال.")
    by_text = {m.text: mention_gender(m, doc.tokens) for m in doc.mentions}
    assert by_text["بوتين"] == MASC
