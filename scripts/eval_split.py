"""Measure story splitting on real articles (build/test script, not shipped).

Two figures over ANT corpus articles (../shared/data/ant_corpus_multisource):
  * false splits: share of single-story articles (Sky News Arabia and Al Arabiya records, which
    hold one story each) that ``segment`` cuts into more than one story;
  * glue recall: articles A and B glued with a blank line, B chosen as the most similar other
    article (same-topic glue, the hard case, as on the seed page) or at random, or glued with B's
    headline line in between (same-topic B); the split counts when a new story starts exactly at
    B's first line and nowhere else.

Usage: python scripts/eval_split.py [--n 200] [--write-baseline tests/eval_baseline_split.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.clean.paragraphs import line_spans
from rasd.clean.segments import segment
from rasd.model import Document

REPO = Path(__file__).resolve().parents[1]
ANT = REPO.parent / "shared" / "data" / "ant_corpus_multisource" / "ant_mideast_conflict.jsonl"
SINGLE_SOURCES = ("SK", "AL")
_WORD = re.compile(r"\w+")


def load_single(path: Path = ANT, min_paras: int = 3) -> list[dict]:
    """Single-story ANT records with at least ``min_paras`` paragraphs, in file order."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"][:2] in SINGLE_SOURCES and len(line_spans(rec["text"])) >= min_paras:
                out.append(rec)
    return out


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(norm(text)) if len(w) > 3}


def _cos(a: set[str], b: set[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def stories(text: str) -> list[tuple[int, int | None]]:
    """``(start, story)`` of every kept segment of ``text``."""
    return [(s.start, s.story) for s in segment(Document(id="x", text=text)) if s.story is not None]


def n_stories(text: str) -> int:
    return len({st for _, st in stories(text)})


def glue_ok(a: str, b: str) -> bool:
    """Whether the glued ``a + b`` splits exactly once, at b's start."""
    text = a.rstrip() + "\n\n" + b.strip()
    boundary = len(a.rstrip()) + 2
    segs = stories(text)
    before = {st for start, st in segs if start < boundary}
    after = {st for start, st in segs if start >= boundary}
    return len(before) == 1 and len(after) == 1 and before != after


def evaluate(n: int = 300, seed: int = 7) -> dict[str, float]:
    recs = load_single()
    rng = random.Random(seed)
    sample = rng.sample(recs, min(n, len(recs)))
    false_split = sum(n_stories(r["text"]) > 1 for r in sample) / len(sample)
    pool = rng.sample(recs, min(1500, len(recs)))
    pool_words = [(r, _words(r["text"])) for r in pool]
    similar_ok = random_ok = headline_ok = 0
    for rec in sample:
        wa = _words(rec["text"])
        cands = [(c, r) for r, w in pool_words if r["id"] != rec["id"] and (c := _cos(wa, w)) < 0.5]
        best = max(cands, key=lambda x: x[0])[1]
        similar_ok += glue_ok(rec["text"], best["text"])
        headline_ok += glue_ok(rec["text"], f"{best['title']}\n\n{best['text']}") if best.get("title") else 0
        random_ok += glue_ok(rec["text"], rng.choice(pool)["text"])
    ids = hashlib.sha256("\n".join(r["id"] for r in sample).encode()).hexdigest()
    return {"articles": len(sample), "sample_sha256": ids, "false_split_rate": round(false_split, 4),
            "glue_recall_similar": round(similar_ok / len(sample), 4),
            "glue_recall_random": round(random_ok / len(sample), 4),
            "glue_recall_headline": round(headline_ok / len(sample), 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--write-baseline", type=Path, help="write floors (recall - 0.05, false splits + 0.02)")
    args = ap.parse_args(argv)
    result = evaluate(args.n, args.seed)
    print(json.dumps(result))
    if args.write_baseline:
        floors = {k: round(v - 0.05, 3) for k, v in result.items() if k.startswith("glue_recall")}
        floors["max_false_split_rate"] = round(result["false_split_rate"] + 0.02, 3)
        base = {"n": args.n, "seed": args.seed, "measured": result, "floors": floors}
        args.write_baseline.write_text(json.dumps(base, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
