"""Average linkage: how well one new report fits a stored cluster, judged against each member report.

A merged event's evidence is the union of its reports' sentences and its one date, place and actors
come from whichever report ranks first; comparing a new report with that merged row lets a cluster
absorb the next day's and the next town's reports one after another (chaining). The pair scorer
was trained on report-vs-report pairs, so the new report is scored against every member report
with ``score_pair`` and the cluster matches when the **mean** reaches the threshold. The hard
mismatches are complete linkage: a member that one rules out (a day outside the window, a town more
than 15 km away, another admin unit) rules the cluster out, since a mean alone still let reports of
5, 6 and 6 Sep outvote the 7 Sep one (Basra, reports arriving newest first).
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.model import Event
from rasd.resolve.learned import probability
from rasd.resolve.score import evidence_feature, features
from rasd.resolve.settings import DEFAULT, ResolveSettings

_MARGIN = 1e-9  # far above the rounding of a mean of probabilities, far below any real score gap


def _pairs(members: Sequence[Event], new: Event, s: ResolveSettings) -> list[tuple[dict, float, float]] | None:
    """Each member's features (evidence left open) and the (low, high) score the evidence allows;
    None when a hard mismatch rules out any member."""
    out = []
    for m in members:
        f = features(m, new, s, evidence=False)
        if f is None:
            return None
        low, high = sorted((probability({**f, "evidence": 0.0}), probability({**f, "evidence": 1.0})))
        out.append((f, low, high))
    return out


def score_bounds(members: Sequence[Event], new: Event, settings: ResolveSettings = DEFAULT) -> tuple[float, float]:
    """(lowest, highest) mean score the members allow before the sentence encoder runs ((0, 0) when a
    hard mismatch rules out any member, or there are no members)."""
    pairs = _pairs(members, new, settings) if members else None
    if not pairs:
        return 0.0, 0.0
    return sum(p[1] for p in pairs) / len(pairs), sum(p[2] for p in pairs) / len(pairs)


def average_score(members: Sequence[Event], new: Event, settings: ResolveSettings = DEFAULT, *,
                  exact: bool = True) -> float:
    """Mean ``score_pair(member, new)`` over ``members``; 0 when a hard mismatch rules out any member
    (or there are no members).

    The sentence encoder (~25 ms a new sentence) runs only for members whose evidence feature can
    still change the decision, so below the threshold the value returned is an upper bound (still
    below it). With ``exact=False`` a value at or above the threshold may be a lower bound too: the
    decision ``>= settings.threshold`` is the same, the value is not.
    """
    pairs = _pairs(members, new, settings) if members else None
    if not pairs:
        return 0.0
    n, t = len(pairs), settings.threshold
    low, high = sum(p[1] for p in pairs), sum(p[2] for p in pairs)
    for i in sorted(range(n), key=lambda i: pairs[i][1] - pairs[i][2]):  # widest bounds first
        f, lo, hi = pairs[i]
        if high / n < t or (low / n >= t and not exact) or lo == hi:
            break
        p = probability({**f, "evidence": evidence_feature(members[i], new, settings)})
        low, high = low + p - lo, high + p - hi
    return high / n if high / n < t else low / n


def below(members: Sequence[Event], new: Event, floor: float, settings: ResolveSettings = DEFAULT) -> bool:
    """Is ``average_score(members, new, settings)`` surely below ``floor``? Refines members widest
    bounds first (the sentence encoder runs only until the answer is known); True only when the upper
    bound falls below ``floor`` by more than float rounding (``_MARGIN``), so False may be unsure."""
    pairs = _pairs(members, new, settings) if members else None
    if not pairs:
        return floor > _MARGIN
    n, cut = len(pairs), floor - _MARGIN
    high = sum(p[2] for p in pairs)
    for i in sorted(range(n), key=lambda i: pairs[i][1] - pairs[i][2]):  # widest bounds first
        if high / n < cut:
            return True
        f, lo, hi = pairs[i]
        if lo == hi:
            break
        high += probability({**f, "evidence": evidence_feature(members[i], new, settings)}) - hi
    return high / n < cut


def matches(members: Sequence[Event], new: Event, settings: ResolveSettings = DEFAULT) -> bool:
    """Does ``new`` report the event of the cluster ``members``? (average linkage >= threshold)"""
    return average_score(members, new, settings) >= settings.threshold
