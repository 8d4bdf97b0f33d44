"""Scorer behaviour on the real gold files: identity, perturbations, optional events, empty docs."""

from __future__ import annotations

import copy
import itertools
import random

import pytest
from conftest import EVAL

from rasd.eval import load_gold, score
from rasd.eval.assign import assign

RATIOS = ("event_precision", "event_recall", "event_f1", "subtype_accuracy", "actor_f1",
          "admin2_accuracy", "date_accuracy", "fatalities_accuracy")


@pytest.fixture(scope="module")
def dev():
    return load_gold(EVAL / "dev.jsonl")


def _gold_preds(docs):
    return {d.doc_id: copy.deepcopy(d.events) for d in docs}


@pytest.mark.parametrize("name", ["dev.jsonl", "seed.gold.jsonl"])
def test_eval_score_gold_against_itself_is_perfect(name):
    docs = load_gold(EVAL / name)
    m = score(docs, _gold_preds(docs)).metrics
    assert all(m[k] == 1.0 for k in RATIOS), m
    assert m["false_events_on_empty_docs"] == 0


def test_eval_score_optional_events_predicted_are_ignored(dev):
    preds = {d.doc_id: copy.deepcopy(d.events + d.optional_events) for d in dev}
    m = score(dev, preds).metrics
    assert all(m[k] == 1.0 for k in RATIOS), m
    assert m["system_events"] == m["gold_events"] == sum(len(d.events) for d in dev)
    assert sum(len(d.optional_events) for d in dev) > 0


def test_eval_score_dropped_event_lowers_recall_exactly(dev):
    preds = _gold_preds(dev)
    victim = next(d for d in dev if len(d.events) >= 2)
    dropped = preds[victim.doc_id].pop(0)
    rep = score(dev, preds)
    n = rep.metrics["gold_events"]
    assert rep.metrics["event_recall"] == pytest.approx((n - 1) / n)
    assert rep.metrics["event_precision"] == 1.0
    doc = next(r for r in rep.docs if r.doc_id == victim.doc_id)
    assert doc.misses == [dropped] and not doc.false_events


def test_eval_score_changed_subtype_still_matches(dev):
    preds = _gold_preds(dev)
    victim = next(d for d in dev if d.events and d.events[0]["sub_event_type"] != "Armed clash")
    preds[victim.doc_id][0]["sub_event_type"] = "Armed clash"
    rep = score(dev, preds)
    n = rep.metrics["gold_events"]
    assert rep.metrics["event_f1"] == 1.0
    assert rep.metrics["subtype_accuracy"] == pytest.approx((n - 1) / n)
    doc = next(r for r in rep.docs if r.doc_id == victim.doc_id)
    assert [mm.field for mm in doc.mismatches] == ["sub_event_type"]


def test_eval_score_changed_admin1_breaks_the_match(dev):
    preds = _gold_preds(dev)
    victim = next(d for d in dev if len(d.events) == 1 and d.events[0]["country"] == "Syria"
                  and d.events[0]["admin1"] and not d.optional_events)
    preds[victim.doc_id][0]["admin1"] = "Al-Hasakeh" if victim.events[0]["admin1"] != "Al-Hasakeh" else "Idleb"
    rep = score(dev, preds)
    n = rep.metrics["gold_events"]
    assert rep.metrics["event_recall"] == pytest.approx((n - 1) / n)
    assert rep.metrics["event_precision"] == pytest.approx((n - 1) / n)
    doc = next(r for r in rep.docs if r.doc_id == victim.doc_id)
    assert len(doc.misses) == 1 and len(doc.false_events) == 1


def test_eval_score_missing_admin1_on_one_side_still_matches(dev):
    preds = _gold_preds(dev)
    victim = next(d for d in dev if d.events and d.events[0]["country"] == "Syria" and d.events[0]["admin1"])
    preds[victim.doc_id][0]["admin1"] = None
    assert score(dev, preds).metrics["event_f1"] == 1.0


def test_eval_score_false_event_on_no_event_document(dev):
    preds = _gold_preds(dev)
    empty = next(d for d in dev if not d.events and not d.optional_events)
    fake = dict(next(d for d in dev if d.events).events[0])
    preds[empty.doc_id] = [fake]
    rep = score(dev, preds)
    n = rep.metrics["gold_events"]
    assert rep.metrics["false_events_on_empty_docs"] == 1
    assert rep.metrics["event_precision"] == pytest.approx(n / (n + 1))
    assert rep.metrics["event_recall"] == 1.0
    assert rep.metrics["fatalities_accuracy"] == 1.0  # no-event docs are not in the fatalities share


def test_eval_score_event_matched_to_optional_left_out_of_fatalities(dev):
    doc = next(d for d in dev if d.events and d.optional_events
               and any(compatible_fat(o) for o in d.optional_events))
    opt = dict(next(o for o in doc.optional_events if compatible_fat(o)))
    preds = _gold_preds(dev)
    preds[doc.doc_id].append(opt)
    rep = score(dev, preds)
    assert rep.metrics["fatalities_accuracy"] == 1.0
    assert rep.metrics["event_precision"] == 1.0
    # the same event, with a type no gold or optional event has, is a false event and adds its deaths
    preds[doc.doc_id][-1] = {**opt, "event_type": "Riots", "fatalities": 5}
    rep = score(dev, preds)
    n_docs = sum(1 for d in dev if d.events)
    assert rep.metrics["fatalities_accuracy"] == pytest.approx((n_docs - 1) / n_docs)
    assert rep.metrics["event_precision"] < 1.0


def compatible_fat(ev):
    return ev["event_type"] != "Riots"


def test_eval_score_prefers_gold_over_optional_partner(dev):
    """One system event that fits both a gold and an optional event pairs with the gold one."""
    gold_ev = {"event_type": "Battles", "sub_event_type": "Armed clash", "country": "Syria",
               "admin1": "Idleb", "event_date": "2018-03-01", "fatalities": 2}
    optional = dict(gold_ev, sub_event_type="Armed clash", event_date="2018-02-01")
    doc = copy.deepcopy(dev[0])
    doc.events, doc.optional_events = [gold_ev], [optional]
    rep = score([doc], {doc.doc_id: [dict(optional)]})  # agrees better with the optional event
    assert rep.metrics["event_recall"] == 1.0
    assert [m.field for m in rep.docs[0].mismatches] == ["event_date"]


def _brute(weights):
    rows, cols = len(weights), len(weights[0])
    best = 0
    for perm in itertools.permutations(range(max(rows, cols)), rows):
        best = max(best, sum(weights[r][c] for r, c in enumerate(perm) if c < cols))
    return best


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (3, 2), (4, 4), (5, 3), (3, 6)])
def test_eval_assign_is_optimal(shape):
    rng = random.Random(hash(shape) & 0xFFFF)
    for _ in range(30):
        w = [[rng.choice([0, 0, 1, 5, 100, 107]) for _ in range(shape[1])] for _ in range(shape[0])]
        pairs = assign(w)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        assert all(w[r][c] > 0 for r, c in pairs)
        assert sum(w[r][c] for r, c in pairs) == _brute(w)
