"""rasd.nlp.numbers: digits, number words, duals, vague quantities, approximation markers,
on real sentences from the ANT corpus, the dev gold evidence and the seed page."""

from __future__ import annotations

import pytest

from rasd.nlp.numbers import find_numbers, parse_number

# (sentence, the mention's text, value, approx, kind): sentences from ant_mideast_conflict.jsonl
# and eval/dev.jsonl evidence unless marked otherwise.
CASES = [
    ("خلايا تنظيم الدولة شنّت سلسلة هجمات على الميليشيات أودت بحياة 5 عناصر في ريف دير الزور الشرقي",
     "5", 5, False, "digits"),
    ("ولقي 16 فلسطينيا مصرعهم برصاص القوات الإسرائيلية", "16", 16, False, "digits"),
    ("كان هجوم يشتبه في أنه بغاز سام على ضواحي العاصمة السورية، والذي قتل أكثر من 40 شخصا",
     "أكثر من 40", 40, True, "digits"),
    ("والذي يقول نشطاء إنه أسفر عن مقتل ما لا يقل عن أربعين شخصا", "ما لا يقل عن أربعين", 40, False, "words"),
    ("أن الغارات أسفرت، عن مقتل ما لا يقل عن 20 عنصراً من الميليشيات", "ما لا يقل عن 20", 20, False, "digits"),
    ("نحو 390 مقاتلا كرديا من حزب العمال الكردستاني قتلوا", "نحو 390", 390, True, "digits"),
    ("إن من بين المقاتلين الأجانب الخمسة عشر الموالين للحكومة", "خمسة عشر", 15, False, "words"),
    ("قُتل أربعة عناصر أمن سعوديين وأصيب أربعة آخرون بجروح الخميس", "أربعة", 4, False, "words"),
    ("وكان يتحدث في أعقاب مقتل ستة أشخاص في مواجهات بين قوات الأمن", "ستة", 6, False, "words"),
    ("إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين", "واحدا", 1, False, "words"),
    ("وقالت وسائل الإعلام السورية الأربعاء إن شخصين قتلا في انفجار في العاصمة دمشق", "شخصين", 2, False, "dual"),
    ("أن الحصيلة الأولية للهجومين مقتل جنديين وإصابة نحو 53 آخرين", "جنديين", 2, False, "dual"),
    ("اقتحم مسلحان يوم الاثنين مبنى محافظة أربيل", "مسلحان", 2, False, "dual"),
    ("وتحدثت وسائل الإعلام من جهتها عن سقوط قتيلين وثلاثة جرحى", "قتيلين", 2, False, "dual"),
    ("وتحدثت وسائل الإعلام من جهتها عن سقوط قتيلين وثلاثة جرحى", "ثلاثة", 3, False, "words"),
    ("وقد أفيد بمقتل عشرات الأشخاص في مدينة دوما", "عشرات", 10, True, "plural"),
    ("وتسببت في نزوح مئات الآلاف من السكان", "مئات الآلاف", 100000, True, "plural"),
    ("عن سقوط عدد من القتلى والجرحى في صفوف الميليشيات الحوثية", "عدد من", None, True, "vague"),
    ("شنَّ عناصر من خلايا تابعة لتنظيم الدولة عدة هجمات على ميليشيات", "عدة", None, True, "vague"),
    ("وقال المرصد في بيان إن عدد قتلى الحرب وصل الى 511,000 منذ اندلاعها", "511,000", 511000, False, "digits"),
    ("وتمكن تنظيم الدولة الإسلامية عام 2014 من بسط نفوذه على ما يقرب من 8 ملايين شخص",
     "ما يقرب من 8 ملايين", 8000000, True, "digits"),
    ("في منطقة تبلغ مساحتها 88 ألف كيلومتر مربع", "88 ألف", 88000, False, "digits"),
    ("ولاسيما في ظل حكم الإخوان المسلمين، نحو مليون ومئة وخمسة وعشرين ألفاً",
     "نحو مليون ومئة وخمسة وعشرين ألفاً", 1125000, True, "words"),
    ("ويبلغ من العمر خمسة وعشرين عاما بسرقة سيارة", "خمسة وعشرين", 25, False, "words"),
    ("وكان المحامي سمير صبري قد تقدم الخميس الماضي بثلاثة بلاغات إلى النائب العام", "ثلاثة", 3, False, "words"),
    ("منها قناصات ١٢٫٧ وعيار ٣٦ مضاد", "٣٦", 36, False, "digits"),
    ("أسفرت عن مقتل ٥ عناصر", "٥", 5, False, "digits"),
    ("قتل ١٬٢٠٠ شخص", "١٬٢٠٠", 1200, False, "digits"),
    ("قتل 1,200 شخص", "1,200", 1200, False, "digits"),
    ("يوم الخامس والعشرين من مارس ألفين وخمسة عشر بعد أن", "ألفين وخمسة عشر", 2015, False, "words"),
    ("قُتل إحدى عشرة امرأة", "إحدى عشرة", 11, False, "words"),
    ("احتجاز مئتي ألف مدني", "مئتي ألف", 200000, False, "words"),
    ("حيث نزح ثلاثة آلاف وخمسمائة شخص", "ثلاثة آلاف وخمسمائة", 3500, False, "words"),
    ("بنسبة 50% من الأصوات", "50%", 50, False, "percent"),
    ("وتراجعت بنسبة 30 في المائة", "30 في المائة", 30, False, "percent"),
    ("وذكر موقع “دير الزور24” المتخصص", "24", 24, False, "digits"),
    ("لكنها تؤمن واحدا بالمئة من الوظائف في العمالة", "واحدا بالمئة", 1, False, "percent"),
    ("مقتل ما يقدر بنحو نصف مليون شخص", "نحو نصف مليون", 500000, True, "words"),
    ("فيما يقدر أن 8,4 مليون على شفا المجاعة", "8,4 مليون", 8400000, False, "digits"),
    ("وهو جندي سابق في حرب الشيشان وأحد أشهر مراسلي الحرب", "أحد", 1, False, "words"),
]


@pytest.mark.parametrize(("text", "span", "value", "approx", "kind"), CASES)
def test_numbers_find(text: str, span: str, value: int | None, approx: bool, kind: str) -> None:
    got = {(text[m.start:m.end], m.value, m.approx, m.kind) for m in find_numbers(text)}
    assert (span, value, approx, kind) in got, got


@pytest.mark.parametrize(
    "text",
    [
        "صدر بتاريخ 29/6/2018 الساعة 10:30 بيان",  # a date and a time
        "في 30 مارس الماضي وفي آذار 2018",  # day and year of dates
        "عُقدت جلسة يوم الاثنين ويوم الأحد",  # weekdays, not "two" and "one"
        "في اليوم الخامس والعشرين",  # the tail of an ordinal
        "أطلقت مقاتلات F16 العراقية",  # a model name
        "قُتل عدد من المدنيين",  # the only mention is vague
        "وصلوا إلى سوريا في الرابع عشر من نيسان/أبريل",  # an ordinal day
        "استخدمت مقاتلات إف-16 للعبور إلى سوريا",  # a model name
        "في يوم الأرض الذي يوافق الثلاثين من آذار/ مارس الماضي",  # the day of a date, in words
        "وقد أظهر الفيديو كمية العنف التي تمارس",  # كمية is not ك + مية (100)
        "وهذا ثاني دبلوماسي يعثر عليه ميتا في السودان",  # ميتا "dead", not مئتا
    ],
)
def test_numbers_not_quantities(text: str) -> None:
    assert [m for m in find_numbers(text) if m.value is not None] == []


def test_numbers_duals_only_where_unambiguous() -> None:
    # مدنيين and مسلحين are plurals as often as duals: never read as 2
    text = "مقتل مدنيين ومسلحين في القصف"
    assert find_numbers(text) == []


def test_numbers_seed_page(seed_text: str) -> None:
    i = seed_text.index("أودت بحياة 5 عناصر")
    (m,) = [m for m in find_numbers(seed_text, i, i + 30) if m.value is not None]
    assert (seed_text[m.start:m.end], m.value) == ("5", 5)
    # offsets map back through normalisation of the whole page
    ms = find_numbers(seed_text)
    assert all(seed_text[m.start:m.end].strip() == seed_text[m.start:m.end] for m in ms)
    assert any(m.value == 8000000 for m in ms)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("خمسة وعشرين", 25), ("٣", 3), ("مئتي ألف", 200000), ("قتيلين", 2), ("اثنا عشر", 12),
     ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("عشرات", 10), ("عدة", None), ("بلا رقم", None),
     ("وبأربعة", 4), ("سبعة عشر", 17), ("تسعين", 90)],
)
def test_numbers_parse_number(phrase: str, value: int | None) -> None:
    assert parse_number(phrase) == value
