"""``below`` (the pruning ``merge_into`` uses to skip exact scoring of contenders) never claims a
cluster scores below a floor it reaches, and the contender choice is the one exhaustive scoring makes.

Real ANT reports hand-coded in ``eval/pairs.jsonl`` (the ``coded`` fixture); clusters are the series
that ``test_resolve_chain`` loads (Kiswah, Daraa, Basra), scored against every other report.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from rasd.resolve import DEFAULT
from rasd.resolve.linkage import average_score, below, score_bounds
from rasd.resolve.store import _best

FULL = replace(DEFAULT, threshold=0.0)
SERIES = {
    "kiswah": ["T1", "T2", "T3", "T4", "T5", "T6", "T10"],
    "daraa": ["DH1", "DH2", "DH3", "DT1"],
    "basra": ["BW1", "BW2", "BG1", "BG2", "BG3", "Q1", "Q2", "Q3", "S1", "R1", "R2", "R3", "R4"],
}


def _cases(coded):
    for keys in SERIES.values():
        for new in keys:
            members = [coded[k] for k in keys if k != new]
            for cut in (2, 3, len(members)):
                yield members[:cut], coded[new]


@pytest.mark.parametrize("series", sorted(SERIES))
def test_resolve_below_is_sound_and_tight(coded, series):
    tight = 0
    for members, new in _cases({k: coded[k] for k in SERIES[series]} | coded):
        exact = average_score(members, new, FULL)  # threshold 0: every member refined, the exact mean
        assert not below(members, new, exact, DEFAULT)  # never below the score it has
        if exact > 0:
            assert below(members, new, exact + 0.01, DEFAULT)  # fully refined, it knows the score
            tight += 1
    assert tight > 0


@pytest.mark.parametrize("new_key", ["A1", "A3", "A5", "B1", "B4"])
def test_resolve_best_contender_matches_exhaustive_scoring(coded, new_key):
    """Contenders as ``merge_into`` passes them (each cluster passed the threshold), in candidate order."""
    new = coded[new_key]
    prefix = new_key[0]
    groups = [[coded[k]] for k in sorted(coded) if k[0] == prefix and k[1:].isdigit() and k != new_key]
    groups = [g for g in groups if average_score(g, new, DEFAULT, exact=False) >= DEFAULT.threshold]
    assert len(groups) >= 3
    contenders = [(i, g[0], g) for i, g in enumerate(groups)]
    highs = [score_bounds(g, new, DEFAULT)[1] for g in groups]
    scores = [average_score(g, new, DEFAULT) for g in groups]  # what merge_into computed for every contender
    want = max(range(len(groups)), key=lambda i: scores[i])  # ties: the first
    score, rowid, _, _ = _best(contenders, highs, new, DEFAULT)
    assert (rowid, score) == (want, scores[want])
