"""Every setting of cross-source resolution, declared once with its default and meaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ResolveSettings:
    """Candidate windows, feature weights and the decision threshold of ``rasd.resolve``.

    Weights and threshold were chosen on ``eval/pairs.jsonl`` (217 hand-labelled ANT pairs) for
    precision first: a wrong merge loses an event, a missed merge only leaves a duplicate.
    """

    radius_km: float = 15.0  # places agree when within this distance (or the same admin3)
    day_window: int = 1  # ± days for day-precision dates
    week_window: int = 7  # ± days when either date has week precision (time_precision 2)
    month_window: int = 31  # ± days when either date has month precision (time_precision 3)
    gap_factor: float = 0.7  # date score for a gap inside the window: 0.7 * (1 - gap / (window + 1)); 0.35 at ±1 day
    stated_gap: float = 0.1  # date score when both reports state different days (none at night)
    w_date: float = 0.40  # weight of date agreement
    w_place: float = 0.30  # weight of place agreement
    w_subtype: float = 0.40  # weight of sub-event-type agreement
    w_actors: float = 0.10  # weight of actor agreement
    w_evidence: float = 0.20  # weight of evidence-sentence similarity (USE embeddings)
    sim_floor: float = 0.20  # cosine similarity mapped to 0 ...
    sim_ceiling: float = 0.80  # ... and to 1
    threshold: float = 0.74  # score_pair >= threshold → same event


DEFAULT = ResolveSettings()
