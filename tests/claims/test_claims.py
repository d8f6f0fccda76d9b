"""Claims: who said what, through which cue, with exact content offsets."""
from __future__ import annotations

import pytest

import marsad
from marsad.eval.scoring import norm_name

QUOTES = "\"«»“”"


# These tests pin the claims stage's rules (claims/claims.py), the candidates the learned claim
# models (learn/claims.py) re-attribute and filter: they run v0.5.0's rules pipeline.
RULES = marsad.Pipeline.rules()


def run(text: str, date: str = "2018-03-14") -> tuple[str, list[dict]]:
    rec = marsad.extract(text, date=date, pipeline=RULES).to_dict()
    assert rec["text"] == text
    return text, rec["claims"]


def content(text: str, claim: dict) -> str:
    c = claim["content"]
    assert 0 <= c["start"] < c["end"] <= len(text)
    return text[c["start"]:c["end"]]


def speaker_text(claim: dict) -> str:
    return (claim["speaker"] or {}).get("text", "")


def has(name: str, span_text: str) -> bool:
    return norm_name(name) in norm_name(span_text)


def only_claim(text: str) -> dict:
    _, claims = run(text)
    assert len(claims) == 1, claims
    return claims[0]


# -- word order -----------------------------------------------------------------

def test_vso_named_speaker_and_complementiser_skipped():
    text = "قال وزير الخارجية الفرنسي جان إيف لودريان إن الحل في سوريا لن يكون عسكريا."
    c = only_claim(text)
    assert c["cue"]["text"] == "قال"
    assert has("لودريان", speaker_text(c))
    assert c["speaker"]["actor"]["country"] in (None, "FRA")
    assert content(text, c) == "الحل في سوريا لن يكون عسكريا"
    assert c["direct"] is False


def test_vso_spokesman_cue_and_content():
    text = "قال المتحدث باسم الجيش العراقي إن القوات استعادت السيطرة على الحي بالكامل."
    c = only_claim(text)
    assert c["cue"]["text"] == "قال"
    assert c["speaker"] is not None and speaker_text(c).startswith("المتحدث")
    assert content(text, c) == "القوات استعادت السيطرة على الحي بالكامل"


def test_svo_imperfect_cue():
    text = "الخارجية الروسية تقول إن الضربات الغربية على سوريا غير قانونية."
    c = only_claim(text)
    assert c["cue"]["text"] == "تقول"
    assert speaker_text(c) == "الخارجية الروسية"
    assert c["speaker"]["actor"]["country"] == "RUS"
    assert content(text, c) == "الضربات الغربية على سوريا غير قانونية"


def test_svo_perfect_cue():
    text = "وزارة الدفاع التركية أكدت أن قواتها لم تستهدف المدنيين في عفرين."
    c = only_claim(text)
    assert c["cue"]["text"] == "أكدت"
    assert speaker_text(c) == "وزارة الدفاع التركية"
    assert c["speaker"]["actor"]["country"] == "TUR"
    assert content(text, c) == "قواتها لم تستهدف المدنيين في عفرين"


def test_kana_subject_before_the_cue():
    text = "وكان الرئيس الأميركي دونالد ترامب قال إن بلاده ستنسحب من الاتفاق النووي."
    c = only_claim(text)
    assert c["cue"]["text"] == "قال"
    assert has("دونالد ترامب", speaker_text(c))
    assert c["speaker"]["actor"]["name_en"] == "Donald Trump"
    assert content(text, c) == "بلاده ستنسحب من الاتفاق النووي"


def test_cue_with_tatweel_and_diacritics_keeps_raw_offsets():
    text = "وقـــال الجيشُ اللبنانيُّ إنّ وحداته أوقفت مطلوبين في البقاع."
    c = only_claim(text)
    assert c["cue"]["text"] == "قـــال"
    assert text[c["cue"]["start"]:c["cue"]["end"]] == "قـــال"
    assert speaker_text(c) == "الجيشُ اللبنانيُّ"
    assert c["speaker"]["actor"]["country"] == "LBN"
    assert content(text, c) == "وحداته أوقفت مطلوبين في البقاع"


# -- continuation ---------------------------------------------------------------

def test_wa_adafa_continues_the_last_speaker():
    text = ("قال وزير الخارجية الأميركي إن واشنطن تدرس خياراتها. "
            "وقالت الخارجية الروسية إن موسكو سترد بالمثل. "
            "وأضافت أن العقوبات لن تغير موقف روسيا.")
    _, claims = run(text)
    assert len(claims) == 3
    last = claims[2]
    assert "أضافت" in last["cue"]["text"]
    assert speaker_text(last) == "الخارجية الروسية"
    assert content(text, last) == "العقوبات لن تغير موقف روسيا"


def test_wa_adafa_across_a_sentence_without_a_claim():
    text = ("أعلن الجيش اللبناني أنه أوقف ثلاثة مشتبه بهم في عرسال. "
            "وأضاف أن التحقيقات جارية لمعرفة ارتباطاتهم.")
    _, claims = run(text)
    assert len(claims) == 2
    assert claims[0]["cue"]["text"] == "أعلن" and "أضاف" in claims[1]["cue"]["text"]
    assert speaker_text(claims[1]) == "الجيش اللبناني"
    assert content(text, claims[1]) == "التحقيقات جارية لمعرفة ارتباطاتهم"


def test_wa_adafa_with_a_named_speaker_takes_that_name():
    text = ("قال وزير الخارجية الفرنسي جان إيف لودريان إن الحل في سوريا سياسي. "
            "وأضاف لافروف أن موسكو لن تتخلى عن دمشق.")
    _, claims = run(text)
    assert len(claims) == 2
    assert speaker_text(claims[1]) == "لافروف"
    assert claims[1]["speaker"]["actor"]["name_en"] == "Sergey Lavrov"
    assert content(text, claims[1]) == "موسكو لن تتخلى عن دمشق"


def test_wa_tabaa_continues_the_last_speaker():
    text = "قال الجيش الإسرائيلي إن طائراته قصفت مواقع لحماس. وتابع أن الجيش سيرد بقوة على أي هجوم."
    _, claims = run(text)
    assert [c["cue"]["text"] for c in claims] == ["قال", "تابع"]
    assert speaker_text(claims[1]) == "الجيش الإسرائيلي"
    assert content(text, claims[1]) == "الجيش سيرد بقوة على أي هجوم"


# -- according to ---------------------------------------------------------------

def test_bihasb_before_the_content():
    text = "بحسب المرصد السوري لحقوق الإنسان، قتل 15 مدنيا في الغارات."
    c = only_claim(text)
    assert c["cue"]["text"] in "بحسب"
    assert speaker_text(c) == "المرصد السوري لحقوق الإنسان"
    assert content(text, c) == "قتل 15 مدنيا في الغارات"


def test_bihasb_after_the_content():
    text = "قتل 15 مدنيا في الغارات على ريف إدلب، بحسب المرصد السوري لحقوق الإنسان."
    c = only_claim(text)
    assert speaker_text(c) == "المرصد السوري لحقوق الإنسان"
    assert c["speaker"]["actor"]["name_en"] == "Syrian Observatory for Human Rights"
    assert content(text, c) == "قتل 15 مدنيا في الغارات على ريف إدلب"


def test_wafqan_li():
    text = "وفقا لوزارة الصحة الفلسطينية، أصيب 40 شخصا بجروح في المواجهات."
    c = only_claim(text)
    assert c["cue"]["text"] in "وفقا"
    assert speaker_text(c) == "وزارة الصحة الفلسطينية"
    assert content(text, c) == "أصيب 40 شخصا بجروح في المواجهات"


# -- "in a statement" -----------------------------------------------------------

@pytest.mark.parametrize("text, cue, speaker, said", [
    ("وقال الجيش في بيان إن عملياته مستمرة في المنطقة.", "قال", "الجيش", "عملياته مستمرة في المنطقة"),
    ("وذكرت وزارة الداخلية في بيان أن الشرطة اعتقلت خمسة أشخاص.", "ذكرت", "وزارة الداخلية",
     "الشرطة اعتقلت خمسة أشخاص"),
    ("أكدت الحكومة اليمنية في بيان رسمي أن الحوثيين خرقوا الهدنة.", "أكدت", "الحكومة اليمنية",
     "الحوثيين خرقوا الهدنة"),
])
def test_fi_bayan_is_not_a_second_claim_when_a_verb_cue_is_present(text, cue, speaker, said):
    c = only_claim(text)
    assert c["cue"]["text"] == cue
    assert speaker_text(c) == speaker
    assert content(text, c) == said


# -- direct quotation -----------------------------------------------------------

def test_direct_quotation_with_colon_and_double_quotes():
    text = 'وقال التحالف في بيان: "العمليات ستستمر حتى هزيمة التنظيم".'
    c = only_claim(text)
    assert c["direct"] is True
    assert speaker_text(c) == "التحالف"
    assert content(text, c).strip(QUOTES) == "العمليات ستستمر حتى هزيمة التنظيم"
    assert c["content"]["start"] > text.index(":")


def test_direct_quotation_with_guillemets():
    text = "وقال الرئيس التركي رجب طيب أردوغان: «لن نسمح بإقامة ممر إرهابي على حدودنا»."
    c = only_claim(text)
    assert c["direct"] is True
    assert has("أردوغان", speaker_text(c))
    assert content(text, c).strip(QUOTES) == "لن نسمح بإقامة ممر إرهابي على حدودنا"


def test_reported_speech_is_not_direct():
    text = "وأشار التحالف إلى أن الغارات استهدفت مخازن أسلحة."
    c = only_claim(text)
    assert c["cue"]["text"] == "أشار"
    assert c["direct"] is False
    assert content(text, c) == "الغارات استهدفت مخازن أسلحة"


# -- offsets in a longer text ---------------------------------------------------

def test_content_offsets_in_a_multi_sentence_article():
    text = ("تواصلت الاشتباكات في ريف حماة الشمالي.\n"
            "وصرح رئيس الوزراء العراقي حيدر العبادي للصحفيين بأن المعركة انتهت., "
            "وقال الأمين العام لحلف الناتو ينس ستولتنبرغ في مؤتمر صحفي إن الحلف لا يسعى إلى مواجهة مع روسيا.")
    _, claims = run(text)
    by_cue = {c["cue"]["text"]: c for c in claims}
    assert set(by_cue) == {"صرح", "قال"}
    assert has("حيدر العبادي", speaker_text(by_cue["صرح"]))
    assert content(text, by_cue["صرح"]) == "المعركة انتهت"
    assert has("ستولتنبرغ", speaker_text(by_cue["قال"]))
    assert content(text, by_cue["قال"]) == "الحلف لا يسعى إلى مواجهة مع روسيا"
    for c in claims:
        for span in (c["cue"], c["speaker"]):
            assert text[span["start"]:span["end"]] == span["text"]


def test_accusation_is_also_a_claim_by_the_accuser():
    text = "اتهمت إيران المملكة العربية السعودية بدعم الجماعات المسلحة في المنطقة."
    c = only_claim(text)
    assert c["cue"]["text"] == "اتهمت"
    assert speaker_text(c) == "إيران"


# -- who really speaks -------------------------------------------------------------

def test_a_statement_speaks_for_the_body_it_belongs_to():
    c = only_claim("أعلن بيان لوزارة الخزانة الأميركية أن العقوبات تشمل عشرة أشخاص.")
    assert has("وزارة الخزانة", speaker_text(c))
    assert c["speaker"]["actor"]["country"] == "USA"


def test_quoted_from_names_the_original_speaker():
    text = "نقلت وكالات أنباء عن وزارة الدفاع الروسية قولها إن الطائرات دمرت المواقع."
    c = only_claim(text)
    assert has("وزارة الدفاع الروسية", speaker_text(c))
    assert content(text, c) == "الطائرات دمرت المواقع"


def test_according_to_what_a_source_reported_covers_the_sentence_before():
    text = "وقضت المحكمة بسجن المتهمين، حسبما نشرت صحيفة الأهرام الحكومية الأحد."
    c = only_claim(text)
    assert has("صحيفة", speaker_text(c))
    assert content(text, c) == "وقضت المحكمة بسجن المتهمين"


def test_bihasb_ma_alan_reports_the_preceding_clause():
    text = "وقتل 51 شخصا في الهجمات، بحسب ما أعلن رئيس الوزراء إدوار فيليب."
    c = only_claim(text)
    assert has("رئيس الوزراء", speaker_text(c))
    assert content(text, c) == "وقتل 51 شخصا في الهجمات"
    assert [q["value"] for q in c["quantities"]] == [51]


# -- cue words that report nothing -----------------------------------------------------

def test_impersonal_asides_relative_clauses_and_yudaa_are_not_claims():
    for text in ("يذكر أن نحو 700 بريطاني سافروا إلى سوريا والعراق.",
                 "ويتوقع أن يناقش الاجتماع ملف التدريبات العسكرية.",
                 "واعتذر عباس عن الملاحظات التي قالها خلال الاجتماع.",
                 "ووجهت السلطات تهمة إلى صديق للمهاجم يدعى عبد الحكيم."):
        _, claims = run(text)
        assert not [c for c in claims if c["cue"]["text"] in ("يذكر", "يتوقع", "قالها", "يدعى")], text


def test_a_continued_speaker_is_still_a_claim():
    _, claims = run("وقال الوزير إن القوات تقدمت. ويقول إن الحرب انتهت.")
    assert [c["cue"]["text"] for c in claims] == ["قال", "يقول"]
    assert has("الوزير", speaker_text(claims[1]))


def test_a_statement_named_as_source_speaks_for_its_issuer():
    _, claims = run("وحسب بيان لرئاسة أمن الدولة في السعودية، تم القيام بهذا التصنيف بالشراكة مع الولايات المتحدة.")
    assert [c["speaker"]["text"] for c in claims] == ["رئاسة أمن الدولة"]
    _, claims = run("وبحسب تصريح صادر عن المكتب الإعلامي لمديرية الأمن العام، فإن المتهم سيحول إلى القضاء.")
    assert claims[0]["speaker"]["text"].startswith("المكتب الإعلامي")


def test_a_title_and_its_apposed_name_before_the_cue_speak():
    _, claims = run("لكن الوزير بالحكومة الإسرائيلية، نفتالي بينيت، قال إن إسرائيل سترد على أي هجوم.")
    assert claims[0]["speaker"]["text"] == "نفتالي بينيت"
    # but a subject after the verb wins: … والرئيس المصري، علق الشيخ سلطان
    _, claims = run("وجمعت الصورة ولي عهد أبوظبي، والرئيس المصري عبدالفتاح السيسي، علق الشيخ سلطان بن سحيم عليها قائلا إن قطر معزولة.")
    assert all("السيسي" not in (c["speaker"] or {}).get("text", "") for c in claims)
