"""Shared fixtures: paths to the real corpora in ../shared, the seed page, the --slow flag."""

from __future__ import annotations

import functools
import itertools
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
EVAL = SHARED / "eval"
SEED = SHARED / "seed" / "000_8dbeb5ba9d9aad17.txt"
ANT = DATA / "ant_corpus_multisource" / "ant_mideast_conflict.jsonl"
SAUDI = DATA / "saudinewsnet" / "saudinewsnet_conflict.jsonl"
HTML_PAGES = DATA / "arabic_html_pages"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="run slow whole-corpus tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ant_path() -> Path:
    return ANT


@pytest.fixture(scope="module")
def coded():
    """The hand-coded real ANT reports of ``eval/pairs.jsonl`` as events (key → Event), each with a
    stand-in evidence span so the store can hold them."""
    from rasd.model import Span
    from rasd.resolve.pairs import coded_events

    out = coded_events(REPO / "eval" / "pairs.jsonl")
    for ev in out.values():
        ev.evidence_spans = [Span(0, 4, "sentence", "text")]
    return out


@functools.cache
def ant_record(doc_id: str) -> dict:
    """One ANT corpus record by id (the corpus is read once per test session)."""
    return _ant_index()[doc_id]


@functools.cache
def _ant_index() -> dict[str, dict]:
    with ANT.open(encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh)}


@functools.cache
def ant_head_ids(n: int) -> tuple[str, ...]:
    """The ids of the first ``n`` records of the ANT corpus, in file order."""
    with ANT.open(encoding="utf-8") as fh:
        return tuple(json.loads(line)["id"] for line in itertools.islice(fh, n))


def ant_head_events(n: int) -> list:
    """The events of the first ``n`` ANT articles (real segmenter and extractor)."""
    return [ev for doc_id in ant_head_ids(n) for ev in ant_events(doc_id)]


def ant_events(doc_id: str) -> list:
    """The events the real segmenter and extractor find in one ANT article."""
    from rasd.clean.segments import segment
    from rasd.extract import extract_events
    from rasd.model import Document

    d = ant_record(doc_id)
    doc = Document(id=d["id"], text=d["text"], source=d["source"], published=d["published"])
    return extract_events(doc, segment(doc))
