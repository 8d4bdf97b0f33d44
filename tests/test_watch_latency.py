"""Watch latency: new loopback feed items built from real ANT articles reach /api/events.

The figures themselves (median / worst over 100 items) are printed by ``rasd bench
--watch-latency 100``; these tests only check that every published item is accounted for."""

from __future__ import annotations

import math

import pytest

from rasd.scale.latency import measure_watch_latency


def test_watch_latency_every_item_accounted_for(ant_path):
    result = measure_watch_latency(ant_path, items=5, interval=0.05, max_items_tried=40)
    assert len(result.latencies) == 5
    assert all(lat > 0 for lat in result.latencies)
    assert not math.isnan(result.median) and result.worst >= result.median
    assert "median" in result.summary()


@pytest.mark.slow
def test_watch_latency_hundred_items(ant_path):
    result = measure_watch_latency(ant_path, items=100, interval=0.1)
    print(result.summary())
    assert len(result.latencies) == 100
