"""The four NLP functions together stay well under 5 ms of CPU per average ANT article
(measured 1.8 ms over 500 articles). Behind --slow: timing on a shared machine."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from rasd.nlp.dates import find_dates, parse_published
from rasd.nlp.numbers import find_numbers
from rasd.nlp.sentences import split_sentences
from rasd.nlp.tokens import tokenize


@pytest.mark.slow
def test_nlp_speed_per_article(ant_path: Path) -> None:
    recs = []
    with ant_path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 17 == 0:
                recs.append(json.loads(line))
            if len(recs) == 500:
                break
    find_dates("أمس", published=parse_published("2018-01-01"))  # load the knowledge once
    find_numbers("خمسة")
    t0 = time.process_time()
    for r in recs:
        text, pub = r["text"], parse_published(r["published"])
        split_sentences(text)
        tokenize(text)
        find_numbers(text)
        find_dates(text, published=pub)
    per_article_ms = (time.process_time() - t0) / len(recs) * 1000
    print(f"nlp: {per_article_ms:.2f} ms per article")
    assert per_article_ms < 5.0
