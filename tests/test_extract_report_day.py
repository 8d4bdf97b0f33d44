"""The day a report was given ("وفق بيان رسمي ورد الجمعة", "وفق ما أفاد المرصد الأحد") is not a day told
of the act: a mention dated so joins a fuller telling of the act on that day or the day before, and
keeps its day when it tells the act alone. Real ANT articles (2018) through the real segmenter."""

from __future__ import annotations

from conftest import ant_events


def _events(doc_id: str):
    return ant_events(doc_id)


def test_strikes_dated_by_the_statement_join_the_strikes_of_the_day_before() -> None:
    # "نفذ الطيران الحربي العراقي ضربات جوية ... وفق بيان رسمي ورد الجمعة" and the statement's own
    # "صباح اليوم (الخميس)" strikes in Hajin are one act, dated Thursday 24 May
    iraqi = [e for e in _events("FR-middleEast-532-20180525")
             if e.sub_event_type == "Air/drone strike" and e.actor1 == "Military Forces of Iraq (2014-)"]
    assert [(e.admin1, e.event_date) for e in iraqi] == [("Deir-ez-Zor", "2018-05-24")]
    assert len([s for s in iraqi[0].evidence_spans if s.label == "sentence"]) >= 2


def test_an_act_told_once_keeps_the_day_of_its_report() -> None:
    # "أعلنت وزارة الدفاع الروسية، الأحد، مقتل أربعة جنود روس": no other day is told of the battle
    evs = [e for e in _events("CN-middleEast-1031-20180527") if e.sub_event_type == "Armed clash"]
    assert [e.event_date for e in evs] == ["2018-05-27"]
