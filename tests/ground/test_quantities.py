"""Counts: numbers, comparators, units (issue #3).

Phrasings quoted from ../shared/data/corpora and the dev gold articles.
"""
from __future__ import annotations

import pytest

from marsad.ground.quantities import find_quantities

# (text, value, comparator, unit)
CASES = [
    ("لم يتبق في العراق وسوريا سوى أقل من ألف من مقاتلي التنظيم", 1000, "<", "fighters"),
    ("يقدر أن هناك ما يقل عن ألف إرهابي من تنظيم داعش في منطقة", 1000, "<", "militants"),
    ("قال في الخامس من ديسمبر (كانون الأول) إن أقل من 3000 مقاتل ما زالوا", 3000, "<", "fighters"),
    ("22.2 مليون شخص بحاجة لمساعدة", 22200000, "=", "people"),
    ("أسفرت عن سقوط نحو 30 جريحا بحسب المعارضة", 30, "~", "wounded"),
    ("تحدثت عن سقوط ثلاثين جريحا، حسب المعارضة", 30, "=", "wounded"),
    ("تحدثت أولا عن سقوط 16 جريحا", 16, "=", "wounded"),
    ("وتشير الإحصائيات إلى أن 3.5 مليون شخص", 3500000, "=", "people"),
    ("وقالت الوزارة إن أكثر من 552 شخصا", 552, ">", "people"),
    ("قالت مصادر محلية يمنية، إن أكثر من 250 أسرة", 250, ">", "families"),
    ("وأفادت أن 250 شخصاً، من عزلة", 250, "=", "people"),
    ("إن نحو 5300 مقاتل وعائلاتهم غادروا الغوطة الشرقية", 5300, "~", "fighters"),
    ("وكان نحو 5400 مسلح ومدني خرجوا من جنوب الغوطة", 5400, "~", "fighters"),
    ("قتل 30 شخصا على الأقل في سلسلة تفجيرات", 30, ">=", "people"),
    ("حيث أدى تفجير سيارة مفخخة إلى مقتل 19 شخصا", 19, "=", "people"),
    ("ووثق التقرير وفاة 368 مدنيا", 368, "=", "civilians"),
    ("وثقت الشبكة السورية لحقوق الإنسان إلقاء 2041 برميلا متفجرا", 2041, "=", "air strikes"),
    ("بعدما اكتشفت مراجعة داخلية شملت 4568 قرار لجوء", 4568, "=", None),
    ("أعلن عن مقتل ما لا يقل عن 27 مدنيا", 27, ">=", "civilians"),
    ("وجرح عشرة أشخاص", 10, "=", "people"),
    ("أصدر حكما بالسجن على 47 متهما", 47, "=", None),
    ("نحو عشرة آلاف شخص قتلوا في القتال الدائر في اليمن", 10000, "~", "people"),
    ("ثلاثة آلاف وخمسمائة مقاتل", 3500, "=", "fighters"),
    ("ألفان من الجنود", 2000, "=", "soldiers"),
    ("قرابة ٣٠٠٠ لاجئ", 3000, "~", "refugees"),
    ("زهاء 200 طفل", 200, "~", "children"),
    ("حوالي 1,500 عنصر", 1500, "~", "members"),
    ("أطلقت 7 صواريخ باليستية", 7, "=", "missiles"),
    ("شن التحالف 12 غارة على مواقع", 12, "=", "air strikes"),
    ("أكثر من مئة قتيل", 100, ">", "killed"),
    ("خمسة قتلى وعشرات الجرحى", 5, "=", "killed"),
    ("مقتل أحد عشر مدنيا", 11, "=", "civilians"),
    ("خمسمائة لاجئ", 500, "=", "refugees"),
    ("نحو مليوني نازح", 2000000, "~", "displaced"),
    ("اعتقال 15 شخصا", 15, "=", "people"),
    ("بأكثر من 200 غارة", 200, ">", "air strikes"),
    ("ما يزيد على 40 قتيلا", 40, ">", "killed"),
    ("أسر 3 جنود", 3, "=", "soldiers"),
    ("إطلاق سراح 250 معتقلا", 250, "=", "detainees"),
    ("عشرين ألف متظاهر", 20000, "=", "protesters"),
    ("أقل من 10 أشخاص", 10, "<", "people"),
    ("قدمت 50 مليون دولار", 50000000, "=", "USD"),
]


@pytest.mark.parametrize("text,value,comparator,unit", CASES)
def test_quantities(text, value, comparator, unit):
    found = find_quantities(text)
    hit = [q for q in found if q.value == value]
    assert hit, [(q.text, q.value) for q in found]
    q = hit[0]
    assert (q.comparator, q.unit) == (comparator, unit)
    assert text[q.start:q.end] == q.text


def test_of_group():
    [q] = find_quantities("سوى أقل من ألف من مقاتلي التنظيم، أي ثلث")
    assert q.of == "التنظيم"
    [q] = find_quantities("ما يقل عن ألف إرهابي من تنظيم داعش في منطقة")
    assert q.of == "تنظيم داعش"
    d = q.to_dict()
    assert set(d) >= {"value", "comparator", "unit", "of", "start", "end", "text"}


def test_vague_counts_have_no_value():
    [q] = find_quantities("مقتل عشرات المدنيين")
    assert q.value is None and q.order == 10 and q.unit == "civilians"
    [q] = find_quantities("فرار مئات الآلاف من اللاجئين")
    assert q.value is None and q.order == 100000


@pytest.mark.parametrize("text", [
    "بنسبة 70% من السكان",
    "ارتفع بنسبة 15 في المئة",
    "٪٤٥ من الأصوات",
    "للاستفسار اتصل على 0112345678",
    "الرقم +966 11 4567890",
    "في عام 2016",
    "منذ 2011",
    "تنفيذ القرار 2254",
    "لمدة 10 أيام",
    "خلال 24 ساعة",
    "في 17 يوليو 2014",
    "في الخامس من ديسمبر",
    "أحد أبرز معاقلهم",
    "يوم الاثنين",
    "المادة 5 من الدستور",
    "ودعا مؤتمر القمة العربية العادية الـ29 إلى تبني الخطة",  # ordinals with the article
    "كلمته بمناسبة الذكرى الـ36 لتحرير سيناء",
    "بعدما تعرضت فتاة في الـ 16 من عمرها للهجوم",  # ages
    "والجريح في ال35 من العمر أدخل المستشفى",
])
def test_not_counts(text):
    assert find_quantities(text) == []


def test_3000_alone_is_not_a_year():
    [q] = find_quantities("إن أقل من 3000 ما زالوا")
    assert q.value == 3000
    [q] = find_quantities("قتل 2000 مقاتل")
    assert q.value == 2000 and q.unit == "fighters"


def test_a_count_with_the_article_is_still_a_count():
    # «the 16 wounded recruits»: the article before a count of people does not make it an ordinal
    [q] = find_quantities("وقال مصدر طبي إن المجندين الـ16 المصابين جراء الهجوم")
    assert (q.value, q.unit) == (16, "wounded")
