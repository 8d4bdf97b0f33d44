"""The labelled pair set (eval/pairs.jsonl) and the resolver's pairwise precision/recall on it."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import ANT, REPO

from rasd.resolve import score_pair
from rasd.resolve.pairs import evaluate, load_pairs

PAIRS = REPO / "eval" / "pairs.jsonl"


@pytest.fixture(scope="module")
def records():
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_resolve_pairs_set_is_large_and_has_hard_negatives(records):
    assert len(records) >= 150
    labels = Counter(r["label"] for r in records)
    assert labels["same"] >= 60 and labels["diff"] >= 50
    kinds = Counter(r["kind"] for r in records)
    assert kinds["hard-neg: same place, different day"] >= 10
    assert kinds["hard-neg: same day, different town"] >= 10
    assert all(r["reason"].startswith(("same:", "different:")) for r in records)
    assert len({r["a"]["source"] for r in records} | {r["b"]["source"] for r in records}) == 5


def test_resolve_pairs_evidence_is_verbatim_in_the_corpus(records):
    wanted = {side["doc_id"] for r in records for side in (r["a"], r["b"])}
    texts = {}
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                texts[rec["id"]] = rec["text"]
    assert wanted <= texts.keys()
    for r in records:
        for side in (r["a"], r["b"]):
            assert side["evidence"] in texts[side["doc_id"]], side["doc_id"]


def test_resolve_pairs_precision_and_recall_do_not_regress():
    """Floors at the figures measured when the settings were fixed (P 0.932, R 0.832 on 217 pairs;
    the issue's targets are P >= 0.95, R >= 0.85, see docs/resolve.md)."""
    rep = evaluate(PAIRS)
    assert rep.precision >= 0.93, rep.errors
    assert rep.recall >= 0.83, rep.errors


def test_resolve_score_pair_is_symmetric_and_bounded():
    for a, b, _, _ in load_pairs(PAIRS)[::7]:
        s = score_pair(a, b)
        assert 0.0 <= s <= 1.0
        assert s == pytest.approx(score_pair(b, a))
