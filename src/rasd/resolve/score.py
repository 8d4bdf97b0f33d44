"""The decision: ``score_pair`` combines the pair features into one probability, ``same_event``
thresholds it.

1. Hard mismatches (two reports from one document, another event type, country or admin1, a date
   outside the window, places farther apart than the radius or in different admin units) score 0.
   Two events the extractor drew from one document are two events: it has already merged what that
   document tells twice, so the resolver never undoes its split.
2. Otherwise the features (``features``) go through a logistic regression trained on the labelled
   pairs (``rasd.resolve.learned``; weights in ``data/resolve_weights.json``).
Actors stay a feature, not a gate: on extractor output a gate on disjoint named actors cut recall
from 0.65 to 0.51 with no gain in precision.
"""

from __future__ import annotations

import math

from rasd.model import Event
from rasd.resolve.cues import cues, shared_rare_words
from rasd.resolve.features import (
    actor_score,
    date_score,
    day_relation,
    key,
    other_place,
    place_score,
    subtype_score,
)
from rasd.resolve.learned import probability
from rasd.resolve.settings import DEFAULT, ResolveSettings
from rasd.resolve.similarity import evidence_similarity

_ARTILLERY_VS_AIR = {frozenset({"artillery"}), frozenset({"air"})}


def _means(ev: Event) -> frozenset[str]:
    """The means an event's evidence states; a chemical-weapon sub-type counts as a chemical cue."""
    found = cues(ev.evidence, "means")
    return found | {"chemical"} if key(ev.sub_event_type) == "chemical weapon" else found


def _cue_features(a: Event, b: Event) -> dict[str, float]:
    ta, tb = cues(a.evidence, "target"), cues(b.evidence, "target")
    ma, mb = _means(a), _means(b)
    both = bool(ta and tb)
    return {"target_same": float(both and bool(ta & tb)), "target_clash": float(both and not ta & tb),
            "chemical_clash": float(("chemical" in ma) != ("chemical" in mb)),
            "artillery_air_clash": float({ma - {"chemical"}, mb - {"chemical"}} == _ARTILLERY_VS_AIR)}


def fatality_gap(a: Event, b: Event) -> float:
    """How far apart two reported death tolls are: |ln(a/b)| / ln(10), capped at 1 (5 vs 7 → 0.15,
    1 vs 40 → 1); 0 when either report gives none (no figure does not contradict one)."""
    if a.fatalities <= 0 or b.fatalities <= 0:
        return 0.0
    return min(1.0, abs(math.log(a.fatalities / b.fatalities)) / math.log(10))


def same_document(a: Event, b: Event) -> bool:
    """Do the two events (reports, or merged events with several documents) share a document?"""
    return bool({d for d in a.doc_ids or [a.doc_id] if d} & {d for d in b.doc_ids or [b.doc_id] if d})


def evidence_feature(a: Event, b: Event, s: ResolveSettings = DEFAULT) -> float:
    """The evidence-similarity feature: USE cosine mapped to [0, 1] (0.5 when either is empty)."""
    sim = evidence_similarity(a.evidence, b.evidence)
    return 0.5 if sim is None else min(1.0, max(0.0, (sim - s.sim_floor) / (s.sim_ceiling - s.sim_floor)))


def features(a: Event, b: Event, s: ResolveSettings = DEFAULT, *, evidence: bool = True) -> dict[str, float] | None:
    """The feature scores of a pair (names: ``rasd.resolve.learned.FEATURES``), or None when a hard
    mismatch rules the pair out. With ``evidence=False`` the (slow) sentence-similarity feature is
    left at 0 for the caller to fill in."""
    if key(a.event_type) != key(b.event_type) or same_document(a, b):
        return None
    d = date_score(a, b, s)
    p = place_score(a, b, s) if d is not None else None
    if d is None or p is None:
        return None
    ev = evidence_feature(a, b, s) if evidence else 0.0
    rel, sub = day_relation(a, b), subtype_score(a, b)
    return {"date": d, "same_day": float(rel == "same"), "stated_clash": float(rel == "stated_clash"),
            "night": float(rel == "night"), "unstated_later": float(rel == "unstated_later"),
            "unstated_earlier": float(rel == "unstated_earlier"),
            "place": p, "other_place": float(other_place(a, b)), "subtype": sub, "subtype_clash": float(sub == 0.0), "actors": actor_score(a, b), "evidence": ev,
            "shared_words": shared_rare_words(a.evidence, b.evidence),
            **_cue_features(a, b), "fatality_gap": fatality_gap(a, b)}


def score_pair(a: Event, b: Event, settings: ResolveSettings = DEFAULT) -> float:
    """How likely ``a`` and ``b`` report one event, in [0, 1] (symmetric)."""
    f = features(a, b, settings)
    return 0.0 if f is None else probability(f)


def same_event(a: Event, b: Event, settings: ResolveSettings = DEFAULT) -> bool:
    """Do ``a`` and ``b`` report the same event? (``score_pair >= settings.threshold``)

    Exactly that decision, but the sentence encoder (~40 ms a sentence) runs only when the other
    features leave it open: the evidence feature lies in [0, 1], so its weight bounds what it can add.
    """
    f = features(a, b, settings, evidence=False)
    if f is None:
        return False
    low, high = probability(f), probability({**f, "evidence": 1.0})
    low, high = min(low, high), max(low, high)
    if low >= settings.threshold:
        return True
    if high < settings.threshold:
        return False
    return probability({**f, "evidence": evidence_feature(a, b, settings)}) >= settings.threshold
