"""Israeli settlers are an actor of their own, ``Settlers (Israel)`` (an identity militia, inter 4): their
attacks on Palestinians are Violence against civilians, and a group the text says is suspected of an
attack ("في هجوم يشتبه بأن مرتكبيه مستوطنون يهود") replaces the unidentified attacker. Found on the
held-out set (SaudiNewsNet 2015-08-01#877), checked here on other articles."""

from __future__ import annotations

import json

import pytest
from conftest import SAUDI, ant_events

from rasd.clean.segments import segment
from rasd.extract import extract_events
from rasd.extract.lexicon import load
from rasd.model import Document


def _saudi_events(doc_id: str) -> list:
    with SAUDI.open(encoding="utf-8") as fh:
        d = next(r for r in map(json.loads, fh) if r["id"] == doc_id)
    doc = Document(id=d["id"], text=d["content"], source=d["source"], published=d["id"][:10])
    return extract_events(doc, segment(doc))


def test_settlers_are_an_identity_militia():
    settlers = {a.name: a for a in load().actors}["Settlers (Israel)"]
    assert settlers.inter == 4 and settlers.kind == "group"


@pytest.mark.parametrize("doc_id", ["2015-07-31#660", "2015-07-31#250"])
def test_settler_arson_on_a_palestinian_home_is_violence_against_civilians(doc_id):
    # "حين هاجم مستوطنون منزلهم في الضفة الغربية"; "في هجوم يشتبه بأن مرتكبيه مستوطنون يهود"
    evs = _saudi_events(doc_id)
    assert any(e.event_type == "Violence against civilians" and e.actor1 == "Settlers (Israel)"
               and e.actor2 == "Civilians (Palestine)" and e.fatalities == 1 for e in evs)


def test_settler_shooting_a_palestinian_youth():
    # "بمقتل شاب فلسطيني برصاص مستوطن قرب الحرم الإبراهيمي في مدينة الخليل"
    evs = ant_events("SK-middleEast-2099-20180602")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs][:1] == [
        ("Attack", "Settlers (Israel)", "Civilians (Palestine)")]
