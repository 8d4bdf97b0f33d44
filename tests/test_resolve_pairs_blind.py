"""Blind batches of labelled event pairs (eval/pairs_b5.jsonl, eval/pairs_b6.jsonl): each well formed,
consistent with its coding file and with the ANT articles, and disjoint from the main set and from every
other batch. One module parametrised over the batches; add a row to BATCHES for the next one. No scoring."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from functools import cache

import pytest
from conftest import ANT, REPO

EVAL = REPO / "eval"
MAIN = EVAL / "pairs.jsonl"
BATCHES = {"b5": "B5", "b6": "B6"}  # batch name → key prefix; files eval/pairs_<name>.jsonl, pairs_coding_<name>.tsv
KINDS_SAME = {"cross-outlet", "follow-up"}
HARD = {"hard-neg: same place, different day", "hard-neg: same day, different town", "hard-neg: same day, same town"}


@cache
def _lines(path):
    return tuple(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def _events(pairs) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for p in pairs:
        for key, side in zip(p["keys"], (p["a"], p["b"]), strict=True):
            assert out.setdefault(key, side) == side, f"{key} coded two ways"
    return out


@pytest.fixture(scope="module", params=sorted(BATCHES))
def batch(request):
    return request.param


@pytest.fixture(scope="module")
def pairs(batch):
    return _lines(EVAL / f"pairs_{batch}.jsonl")


@pytest.fixture(scope="module")
def events(pairs):
    return _events(pairs)


@pytest.fixture(scope="module")
def texts():
    wanted = {ev["doc_id"] for name in BATCHES for ev in _events(_lines(EVAL / f"pairs_{name}.jsonl")).values()}
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


def test_keys_are_prefixed_and_disjoint_from_the_other_sets(batch, events):
    assert all(k.startswith(BATCHES[batch]) for k in events)
    docs = {ev["doc_id"] for ev in events.values()}
    others = [MAIN] + [EVAL / f"pairs_{name}.jsonl" for name in BATCHES if name != batch]
    for path in others:
        other = _events(_lines(path))
        assert not set(events) & set(other), path.name
        assert not docs & {ev["doc_id"] for ev in other.values()}, path.name


def test_evidence_is_verbatim_in_the_article(events, texts):
    for key, ev in events.items():
        rec = texts[ev["doc_id"]]
        assert ev["evidence"] and ev["evidence"] in rec["text"], key
        assert ev["source"] == rec["source"] and ev["published"] == rec["published"][:10], key
        for span in ev["evidence_spans"]:
            assert rec["text"][span["start"]:span["end"]] == span["text"], key
        assert ev["event_date"] <= ev["published"], key  # no event after its report
        assert ev["fatalities"] >= 0 and ev["time_precision"] in (1, 2, 3)


def test_batch_is_the_build_of_its_coding_file(batch, tmp_path):
    out = tmp_path / f"{batch}.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts" / "label_pairs.py"), "build",
                    "--coding", str(EVAL / f"pairs_coding_{batch}.tsv"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == (EVAL / f"pairs_{batch}.jsonl").read_text(encoding="utf-8")
