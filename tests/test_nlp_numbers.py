"""rasd.nlp.numbers: digits, number words, duals, vague quantities, approximation markers,
on real sentences from the ANT corpus, the dev gold evidence and the seed page."""

from __future__ import annotations

import pytest
from conftest import REPO

from rasd.nlp.numbers import find_numbers, parse_number

FOUND = REPO / "tests" / "data" / "numbers_found.tsv"


def _found_cases() -> list[tuple[str, int, int, int | None, bool, str]]:
    """Rows of ``numbers_found.tsv`` as (sentence, start, end, value, approx, kind), the brackets removed."""
    out = []
    for line in FOUND.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        marked, value, approx, kind = line.split("\t")
        start, end = marked.index("["), marked.index("]") - 1
        out.append((marked.replace("[", "").replace("]", ""), start, end,
                    None if value == "-" else int(value), approx == "yes", kind))
    return out


@pytest.mark.parametrize(("text", "start", "end", "value", "approx", "kind"), _found_cases())
def test_numbers_find(text: str, start: int, end: int, value: int | None, approx: bool, kind: str) -> None:
    got = {(m.start, m.end, m.value, m.approx, m.kind) for m in find_numbers(text)}
    assert (start, end, value, approx, kind) in got, (text[start:end], got)


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
        # فلسطينيين is a plural as often as a dual (SK-middleEast-3274-20180807)
        "وكانت آخر غارة شنتها إسرائيل على غزة في 29 يوليو الماضي بواسطة طائرة مسيرة، وأسفرت حينها عن مقتل فلسطينيين.",
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
