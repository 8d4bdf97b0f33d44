"""A counted period of days ending at publication is coded to its middle day, week precision, also when
the count follows a definite unit ("خلال الأيام الخمسة الماضية"); real ANT sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ant_events, ant_record

from rasd.nlp.dates import find_dates


def _dates(text: str, pub: dt.date) -> list[tuple[dt.date | None, int, str]]:
    return [(m.date, m.time_precision, m.kind) for m in find_dates(text, 0, len(text), pub)]


@pytest.mark.parametrize(("doc_id", "phrase", "pub", "day"), [
    # Egyptian army statement of Mon 19 Mar: "the past five days" → 17 Mar
    ("CN-middleEast-302-20180319", "مقتل 30 إرهابيا خلال الأيام الخمسة الماضية في سيناء", dt.date(2018, 3, 19),
     dt.date(2018, 3, 17)),
    # the coalition in Yemen, 8 Jul: "in the past three days" → 7 Jul
    ("SK-middleEast-2805-20180708", "في المعارك خلال الأيام الثلاثة الماضية", dt.date(2018, 7, 8),
     dt.date(2018, 7, 7)),
])
def test_counted_period_is_its_middle_day(doc_id: str, phrase: str, pub: dt.date, day: dt.date) -> None:
    assert phrase in ant_record(doc_id)["text"]
    assert _dates(phrase, pub) == [(day, 2, "period")]


def test_definite_unit_needs_its_count() -> None:
    pub = dt.date(2018, 3, 20)
    # FR-middleEast-186: "بعد يومين من سيطرة" still dates the act
    assert _dates("في شمال سوريا، وبعد يومين من سيطرة القوات التركية", pub) == [(dt.date(2018, 3, 18), 1, "ago")]
    assert [k for _, _, k in _dates("منذ الأيام الأولى في احتجاجات عام 2011", pub)] == ["year"]  # no "ago"
    assert _dates("في سنوات المراهقة", pub) == []
    assert _dates("خلال الأيام القليلة الماضية", pub) == []


def test_statement_events_get_the_period_middle() -> None:
    events = ant_events("CN-middleEast-302-20180319")
    assert events and {e.event_date for e in events} == {"2018-03-17"}
