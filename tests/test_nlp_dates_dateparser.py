"""Cross-check: on explicit "day month year" dates found in the ANT corpus, dateparser (ar-SY),
where it returns anything, agrees with rasd.nlp.dates; rasd also reads the ones it misses
(ordinal days, "يوم", a trailing "م", "من عام", paired month names)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import dateparser

from rasd.nlp.dates import find_dates, parse_published

_PAIR = re.compile(r"\s*[/(]\s*[^\s\d)]+(?:\s[^\s\d)]+)?\s*\)?")


def test_dates_agree_with_dateparser(ant_path: Path) -> None:
    total = parsed = disagree = 0
    with ant_path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 10:
                continue
            rec = json.loads(line)
            pub = parse_published(rec["published"])
            assert pub is not None
            text = rec["text"]
            for m in find_dates(text, published=pub):
                span = text[m.start:m.end]
                if m.kind != "explicit" or not re.search(r"(?:19|20)\d\d", span) or re.match(r"\d+[/.-]", span):
                    continue
                total += 1
                got = dateparser.parse(_PAIR.sub(" ", span), languages=["ar"], locales=["ar-SY"], settings={
                    "PREFER_DATES_FROM": "past", "RELATIVE_BASE": dt.datetime(pub.year, pub.month, pub.day)})
                if got is not None:
                    parsed += 1
                    disagree += got.date() != m.date
    assert total >= 40
    assert disagree == 0
    assert parsed < total  # rasd reads dates dateparser cannot
