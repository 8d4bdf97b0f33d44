"""Gate: story splitting keeps its glue recall and false-split rate on real ANT articles."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from conftest import ANT, REPO

BASELINE = REPO / "tests" / "eval_baseline_split.json"


@pytest.fixture(scope="module")
def result():
    if not ANT.exists():
        pytest.skip("ANT corpus not available")
    spec = importlib.util.spec_from_file_location("eval_split", REPO / "scripts" / "eval_split.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    return base, module.evaluate(base["n"], base["seed"])


def test_clean_split_eval_same_sample(result):
    base, got = result
    assert got["sample_sha256"] == base["measured"]["sample_sha256"], "sample changed: re-run the baseline"


def test_clean_split_eval_above_floors(result):
    base, got = result
    floors = base["floors"]
    assert got["false_split_rate"] <= floors["max_false_split_rate"], got
    for key in ("glue_recall_similar", "glue_recall_random", "glue_recall_headline"):
        assert got[key] >= floors[key], (key, got)
