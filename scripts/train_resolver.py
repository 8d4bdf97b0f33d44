"""Build the learned part of ``rasd.resolve`` (run from the repo root; needs ../shared, used only here).

1. ``idf``: document frequencies of the stemmed words of the ANT corpus → ``src/rasd/data/resolve_idf.tsv``
   (only the corpus's common words, df >= ``--min-df``; any other word counts as rare at run time).
2. ``fit``: the pair features of ``eval/pairs.jsonl`` (``rasd.resolve.score.features``), a logistic
   regression trained with numpy, scored by cross-validation grouped by event cluster (the connected
   components of the pairs' cluster letters, so no cluster's pairs sit on both sides of a split); the
   final fit on all pairs is written to ``src/rasd/data/resolve_weights.json`` with the CV figures.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
ANT = REPO.parent / "shared" / "data" / "ant_corpus_multisource" / "ant_mideast_conflict.jsonl"
PAIRS = REPO / "eval" / "pairs.jsonl"
DATA = REPO / "src" / "rasd" / "data"


def cmd_idf(args: argparse.Namespace) -> None:
    from rasd.resolve.cues import words

    df: Counter[str] = Counter()
    n = 0
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            df.update(set(words(r.get("title", "") + " " + r["text"])))
            n += 1
    out = DATA / "resolve_idf.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# idf = ln(docs / df) of the stemmed words of the ANT corpus (scripts/train_resolver.py idf);\n")
        fh.write(f"# only words with df >= {args.min_df}: any other word gets ln(docs) at run time.\n")
        fh.write(f"#docs\t{n}\n")
        for w, c in sorted(df.items()):
            if c >= args.min_df:
                fh.write(f"{w}\t{math.log(n / c):.3f}\n")
    print(f"{n} documents, {sum(c >= args.min_df for c in df.values())} common words → {out}")


def groups(records: list[dict]) -> list[int]:
    """Each pair's CV group: the connected component of the cluster letters (``D`` of ``D7``) it links."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    letters = [tuple(re.match(r"[A-Z]+", k).group(0) for k in r["keys"]) for r in records]
    for a, b in letters:
        parent[find(a)] = find(b)
    roots = sorted({find(a) for a, _ in letters})
    return [roots.index(find(a)) for a, _ in letters]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, prior: np.ndarray | None = None,
                 steps: int = 3000) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method, L2-regularised toward ``prior`` (zeros by default; the
    bias is not penalised)."""
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


def pr(guess: np.ndarray, gold: np.ndarray) -> tuple[float, float, int, int, int]:
    tp = int((guess & gold).sum())
    fp = int((guess & ~gold).sum())
    fn = int((~guess & gold).sum())
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn)


def cmd_fit(args: argparse.Namespace) -> None:
    from rasd.resolve.learned import FEATURES, PRIOR, vector
    from rasd.resolve.pairs import load_pairs
    from rasd.resolve.score import features

    pairs = load_pairs(PAIRS)
    records = [rec for *_, rec in pairs]
    grp = np.array(groups(records))
    gold = np.array([g for _, _, g, _ in pairs])
    feats = [features(a, b) for a, b, _, _ in pairs]
    ok = np.array([f is not None for f in feats])  # pairs past the hard gates; the rest score 0
    x = np.array([vector(f) if f is not None else np.zeros(len(FEATURES)) for f in feats])
    print(f"{len(pairs)} pairs, {gold.sum()} same; past the gates: {ok.sum()} ({gold[ok].sum()} same);"
          f" {len(set(grp))} CV groups of sizes {sorted(Counter(grp.tolist()).values())}")
    prior = np.array([PRIOR.get(n, 0.0) for n in FEATURES]) * args.prior
    prob = np.zeros(len(pairs))
    for g in sorted(set(grp)):
        train, test = (grp != g) & ok, (grp == g) & ok
        w, b = fit_logistic(x[train], gold[train].astype(float), args.l2, prior)
        prob[test] = 1 / (1 + np.exp(-(x[test] @ w + b)))
    cv = {}
    for t in args.thresholds:
        p, r, tp, fp, fn = pr(prob >= t, gold)
        cv[f"{t:.2f}"] = {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn}
        print(f"CV (leave one cluster group out) threshold {t:.2f}: P {p:.3f} R {r:.3f}  tp {tp} fp {fp} fn {fn}")
    if args.verbose:
        for i in np.argsort(-prob):
            if (prob[i] >= args.threshold) != gold[i]:
                print(f"  {records[i]['label']:4s} cv-prob {prob[i]:.3f} {records[i]['keys']} {records[i]['kind']}")
    w, b = fit_logistic(x[ok], gold[ok].astype(float), args.l2, prior)
    p, r, *_ = pr((1 / (1 + np.exp(-(x @ w + b))) >= args.threshold) & ok, gold)
    print(f"training fit on all pairs at {args.threshold:.2f}: P {p:.3f} R {r:.3f}")
    print("weights:", ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w, strict=True)), f"bias {b:+.2f}")
    if args.write:
        out = DATA / "resolve_weights.json"
        out.write_text(json.dumps({
            "about": "logistic-regression weights of rasd.resolve.score_pair (scripts/train_resolver.py fit)",
            "features": list(FEATURES), "weights": [round(float(v), 4) for v in w], "bias": round(b, 4),
            "l2": args.l2, "prior_scale": args.prior, "pairs": len(pairs), "cv_grouped_by_cluster": cv}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
        print(f"→ {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("idf")
    i.add_argument("--min-df", type=int, default=20)
    f = sub.add_parser("fit")
    f.add_argument("--l2", type=float, default=1.0)
    f.add_argument("--prior", type=float, default=1.0, help="scale of the knowledge prior (0: none)")
    f.add_argument("--threshold", type=float, default=0.5)
    f.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6, 0.7])
    f.add_argument("--write", action="store_true")
    f.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    {"idf": cmd_idf, "fit": cmd_fit}[args.cmd](args)
    sys.exit(0)


if __name__ == "__main__":
    main()
