"""``merge_into`` does not chain: a day-after-day campaign in one town stays several events.

Real ANT reports, hand-coded in ``eval/pairs.jsonl``: Israeli strikes at Al Kiswah on 8 May 2018
(six reports, one of them published on the 9th) and on 10 May; the air strikes on the hospitals east
of Daraa (26, 27 and 28 Jun); the Basra riots of 5, 6 and 7 Sep. Comparing each new report with the
merged event (all sentences pooled, one chosen date) merged each of these series into one event when
the reports arrived newest first. Average linkage over the member reports keeps them apart.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest
from conftest import REPO

from rasd.resolve import merge_into

SCHEMA = REPO / "src" / "rasd" / "store" / "schema.sql"

SERIES = {
    "kiswah": ["T1", "T2", "T3", "T4", "T5", "T6", "T10"],
    "daraa": ["DH1", "DH2", "DH3", "DT1"],
    "basra": ["BW1", "BW2", "BG1", "BG2", "BG3", "Q1", "Q2", "Q3", "S1", "R1", "R2", "R3", "R4"],
}



def _clusters(coded, keys: list[str]) -> list[set[str]]:
    """Load ``keys`` in this order; the stored events as sets of keys (by their evidence lines)."""
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        conn.executescript(SCHEMA.read_text(encoding="utf-8"))
        conn.execute("BEGIN")
        for k in keys:
            conn.execute("INSERT OR IGNORE INTO documents (id, hash, text) VALUES (?, ?, ?)",
                         (coded[k].doc_id, coded[k].doc_id, "text"))
        for k in keys:
            merge_into(conn, coded[k])
        conn.execute("COMMIT")
        events = [set(evidence.split("\n")) for (evidence,) in conn.execute("SELECT evidence FROM events")]
    clusters = [{k for k in keys if coded[k].evidence.strip() in lines} for lines in events]
    assert sorted(k for c in clusters for k in c) == sorted(keys)  # each report in exactly one event
    return clusters


def _days(coded, cluster: set[str]) -> int:
    dates = [date.fromisoformat(coded[k].event_date) for k in cluster]
    return (max(dates) - min(dates)).days


@pytest.mark.parametrize("series", sorted(SERIES))
@pytest.mark.parametrize("newest_first", [False, True])
def test_resolve_chain_of_days_in_one_town_is_not_one_event(coded, series, newest_first):
    keys = sorted(SERIES[series], key=lambda k: (coded[k].event_date, k), reverse=newest_first)
    clusters = _clusters(coded, keys)
    assert len(clusters) >= 2
    assert all(_days(coded, c) <= 1 for c in clusters), clusters  # never 3 days in a row as one event


@pytest.mark.parametrize("newest_first", [False, True])
def test_resolve_chain_true_same_event_reports_still_merge(coded, newest_first):
    keys = [k for name in ("kiswah", "basra") for k in SERIES[name]]
    keys = sorted(keys, key=lambda k: (coded[k].event_date, k), reverse=newest_first)
    clusters = _clusters(coded, keys)
    for same in ({"T1", "T2", "T4", "T5", "T6"}, {"R1", "R2", "R3", "R4"}, {"BG1", "BG2", "BG3"}):
        assert any(same <= c for c in clusters), (same, clusters)
