"""Loading gold files: corpus texts resolved by id, clear errors for what is missing."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, EVAL

from rasd.eval import GoldError, load_gold


def test_eval_gold_texts_come_from_the_corpora():
    docs = load_gold(EVAL / "dev.jsonl")
    assert len(docs) == 60
    by_corpus = {d.corpus for d in docs}
    assert by_corpus == {"ant_corpus_multisource", "saudinewsnet"}
    for d in docs:  # every evidence string is verbatim in the resolved text (SaudiNewsNet: `content`)
        assert d.text
        for ev in d.events + d.optional_events:
            assert ev["evidence"] in d.text, d.doc_id


def test_eval_gold_inline_text_needs_no_corpus():
    (doc,) = load_gold(EVAL / "seed.gold.jsonl")
    assert doc.corpus is None and "تنظيم الدولة" in doc.text and len(doc.events) == 4


def test_eval_gold_missing_corpus_doc_is_a_clear_error(tmp_path, monkeypatch):
    gold = tmp_path / "eval" / "g.jsonl"
    gold.parent.mkdir()
    lines = [json.dumps({"doc_id": "AL-internationalNews-1-20180219", "corpus": "ant_corpus_multisource",
                         "events": []}),
             json.dumps({"doc_id": "no-such-doc", "corpus": "ant_corpus_multisource", "events": []})]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"g\.jsonl:2: doc 'no-such-doc' not found"):
        load_gold(gold, DATA)
    monkeypatch.chdir(tmp_path)  # no shared/data above the gold file or the working directory
    with pytest.raises(GoldError, match="corpus folder .* not found"):
        load_gold(gold)  # default data dir tmp_path/data does not exist


def test_eval_gold_malformed_line_names_the_line(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc_id": "a", "text": "x", "events": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"g\.jsonl:2: malformed JSON"):
        load_gold(gold)
