"""rasd.nlp.dates: date expressions resolved against the publication date, on real sentences
(eval/dev.jsonl evidence and the ANT corpus), plus parse_published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rasd.nlp.dates import DateMention, find_dates, parse_published

D = dt.date

CASES_FILE = Path(__file__).parent / "data" / "nlp_dates_cases.tsv"


def _cases() -> list[tuple[dt.date, str, str, dt.date | None, int, str, bool]]:
    """(published, sentence, mention text, date, time_precision, kind, background) from CASES_FILE."""
    out = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pub, text, span, date, prec, kind, bg = line.split("\t")
            out.append((D.fromisoformat(pub), text, span, None if date == "-" else D.fromisoformat(date), int(prec),
                        kind, bg == "yes"))
    return out


CASES = _cases()


def _mentions(text: str, pub: dt.date | None) -> dict[str, DateMention]:
    return {text[m.start:m.end]: m for m in find_dates(text, published=pub)}


@pytest.mark.parametrize(("pub", "text", "span", "date", "precision", "kind", "background"), CASES)
def test_dates_find(
    pub: dt.date, text: str, span: str, date: dt.date | None, precision: int, kind: str, background: bool
) -> None:
    got = _mentions(text, pub)
    assert span in got, list(got)
    m = got[span]
    assert (m.date, m.time_precision, m.kind, m.background) == (date, precision, kind, background)


@pytest.mark.parametrize(
    "text",
    ["في اليوم التالي للهجوم", "أب الشهيد قال", "قتل أحد الجنود", "لم يعد اليوم الذي كانوا ينتظرونه",
     "وصلت التعزيزات قبل الهجوم بثلاثة أيام", "وسيصل الوفد بعد ثلاثة أيام", "وقد أشارت ماي بالإضافة إلى",
     "كان هناك في هذه الليلة"],
)
def test_dates_not_dates(text: str) -> None:
    assert find_dates(text, published=D(2018, 5, 20)) == []


def test_dates_without_publication_keep_spans() -> None:
    text = "قتل أمس ثلاثة في 12 آذار 2017"
    got = _mentions(text, None)
    assert got["أمس"].date is None and got["أمس"].kind == "relative"
    assert got["12 آذار 2017"].date == D(2017, 3, 12)


def test_dates_range_offsets_into_original(seed_text: str) -> None:
    i = seed_text.index("وكان البيت الأبيض قد أعلن الجمعة")
    (m,) = find_dates(seed_text, i, i + 60, published=D(2019, 3, 24))
    assert seed_text[m.start:m.end] == "الجمعة" and m.date == D(2019, 3, 22)


@pytest.mark.parametrize(
    ("value", "date"),
    [("2018-02-19T00:16:11+04:00", D(2018, 2, 19)), ("Mon, 19 Feb 2018 00:16:11 +0400", D(2018, 2, 19)),
     ("2018-02-19", D(2018, 2, 19)), ("2015-07-21 02:51:32", D(2015, 7, 21)), ("", None), (None, None),
     ("not a date", None)],
)
def test_dates_parse_published(value: str | None, date: dt.date | None) -> None:
    assert parse_published(value) == date
