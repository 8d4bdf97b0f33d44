"""Validate eval/heldout2.jsonl: loads as gold, ACLED fields, verbatim evidence, disjoint ids, reproducible draw."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, EVAL, REPO
from test_eval_heldout import DOC_KEYS, EVENT_KEYS, acled_types, admin_triples, all_events, iso

from rasd.eval.gold import GoldDoc, load_gold

HELDOUT2 = REPO / "eval" / "heldout2.jsonl"
SELECT = REPO / "eval" / "heldout2_select.py"


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load_jsonl(HELDOUT2)


@pytest.fixture(scope="module")
def docs() -> list[GoldDoc]:
    return load_gold(HELDOUT2, DATA)


def test_every_line_loads_with_the_gold_loader(gold: list[dict], docs: list[GoldDoc]) -> None:
    assert [d.doc_id for d in docs] == [g["doc_id"] for g in gold]
    assert len(docs) == 30 and len({d.doc_id for d in docs}) == 30
    assert sum(d.corpus == "ant_corpus_multisource" for d in docs) == 26
    assert sum(d.corpus == "saudinewsnet" for d in docs) == 4
    assert all(d.text and len(d.text) <= 3000 for d in docs)


def test_doc_ids_disjoint_from_dev_heldout_and_seed(gold: list[dict]) -> None:
    ids = {d["doc_id"] for d in gold}
    for path in (EVAL / "dev.jsonl", REPO / "eval" / "heldout.jsonl", EVAL / "seed.gold.jsonl"):
        taken = {d["doc_id"] for d in load_jsonl(path)}
        assert taken and not ids & taken, path.name


def test_no_near_duplicate_of_dev_or_heldout_text(docs: list[GoldDoc]) -> None:
    others = load_gold(EVAL / "dev.jsonl", DATA) + load_gold(REPO / "eval" / "heldout.jsonl", DATA)
    heads = {d.text[:300] for d in others}
    mine = [d.text[:300] for d in docs]
    assert len(set(mine)) == len(mine)
    assert not heads & set(mine)


def test_doc_and_event_fields(gold: list[dict]) -> None:
    types = acled_types()
    for doc in gold:
        assert set(doc) == DOC_KEYS, doc["doc_id"]
        pub = iso(doc["published"])
        assert isinstance(doc["notes"], str) and doc["notes"].strip(), doc["doc_id"]
        for where, ev in all_events(doc):
            assert set(ev) == EVENT_KEYS, where
            assert ev["sub_event_type"] in types.get(ev["event_type"], set()), where
            assert isinstance(ev["actor1"], str) and ev["actor1"], where
            assert ev["actor2"] is None or (isinstance(ev["actor2"], str) and ev["actor2"]), where
            assert ev["geo_precision"] in (1, 2, 3), where
            assert isinstance(ev["fatalities"], int) and ev["fatalities"] >= 0, where
            if ev["event_date"] is None:
                assert ev["time_precision"] is None, where
            else:
                assert iso(ev["event_date"]) <= pub, where
                assert ev["time_precision"] in (1, 2, 3), where


def test_evidence_and_location_ar_are_verbatim(gold: list[dict], docs: list[GoldDoc]) -> None:
    texts = {d.doc_id: d.text for d in docs}
    n = 0
    for doc in gold:
        for where, ev in all_events(doc):
            assert ev["evidence"] and ev["evidence"] in texts[doc["doc_id"]], where
            if ev["location_ar"]:
                assert ev["location_ar"] in texts[doc["doc_id"]], where
            n += 1
    assert n > 30


def test_syria_iraq_admin_names_are_ocha(gold: list[dict]) -> None:
    valid = admin_triples()
    for doc in gold:
        for where, ev in all_events(doc):
            triple = (ev["admin1"], ev["admin2"], ev["admin3"])
            if ev["country"] in valid and triple != (None, None, None):
                assert triple in valid[ev["country"]], f"{where}: {triple}"


def test_selection_script_reproduces_the_doc_list(gold: list[dict]) -> None:
    out = subprocess.run([sys.executable, str(SELECT)], capture_output=True, text=True, check=True,
                         cwd=SELECT.parent).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        (d["doc_id"], d["corpus"], d["published"], d["source"]) for d in gold]
