"""Bare "the factions" follow the event's country: "الفصائل الفلسطينية" in Gaza or Israel is an unidentified
armed group of the event's country (``actors.tsv``), never the Syrian opposition; bare "الفصائل" names the
Syrian opposition only in a document that names it ("الفصائل السورية الموالية لها")."""

from __future__ import annotations

from conftest import ant_events

from rasd.clean.normalize import norm
from rasd.extract.lexicon import load

SYRIAN_REBELS = "Opposition Rebels (Syria)"


def test_extract_trust_palestinian_factions_are_not_syrian_rebels():
    for doc_id in ("AL-internationalNews-1376-20180530", "BB-middleEast-764-20180720"):
        events = ant_events(doc_id)
        assert events, doc_id
        assert not [e for e in events if SYRIAN_REBELS in (e.actor1, e.actor2)], doc_id
    events = ant_events("AL-internationalNews-1376-20180530")
    gaza = [e for e in events if e.country == "Palestine" and e.actor1 and e.actor1.startswith("Unidentified")]
    assert gaza and all(e.actor1 == "Unidentified Armed Group (Palestine)" for e in gaza)


def test_extract_trust_factions_with_turkey_in_afrin_stay_syrian_rebels():
    # AL-internationalNews-511-20180317: "القوات التركية والفصائل الموالية لها" after "الفصائل السورية"
    events = ant_events("AL-internationalNews-511-20180317")
    assert any(e.location == "Afrin" and e.actor2 == SYRIAN_REBELS for e in events)


def test_extract_trust_bare_factions_are_anaphors_of_the_syrian_opposition():
    lex = load()
    by_form = {a.form: a for a in lex.aliases if a.actor.name == SYRIAN_REBELS}
    for form in ("الفصائل", "الفصائل المسلحة", "الفصائل المقاتلة", "الفصائل المتواجدة"):
        assert by_form[norm(form)].anaphor, form
    assert not by_form[norm("الفصائل السورية")].anaphor
    unidentified = {a.form for a in lex.aliases if a.actor.name == "Unidentified Armed Group ({country})"}
    assert norm("الفصائل الفلسطينية") in unidentified
