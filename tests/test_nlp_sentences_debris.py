"""Scrape debris after a full stop ("بغداد./ وقال") ends the sentence: two tolls in two sentences are
not one sentence's (SaudiNewsNet 2015-07-24#994 summed 42 + 42)."""

from __future__ import annotations

import json

import pytest
from conftest import ANT, SAUDI

from rasd.nlp.sentences import split_sentences


def _saudi(doc_id: str) -> str:
    with SAUDI.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] == doc_id:
                return d["content"]
    raise KeyError(doc_id)


@pytest.mark.parametrize(("doc_id", "closes", "opens"), [
    ("2015-07-24#994", "بوابة الموصل 400/كم شمال بغداد./", "وقال الجبوري"),
    ("2015-07-22#343", "شمال شرقي بغداد./", "وقالت المصادر"),
])
def test_slash_after_full_stop_ends_the_sentence(doc_id, closes, opens):
    text = _saudi(doc_id)
    sents = [text[s:e] for s, e in split_sentences(text)]
    i = next(i for i, t in enumerate(sents) if t.endswith(closes))
    assert sents[i + 1].startswith(opens)
    assert not any(t.endswith("400/") for t in sents)  # a slash inside a figure ("400/كم") stays


def test_invisible_mark_after_question_goes_with_it():
    text = "هل هناك تضارب مصالح؟\u200b هل هناك"
    assert [text[s:e] for s, e in split_sentences(text)] == ["هل هناك تضارب مصالح؟\u200b", "هل هناك"]


def test_abbreviation_and_domain_with_slash_do_not_split():
    for text in ("قال د./ محمد إن", "نقل موقع alarabiya.net/ar الخبر"):
        assert len(split_sentences(text)) == 1


def test_first_ant_articles_have_no_such_debris_changes():
    """The ANT articles hold no slash after a full stop: their splits are what they were (a sample)."""
    with ANT.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(300), fh, strict=False)]
    for t in texts:
        for s, e in split_sentences(t):
            assert not t[s:e].startswith("/")
