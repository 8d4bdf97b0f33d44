"""Gate: HTML main-text extraction must keep its mean F1 on the pages with known article text."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from conftest import HTML_PAGES, REPO

BASELINE = REPO / "tests" / "eval_baseline_html.json"


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_html", REPO / "scripts" / "eval_html.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ev():
    if not HTML_PAGES.exists():
        pytest.skip("../shared/data/arabic_html_pages not available")
    return _eval_module()


@pytest.fixture(scope="module")
def pages(ev):
    return ev.load_pages(HTML_PAGES)


def test_clean_html_eval_corpus_unchanged(ev, pages):
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert len(pages) == baseline["pages"]
    assert ev.page_list_hash(pages) == baseline["page_list_sha256"], "page list changed: re-run the baseline"


def test_clean_html_eval_f1_above_floor(ev, pages):
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    scores = ev.score_pages(pages)
    f1 = ev.mean(scores, "f1")
    worst = sorted(scores, key=lambda s: s.f1)[:3]
    assert f1 >= baseline["floor_f1"], f"mean F1 {f1:.3f} < floor {baseline['floor_f1']}; worst: {worst}"
    kept = ev.mean(scores, "kept_f1")
    assert kept >= baseline["floor_kept_f1"], f"kept-segments F1 {kept:.3f} < floor {baseline['floor_kept_f1']}"


def test_clean_html_eval_prf_counts_tokens(ev):
    assert ev.prf("أعلن الجيش", "أعلن الجيش") == (1.0, 1.0, 1.0)
    p, r, f = ev.prf("أعلن الجيش اليوم", "أعلن الجيش")
    assert (round(p, 3), r) == (0.667, 1.0)
    assert ev.prf("", "أعلن") == (0.0, 0.0, 0.0)
