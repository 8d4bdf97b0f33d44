"""Combine pair features with the shipped logistic-regression weights.

The learned combination of pair features: a logistic regression whose weights ship in
``data/resolve_weights.json`` (trained by ``scripts/train_resolver.py fit`` on ``eval/pairs.jsonl``).

The file is checked on load: its feature names must be exactly ``FEATURES``, in order.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

from rasd.errors import KnowledgeError

WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "data" / "resolve_weights.json"

# the pair features ``rasd.resolve.score.features`` computes, in the order of the weight vector
FEATURES = ("date", "same_day", "stated_clash", "night", "unstated_later", "unstated_earlier",
            "place", "other_place", "subtype", "subtype_clash", "actors", "evidence", "shared_words",
            "target_same", "target_clash", "chemical_clash", "artillery_air_clash", "fatality_gap")

# knowledge, not fitted: the weights training is pulled toward (a clash of what was hit, of the means,
# of the sub-type (two that outlets do not confuse), of the town or of the stated day says "two
# events", and so does a report that states no day and so was out before the other event's day; a
# feature not named here is pulled toward 0).
# Each clash has examples in only one or two stories of the labelled set, too few to learn it alone.
PRIOR = {"stated_clash": -3.0, "unstated_earlier": -3.0, "subtype_clash": -3.0, "other_place": -3.0,
         "target_clash": -3.0, "chemical_clash": -3.0, "artillery_air_clash": -3.0}


def vector(f: dict[str, float]) -> np.ndarray:
    """The feature dict as a vector in ``FEATURES`` order."""
    return np.array([float(f[name]) for name in FEATURES])


@lru_cache(maxsize=1)
def weights() -> tuple[np.ndarray, float]:
    """(weight vector, bias) from ``resolve_weights.json``, checked against ``FEATURES``."""
    try:
        data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        names, w, b = data["features"], data["weights"], float(data["bias"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KnowledgeError(str(WEIGHTS_FILE), None, f"unreadable weights: {exc}") from None
    if tuple(names) != FEATURES or len(w) != len(FEATURES):
        raise KnowledgeError(str(WEIGHTS_FILE), None, f"features {names} do not match {list(FEATURES)}")
    vec = np.array(w, dtype=float)
    if not np.isfinite(vec).all() or not math.isfinite(b):
        raise KnowledgeError(str(WEIGHTS_FILE), None, "weights must be finite numbers")
    return vec, b


def probability(f: dict[str, float]) -> float:
    """P(same event | features), in (0, 1)."""
    w, b = weights()
    z = float(vector(f) @ w + b)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

