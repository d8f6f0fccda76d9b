"""Attribution constructions the rules' claim candidates cover (claims/claims.py): a second claim
in a sentence (a circumstantial participle, a coordinated continuation, a trailing attribution),
an attribution that introduces its verb (`حسبما قال`، `وفق ما نقلت`، `وفقا لما نقلته`), and cues
that report only with speech after them (`وكتب X:`، `وتعتقد X أن`). Each test checks the claim is
found, its cue span, and its speaker."""
from __future__ import annotations

import marsad
from marsad.eval.scoring import norm_name

RULES = marsad.Pipeline.rules()  # the candidates the learned claim models filter


def claims_of(text: str) -> list[dict]:
    rec = marsad.extract(text, date="2018-05-12", pipeline=RULES).to_dict()
    assert rec["text"] == text
    return rec["claims"]


def claim_with_cue(text: str, cue: str) -> dict:
    """The one claim whose cue span reads `cue` (its offsets checked against the text)."""
    found = [c for c in claims_of(text) if c["cue"]["text"] == cue]
    assert len(found) == 1, [c["cue"]["text"] for c in claims_of(text)]
    c = found[0]
    assert text[c["cue"]["start"]:c["cue"]["end"]] == cue
    return c


def spoken_by(claim: dict, name: str) -> bool:
    return claim["speaker"] is not None and norm_name(name) in norm_name(claim["speaker"]["text"])


# -- a second claim in one sentence -------------------------------------------------------------

def test_circumstantial_participle_after_a_quote_continues_the_sentence_speaker():
    text = 'وأكد مصدر عسكري لفرانس برس أن "19 (شخصا) قتلوا في اشتباكات" مضيفا أن أكثر من 20 آخرين أصيبوا بجروح.'
    assert spoken_by(claim_with_cue(text, "أكد"), "مصدر عسكري")
    c = claim_with_cue(text, "مضيفا")
    assert spoken_by(c, "مصدر عسكري")
    assert text[c["content"]["start"]:c["content"]["end"]] == "أكثر من 20 آخرين أصيبوا بجروح"


def test_feminine_participle_continues_the_newspaper_not_the_witnesses():
    text = ('ونقلت صحيفة "تلغراف" البريطانية عن شهود قولهم إن محتجز الرهائن مغربي الجنسية، '
            'مشيرة إلى أنه كان مرصودا على قوائم مكافحة الإرهاب.')
    assert spoken_by(claim_with_cue(text, "مشيرة"), "صحيفة")


def test_participle_with_tanween_after_a_named_speaker():
    text = ('وقال وزير الخارجية الإيراني محمد جواد ظريف إن بلاده لن تتفاوض على برنامجها الصاروخي، '
            'مشدداً على أن الاتفاق النووي لا يمكن تعديله.')
    assert spoken_by(claim_with_cue(text, "مشدداً"), "ظريف")


def test_coordinated_continuation_inside_the_first_content_is_its_own_claim():
    text = ('وأوضح مصدر أمني فلسطيني أن الطائرات الحربية أطلقت صواريخ عدة على أرض فارغة في مدينة رفح '
            'جنوب قطاع غزة، وأضاف ان غارة ثانية استهدفت موقعا تابعا للقسام شمال القطاع.')
    c = claim_with_cue(text, "أضاف")  # the cue span leaves the conjunction out
    assert spoken_by(c, "مصدر أمني فلسطيني")
    assert text[c["content"]["start"]:c["content"]["end"]].startswith("غارة ثانية")


# -- an attribution that introduces its verb ---------------------------------------------------

def test_trailing_hasabama_qal_with_the_speaker_at_the_sentence_end():
    text = "وعندما يتم ذلك، سيبدأ تخفيف عقوبات الأمم المتحدة، حسبما قال وزير الدفاع الأمريكي جيم ماتيس."
    c = claim_with_cue(text, "قال")
    assert spoken_by(c, "ماتيس")
    assert text[c["content"]["start"]:c["content"]["end"]] == "وعندما يتم ذلك، سيبدأ تخفيف عقوبات الأمم المتحدة"


def test_wifq_ma_naqalat_reports_rather_than_moves():
    text = ("تمكنت أجهزة الأمن المصرية السبت من إحباط محاولة مهاجم انتحاري استهداف كنيسة العذراء "
            "شمال القاهرة، وفق ما نقلت وسائل إعلام مصرية.")
    assert spoken_by(claim_with_cue(text, "نقلت"), "وسائل إعلام مصرية")


def test_wifqan_lima_naqalathu_the_pronoun_is_the_object_the_agency_speaks():
    text = ("أدانت وزارة الخارجية السعودية، الإثنين، الهجوم الذي استهدف كنيسة في الشيشان، "
            "وفقا لما نقلته وكالة الأنباء السعودية (واس).")
    assert spoken_by(claim_with_cue(text, "نقلته"), "وكالة الأنباء")


def test_trailing_bihasab_ma_after_a_first_claim_is_a_second_claim():
    text = ("قال الجيش الروسي إن طائرتين أميركيتين أسقطتا قنابل فسفورية على محافظة دير الزور السورية، "
            "قبل يومين، بحسب ما ذكرت وسائل إعلام روسية، الاثنين.")
    assert spoken_by(claim_with_cue(text, "قال"), "الجيش الروسي")
    assert spoken_by(claim_with_cue(text, "ذكرت"), "وسائل إعلام روسية")


def test_naqalat_an_across_an_appositive_between_commas():
    text = ('ونقلت وكالة الأنباء السورية الرسمية، سانا، عن مصدر في وزارة الخارجية قوله '
            '"سوريا حريصة على التعاون مع منظمة حظر الأسلحة الكيمياوية لكشف الحقيقة".')
    assert spoken_by(claim_with_cue(text, "نقلت"), "مصدر")


# -- cues that report only with speech after them ----------------------------------------------

def test_wa_kataba_with_a_colon_and_a_quotation():
    text = 'وكتب جونسون: "في كل مرحلة من مراحل المحادثات حتى الآن، تحصل بروكسل على ما تريد".'
    c = claim_with_cue(text, "كتب")
    assert spoken_by(c, "جونسون")
    assert c["direct"] is True


def test_wa_kataba_on_twitter_with_inna():
    text = 'وكتب خان على حسابه بموقع تويتر إن "الرئيس الأمريكي سيجد في زيارته أن مدينة لندن اختارت الوحدة".'
    assert spoken_by(claim_with_cue(text, "كتب"), "خان")


def test_kataba_with_no_speech_after_it_reports_nothing():
    text = "وكتب الروائي المصري نجيب محفوظ أكثر من ثلاثين رواية خلال حياته الطويلة."
    assert [c for c in claims_of(text) if c["cue"]["text"] == "كتب"] == []


def test_taataqid_with_an_anna_clause_is_a_claim_by_the_named_ambassador():
    text = "وتعتقد كارين بيرس، سفيرة المملكة المتحدة لدى الأمم المتحدة، أن الأسد لن يستطيع أن ينفد بجلده من كل هذا."
    assert spoken_by(claim_with_cue(text, "تعتقد"), "كارين بيرس")


def test_wathaqa_the_monitor_documents_a_toll():
    text = "ووثق المرصد السوري مقتل 289 مدنيا بينهم 43 طفلاً و28 امرأة في القصف."
    assert spoken_by(claim_with_cue(text, "وثق"), "المرصد السوري")


def test_jaa_fi_al_taqrir_is_a_statement_cue():
    text = 'وجاء في التقرير أن "الرقابة والمراقبة بلغت مستويات غير مسبوقة".'
    assert claim_with_cue(text, "جاء في التقرير")


# -- a new clause inside an earlier claim's content ----------------------------------------------

def test_fi_hin_qalat_opens_a_claim_of_its_own():
    text = ('ووصفت الحكومة السورية الاتهامات بشن هجوم كيميائي بـ "المفبركة"، في حين قالت الخارجية '
            'الأمريكية إن تقارير رجحت "ارتفاع محتمل في عدد الضحايا".')
    assert spoken_by(claim_with_cue(text, "وصفت"), "الحكومة السورية")
    assert spoken_by(claim_with_cue(text, "قالت"), "الخارجية الأمريكية")


def test_baad_an_qala_a_second_speaker_inside_the_first_content():
    text = ('قال المتحدث باسم وزارة الدفاع الأمريكية إن الولايات المتحدة ليست على علم بأي أمريكيين محتجزين '
            'لدى تنظيم داعش في سوريا، بعد أن قال الرئيس الروسي فلاديمير بوتين في وقت سابق إن عددا كبيرا '
            'من الأمريكيين أخذوا رهائن.')
    said = [c for c in claims_of(text) if c["cue"]["text"] == "قال"]
    assert len(said) == 2
    assert spoken_by(said[0], "المتحدث") and spoken_by(said[1], "بوتين")


def test_lakinnahu_qala_continues_the_same_speaker():
    text = ('وقال ترامب خلال اجتماع بالبيت الأبيض مع طلاب نجوا من إطلاق النار، إن الفكرة ستثير الجدل، '
            'لكنه قال "لو كان لدينا معلم يجيد استخدام الأسلحة النارية، لتمكن من إنهاء الهجوم سريعا".')
    said = [c for c in claims_of(text) if c["cue"]["text"] == "قال"]
    assert len(said) == 2 and all(spoken_by(c, "ترامب") for c in said)


def test_relative_with_an_object_pronoun_on_the_cue_reports_nothing():
    text = "وناقش الوزير الملاحظات التي قالها السفير أمس."
    assert claims_of(text) == []


# -- more attribution verbs ----------------------------------------------------------------------

def test_yutabi_continues_only_when_speech_follows():
    assert spoken_by(claim_with_cue('ويتابع الكاتب أن "الأزمة لن تنتهي قريبا".', "يتابع"), "الكاتب")
    assert claims_of("ويتابع الجيش التحركات على الحدود منذ أيام.") == []


def test_ahsa_the_monitor_counts_the_dead():
    assert spoken_by(claim_with_cue("وأحصى المرصد السوري مقتل 12 مدنيا في القصف.", "أحصى"), "المرصد السوري")


def test_almaha_ila_anna():
    text = "ألمح الرئيس الفرنسي إلى أن بلاده قد تشارك في الضربات."
    assert spoken_by(claim_with_cue(text, "ألمح"), "الرئيس الفرنسي")
