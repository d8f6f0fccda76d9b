from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize
from marsad.text.sentences import build_sentences


def texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_paragraph_seams():
    text = 'قال الجيش إن الهجوم فشل "دون خسائر"., وأضاف أن القوات تقدمت., ولا يشمل هذا الرقم مناطق أخرى.'
    out = texts(text)
    assert len(out) == 3
    assert out[1].startswith("وأضاف")


def test_period_inside_short_quotation_does_not_split():
    text = 'وقال الوزير: "لن نتراجع. سنواصل القتال" وأضاف أن الحرب طويلة. ثم غادر.'
    out = texts(text)
    assert out[0].endswith("الحرب طويلة.")
    assert len(out) == 2


def test_decimal_point_and_newlines():
    text = "بلغ النمو 3.5 في المئة\nوقال الوزير إن الأرقام جيدة"
    assert texts(text) == ["بلغ النمو 3.5 في المئة", "وقال الوزير إن الأرقام جيدة"]


def test_clauses_split_at_commas():
    text = "على صعيد آخر، أعلن التحالف الأربعاء أنه لم يتبق مقاتلون"
    toks = tokenize(text)
    sent = build_sentences(text, toks)[0]
    assert len(sent.clauses) == 2
    first, second = sent.clauses
    assert toks[second[0]].text == "أعلن"
