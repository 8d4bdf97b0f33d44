"""Validate eval/dev3b.jsonl: loads as gold, ACLED fields, verbatim evidence, disjoint ids, the drawn doc list."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, EVAL, REPO
from test_eval_heldout import DOC_KEYS, EVENT_KEYS, acled_types, admin_triples, all_events, iso

from rasd.eval.gold import GoldDoc, load_gold

DEV3B = REPO / "eval" / "dev3b.jsonl"
DEV3B_DOCS = REPO / "eval" / "dev3b_docs.tsv"
DEV3A_DOCS = REPO / "eval" / "dev3a_docs.tsv"
SELECT = REPO / "eval" / "heldout2_select.py"
SEED = 20261128


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def tsv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load_jsonl(DEV3B)


@pytest.fixture(scope="module")
def docs() -> list[GoldDoc]:
    return load_gold(DEV3B, DATA)


def test_every_line_loads_with_the_gold_loader(gold: list[dict], docs: list[GoldDoc]) -> None:
    assert [d.doc_id for d in docs] == [g["doc_id"] for g in gold]
    assert len(docs) >= 20 and len({d.doc_id for d in docs}) == len(docs)
    assert all(d.text for d in docs)


def test_doc_ids_are_the_drawn_list_in_order(gold: list[dict]) -> None:
    rows = tsv_rows(DEV3B_DOCS)
    assert [(r[0], r[1], r[3], r[4]) for r in rows[: len(gold)]] == [
        (d["doc_id"], d["corpus"], d["published"], d["source"]) for d in gold]


def test_doc_ids_disjoint_from_other_gold_sets(gold: list[dict]) -> None:
    ids = {d["doc_id"] for d in gold}
    for path in (EVAL / "dev.jsonl", REPO / "eval" / "heldout.jsonl", REPO / "eval" / "heldout2.jsonl"):
        taken = {d["doc_id"] for d in load_jsonl(path)}
        assert taken and not ids & taken, path.name
    dev3a = {r[0] for r in tsv_rows(DEV3A_DOCS)}
    assert dev3a and not ids & dev3a


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


def test_selection_script_reproduces_the_doc_list(tmp_path: Path) -> None:
    dev3a = tmp_path / "dev3a_ids.jsonl"
    dev3a.write_text("".join(json.dumps({"doc_id": r[0]}) + "\n" for r in tsv_rows(DEV3A_DOCS)), encoding="utf-8")
    exclude = [EVAL / "dev.jsonl", REPO / "eval" / "heldout.jsonl", REPO / "eval" / "heldout2.jsonl", dev3a]
    out = subprocess.run([sys.executable, str(SELECT), "--seed", str(SEED), "--exclude", *map(str, exclude)],
                         capture_output=True, text=True, check=True, cwd=SELECT.parent).stdout
    assert [line.split("\t") for line in out.splitlines()] == tsv_rows(DEV3B_DOCS)
