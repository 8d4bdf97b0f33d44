"""Dates against the dev gold: for every gold event with an event_date, look for a date
expression in its evidence, then its sentence, then the two sentences before; with none, take
the publication date. The share of exact days is pinned by a floor (measured 72/90 = 0.80)."""

from __future__ import annotations

from conftest import EVAL

from rasd.eval.gold import load_gold
from rasd.nlp.dates import date_near, parse_published

FLOOR = 0.75


def test_dates_dev_gold_accuracy() -> None:
    total = right = 0
    for doc in load_gold(EVAL / "dev.jsonl"):
        text, pub = doc.text, parse_published(doc.published)
        for ev in doc.events + doc.optional_events:
            if not ev.get("event_date"):
                continue
            start = text.find(ev["evidence"])
            assert start >= 0, (doc.doc_id, ev["evidence"][:40])
            m = date_near(text, start, start + len(ev["evidence"]), pub)
            total += 1
            right += str(m.date if m else pub) == ev["event_date"]
    print(f"dev gold dates: {right}/{total} = {right / total:.3f}")
    assert total >= 80
    assert right / total >= FLOOR
