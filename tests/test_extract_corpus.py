"""Extraction over real corpora (slow): every ANT article goes through without an error with valid
evidence spans, and the dev gold scores stay above floors a little under the measured values."""

from __future__ import annotations

import itertools
import json

import pytest
from conftest import ANT, EVAL

from rasd.clean.segments import segment
from rasd.eval import load_gold, score
from rasd.eval.predictions import run_extractor
from rasd.extract import extract_events
from rasd.model import EVENT_FIELDS, Document


@pytest.mark.slow
def test_extract_corpus_ant_articles_spans_valid():
    n = events = 0
    with ANT.open(encoding="utf-8") as fh:
        for line in itertools.islice(fh, 1000):
            d = json.loads(line)
            doc = Document(id=d["id"], text=d["text"], source=d["source"], published=d["published"])
            for ev in extract_events(doc, segment(doc)):
                events += 1
                assert set(ev.to_dict()) >= set(EVENT_FIELDS)
                assert ev.evidence and ev.evidence in doc.text
                for sp in ev.evidence_spans:
                    assert doc.text[sp.start:sp.end] == sp.text
            n += 1
    assert n == 1000 and events > 500


@pytest.mark.slow
def test_extract_corpus_dev_gold_floors():
    gold = load_gold(EVAL / "dev.jsonl")
    m = score(gold, run_extractor(gold)).metrics
    assert m["event_f1"] >= 0.75
    assert m["subtype_accuracy"] >= 0.85
    assert m["actor_f1"] >= 0.80
    assert m["date_accuracy"] >= 0.85
    assert m["fatalities_accuracy"] >= 0.80
    assert m["false_events_on_empty_docs"] <= 1
