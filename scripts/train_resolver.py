"""Build the learned part of ``rasd.resolve`` (run from the repo root; needs ../shared for ``idf``).

1. ``idf``: document frequencies of the stemmed words of the ANT corpus → ``src/rasd/data/resolve_idf.tsv``
   (only the corpus's common words, df >= ``--min-df``; any other word counts as rare at run time).
2. ``fit``: the pair features of the labelled pairs (``--pairs``, by default ``eval/pairs.jsonl`` and
   the blind batches ``eval/pairs_b5.jsonl`` and ``eval/pairs_b6.jsonl``), a logistic regression trained with numpy and
   scored by nested cross-validation grouped by event cluster (``rasd.resolve.train``); with
   ``--write`` the fit on all pairs goes to ``src/rasd/data/resolve_weights.json`` with the figures.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANT = REPO.parent / "shared" / "data" / "ant_corpus_multisource" / "ant_mideast_conflict.jsonl"
PAIRS = (REPO / "eval" / "pairs.jsonl", REPO / "eval" / "pairs_b5.jsonl", REPO / "eval" / "pairs_b6.jsonl")
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


def cmd_fit(args: argparse.Namespace) -> None:
    import numpy as np

    from rasd.resolve.learned import FEATURES
    from rasd.resolve.pairs import load_pairs
    from rasd.resolve.train import (
        choose,
        cv_probs,
        fit_logistic,
        nested_cv,
        pair_matrix,
        pr,
        predict,
        prior_vector,
    )

    m = pair_matrix([p for path in args.pairs for p in load_pairs(path)])
    print(f"{len(m.gold)} pairs, {m.gold.sum()} same; past the gates: {m.ok.sum()} ({m.gold[m.ok].sum()} same);"
          f" {len(set(m.grp.tolist()))} CV groups of sizes {sorted(Counter(m.grp.tolist()).values())}")
    rep = nested_cv(m)
    print(f"nested CV (settings chosen inside each fold): P {rep.precision:.3f} R {rep.recall:.3f}"
          f"  tp {rep.tp} fp {rep.fp} fn {rep.fn}")
    print("  settings chosen per fold (l2, prior scale, threshold):", rep.settings.most_common())
    if args.verbose:
        for rec in rep.wrong:
            print(f"  {rec['label']:4s} {rec['keys']} {rec['kind']}")
    everything = np.ones(len(m.gold), dtype=bool)
    l2, scale, t = choose(m, everything)
    p, r, *_ = pr(cv_probs(m, everything, l2, prior_vector() * scale) >= t, m.gold)
    print(f"settings chosen on all pairs: l2 {l2} prior scale {scale} threshold {t};"
          f" their CV (optimistic: chosen on it): P {p:.3f} R {r:.3f}")
    w, b = fit_logistic(m.x[m.ok], m.gold[m.ok].astype(float), l2, prior_vector() * scale)
    p, r, *_ = pr((predict(m.x, w, b) >= t) & m.ok, m.gold)
    print(f"training fit on all pairs: P {p:.3f} R {r:.3f}")
    print("weights:", ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, w, strict=True)), f"bias {b:+.2f}")
    if args.write:
        out = DATA / "resolve_weights.json"
        out.write_text(json.dumps({
            "about": "logistic-regression weights of rasd.resolve.score_pair (scripts/train_resolver.py fit)",
            "features": list(FEATURES), "weights": [round(float(v), 4) for v in w], "bias": round(b, 4),
            "l2": l2, "prior_scale": scale, "threshold": t, "pairs": len(m.gold),
            "nested_cv_grouped_by_cluster": {"precision": round(rep.precision, 3), "recall": round(rep.recall, 3),
                                             "tp": rep.tp, "fp": rep.fp, "fn": rep.fn}},
            ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"→ {out} (ResolveSettings.threshold must be {t})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("idf")
    i.add_argument("--min-df", type=int, default=20)
    f = sub.add_parser("fit")
    f.add_argument("--write", action="store_true")
    f.add_argument("--verbose", action="store_true")
    f.add_argument("--pairs", type=Path, nargs="+", default=list(PAIRS), help="labelled pair files (JSONL)")
    args = ap.parse_args()
    {"idf": cmd_idf, "fit": cmd_fit}[args.cmd](args)


if __name__ == "__main__":
    main()
