"""Segmentation on real corpus articles: exact offsets, glued stories split, single stories kept whole."""

from __future__ import annotations

import json

import pytest
from conftest import ANT

from rasd.clean.document import to_document
from rasd.clean.segments import article_segments, segment
from rasd.model import Source


def _ant(ids: set[str] | None = None, n: int = 0) -> list[dict]:
    out = []
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if (ids and rec["id"] in ids) or (not ids and len(out) < n):
                out.append(rec)
            if (ids and len(out) == len(ids)) or (not ids and len(out) == n):
                break
    return out


def _doc(rec):
    return to_document(Source(origin=f"ant#{rec['id']}", kind="text", content=rec["text"], id=rec["id"]))


@pytest.mark.skipif(not ANT.exists(), reason="ANT corpus not available")
def test_clean_segments_offsets_exact_on_ant():
    for rec in _ant(n=200):
        doc = _doc(rec)
        segs = segment(doc)
        assert segs
        for s in segs:
            assert s.text == doc.text[s.start : s.end]
            assert (s.story is None) == (s.kind not in ("article", "title"))


@pytest.mark.skipif(not ANT.exists(), reason="ANT corpus not available")
def test_clean_segments_cnn_glued_stories_split():
    # a CNN Arabic record: an Iraq story of 4 paragraphs, then one-paragraph briefs (Egypt, Saudi
    # Arabia, Qatar, Palestine), each opening with a verb and a weekday, no connective
    (rec,) = _ant({"CN-middleEast-1236-20180816"})
    arts = [s for s in article_segments(_doc(rec)) if s.kind == "article"]
    story_of = {s.text[:9]: s.story for s in arts}
    assert arts[0].story == 0 and arts[0].text.startswith("دبي، الإمارات")
    assert story_of["أعلنت مصر"] not in (None, 0)
    assert story_of["اتهم رئيس"] not in (None, 0, story_of["أعلنت مصر"])


@pytest.mark.skipif(not ANT.exists(), reason="ANT corpus not available")
def test_clean_segments_subheadings_do_not_split_story():
    # France 24: sub-headings followed by paragraphs that continue with "و…"
    (rec,) = _ant({"FR-internationalNews-428-20180314"})
    segs = article_segments(_doc(rec))
    assert {s.story for s in segs} == {0}
    assert any(s.kind == "title" for s in segs)
