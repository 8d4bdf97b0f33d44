"""The clean stage on the seed page: boilerplate and teaser dropped, glued stories split, offsets exact."""

from __future__ import annotations

import pytest
from conftest import SEED

from rasd.clean.document import to_document
from rasd.clean.normalize import norm
from rasd.clean.segments import article_segments, segment
from rasd.model import Source


@pytest.fixture(scope="module")
def seed_doc(seed_text):
    return to_document(Source(origin=str(SEED), kind="text", content=seed_text))


@pytest.fixture(scope="module")
def seed_segments(seed_doc):
    return segment(seed_doc)


def test_clean_seed_text_kept_exactly(seed_doc, seed_text):
    assert seed_doc.text == seed_text
    assert seed_doc.id == "000_8dbeb5ba9d9aad17"


def test_clean_seed_offsets_exact(seed_doc, seed_segments):
    assert seed_segments
    for seg in seed_segments:
        assert seg.text == seed_doc.text[seg.start : seg.end]
    starts = [s.start for s in seed_segments]
    assert starts == sorted(starts)
    for a, b in zip(seed_segments, seed_segments[1:], strict=False):
        assert a.end <= b.start


def test_clean_seed_every_line_covered(seed_doc, seed_segments):
    covered = set()
    for seg in seed_segments:
        covered.update(range(seg.start, seg.end))
    for i, ch in enumerate(seed_doc.text):
        assert ch.isspace() or i in covered, f"character {i} {ch!r} not in any segment"


def test_clean_seed_share_lines_dropped(seed_doc):
    kept = "\n".join(s.text for s in article_segments(seed_doc))
    assert "شارك المقال" not in kept
    assert "Send this to a friend" not in kept


def test_clean_seed_teaser_dropped_article_text_once(seed_doc, seed_segments):
    teasers = [s for s in seed_segments if s.kind == "teaser"]
    assert len(teasers) == 1
    assert teasers[0].text.startswith("هيومن فويس")
    kept = " ".join(norm(s.text) for s in article_segments(seed_doc))
    assert kept.count(norm("وطالت الهجمات مواقع وحواجز للميليشيات")) == 1


def test_clean_seed_glued_stories_split(seed_doc):
    arts = [s for s in article_segments(seed_doc) if s.kind == "article"]
    openings = [s.text[:30] for s in arts]
    assert len(arts) == 3, openings
    assert arts[0].text.startswith("شنَّ عناصر من خلايا")
    assert arts[0].text.rstrip().endswith("في مناطق عديدة.")
    assert arts[1].text.startswith("بعد الإعلان الأمريكي عن هزيمة")
    assert arts[2].text.startswith("أعلنت قوات سوريا الديمقراطية")
    assert len({s.story for s in arts}) == 3


def test_clean_seed_site_label_not_kept(seed_doc):
    assert all(not s.text.startswith("هيومن فويس") for s in article_segments(seed_doc))


def test_clean_seed_headline_under_share_bar_joins_first_story(seed_doc):
    titles = [s for s in article_segments(seed_doc) if s.kind == "title"]
    assert [t.text[:9] for t in titles] == ["دير الزور"]
    assert titles[0].story == 0
