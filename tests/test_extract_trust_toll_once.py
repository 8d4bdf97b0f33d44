"""A toll is counted once per act (``merge._toll_once``, ``places.spread``): a toll carried from the sentence
after one strike and stated again with the next strike belongs to the next one only."""

from __future__ import annotations

import json

from conftest import SAUDI

from rasd.clean.segments import segment
from rasd.extract import extract_events
from rasd.model import Document


def _saudi_events(doc_id: str):
    with SAUDI.open(encoding="utf-8") as fh:
        rec = next(d for d in map(json.loads, fh) if d["id"] == doc_id)
    doc = Document(id=rec["id"], text=rec["content"], source=rec["source"], published=rec["date_extracted"][:10])
    return doc, extract_events(doc, segment(doc))


def test_extract_trust_seven_dead_west_of_kirkuk_counted_once():
    # SaudiNewsNet 2015-07-24#994: "فيما أفاد مصدر أمني عراقي ... بمقتل سبعة من عناصر تنظيم داعش غربي كركوك.
    # وقال المصدر إن طيران التحالف قصف مواقع ... في قرية النصر غربي قضاء مخمور ... أسفر عن مقتل سبعة"
    doc, events = _saudi_events("2015-07-24#994")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert {e.location: e.fatalities for e in strikes} == {"Al-Mosul": 0, "Makhmour": 7}
    mosul = next(e for e in strikes if e.location == "Al-Mosul")
    assert not [s for s in mosul.evidence_spans if s.label == "fatalities"]  # the seven are not its evidence
    makhmour = next(e for e in strikes if e.location == "Makhmour")
    assert [s.text for s in makhmour.evidence_spans if s.label == "fatalities"] == ["سبعة"]


def test_extract_trust_spread_places_share_no_toll(seed_text):
    # the seed: one summary toll (5) spread over four attacks at four places, never copied
    doc = Document(id="seed", text=seed_text)
    events = extract_events(doc, segment(doc))
    assert len({e.location for e in events if e.fatalities}) >= 3
    assert sum(e.fatalities for e in events) == 5
