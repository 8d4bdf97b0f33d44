"""An act dated after the article was published (beyond a day's grace for time zones) is planned,
scheduled or misdated, never a new event: real ANT articles that once gave such events."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import ANT

from rasd.model import Source
from rasd.nlp.dates import parse_published
from rasd.pipeline import process

IDS = {"BB-middleEast-54-20180220", "BB-middleEast-826-20180802", "FR-internationalNews-1192-20180511",
       "FR-middleEast-291-20180415", "SK-middleEast-1458-20180506", "SK-middleEast-1970-20180527",
       "SK-middleEast-3409-20180815", "SK-middleEast-782-20180404"}


@pytest.mark.issue(4)
def test_extract_no_event_dated_after_publication():
    seen, events = 0, 0
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] not in IDS:
                continue
            seen += 1
            out = process(Source(rec["id"], "text", rec["text"], id=rec["id"], published=rec["published"]))
            published = parse_published(rec["published"])
            for ev in out.events:
                events += 1
                if ev.event_date:
                    assert (dt.date.fromisoformat(ev.event_date) - published).days <= 1, (rec["id"], ev.evidence)
    assert seen == len(IDS)
    assert events > 0  # these articles still report past acts
