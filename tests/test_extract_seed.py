"""The seed page (Human Voice, no publication date): four ISIS-cell attacks on the SDF, five dead in
total, nothing from the repeated teaser, the title or the 2014 background."""

from __future__ import annotations

import json

import pytest
from conftest import EVAL

from rasd.clean.segments import segment
from rasd.extract import extract_events
from rasd.model import EVENT_FIELDS, Document


@pytest.fixture(scope="module")
def seed_events():
    rec = json.loads((EVAL / "seed.gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    doc = Document(id=rec["doc_id"], text=rec["text"], source=rec["source"], published=rec["published"])
    segs = segment(doc)
    return doc, segs, extract_events(doc, segs)


def test_extract_seed_four_attacks_by_is_cells_on_sdf(seed_events):
    _doc, _segs, events = seed_events
    core = [e for e in events if e.sub_event_type in ("Armed clash", "Remote explosive/landmine/IED")]
    assert sorted(e.sub_event_type for e in core) == ["Armed clash"] * 3 + ["Remote explosive/landmine/IED"]
    assert {(e.actor1, e.actor2) for e in core} == {("Islamic State (Syria)", "SDF: Syrian Democratic Forces")}
    assert {e.location for e in core} == {"Conoco gas field", "Al Jafra oil field", "Thiban", "Al Mayadin"}


def test_extract_seed_five_dead_in_total_and_no_dates(seed_events):
    _doc, _segs, events = seed_events
    assert sum(e.fatalities for e in events) == 5
    assert all(e.event_date is None and e.time_precision is None for e in events)


def test_extract_seed_nothing_from_teaser_title_or_background(seed_events):
    doc, segs, events = seed_events
    articles = [s for s in segs if s.kind == "article"]
    for ev in events:
        for sp in ev.evidence_spans:
            assert any(a.start <= sp.start and sp.end <= a.end for a in articles), sp
    assert not any("2014" in e.evidence or "8 ملايين" in e.evidence for e in events)


def test_extract_seed_spans_point_into_original_text(seed_events):
    doc, _segs, events = seed_events
    for ev in events:
        labels = {sp.label for sp in ev.evidence_spans}
        assert {"sentence", "trigger", "place"} <= labels
        for sp in ev.evidence_spans:
            assert doc.text[sp.start:sp.end] == sp.text
        assert ev.evidence in doc.text
        assert set(ev.to_dict()) >= set(EVENT_FIELDS)
        assert ev.source.startswith("Human Voice")
    for ev in events:
        if ev.sub_event_type in ("Armed clash", "Remote explosive/landmine/IED"):
            assert "Deir Ezzor 24" in ev.source  # cited earlier in the story ("وذكر موقع دير الزور24")
            assert ev.interaction == 22 and ev.inter1 == 2 and ev.inter2 == 2


def test_extract_seed_ids_stable_and_distinct(seed_events):
    doc, segs, events = seed_events
    again = extract_events(doc, segs)
    assert [e.id for e in events] == [e.id for e in again]
    assert len({e.id for e in events}) == len(events)
