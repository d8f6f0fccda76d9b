"""Actors that depend on the article's subject: "التحالف" in news on Yemen
(alarabiya_2018 sentence) and in news on Syria."""
from __future__ import annotations

import marsad


def actor_of(text: str, surface: str) -> str:
    rec = marsad.extract(text, date="2018-04-01").to_dict()
    found = [(e["actor"] or {}).get("name_en", "") for e in rec["entities"] if e["text"] == surface]
    assert found, [e["text"] for e in rec["entities"]]
    return found[0]


def test_the_coalition_in_news_on_yemen_is_the_saudi_led_one():
    text = ("وفي جبهة الساحل الغربي، شنت طائرات التحالف غارات مكثّفة مستهدفة تعزيزات كبيرة في منطقة جبل راس "
            "دفعت بها ميليشيات الحوثي من محافظة إب نحو جبهة الساحل الغربي.")
    assert actor_of(text, "طائرات التحالف") == "Saudi-led coalition in Yemen"


def test_the_coalition_in_news_on_syria_stays_the_coalition_against_isis():
    text = ("قال التحالف الذي تقوده الولايات المتحدة ضد تنظيم الدولة في سوريا والعراق إنه نفذ ضربة جوية في "
            "منطقة شرق سوريا. وأكد التحالف أن العمليات مستمرة.")
    assert actor_of(text, "التحالف") == "Global Coalition against ISIS"


def test_amman_in_news_on_jordan_is_not_oman():
    # pool_2000: عمّان folds like عُمان
    text = ("وأعني به أبا قتادة الفلسطيني، والذي تم الإفراج عنه ويعيش اليوم حراً طليقاً في مدينة عمان في "
            "المملكة الأردنية الهاشمية.")
    assert actor_of(text, "عمان") == "Jordan"
