"""Blind batch 5 of labelled event pairs (eval/pairs_b5.jsonl): well formed, consistent with its coding
file and with the ANT articles, and disjoint from the main set. No scoring here."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest
from conftest import ANT, REPO

BATCH = REPO / "eval" / "pairs_b5.jsonl"
CODING = REPO / "eval" / "pairs_coding_b5.tsv"
MAIN = REPO / "eval" / "pairs.jsonl"
KINDS_SAME = {"cross-outlet", "follow-up"}
HARD = {"hard-neg: same place, different day", "hard-neg: same day, different town", "hard-neg: same day, same town"}


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pairs():
    return _lines(BATCH)


@pytest.fixture(scope="module")
def events(pairs):
    out: dict[str, dict] = {}
    for p in pairs:
        for key, side in zip(p["keys"], (p["a"], p["b"]), strict=True):
            assert out.setdefault(key, side) == side, f"{key} coded two ways"
    return out


@pytest.fixture(scope="module")
def texts(events):
    wanted = {ev["doc_id"] for ev in events.values()}
    found = {}
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                found[rec["id"]] = rec
    return found


def test_size_labels_and_mix(pairs):
    assert len(pairs) >= 60
    labels = Counter(p["label"] for p in pairs)
    assert set(labels) == {"same", "diff"}
    assert 0.45 <= labels["same"] / len(pairs) <= 0.65
    assert sum(p["kind"] in HARD for p in pairs) >= 20
    assert {p["kind"] for p in pairs if p["label"] == "diff"} & HARD == HARD  # all three hard kinds


def test_kind_agrees_with_label_and_outlets(pairs):
    for p in pairs:
        if p["label"] == "same":
            want = "follow-up" if p["a"]["source"] == p["b"]["source"] else "cross-outlet"
            assert p["kind"] == want, p["keys"]
        else:
            assert p["kind"] not in KINDS_SAME and (p["kind"] in HARD or p["kind"].startswith("neg")), p["keys"]
        assert p["reason"].startswith(("same:", "different:")) and p["keys"][0] != p["keys"][1]


def test_hard_negative_kinds_match_the_coding(pairs):
    for p in pairs:
        a, b = p["a"], p["b"]
        if p["kind"] == "hard-neg: same place, different day":
            assert a["event_date"] != b["event_date"] and a["admin1"] == b["admin1"], p["keys"]
        elif p["kind"] in ("hard-neg: same day, different town", "hard-neg: same day, same town"):
            assert a["event_date"] == b["event_date"], p["keys"]
            same_town = (a["admin3"], a["location"]) == (b["admin3"], b["location"])
            assert same_town == (p["kind"] == "hard-neg: same day, same town"), p["keys"]


def test_keys_are_b5_and_disjoint_from_the_main_set(events):
    main = _lines(MAIN)
    main_keys = {k for p in main for k in p["keys"]}
    main_docs = {side["doc_id"] for p in main for side in (p["a"], p["b"])}
    assert all(k.startswith("B5") for k in events)
    assert not set(events) & main_keys
    assert not {ev["doc_id"] for ev in events.values()} & main_docs


def test_evidence_is_verbatim_in_the_article(events, texts):
    for key, ev in events.items():
        rec = texts[ev["doc_id"]]
        assert ev["evidence"] and ev["evidence"] in rec["text"], key
        assert ev["source"] == rec["source"] and ev["published"] == rec["published"][:10], key
        for span in ev["evidence_spans"]:
            assert rec["text"][span["start"]:span["end"]] == span["text"], key
        assert ev["event_date"] <= ev["published"], key  # no event after its report
        assert ev["fatalities"] >= 0 and ev["time_precision"] in (1, 2, 3)


def test_batch_is_the_build_of_its_coding_file(tmp_path):
    out = tmp_path / "b5.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "label_pairs.py"), "build",
                    "--coding", str(CODING), "--out", str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == BATCH.read_text(encoding="utf-8")
