"""Pick the 40 held-out articles (seeded, keyword-filtered); prints doc_id, corpus, pool, published, title."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
ANT = SHARED / "data/ant_corpus_multisource/ant_mideast_conflict.jsonl"
SAUDI = SHARED / "data/saudinewsnet/saudinewsnet_conflict.jsonl"
SEED = 20261125
MAX_CHARS = 2500
EVENT_WORDS = ("قتل", "مقتل", "قتلى", "قصف", "غارة", "غارات", "هجوم", "اشتباك", "انفجار", "تفجير", "اعتقال",
               "سيطرة", "يسيطر", "صاروخ", "عبوة", "انتحاري", "اختطاف", "خطف", "مسلح", "معارك", "استعاد")
NOEVENT_WORDS = ("يحذر", "تحذر", "يهدد", "تهدد", "محكمة", "حكم", "ذكرى", "يدعو", "تدعو", "مباحثات", "قمة",
                 "يندد", "تندد", "يدين", "تدين", "محادثات", "اتصال", "مجلس الأمن", "عقوبات", "تقرير",
                 "يرفض", "ترفض", "مفاوضات", "زيارة", "وزير", "يؤكد", "تؤكد")


def has(title: str, words: tuple[str, ...]) -> bool:
    return any(w in title for w in words)


def draw_ant(rows: list[dict], outlet: str, plan, seen_heads: set[str], picked: list) -> None:
    """Append one outlet's ANT rows to ``picked``: for each ``(pool, count, record test)`` of ``plan``,
    articles from months not yet drawn for the outlet, none whose first 300 characters were drawn."""
    months: set[str] = set()
    for pool, want, test in plan:
        got = 0
        for d in rows:
            if got == want:
                break
            if not test(d) or d["published"][:7] in months or d["text"][:300] in seen_heads:
                continue
            picked.append((d["id"], "ant_corpus_multisource", pool, d["published"][:10], outlet, d["title"]))
            seen_heads.add(d["text"][:300])
            months.add(d["published"][:7])
            got += 1


def draw_saudi(rows: list[dict], plan, seen_heads: set[str], picked: list) -> None:
    """Append SaudiNewsNet rows to ``picked``: for each ``(pool, count, title test)`` of ``plan``, at most
    one article per newspaper, none whose first 300 characters were already drawn."""
    for pool, want, test in plan:
        papers: set[str] = set()
        got = 0
        for d in rows:
            if got == want:
                break
            if not test(d["title"]) or d["source"] in papers or d["content"][:300] in seen_heads:
                continue
            picked.append((d["id"], "saudinewsnet", pool, d["id"][:10], d["source"], d["title"]))
            seen_heads.add(d["content"][:300])
            papers.add(d["source"])
            got += 1


def main() -> None:
    dev = [json.loads(line) for line in (SHARED / "eval/dev.jsonl").open(encoding="utf-8")]
    dev_ids = {d["doc_id"] for d in dev}
    ant = [json.loads(line) for line in ANT.open(encoding="utf-8")]
    saudi = [json.loads(line) for line in SAUDI.open(encoding="utf-8")]
    by_id = {d["id"]: d["text"] for d in ant} | {d["id"]: d["content"] for d in saudi}
    dev_heads = {by_id[i][:300] for i in dev_ids if i in by_id}
    rng = random.Random(SEED)
    picked: list[tuple[str, str, str, str, str]] = []
    seen_heads = set(dev_heads)

    def ok(doc_id: str, text: str) -> bool:
        return doc_id not in dev_ids and len(text) <= MAX_CHARS and text[:300] not in seen_heads

    # ANT: per outlet 4 event-pool + 2 no-event-pool articles, each from a different month where possible.
    for outlet in ("Alarabia", "BBC", "CNN", "France24", "SkyNews"):
        rows = [d for d in ant if d["source"] == outlet and d["conflict_keyword_match"]
                and d["published"].startswith("2018") and ok(d["id"], d["text"])]
        rng.shuffle(rows)
        draw_ant(rows, outlet, (("event", 4, lambda d: has(d["title"], EVENT_WORDS)),
                                ("noevent", 2, lambda d: has(d["title"], NOEVENT_WORDS)
                                 and not has(d["title"], EVENT_WORDS))), seen_heads, picked)
    # SaudiNewsNet: 7 event-pool + 3 no-event-pool articles, at most one per newspaper per pool.
    rows = [d for d in saudi if ok(d["id"], d["content"])]
    rng.shuffle(rows)
    draw_saudi(rows, (("event", 7, lambda t: has(t, EVENT_WORDS)),
                      ("noevent", 3, lambda t: has(t, NOEVENT_WORDS) and not has(t, EVENT_WORDS))),
               seen_heads, picked)
    for row in picked:
        sys.stdout.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
