"""Exports: JSON Lines round-trips, CSV columns, ACLED column order and codes, GeoJSON features."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import EVAL
from test_store_db import seed_processed

from rasd.export import WRITERS, write_acled_csv, write_csv, write_geojson, write_jsonl
from rasd.export.acled import ACLED_COLUMNS, country_of, disorder_type
from rasd.model import Event
from rasd.store import Store

ACLED_MD = (EVAL / "ACLED_TYPES.md").read_text(encoding="utf-8")


@pytest.fixture
def events(tmp_path) -> list[Event]:
    with Store(tmp_path / "rasd.db") as store:
        with store.atomic():
            store.add_processed(seed_processed())
        return list(store.iter_events())


def test_export_jsonl_roundtrips_events(events):
    buf = io.StringIO()
    assert write_jsonl(events, buf) == 2
    lines = buf.getvalue().splitlines()
    assert "دير الزور" in lines[0]  # Arabic written as is, not \\u escapes
    assert [Event.from_dict(json.loads(line)) for line in lines] == events


def test_export_csv_has_our_fields(events):
    buf = io.StringIO()
    write_csv(events, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == 2 and rows[0]["id"] == events[0].id
    assert rows[0]["fatalities"] == "5" and rows[0]["doc_ids"] == events[0].doc_id
    spans = json.loads(rows[0]["evidence_spans"])
    assert [s["label"] for s in spans] == ["place", "fatalities", "sentence"]


def test_export_acled_columns_follow_acled_order():
    spec = re.search(r"Record fields of an ACLED row[^:]*:\s*(.+?)\.\s*$", ACLED_MD, re.MULTILINE).group(1)
    assert list(ACLED_COLUMNS) == [c.strip() for c in spec.split(",")]


def test_export_acled_every_type_has_a_disorder_type():
    pairs = re.findall(r"^\| ([A-Z][^|]+?) \| ([A-Z][^|]+?) \|$", ACLED_MD, re.MULTILINE)
    pairs = [(a, b) for a, b in pairs if a != "event_type"]
    assert len(pairs) == 25
    for event_type, sub in pairs:
        assert disorder_type(event_type, sub) in {
            "Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"}
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"


def test_export_acled_row_values(events):
    buf = io.StringIO()
    assert write_acled_csv(events, buf) == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    syria, iraq = rows
    assert (syria["iso"], syria["region"], syria["country"], syria["year"]) == ("760", "Middle East", "Syria", "2018")
    assert syria["disorder_type"] == "Political violence" and syria["event_id_cnty"].startswith("SYR")
    assert syria["fatalities"] == "5" and syria["notes"] == events[0].evidence
    assert (iraq["iso"], iraq["event_id_cnty"][:3]) == ("368", "IRQ")
    again = io.StringIO()
    write_acled_csv(events, again)
    assert again.getvalue() == buf.getvalue()  # stable ids, no clock


def test_export_country_aliases():
    assert country_of("سوريا") == country_of("SY") == country_of("Syria")
    assert country_of("Atlantis") is None and country_of(None) is None


def test_export_geojson_points_only_where_known(events):
    buf = io.StringIO()
    assert write_geojson(events, buf) == 1
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [40.141, 35.336]}
    assert f["properties"]["event_type"] == "Battles" and f["id"] == events[0].id


def test_export_empty_outputs_are_valid():
    for name, writer in WRITERS.items():
        buf = io.StringIO()
        assert writer([], buf) == 0, name
    buf = io.StringIO()
    write_geojson([], buf)
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


@pytest.mark.issue(2)
def test_export_geojson_events_without_id_have_no_null_ids(seed_text):
    """Events without an id (e.g. read back from a predictions file without one) still make valid
    RFC 7946 features: no ``"id": null``, a valid Point at [longitude, latitude]."""
    from shapely.geometry import shape

    from rasd.model import Source
    from rasd.pipeline import process

    events = [Event.from_dict({**ev.to_dict(), "id": ""}) for ev in process(Source("seed.txt", "text", seed_text)).events]
    assert events and not any(ev.id for ev in events)
    buf = io.StringIO()
    n = write_geojson(events, buf)
    fc = json.loads(buf.getvalue())
    assert n == len(fc["features"]) > 0
    for f, ev in zip(fc["features"], [e for e in events if e.latitude is not None], strict=True):
        assert "id" not in f and shape(f["geometry"]).is_valid
        assert f["geometry"]["coordinates"] == [ev.longitude, ev.latitude]
