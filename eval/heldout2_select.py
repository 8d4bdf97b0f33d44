"""Pick 30 articles for a gold set (seeded, keyword-filtered, dev-like mix); prints one tab-separated
row per article: doc_id, corpus, pool, published, outlet, title.

Without arguments it draws the second held-out set (seed 20261126, excluding dev and held-out v1).
``--seed N --exclude GOLD...`` draws another set the same way, excluding the documents (and their
near-duplicates) of the gold files named: the development sets ``eval/dev3*.jsonl`` were drawn so."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from heldout_select import EVENT_WORDS, NOEVENT_WORDS, draw_ant, draw_saudi, has

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
ANT = SHARED / "data/ant_corpus_multisource/ant_mideast_conflict.jsonl"
SAUDI = SHARED / "data/saudinewsnet/saudinewsnet_conflict.jsonl"
SEED_PAGE = SHARED / "seed/000_8dbeb5ba9d9aad17.txt"
SEED = 20261126
MAX_CHARS = 3000
SYRIA = "سوري"  # سوريا / سورية / السوري… : dev's ANT texts mention Syria in 43 of 55, the 2018 pool in 43 %
# (outlet, Syria-mentioning event-pool docs, any event-pool docs, no-event-pool docs): 26 ANT docs.
ANT_PLAN = (("Alarabia", 3, 1, 1), ("BBC", 3, 1, 1), ("CNN", 3, 1, 1), ("France24", 3, 1, 2), ("SkyNews", 3, 1, 1))
SAUDI_PLAN = (("event", 3), ("noevent", 1))

Row = tuple[str, str, str, str, str, str]


def is_event(title: str) -> bool:
    return has(title, EVENT_WORDS)


def is_noevent(title: str) -> bool:
    return has(title, NOEVENT_WORDS) and not has(title, EVENT_WORDS)


DEFAULT_EXCLUDE = (SHARED / "eval/dev.jsonl", HERE / "heldout.jsonl")


def select(seed: int = SEED, exclude: tuple[Path, ...] = DEFAULT_EXCLUDE) -> list[Row]:
    """The chosen rows, in draw order (deterministic for the seed, the excluded gold files and corpora)."""
    taken = {json.loads(line)["doc_id"] for path in exclude
             for line in path.open(encoding="utf-8") if line.strip()}
    ant = [json.loads(line) for line in ANT.open(encoding="utf-8")]
    saudi = [json.loads(line) for line in SAUDI.open(encoding="utf-8")]
    by_id = {d["id"]: d["text"] for d in ant} | {d["id"]: d["content"] for d in saudi}
    seen_heads = {by_id[i][:300] for i in taken if i in by_id}
    seen_heads.add(SEED_PAGE.read_text(encoding="utf-8")[:300])
    rng = random.Random(seed)
    picked: list[Row] = []

    def ok(doc_id: str, text: str) -> bool:
        return doc_id not in taken and len(text) <= MAX_CHARS and text[:300] not in seen_heads

    for outlet, n_syria, n_any, n_none in ANT_PLAN:
        rows = [d for d in ant if d["source"] == outlet and d["conflict_keyword_match"]
                and d["published"].startswith("2018") and ok(d["id"], d["text"])]
        rng.shuffle(rows)
        draw_ant(rows, outlet, (("event-syria", n_syria, lambda d: is_event(d["title"]) and SYRIA in d["text"]),
                                ("event", n_any, lambda d: is_event(d["title"])),
                                ("noevent", n_none, lambda d: is_noevent(d["title"]))), seen_heads, picked)
    rows = [d for d in saudi if ok(d["id"], d["content"])]
    rng.shuffle(rows)
    draw_saudi(rows, [(pool, want, is_event if pool == "event" else is_noevent) for pool, want in SAUDI_PLAN],
               seen_heads, picked)
    return picked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--exclude", type=Path, nargs="+", default=list(DEFAULT_EXCLUDE), help="gold JSONL files")
    args = ap.parse_args()
    for row in select(args.seed, tuple(args.exclude)):
        sys.stdout.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
