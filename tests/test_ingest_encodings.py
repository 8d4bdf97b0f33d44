"""Encoding detection: real ANT articles re-encoded into each encoding decode back to the same text."""

from __future__ import annotations

import codecs
import itertools
import json

import pytest
from conftest import ANT, HTML_PAGES

from rasd.errors import InputError
from rasd.ingest import iter_sources
from rasd.ingest.decode import decode_bytes


def ant_texts(n: int, step: int) -> list[str]:
    with open(ANT, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in itertools.islice(fh, 0, None, step)][:n]


TEXTS = ant_texts(60, 97)


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_ingest_arabic_legacy_encodings_decode_exactly(encoding):
    for text in TEXTS:
        data = text.encode(encoding, errors="ignore")  # drops the few characters the code page lacks
        assert decode_bytes(data, "t") == data.decode(encoding)


@pytest.mark.parametrize("bom,encoding", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"", "utf-16-le"), (b"", "utf-16-be"), (b"", "utf-8"),
])
def test_ingest_unicode_encodings_with_and_without_bom(bom, encoding):
    for text in TEXTS[:20]:
        assert decode_bytes(bom + text.encode(encoding), "t") == text


def test_ingest_file_in_windows_1256_through_iter_sources(tmp_path):
    text = TEXTS[0].encode("cp1256", errors="ignore").decode("cp1256")
    f = tmp_path / "article.txt"
    f.write_bytes(text.encode("cp1256"))
    [s] = list(iter_sources([f]))
    assert s.content == text


def test_ingest_html_declared_charset_is_used(tmp_path):
    page = (HTML_PAGES / "omnivore" / "bbc-arabic" / "source.html").read_text(encoding="utf-8")
    page = page.replace("<head>", '<head><meta charset="windows-1256">', 1)
    data = page.encode("cp1256", errors="ignore")
    f = tmp_path / "page.html"
    f.write_bytes(data)
    [s] = list(iter_sources([f]))
    assert s.content == data.decode("cp1256")


def test_ingest_invalid_utf8_after_bom_is_undecodable():
    data = codecs.BOM_UTF8 + TEXTS[0].encode("utf-8")[:200] + b"\xc3\x28" + b"tail"
    with pytest.raises(InputError) as e:
        decode_bytes(data, "x.txt")
    assert e.value.code == "E103" and "x.txt" in str(e.value)
