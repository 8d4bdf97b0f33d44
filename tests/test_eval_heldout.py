"""Validate eval/heldout.jsonl: gold format, ACLED types, verbatim evidence, OCHA admin names, ISO dates."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import DATA, EVAL, REPO

from rasd.eval.gold import load_gold

HELDOUT = REPO / "eval" / "heldout.jsonl"
DOC_KEYS = {"doc_id", "corpus", "published", "source", "events", "optional_events", "notes"}
EVENT_KEYS = {"event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "admin2", "admin3", "location",
              "location_ar", "geo_precision", "event_date", "time_precision", "fatalities", "evidence"}


def acled_types() -> dict[str, set[str]]:
    types: dict[str, set[str]] = {}
    for line in (EVAL / "ACLED_TYPES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("event_type", "") and not cells[0].startswith("---"):
            types.setdefault(cells[0], set()).add(cells[1])
    return types


def admin_triples() -> dict[str, set[tuple[str, str | None, str | None]]]:
    """Valid (admin1, admin2, admin3) prefixes per country, from the OCHA gazetteers."""
    out: dict[str, set[tuple[str, str | None, str | None]]] = {"Syria": set(), "Iraq": set()}
    with (DATA / "syria_ocha_codab" / "syr_admin_gazetteer.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["level"] in ("1", "2", "3"):
                a2 = row["adm2_en"] or None
                a3 = row["adm3_en"] or None
                out["Syria"].update({(row["adm1_en"], None, None), (row["adm1_en"], a2, None), (row["adm1_en"], a2, a3)})
    with (DATA / "iraq_ocha_codab" / "irq_admin_gazetteer.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a1, a2 = row["adm1_en"], row["adm2_en"] or None
            a3 = row["name_en"] if row["level"] == "3" else None
            out["Iraq"].update({(a1, None, None), (a1, a2, None), (a1, a2, a3)})
    return out


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load_jsonl(HELDOUT)


@pytest.fixture(scope="module")
def texts() -> dict[tuple[str, str], str]:
    """Each gold document's text, resolved from its corpus (``load_gold`` raises on a missing one)."""
    return {(d.corpus, d.doc_id): d.text for d in load_gold(HELDOUT, DATA)}


def all_events(doc: dict):
    for kind in ("events", "optional_events"):
        for i, ev in enumerate(doc[kind]):
            yield f"{doc['doc_id']} {kind}[{i}]", ev


def iso(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def test_heldout_has_40_unique_docs_outside_dev_and_seed(gold: list[dict]) -> None:
    ids = [d["doc_id"] for d in gold]
    assert len(ids) == 40 and len(set(ids)) == 40
    assert sum(d["corpus"] == "ant_corpus_multisource" for d in gold) == 30
    assert sum(d["corpus"] == "saudinewsnet" for d in gold) == 10
    taken = {d["doc_id"] for d in load_jsonl(EVAL / "dev.jsonl")} | {d["doc_id"] for d in load_jsonl(EVAL / "seed.gold.jsonl")}
    assert not set(ids) & taken


def test_docs_exist_and_have_gold_fields(gold: list[dict], texts: dict[tuple[str, str], str]) -> None:
    for doc in gold:
        assert set(doc) == DOC_KEYS, doc["doc_id"]
        assert (doc["corpus"], doc["doc_id"]) in texts, doc["doc_id"]
        iso(doc["published"])
        assert isinstance(doc["notes"], str) and doc["notes"].strip()


def test_event_fields_types_and_values(gold: list[dict]) -> None:
    types = acled_types()
    assert len(types) == 6 and sum(len(s) for s in types.values()) == 25
    for where, ev in (x for doc in gold for x in all_events(doc)):
        assert set(ev) == EVENT_KEYS, where
        assert ev["sub_event_type"] in types.get(ev["event_type"], set()), where
        assert isinstance(ev["actor1"], str) and ev["actor1"], where
        assert ev["actor2"] is None or isinstance(ev["actor2"], str), where
        assert ev["geo_precision"] in (1, 2, 3), where
        assert isinstance(ev["fatalities"], int) and ev["fatalities"] >= 0, where
        assert isinstance(ev["country"], str) and ev["country"], where
        if ev["event_date"] is None:
            assert ev["time_precision"] is None, where
        else:
            iso(ev["event_date"])
            assert ev["time_precision"] in (1, 2, 3), where


def test_event_dates_not_after_publication(gold: list[dict]) -> None:
    for doc in gold:
        pub = iso(doc["published"])
        for where, ev in all_events(doc):
            if ev["event_date"]:
                assert iso(ev["event_date"]) <= pub, where


def test_evidence_is_verbatim_substring(gold: list[dict], texts: dict[tuple[str, str], str]) -> None:
    for doc in gold:
        text = texts[(doc["corpus"], doc["doc_id"])]
        for where, ev in all_events(doc):
            assert ev["evidence"] and ev["evidence"] in text, where
            if ev["location_ar"]:
                assert ev["location_ar"] in text, where


def test_admin_names_exist_in_ocha_gazetteers(gold: list[dict]) -> None:
    valid = admin_triples()
    for where, ev in (x for doc in gold for x in all_events(doc)):
        if ev["country"] not in valid:
            continue
        triple = (ev["admin1"], ev["admin2"], ev["admin3"])
        if triple == (None, None, None):
            continue
        assert triple in valid[ev["country"]], f"{where}: {triple}"


def test_validators_reject_bad_entries() -> None:
    valid = admin_triples()
    assert ("Idleb", "Harim", "Dana") in valid["Syria"]
    assert ("Idlib", "Harim", "Dana") not in valid["Syria"]
    assert ("Al-Basrah", "Al-Basrah", "Markaz Al-Basrah") in valid["Iraq"]
    assert ("Al-Basrah", "Al-Zubair", "Markaz Al-Basrah") not in valid["Iraq"]
    assert "Air strike" not in acled_types()["Explosions/Remote violence"]
    with pytest.raises(AssertionError):
        iso("12/08/2018")
