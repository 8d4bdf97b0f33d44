"""iter_sources on real inputs: JSON Lines, HTML, text, gzip, WARC, stdin, folders."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import shutil
from pathlib import Path

import pytest
from conftest import ANT, HTML_PAGES, SAUDI, SEED
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.errors import InputError
from rasd.ingest import iter_sources
from rasd.model import Source

BBC = HTML_PAGES / "omnivore" / "bbc-arabic" / "source.html"
HTMLDATE = sorted((HTML_PAGES / "htmldate").glob("*.html"))


def ant_lines(n: int, start: int = 0) -> list[str]:
    with open(ANT, encoding="utf-8") as fh:
        return list(itertools.islice(fh, start, start + n))


def sources(paths, **kw) -> list[Source | InputError]:
    return list(iter_sources(paths, **kw))


def test_ingest_jsonl_every_line_with_metadata():
    items = sources([ANT])
    assert len(items) == 8877
    assert all(isinstance(s, Source) for s in items)
    first = json.loads(ant_lines(1)[0])
    s = items[0]
    assert (s.id, s.title, s.url, s.source, s.published) == (
        first["id"], first["title"], first["url"], first["source"], first["published"])
    assert s.content == first["text"] and s.kind == "text"
    assert s.origin == f"{ANT}#L1" and items[-1].origin == f"{ANT}#L8877"


def test_ingest_jsonl_saudi_content_field_and_date():
    gen = iter_sources([SAUDI])
    s = next(gen)
    gen.close()
    with open(SAUDI, encoding="utf-8") as fh:
        rec = json.loads(fh.readline())
    assert s.content == rec["content"] and s.published == rec["date_extracted"]


def test_ingest_jsonl_html_field(tmp_path):
    page = BBC.read_text(encoding="utf-8")
    f = tmp_path / "pages.jsonl"
    f.write_text(json.dumps({"id": "bbc1", "html": page, "url": "https://www.bbc.com/arabic"}) + "\n\n", encoding="utf-8")
    [s] = sources([f])
    assert (s.kind, s.id, s.content, s.origin) == ("html", "bbc1", page, f"{f}#L1")


def test_ingest_folder_recursive_sorted_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    shutil.copy(SEED, tmp_path / "b" / "z.txt")
    shutil.copy(BBC, tmp_path / "a.html")
    shutil.copy(SEED, tmp_path / ".hidden.txt")
    shutil.copy(SEED, tmp_path / ".git" / "x.txt")
    items = sources([tmp_path])
    assert [Path(s.origin).relative_to(tmp_path).as_posix() for s in items] == ["a.html", "b/z.txt"]
    assert [s.kind for s in items] == ["html", "text"]
    assert items[1].content == SEED.read_text(encoding="utf-8")


def test_ingest_real_html_pages_folder():
    items = sources([HTML_PAGES / "htmldate"])
    html = [s for s in items if isinstance(s, Source)]
    assert len(html) == len(HTMLDATE) and all(s.kind == "html" for s in html)
    assert any("\u0627" in s.content for s in html)  # Arabic alef: decoded as text
    # the folder's gold-date JSON is read (.json holds documents) but has no text field: E106
    assert [e.code for e in items if isinstance(e, InputError)] == ["E106"]


def test_ingest_gzipped_html():
    gz = sorted((HTML_PAGES / "article-extraction-benchmark" / "html").glob("*.html.gz"))[0]
    [s] = sources([gz])
    assert s.kind == "html" and s.content == gzip.decompress(gz.read_bytes()).decode("utf-8")


def test_ingest_stdin_text_and_jsonl():
    seed = SEED.read_bytes()
    [s] = sources(["-"], stdin=io.BufferedReader(io.BytesIO(seed)))
    assert (s.origin, s.kind, s.content) == ("<stdin>", "text", seed.decode("utf-8"))
    lines = "".join(ant_lines(3)).encode("utf-8")
    items = sources(["-"], stdin=io.BufferedReader(io.BytesIO(lines)))
    assert [s.origin for s in items] == ["<stdin>#L1", "<stdin>#L2", "<stdin>#L3"]


def write_warc(path: Path, pages: list[Path], *, gz: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for i, page in enumerate(pages):
            body = page.read_bytes()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(body),
                                            length=len(body), http_headers=headers)
            writer.write_record(rec)
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/x.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG...."), length=8, http_headers=img))


@pytest.mark.parametrize("name,gz", [("pages.warc", False), ("pages.warc.gz", True)])
def test_ingest_warc_html_records(tmp_path, name, gz):
    f = tmp_path / name
    write_warc(f, HTMLDATE[:3], gz=gz)
    items = sources([f])
    assert len(items) == 3 and all(isinstance(s, Source) and s.kind == "html" for s in items)
    assert [s.url for s in items] == [f"https://example.org/{i}" for i in range(3)]
    assert [s.content for s in items] == [p.read_text(encoding="utf-8") for p in HTMLDATE[:3]]
    assert all(s.origin.startswith(f"{f}#urn:uuid:") for s in items)
    assert len({s.origin for s in items}) == 3


def test_ingest_file_without_suffix_is_sniffed(tmp_path):
    f = tmp_path / "article"
    shutil.copy(BBC, f)
    [s] = sources([f])
    assert s.kind == "html"


def test_ingest_saved_page_named_txt_is_html(tmp_path):
    f = tmp_path / "page.txt"
    shutil.copy(BBC, f)
    [s] = sources([f])
    assert s.kind == "html"
    [t] = sources([SEED])
    assert t.kind == "text"


def test_ingest_gzipped_jsonl_and_text(tmp_path):
    lines = "".join(ant_lines(5))
    jz = tmp_path / "docs.jsonl.gz"
    jz.write_bytes(gzip.compress(lines.encode("utf-8")))
    tz = tmp_path / "seed.txt.gz"
    tz.write_bytes(gzip.compress(SEED.read_bytes()))
    items = sources([jz, tz])
    assert [s.origin for s in items] == [f"{jz}#L{i}" for i in range(1, 6)] + [str(tz)]
    assert items[-1].content == SEED.read_text(encoding="utf-8")


def test_ingest_stdin_sniffs_inside_gzip_and_warc(tmp_path):
    page = BBC.read_bytes()
    [s] = sources(["-"], stdin=io.BufferedReader(io.BytesIO(gzip.compress(page))))
    assert (s.kind, s.content) == ("html", page.decode("utf-8"))
    warc = tmp_path / "x.warc.gz"
    write_warc(warc, HTMLDATE[:2], gz=True)
    items = sources(["-"], stdin=io.BufferedReader(io.BytesIO(warc.read_bytes())))
    assert [s.url for s in items] == ["https://example.org/0", "https://example.org/1"]
    assert all(s.origin.startswith("<stdin>#urn:uuid:") for s in items)
