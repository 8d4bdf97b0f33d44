"""Every setting of cross-source resolution, declared once with its default and meaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ResolveSettings:
    """Candidate windows, feature shapes and the decision threshold of ``rasd.resolve``.

    The feature weights are learned (``data/resolve_weights.json``, ``scripts/train_resolver.py``). The
    threshold was chosen by cross-validation on the labelled pairs (``eval/pairs*.jsonl``) for precision first: a wrong
    merge loses an event, a missed merge only leaves a duplicate.
    """

    radius_km: float = 15.0  # places agree when within this distance (or the same admin3)
    day_window: int = 1  # ± days for day-precision dates
    week_window: int = 7  # ± days when either date has week precision (time_precision 2)
    month_window: int = 31  # ± days when either date has month precision (time_precision 3)
    gap_factor: float = 0.7  # date score for a gap inside the window: 0.7 * (1 - gap / (window + 1)); 0.35 at ±1 day
    stated_gap: float = 0.1  # date score when both reports state different days (none at night)
    sim_floor: float = 0.20  # evidence cosine similarity (USE embeddings) mapped to 0 ...
    sim_ceiling: float = 0.80  # ... and to 1
    threshold: float = 0.60  # score_pair (a probability) >= threshold → same event (chosen by CV, see docs)


DEFAULT = ResolveSettings()
