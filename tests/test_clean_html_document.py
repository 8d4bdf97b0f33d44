"""HTML and text inputs become Documents: main text, title, metadata, coded errors."""

from __future__ import annotations

import json

import pytest
from conftest import HTML_PAGES

from rasd.clean.document import to_document
from rasd.clean.segments import article_segments, segment
from rasd.errors import InputError
from rasd.model import Source

YOUM7 = HTML_PAGES / "websegmentation" / "newHTMLfull1" / "2.html"
BBC = HTML_PAGES / "omnivore" / "bbc-arabic" / "source.html"
ASSABAH = HTML_PAGES / "trafilatura" / "assabah.com.tn.article.html"


def _html_doc(path):
    return to_document(Source(origin=str(path), kind="html", content=path.read_text(encoding="utf-8")))


def test_clean_html_youm7_title_and_metadata():
    doc = _html_doc(YOUM7)
    assert doc.title.startswith("تونس تحبط محاولة انقلاب على الشرعية")
    assert doc.published.startswith("2022-03-31")
    assert doc.source == "اليوم السابع"
    first = article_segments(doc)[0]
    assert first.kind == "title" and "اليوم السابع" not in first.text
    assert "قيس سعيد" in doc.text


def test_clean_html_bbc_no_byline_or_nav_junk():
    doc = _html_doc(BBC)
    kept = "\n".join(s.text for s in article_segments(doc))
    assert "آرون بوشنيل" in doc.title
    assert "Author," not in kept and "Role," not in kept
    assert "توجّه آرون بوشنل" in kept
    for junk in ("تخطى القصص", "الأكثر قراءة", "Skip"):
        assert junk not in kept


def test_clean_html_assabah_partial_gold():
    gold = next(v for v in json.loads((HTML_PAGES / "trafilatura" / "evaldata.json").read_text(encoding="utf-8"))
                .values() if v.get("file") == ASSABAH.name)
    doc = _html_doc(ASSABAH)
    for snippet in gold["with"]:
        assert snippet in doc.text
    for snippet in gold["without"]:
        assert snippet not in doc.text


def test_clean_html_segments_offsets_exact():
    doc = _html_doc(BBC)
    for seg in article_segments(doc):
        assert seg.text == doc.text[seg.start : seg.end]


@pytest.mark.parametrize("html", ["<html><body><nav>menu</nav></body></html>", "<html></html>"])
def test_clean_html_without_main_text_is_e107(html):
    with pytest.raises(InputError) as err:
        to_document(Source(origin="x.html", kind="html", content=html))
    assert err.value.code == "E107" and err.value.origin == "x.html"


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_clean_text_empty_is_e101(text):
    with pytest.raises(InputError) as err:
        to_document(Source(origin="a.txt", kind="text", content=text))
    assert err.value.code == "E101"


def test_clean_text_english_is_e104():
    with pytest.raises(InputError) as err:
        to_document(Source(origin="en.txt", kind="text", content="Three people were killed in Idlib today."))
    assert err.value.code == "E104"
    assert str(err.value) == "[E104] en.txt: not Arabic text: only 0% of the letters are Arabic script (needs 30%)"


def test_clean_text_kept_exactly_and_ids(seed_text):
    text = "\n  " + seed_text[:300] + "  \n"
    doc = to_document(Source(origin="in/000_x.txt", kind="text", content=text))
    assert doc.text == text and doc.id == "000_x"
    assert to_document(Source(origin="a.jsonl#3", kind="text", content=text)).id.startswith("doc-")
    assert to_document(Source(origin="a.txt", kind="text", content=text, id="given")).id == "given"
    meta = Source(origin="a.txt", kind="text", content=text, title="T", published="2019-03-23", source="S")
    doc = to_document(meta)
    assert (doc.title, doc.published, doc.source) == ("T", "2019-03-23", "S")


def test_clean_html_goose3_cnn_prefix():
    expected = json.loads((HTML_PAGES / "goose3" / "test_cnn_arabic.json").read_text(encoding="utf-8"))
    prefix = expected["expected"]["cleaned_text"]
    doc = _html_doc(HTML_PAGES / "goose3" / "test_cnn_arabic.html")
    body = article_segments(doc)
    assert any(s.text.startswith(prefix[:100]) for s in body)


def test_clean_html_trailing_teaser_list_dropped():
    # Al Arabiya: the article is followed by "- headline snippet…" links to three other stories
    doc = _html_doc(HTML_PAGES / "websegmentation" / "newHTMLFull" / "18.html")
    segs = segment(doc)
    teasers = [s for s in segs if s.kind == "teaser"]
    assert teasers and teasers[-1].text.startswith("- جريمة حوثية") and "- كييف: بوتين" in teasers[-1].text
    kept = "\n".join(s.text for s in segs if s.kind in ("title", "article"))
    assert "جريمة حوثية" not in kept and "باشاغا" in kept
    assert {s.story for s in segs if s.story is not None} == {0}


@pytest.mark.parametrize("page", ["newHTMLfull1/2.html", "newHTMLfull1/22.html", "newHTMLinjected00/20.html"])
def test_clean_html_single_story_pages_not_split(page):
    doc = _html_doc(HTML_PAGES / "websegmentation" / page)
    assert {s.story for s in article_segments(doc)} == {0}


def test_clean_html_lost_lead_recovered():
    # Youm7 puts the lead paragraph in a "socal_share" box that trafilatura drops as boilerplate
    doc = _html_doc(HTML_PAGES / "websegmentation" / "newHTMLfull1" / "15.html")
    body = [s for s in article_segments(doc) if s.kind == "article"]
    assert body[0].text.startswith("أعلنت رئاسة أمن الدولة السعودية")
