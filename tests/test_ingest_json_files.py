"""``.json`` inputs: an array of documents, one document, JSON Lines named ``.json``, sniffed arrays."""

from __future__ import annotations

import itertools
import json

import pytest
from conftest import HTML_PAGES, SAUDI

from rasd.errors import InputError
from rasd.ingest import iter_sources
from rasd.model import Source


def saudi_records(n: int) -> list[dict]:
    with open(SAUDI, encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, n)]


@pytest.mark.issue(2)
def test_ingest_json_array_one_source_per_element(tmp_path):
    recs = saudi_records(4)
    f = tmp_path / "articles.json"
    f.write_text(json.dumps(recs, ensure_ascii=False, indent=2), encoding="utf-8")
    items = list(iter_sources([f]))
    assert all(isinstance(s, Source) for s in items)
    assert [s.id for s in items] == [r["id"] for r in recs]
    assert [s.content for s in items] == [r["content"] for r in recs]
    assert items[0].published == recs[0]["date_extracted"] and items[0].source == recs[0]["source"]
    assert [s.origin for s in items] == [f"{f}#[{i}]" for i in range(4)]


@pytest.mark.issue(2)
def test_ingest_json_single_object_and_sniffed_array(tmp_path):
    recs = saudi_records(2)
    one = tmp_path / "one.json"
    one.write_text(json.dumps(recs[0], ensure_ascii=False, indent=1), encoding="utf-8")
    bare = tmp_path / "export_without_suffix"
    bare.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    pretty = tmp_path / "pretty_without_suffix"
    pretty.write_text(json.dumps(recs[1], ensure_ascii=False, indent=2), encoding="utf-8")
    items = list(iter_sources([one, bare, pretty]))
    assert [s.id for s in items] == [recs[0]["id"], recs[0]["id"], recs[1]["id"], recs[1]["id"]]
    assert all(s.kind == "text" and not s.content.startswith(("[", "{")) for s in items)


@pytest.mark.issue(2)
def test_ingest_json_lines_named_json(tmp_path):
    f = tmp_path / "saudi.json"
    with open(SAUDI, encoding="utf-8") as fh:
        f.write_text("".join(itertools.islice(fh, 5)), encoding="utf-8")
    items = list(iter_sources([f]))
    assert [s.id for s in items] == [r["id"] for r in saudi_records(5)]
    assert items[0].origin == f"{f}#L1"


@pytest.mark.issue(2)
def test_ingest_json_errors_name_the_problem(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "قتل', encoding="utf-8")
    meta = HTML_PAGES / "omnivore" / "bbc-arabic" / "expected-metadata.json"
    errs = list(iter_sources([empty, broken, meta]))
    assert all(isinstance(e, InputError) for e in errs)
    assert [e.code for e in errs] == ["E101", "E106", "E106"]
    assert "fields: " in errs[2].detail and "title" in errs[2].detail


@pytest.mark.issue(2)
def test_ingest_json_real_article_file():
    """newspaper4k's arabic_article.json holds the article's text: one document."""
    [s] = list(iter_sources([HTML_PAGES / "newspaper4k" / "arabic_article.json"]))
    assert isinstance(s, Source) and "دمشق" in s.content


@pytest.mark.issue(2)
def test_ingest_text_opening_with_bracket_is_not_json(tmp_path):
    text = "[فيديو] " + saudi_records(1)[0]["content"]
    f = tmp_path / "clip"
    f.write_text(text, encoding="utf-8")
    [s] = list(iter_sources([f]))
    assert isinstance(s, Source) and s.kind == "text" and s.content == text
