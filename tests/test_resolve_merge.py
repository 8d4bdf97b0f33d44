"""``merge``: order-independent, keeps every source and evidence, ACLED's conservative fatalities."""

from __future__ import annotations

import itertools
from functools import reduce

import pytest
from conftest import REPO

from rasd.model import Span
from rasd.resolve import merge, report_id, same_event
from rasd.resolve.pairs import coded_events

PAIRS = REPO / "eval" / "pairs.jsonl"


@pytest.fixture(scope="module")
def coded():
    """Coded events by key (the chemical attack on Douma, 7 Apr 2018, and its neighbours)."""
    out = coded_events(PAIRS)
    for key, ev in out.items():
        ev.evidence_spans = [Span(0, 5, "sentence", ev.evidence[:5])]
        ev.notes = f"coded as {key}"
    return out


def _d(ev):
    return ev.to_dict()


def test_resolve_merge_is_commutative_and_associative(coded):
    a, b, c = coded["D1"], coded["D3"], coded["D7"]
    assert _d(merge(a, b)) == _d(merge(b, a))
    assert _d(merge(merge(a, b), c)) == _d(merge(a, merge(b, c)))
    results = {str(_d(reduce(merge, perm))) for perm in itertools.permutations([a, b, c, coded["D4"]])}
    assert len(results) == 1


def test_resolve_merge_keeps_sources_evidence_and_conservative_fatalities(coded):
    reports = [coded[k] for k in ("D1", "D2", "D3", "D6", "D7")]
    ev = reduce(merge, reports)
    assert ev.doc_ids == sorted({r.doc_id for r in reports})
    assert ev.doc_id == min(r.doc_id for r in reports)
    assert ev.source.split("; ") == sorted({"SkyNews", "BBC", "France24"})
    assert all(r.evidence in ev.evidence.split("\n") for r in reports)
    assert ev.fatalities == 47  # the lowest non-zero figure; 0 (D6: no deaths given) does not count
    assert "fatalities reported: 47–150" in ev.notes
    assert {s.doc_id for s in ev.evidence_spans} == set(ev.doc_ids)
    assert ev.id == min(report_id(r) for r in reports)
    assert ev.event_date == "2018-04-07"  # day precision on both sides: the earlier date
    assert ev.sub_event_type in {"Chemical weapon", "Air/drone strike"}


def test_resolve_same_event_on_hard_cases(coded):
    assert same_event(coded["A1"], coded["A2"])  # one strike on T4, two outlets
    assert not same_event(coded["I1"], coded["I4"])  # same day, Jaramana vs Douma
    assert not same_event(coded["T1"], coded["T10"])  # Al Kiswah, 8 vs 10 May
    assert not same_event(coded["T10"], coded["N4"])  # same raid day, 20 km apart
    assert not same_event(coded["O1"], coded["O4"])  # Hammouriyeh: taken 14 Mar, retaken 17 Mar
