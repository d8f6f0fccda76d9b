"""Coreference of titles on unseen news (alarabiya_2018 corpus text, not gold
articles): a name before its title, two titled persons of one state, and a
title that cannot introduce a person named before it."""
from __future__ import annotations

import marsad


def actors(text: str, surface: str) -> list[str]:
    rec = marsad.extract(text, date="2018-02-26").to_dict()
    return [(e["actor"] or {}).get("name_en", "") for e in rec["entities"] if e["text"] == surface]


def test_a_name_before_its_title_gives_the_title_its_person():
    text = ("أعلن الرئيس الأميركي، دونالد ترمب، الاثنين، أن الولايات المتحدة مستعدة لإجراء محادثات مع "
            "كوريا الشمالية. ولقي هذا التعليق انتقادات بما في ذلك من جو #بايدن، نائب الرئيس الأميركي "
            "سابقا، والذي قال إن هذا التعليق أفقد الحلفاء الثقة في واشنطن.")
    assert actors(text, "نائب الرئيس الأميركي") == ["Joe Biden"]
    assert actors(text, "الرئيس الأميركي") == ["Donald Trump"]


def test_a_title_does_not_introduce_a_person_named_before_it():
    text = ("أكدت محكمة في واشنطن أحكاماً بالسجن على اثنين من مؤيدي الرئيس التركي رجب طيب أردوغان هاجما "
            "محتجين سلميين. وفي كانون الأول/ديسمبر اعترف المتهمان \"بالهجوم والتسبب في إصابة جسدية بالغة\" "
            "لمحتجين امام مسكن السفير التركي في أعقاب اجتماع بين أردوغان والرئيس الأميركي دونالد ترمب.")
    assert "Recep Tayyip Erdogan" not in actors(text, "السفير التركي")
