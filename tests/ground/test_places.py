"""Place names and their geocoding (issue #3).

Phrasings quoted from ../shared/data/corpora (pool_2000, alarabiya_2018) and
the seed article.
"""
from __future__ import annotations

import pytest

from marsad.ground.places import Gazetteer, find_places
from marsad.pipeline import Pipeline
from marsad.types import ArticleInput


@pytest.fixture(scope="module")
def pipe():
    return Pipeline.default()


def places(pipe, text):
    return find_places(pipe(ArticleInput(None, "", text, "2018-01-01")))


# (text, expected span, name_en contains, country, precision)
CASES = [
    ("الذين طردوا من #الرقة وهي أحد أبرز معاقلهم في شرق سوريا", "الرقة", "Raqqah", "SYR", "point"),
    ("قاعدة عسكرية أميركية في معبر #التنف الحدودي السوري مع العراق", "معبر #التنف", "Tanf", "SYR", "point"),
    ("تؤكد الولايات المتحدة أن قاعدة التنف مؤقتة", "قاعدة التنف", "Tanf", "SYR", "point"),
    ("تجري مطاردتهم في المناطق الصحراوية في شرق سوريا وغرب العراق", "شرق سوريا", "Eastern Syria", "SYR", "admin"),
    ("تجري مطاردتهم في المناطق الصحراوية في شرق سوريا وغرب العراق", "غرب العراق", "Western Iraq", "IRQ", "admin"),
    ("التحالف الذي تقوده الولايات المتحدة في #سوريا والعراق", "سوريا", "Syria", "SYR", "country"),
    ("التحالف الذي تقوده الولايات المتحدة في #سوريا والعراق", "الولايات المتحدة", "United States", "USA", "country"),
    ("وتقول #روسيا إن القاعدة الأميركية", "روسيا", "Russia", "RUS", "country"),
    ("إن نحو 5300 مقاتل وعائلاتهم غادروا الغوطة الشرقية", "الغوطة الشرقية", "Eastern Ghouta", "SYR", "admin"),
    ("إن المقاتلين غادروا مدينة عربين وتوجهوا إلى إدلب", "إدلب", "Idlib", "SYR", None),
    ("كما انفجرت سيارة مفخخة في الزعفرانية", "الزعفرانية", "", "IRQ", "point"),
    ("في تفجير سيارة مفخخة في بلدة مندلي في محافظة ديالى", "بلدة مندلي", "Mandal", "IRQ", "point"),
    ("في تفجير سيارة مفخخة في بلدة مندلي في محافظة ديالى", "محافظة ديالى", "Diyala", "IRQ", "admin"),
    ("قال محافظ #صعدة، اللواء هادي طرشان الوايلي", "صعدة", "", "YEM", None),
    ("سيطرت القوات على ريف حلب الشمالي", "ريف حلب الشمالي", "northern Aleppo countryside", "SYR", "admin"),
    ("اشتباكات في ريف حلب", "ريف حلب", "Aleppo", "SYR", "admin"),
    ("قصف على مدينة البوكمال قرب الحدود", "مدينة البوكمال", "Kamal", "SYR", "point"),
    ("قصف على البو كمال قرب الحدود", "البو كمال", "Kamal", "SYR", "point"),
    ("قوات سوريا الديمقراطية في شرق الفرات", "شرق الفرات", "Euphrates", "SYR", "admin"),
    ("غارات على دير الزور", "دير الزور", "Deir", "SYR", None),
    ("معارك في الحديدة غرب اليمن", "الحديدة", "Hudaydah", "YEM", None),
    ("انفجار في مدينة الموصل", "مدينة الموصل", "Mosul", "IRQ", "point"),
    ("وصل الوفد إلى العاصمة صنعاء", "العاصمة صنعاء", "Sanaa", "YEM", "point"),
    ("اشتباكات في تعز", "تعز", "Ta", "YEM", None),
    ("قصف إسرائيلي على قطاع غزة", "قطاع غزة", "Gaza Strip", "PSE", "admin"),
    ("مسيرة في الضفة الغربية", "الضفة الغربية", "West Bank", "PSE", "admin"),
    ("هجوم على مأرب", "مأرب", "Ma", "YEM", None),
    ("في بغداد أعلن المتحدث", "بغداد", "Baghdad", "IRQ", "point"),
    ("زار ولي العهد القاهرة", "القاهرة", "Cairo", "EGY", "point"),
    ("وصل الرئيس إلى طهران", "طهران", "Tehran", "IRN", "point"),
    ("قمة في الرياض", "الرياض", "Riyad", "SAU", None),
    ("في محافظة عدن", "محافظة عدن", "Adan", "YEM", "admin"),
    ("ضربات على مطار الشعيرات", "مطار الشعيرات", "Shayrat", "SYR", "point"),
    ("اشتباكات في عفرين", "عفرين", "Afrin", "SYR", "point"),
    ("هجوم كيمياوي استهدف السبت مدينة #دوما", "مدينة #دوما", "Douma", "SYR", "point"),
    ("لقاء في بيروت", "بيروت", "Beirut", "LBN", "point"),
    ("زيارة إلى أنقرة", "أنقرة", "Ankara", "TUR", None),
    ("طرد سفير مانيلا من الكويت", "الكويت", "Kuwait", "KWT", None),
    ("المملكة العربية السعودية والإمارات", "المملكة العربية السعودية", "Saudi", "SAU", "country"),
    ("وصلت إلى فرنسا", "فرنسا", "France", "FRA", "country"),
    # cities and countries outside the Middle East (GeoNames world cities, world-cities names)
    ("عاد إلى لندن", "لندن", "London", "GBR", "point"),
    ("عقد الاجتماع في جنيف برعاية الأمم المتحدة", "جنيف", "Geneva", "CHE", "point"),
    ("وصل الوزير الى العاصمة الروسية موسكو", "العاصمة الروسية موسكو", "Moscow", "RUS", "point"),
    ("تهامات إلى شابين وفتاة مراهقة اعتقلوا في مونبلييه جنوب البلاد", "مونبلييه", "Montpellier", "FRA", "point"),
    ("اعتقال ثلاثة أشخاص في مدينة هانوفر شمال البلاد", "مدينة هانوفر", "Hannover", "DEU", "point"),
    ("نتائج الدورة الأولى من الانتخابات الرئاسية الأحد في كولومبيا", "كولومبيا", "Colombia", "COL", "country"),
    ("معبر نصيب مع الأردن", "معبر نصيب", "Nasib", "SYR", "point"),
]


@pytest.mark.parametrize("text,span,name,country,precision", CASES)
def test_places(pipe, text, span, name, country, precision):
    found = places(pipe, text)
    hit = [p for p in found if p.text == span]
    if country is None:  # outside the gazetteer's coverage: may be missing, must not be wrong
        assert all(p.country not in ("SYR", "IRQ", "YEM") for p in hit)
        return
    assert hit, [(p.text, p.name_en) for p in found]
    p = hit[0]
    assert name in p.name_en and p.country == country
    if precision:
        assert p.precision == precision
    assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180


def test_tanf_coordinates(pipe):
    [p] = [p for p in places(pipe, "قاعدة عسكرية أميركية في معبر #التنف الحدودي") if "Tanf" in p.name_en]
    assert abs(p.lat - 33.5) < 0.3 and abs(p.lon - 38.7) < 0.3


def test_raqqa_disambiguated_by_context(pipe):
    [p] = [p for p in places(pipe, "طردوا من الرقة وهي أحد أبرز معاقلهم في سوريا") if p.text == "الرقة"]
    assert p.country == "SYR" and abs(p.lat - 35.95) < 0.2
    assert {q.country for q in Gazetteer.load().lookup("الرقة")} >= {"SYR", "YEM", "ARE"}


def test_amman_by_context(pipe):
    [p] = [p for p in places(pipe, "تظاهرات في العاصمة الأردنية عمان ضد الحكومة الأردنية") if p.text.endswith("عمان")]
    assert p.country == "JOR"


@pytest.mark.parametrize("text", [
    "وقال في بيان إن الجديد في الأمر",
    "تحرك مقاتلي تنظيم داعش بحرية في الأراضي",
    "رئيس النظام السوري بشار الأسد",
    "بي ان سبورت",
    "وأضاف أن العديد من مقاتلي داعش",
    "في وسط البلاد",
    "وأكد أن صور الأقمار الصناعية",
])
def test_common_words_are_not_places(pipe, text):
    bad = {"في", "الجديد", "بحرية", "بشار", "بي", "ان", "بيان", "العديد", "البلاد", "صور"}
    found = places(pipe, text)
    assert not [p for p in found if p.text.split()[-1].lstrip("#و") in bad], [(p.text, p.name_en) for p in found]


def test_clitics(pipe):
    found = places(pipe, "وصلت التعزيزات وبالرقة وللموصل")
    names = {p.name_en for p in found}
    assert any("Raqqah" in n for n in names) and any("Mosul" in n for n in names)
    for p in found:
        assert not p.text.startswith(("و", "ب"))  # وللموصل -> لموصل: the ل of ال is shared


@pytest.mark.parametrize("text,not_name", [
    ("وقالت موسكو إن القصف استهدف مواقع المعارضة", "Moscow"),  # the government speaking, not a venue
    ("فرض حصار على غزة منذ سنوات", "Hisar"),  # حصار "siege" also names an Indian city
    ("وقد أغلق المطار الرئيسي في باولو بعد أن ضربت موجات تسونامي المدينة", "Oulu"),  # Palu, not ب+اولو
    ("وصل الوزير الى العاصمة الروسية موسكو", "Ar Rusiyah"),  # a nationality, not a Syrian village
])
def test_world_city_names_need_a_place_context(pipe, text, not_name):
    found = places(pipe, text)
    assert not [p for p in found if p.name_en == not_name], [(p.text, p.name_en) for p in found]


def test_world_city_beats_its_namesake_village(pipe):
    [p] = [p for p in places(pipe, "عقد وزراء الخارجية اجتماعا في باريس") if p.text == "باريس"]
    assert p.country == "FRA" and abs(p.lat - 48.86) < 0.2  # not Baris, a village in Egypt


@pytest.mark.parametrize("text,not_name", [
    ("هاجم مسلحون مركز الشرطة في المدينة", "Ash Shurtah"),  # police station, not a Yemeni village
    ("التوتر في منطقة الشرق الأوسط", "El-Sharq"),
    ("واندلعت اشتباكات في محيط القاعدة العسكرية", "Al Qa'idah"),
    ("وتمكنت من تحرير المرتفعات المحيطة بمركز مديرية كتاف", "Al Qahtaniyah"),  # a head after a head
])
def test_area_noun_before_a_common_word_is_no_place(pipe, text, not_name):
    found = places(pipe, text)
    assert not [p for p in found if p.name_en == not_name], [(p.text, p.name_en) for p in found]


def test_district_after_area_noun(pipe):
    found = places(pipe, "وتمكنت من تحرير المرتفعات المحيطة بمركز مديرية كتاف في صعدة")
    assert [(p.text, p.country) for p in found if p.name_en == "Kitaf"] == [("مديرية كتاف", "YEM")]


@pytest.mark.parametrize("text,not_name", [
    ("هل ستكون أميركا في أمان أكبر في ظل وجود اتفاق", "Amman"),  # أمان "safety"
    ("أو أن يشار إليه بوصفه عقبة أمام السلام", "Aqaba"),  # عقبة "obstacle"
    ("الخطاب الذي ألقاه باراك اوباما أمام الكونغرس", "Arak"),  # not ب+اراك
    ("اذ ان الدول الخمس الدائمة العضوية في مجلس الأمن", "Al Khums"),  # "the five"
    ("حذرته الحكومة الأميركية من استخدام ورقة محاربة الإرهاب", "Ar Raqqah"),  # ورقة "card", not و+رقة
])
def test_words_that_are_rarely_place_names(pipe, text, not_name):
    found = places(pipe, text)
    assert not [p for p in found if p.name_en == not_name], [(p.text, p.name_en) for p in found]


@pytest.mark.parametrize("text,name", [
    ("وقعت اشتباكات عنيفة في الموصل أمس", "Mosul"),
    ("قصفت الطائرات مدينة حلب", "Aleppo"),
    # adapted from corpora/alarabiya_2018 (hashtags dropped); since issue 16 the NER reads a bare العقبة after إلى as "the obstacle"
    ("شهدت جبهة العقبة بمحافظة الجوف شمال اليمن معارك عنيفة", "Aqaba"),
])
def test_place_names_that_are_names_in_the_news_stay(pipe, text, name):
    assert any(name in p.name_en for p in places(pipe, text))


@pytest.mark.parametrize("text,span,name", [
    ("أعلن ماريوبول فتح ممر إلى شبه جزيرة القرم التي انتزعتها روسيا", "شبه جزيرة القرم", "Crimea"),
    ("تشير إلى أن إيران هي القوة الكبرى في منطقة الخليج", "منطقة الخليج", "Persian Gulf region"),
    ("قصفت قوات الأسد قريتي محمبل وجوزف بجبل الزاوية في الريف الجنوبي لإدلب", "جبل الزاوية", "Jabal al-Zawiya"),
    ("ان قوات الاحتلال اقتحمت المسجد الأقصى المبارك ليلة أمس", "المسجد الأقصى المبارك", "Al-Aqsa Mosque"),
])
def test_curated_regions(pipe, text, span, name):
    assert [p.name_en for p in places(pipe, text) if p.text == span and p.name_en.startswith(name)]


@pytest.mark.parametrize("text", ["أعلن فوزه بولاية ثانية في الانتخابات", "بدأ بناء مطار جديد قرب العاصمة"])
def test_an_ordinal_after_a_head_is_no_name(pipe, text):
    assert not [p for p in places(pipe, text) if p.text.split()[-1] in ("ثانية", "جديد")]
