"""A toll told in the sentence right before its act ("أعلن الجيش اليمني ... مقتل 10 قيادات" / "ونشر موقع الجيش
أسماء القيادات الحوثية التي قتلت بالمعارك وغارات طيران التحالف") is the act's, mirroring the toll carried
forward: only from an adjacent sentence of the same segment with no act of its own and no act told just
before it, to an act with no toll of its own, not to a sentence opening another act ("كما شنت ..."), never a
total ("منذ نهاية آذار"). Found on the held-out set (SK-middleEast-3798, BB-middleEast-83), checked here
on other ANT articles."""

from __future__ import annotations

from conftest import ant_events


def test_toll_before_the_act_is_its_toll():
    evs = ant_events("AL-internationalNews-1763-20180624")
    strike = next(e for e in evs if e.sub_event_type == "Air/drone strike")
    assert strike.fatalities == 10
    sentence = next(s for s in strike.evidence_spans if s.label == "sentence")
    toll = next(s for s in strike.evidence_spans if s.label == "fatalities")
    assert toll.end <= sentence.start and toll.text == "10"  # the figure's span, in the sentence before


def test_toll_before_another_act_stays_apart():
    # "لقي القيادي الحوثي ... مصرعه على يد الجيش الوطني" then "كما شنت مقاتلات التحالف ... غارات": not the strike's
    evs = ant_events("AL-internationalNews-743-20180401")
    assert all(e.fatalities == 0 for e in evs if e.sub_event_type == "Air/drone strike")


def test_total_since_a_month_is_no_toll_carried():
    # "وقتل 118 فلسطينيا على الأقل منذ نهاية آذار/مارس": a total, not the toll of the act told next
    evs = ant_events("AL-internationalNews-1263-20180521")
    assert all(e.fatalities != 118 for e in evs)


def test_act_with_its_own_deaths_keeps_them():
    # "وأشار إلى مصرع 4 ..." then "كما تجددت المعارك ... ما أسفر عن مصرع عدد من عناصر": no 4 added
    evs = ant_events("AL-internationalNews-304-20180302")
    tolls = [e.fatalities for e in evs]
    assert 14 in tolls and 18 not in tolls
