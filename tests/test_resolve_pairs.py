"""The labelled pair sets (eval/pairs.jsonl, and the blind batches eval/pairs_b5.jsonl, pairs_b6.jsonl) and the resolver's
pairwise precision/recall on them: the honest figures are the blind batch scored before it was trained
on (docs/resolve.md) and the nested, cluster-grouped cross-validation; the fit on all pairs is
optimistic."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import ANT, REPO

from rasd.resolve import DEFAULT, score_pair
from rasd.resolve.pairs import evaluate, load_pairs
from rasd.resolve.train import groups, nested_cv, pair_matrix

PAIRS = REPO / "eval" / "pairs.jsonl"
ALL_PAIRS = [PAIRS, REPO / "eval" / "pairs_b5.jsonl", REPO / "eval" / "pairs_b6.jsonl"]
WEIGHTS = REPO / "src" / "rasd" / "data" / "resolve_weights.json"


@pytest.fixture(scope="module")
def records():
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_resolve_pairs_set_is_large_and_has_hard_negatives(records):
    assert len(records) >= 265
    labels = Counter(r["label"] for r in records)
    assert labels["same"] >= 140 and labels["diff"] >= 100
    kinds = Counter(r["kind"] for r in records)
    assert kinds["hard-neg: same place, different day"] >= 45
    assert kinds["hard-neg: same day, different town"] >= 20
    assert kinds["hard-neg: same day, same town"] >= 15
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


def test_resolve_pairs_cv_groups_never_split_a_cluster(records):
    grp = groups(records)
    where: dict[str, set[int]] = {}
    for r, g in zip(records, grp, strict=True):
        for k in r["keys"]:
            where.setdefault(k.rstrip("0123456789"), set()).add(g)
    assert all(len(gs) == 1 for gs in where.values())
    assert len(set(grp)) >= 10


def test_resolve_pairs_nested_cv_precision_and_recall_do_not_regress():
    """Floors at the nested CV measured when the weights were fit (25 Nov 2026, 475 pairs: the main set
    and blind batches 5 and 6, each scored blind before it was trained on: P 239/251 = 0.952,
    R 239/266 = 0.898; the issue's targets are P >= 0.95, R >= 0.85, see docs/resolve.md)."""
    rep = nested_cv(pair_matrix([p for path in ALL_PAIRS for p in load_pairs(path)]))
    assert rep.precision >= 0.95, rep.wrong
    assert rep.recall >= 0.89, rep.wrong
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))["nested_cv_grouped_by_cluster"]
    assert (rep.tp, rep.fp, rep.fn) == (shipped["tp"], shipped["fp"], shipped["fn"])


@pytest.mark.parametrize(("path", "precision", "recall"),
                         [(ALL_PAIRS[0], 0.955, 0.98), (ALL_PAIRS[1], 0.96, 0.93), (ALL_PAIRS[2], 0.93, 0.84)])
def test_resolve_pairs_fit_on_all_pairs_does_not_regress(path, precision, recall):
    """The shipped weights on the pairs they were fit on (optimistic: main set P 0.956 R 0.987;
    batch 5 P 0.967 R 0.935; batch 6 P 0.933 R 0.840, against P 0.930 R 0.800 when scored blind)."""
    rep = evaluate(path)
    assert rep.precision >= precision, rep.errors
    assert rep.recall >= recall, rep.errors


def test_resolve_threshold_is_the_one_chosen_with_the_weights():
    assert DEFAULT.threshold == json.loads(WEIGHTS.read_text(encoding="utf-8"))["threshold"]


def test_resolve_score_pair_is_symmetric_and_bounded():
    for a, b, _, _ in load_pairs(PAIRS)[::7]:
        s = score_pair(a, b)
        assert 0.0 <= s <= 1.0
        assert s == pytest.approx(score_pair(b, a))
