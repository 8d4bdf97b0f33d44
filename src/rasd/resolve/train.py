"""Train the pair scorer and score it by nested grouped CV (build time only).

Training and honest scoring of the learned pair scorer on a labelled pair set (build time only;
``scripts/train_resolver.py`` drives it, ``score_pair`` only reads the weights it writes).

1. ``pair_matrix``: the features of each labelled pair; pairs that fail the hard gates score 0.
2. ``groups``: each pair's cross-validation group, the connected component of the event clusters
   (``D`` of key ``D7``) it links, so no cluster's pairs sit on both sides of a split.
3. ``fit_logistic``: L2-regularised logistic regression (Newton's method, numpy), pulled toward the
   knowledge prior ``learned.PRIOR`` times a scale.
4. ``nested_cv``: for each held-out group, the settings (L2, prior scale, threshold) are chosen by an
   inner cross-validation on the other groups only; the figures never see the pairs they score.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from rasd.resolve.learned import FEATURES, PRIOR, vector
from rasd.resolve.score import features

GRID_L2 = (0.3, 1.0, 3.0)
GRID_PRIOR = (0.0, 1.0)
GRID_THRESHOLD = (0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(slots=True)
class PairMatrix:
    """Features (rows = pairs, columns = ``FEATURES``), gold labels, gate flags and CV groups."""

    x: np.ndarray
    gold: np.ndarray
    ok: np.ndarray  # the pair passed the hard gates (else it scores 0)
    grp: np.ndarray
    records: list[dict] = field(default_factory=list)


def groups(records: list[dict]) -> list[int]:
    """Each pair's CV group: the connected component of the clusters it links.

    A key's cluster is the key without its trailing number (``D`` of ``D7``, ``B5QD`` of ``B5QD2``).
    """
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    letters = [tuple(re.sub(r"\d+$", "", k) for k in r["keys"]) for r in records]
    for a, b in letters:
        parent[find(a)] = find(b)
    roots = sorted({find(a) for a, _ in letters})
    return [roots.index(find(a)) for a, _ in letters]


def pair_matrix(pairs: list[tuple]) -> PairMatrix:
    """The matrix of ``rasd.resolve.pairs.load_pairs`` output."""
    feats = [features(a, b) for a, b, _, _ in pairs]
    records = [rec for *_, rec in pairs]
    return PairMatrix(
        x=np.array([vector(f) if f is not None else np.zeros(len(FEATURES)) for f in feats]),
        gold=np.array([g for _, _, g, _ in pairs], dtype=bool),
        ok=np.array([f is not None for f in feats], dtype=bool),
        grp=np.array(groups(records)), records=records)


def prior_vector() -> np.ndarray:
    return np.array([PRIOR.get(n, 0.0) for n in FEATURES])


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, prior: np.ndarray | None = None,
                 steps: int = 200) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method, L2-regularised toward ``prior`` (zeros by default;
    the bias is not penalised). Returns (weights, bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    mu = np.append(prior if prior is not None else np.zeros(xb.shape[1] - 1), 0.0)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg * (w - mu)
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(len(w))
        delta = np.linalg.solve(hess, grad)
        w -= delta
        if np.abs(delta).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w + b)))


def pr(guess: np.ndarray, gold: np.ndarray) -> tuple[float, float, int, int, int]:
    """(precision, recall, tp, fp, fn) of boolean decisions."""
    tp, fp, fn = int((guess & gold).sum()), int((guess & ~gold).sum()), int((~guess & gold).sum())
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn)


def cv_probs(m: PairMatrix, sel: np.ndarray, l2: float, prior: np.ndarray) -> np.ndarray:
    """Leave-one-group-out probabilities over the pairs in ``sel`` (0 outside it and for gated pairs)."""
    prob = np.zeros(len(m.gold))
    for g in sorted(set(m.grp[sel].tolist())):
        train, test = sel & (m.grp != g) & m.ok, sel & (m.grp == g) & m.ok
        if test.any():
            w, b = fit_logistic(m.x[train], m.gold[train].astype(float), l2, prior)
            prob[test] = predict(m.x[test], w, b)
    return prob


def choose(m: PairMatrix, sel: np.ndarray) -> tuple[float, float, float]:
    """(l2, prior scale, threshold) with the best leave-one-group-out F0.5 (precision counted twice
    as much as recall) over the pairs in ``sel``."""
    best: tuple = ()
    for l2 in GRID_L2:
        for scale in GRID_PRIOR:
            prob = cv_probs(m, sel, l2, prior_vector() * scale)
            for t in GRID_THRESHOLD:
                p, r, *_ = pr(prob[sel] >= t, m.gold[sel])
                f05 = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
                if not best or f05 > best[0]:
                    best = (f05, l2, scale, t)
    return best[1], best[2], best[3]


@dataclass(slots=True)
class CVReport:
    precision: float
    recall: float
    tp: int
    fp: int
    fn: int
    settings: Counter
    wrong: list[dict]


def nested_cv(m: PairMatrix) -> CVReport:
    """Outer leave-one-group-out; inside each outer fold the settings come from ``choose`` on the
    other groups only, then the model is fit on them and scores the held-out group."""
    guess = np.zeros(len(m.gold), dtype=bool)
    chosen: Counter = Counter()
    for g in sorted(set(m.grp.tolist())):
        train, test = m.grp != g, m.grp == g
        l2, scale, t = choose(m, train)
        chosen[(l2, scale, t)] += 1
        w, b = fit_logistic(m.x[train & m.ok], m.gold[train & m.ok].astype(float), l2, prior_vector() * scale)
        guess[test] = m.ok[test] & (predict(m.x[test], w, b) >= t)
    p, r, tp, fp, fn = pr(guess, m.gold)
    wrong = [m.records[i] for i in np.flatnonzero(guess != m.gold)]
    return CVReport(p, r, tp, fp, fn, chosen, wrong)
