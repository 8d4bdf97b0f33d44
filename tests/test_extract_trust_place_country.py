"""An event's country and its place agree (``merge.settle_place``, ``places.spread``): a place the gazetteer
puts in a country sets the event's country, a bare other country is never the event's place, and a
trigger-less "و..." clause never repeats an event in another country."""

from __future__ import annotations

import pytest
from conftest import ant_events, ant_head_events

from rasd.extract.bridge import country_place
from rasd.geo.gazetteer import load as load_gazetteer


def _country_names() -> set[str]:
    return {e.name_en for e in load_gazetteer().entries if e.kind == "country"}


def _admin1_country() -> dict[str, str]:
    """Syria's and Iraq's governorates (English names) → their country."""
    gaz = load_gazetteer()
    return {e.name_en: e.country for e in gaz.entries if e.kind == "admin1" and e.country in ("Syria", "Iraq")}


def test_extract_trust_arrest_in_lebanon_is_not_placed_in_abu_kamal():
    # AL-internationalNews-148-20180221: arrested in Tripoli (Lebanon); he had worked in Abu Kamal (Syria)
    events = ant_events("AL-internationalNews-148-20180221")
    assert events
    assert not [e for e in events if e.country == "Lebanon" and (e.admin1 == "Deir-ez-Zor" or e.location == "Abu Kamal")]
    assert any(e.country == "Lebanon" and e.location == "Lebanon" for e in events)


def test_extract_trust_country_named_as_a_supplier_is_not_the_place():
    # AL-internationalNews-1274-20180522: "F35 ... التي حصلت عليها إسرائيل من الولايات المتحدة"
    events = ant_events("AL-internationalNews-1274-20180522")
    assert events
    assert all(e.location != "United States" and e.longitude != -97.0 for e in events)
    assert not [s for e in events for s in e.evidence_spans if s.label == "place" and s.text == "الولايات المتحدة"]


def test_extract_trust_country_place_is_the_gazetteer_country():
    p = country_place("Syria")
    assert (p.country, p.location, p.latitude, p.longitude, p.geo_precision, p.span) == \
        ("Syria", "Syria", 35.0, 38.5, 3, None)
    assert country_place("Atlantis") is None and country_place(None) is None


@pytest.fixture(scope="module")
def ant_sample_events():
    return ant_head_events(400)


def test_extract_trust_place_inside_the_event_country_on_ant_sample(ant_sample_events):
    countries, admin1 = _country_names(), _admin1_country()
    bad = [(e.doc_id, e.country, e.admin1, e.location) for e in ant_sample_events
           if e.location in countries and e.admin1 is None and e.location != e.country
           or e.admin1 in admin1 and admin1[e.admin1] != e.country]
    assert len(ant_sample_events) > 300
    assert bad == []
