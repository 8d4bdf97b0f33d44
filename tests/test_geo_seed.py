"""The seed page's gold places: each gold event's evidence, geocoded in its document, gets the
gold admin units and precision; spans point at the name in the original text."""

from __future__ import annotations

import json

import pytest
from conftest import EVAL

from rasd.geo.locate import DocumentGeocoder
from rasd.model import Document


@pytest.fixture(scope="module")
def seed_geocoder(seed_text: str) -> DocumentGeocoder:
    return DocumentGeocoder(Document(id="seed", text=seed_text))


def _gold_seed() -> list[dict]:
    lines = (EVAL / "seed.gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [ev for line in lines if line.strip() for ev in json.loads(line)["events"]]


@pytest.mark.parametrize("event", _gold_seed(), ids=lambda e: e["location"])
def test_geo_seed_gold_event_place(seed_geocoder: DocumentGeocoder, seed_text: str, event: dict) -> None:
    start = seed_text.index(event["evidence"])
    place = seed_geocoder.place_for(start, start + len(event["evidence"]))
    assert place is not None
    got = (place.country, place.admin1, place.admin2, place.admin3, place.geo_precision)
    want = (event["country"], event["admin1"], event["admin2"], event["admin3"], event["geo_precision"])
    assert got == want, place.reason


def test_geo_seed_named_places(seed_geocoder: DocumentGeocoder) -> None:
    by_ar = {}
    for p in seed_geocoder.places:
        by_ar.setdefault(p.location_ar, p)
    conoco = by_ar["حقل كونيكو للغاز"]
    assert (conoco.admin1, conoco.admin2, conoco.admin3, conoco.geo_precision) == (
        "Deir-ez-Zor", "Deir-ez-Zor", "Khasham", 2)
    assert (by_ar["ذيبان"].admin3, by_ar["ذيبان"].admin2) == ("Thiban", "Al Mayadin")
    assert by_ar["الميادين"].admin3 == "Al Mayadin" and by_ar["الميادين"].geo_precision == 1
    assert by_ar["حقل الجفرة النفطي"].admin3 == "Deir-ez-Zor"
    assert by_ar["دير الزور"].admin1 == "Deir-ez-Zor" and by_ar["دير الزور"].admin2 is None


def test_geo_seed_spans_point_into_original(seed_geocoder: DocumentGeocoder, seed_text: str) -> None:
    assert seed_geocoder.places
    for p in seed_geocoder.places:
        assert p.span is not None and seed_text[p.span.start:p.span.end] == p.location_ar
        assert p.latitude is not None and p.candidates and p.reason


def test_geo_seed_falls_back_to_paragraph_then_document(seed_geocoder: DocumentGeocoder, seed_text: str) -> None:
    # an event sentence naming no place takes the place named before it in its paragraph
    s = seed_text.index("موقعين قتلى في صفوفها")
    p = seed_geocoder.place_for(s, s + 20)
    assert p is not None and p.admin1 == "Deir-ez-Zor" and p.geo_precision == 2
    assert "paragraph" in p.reason
    # a paragraph with no place at all takes the document's main place
    s = seed_text.index("وتتعرض الميليشيات")
    p = seed_geocoder.place_for(s, s + 30)
    assert p is not None and p.admin1 == "Deir-ez-Zor" and "main place" in p.reason


def test_geo_seed_segments_limit_the_scan(seed_text: str) -> None:
    from rasd.clean.document import to_document
    from rasd.clean.segments import segment
    from rasd.model import Source

    doc = to_document(Source(origin="seed", kind="text", content=seed_text))
    segs = segment(doc)
    kept = [(s.start, s.end) for s in segs if s.kind in ("article", "title")]
    with_segments = DocumentGeocoder(doc, segs)
    assert with_segments.places and len(with_segments.places) < len(DocumentGeocoder(doc).places)
    for p in with_segments.places:
        assert any(a <= p.span.start < b for a, b in kept)
