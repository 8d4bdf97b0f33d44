"""Bad inputs made from the real corpora: each is printed as one line naming the file and the reason,
recorded in ``errors``, and the batch goes on with the good inputs around it."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import shutil
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ANT, HTML_PAGES, SEED
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.errors import InputError
from rasd.ingest import iter_sources
from rasd.ingest.batch import run_batch
from rasd.store import Store

PAGE = sorted((HTML_PAGES / "htmldate").glob("*.html"))[0]


def ant_lines(n: int, start: int = 0) -> list[str]:
    with open(ANT, encoding="utf-8") as fh:
        return list(itertools.islice(fh, start, start + n))


def cut_json_line(d: Path) -> Path:
    lines = ant_lines(3, 10)
    lines[1] = lines[1][: len(lines[1]) // 2] + "\n"
    f = d / "cut.jsonl"
    f.write_text("".join(lines), encoding="utf-8")
    return f


def nul_corrupted(d: Path) -> Path:
    data = bytearray(SEED.read_bytes())
    data[100:100] = b"\x00" * 64
    f = d / "corrupt.txt"
    f.write_bytes(bytes(data))
    return f


def nul_deep_inside(d: Path) -> Path:
    data = bytearray(SEED.read_bytes())
    data[5000:5000] = b"\x00\x00"
    f = d / "corrupt-late.txt"
    f.write_bytes(bytes(data))
    return f


def empty(d: Path) -> Path:
    f = d / "empty.txt"
    f.write_bytes(b"")
    return f


def whitespace_only(d: Path) -> Path:
    f = d / "blank.html"
    f.write_text("  \n\n \t\n", encoding="utf-8")
    return f


def truncated_html(d: Path) -> Path:
    f = d / "truncated.html"
    f.write_text(PAGE.read_text(encoding="utf-8")[:1500], encoding="utf-8")
    return f


def sparse_200mb(d: Path) -> Path:
    f = d / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    return f


def sparse_200mb_jsonl(d: Path) -> Path:
    f = d / "huge.jsonl"
    with open(f, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    return f


def pdf(d: Path) -> Path:
    f = d / "report.pdf"
    f.write_bytes(b"%PDF-1.4\n" + SEED.read_bytes())
    return f


def png_named_html(d: Path) -> Path:
    f = d / "image.html"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x10" * 300)
    return f


def missing(d: Path) -> Path:
    return d / "no-such-file.txt"


def bad_utf8_after_bom(d: Path) -> Path:
    f = d / "badbom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes()[:300] + b"\xc3\x28\xff\xfe" * 10)
    return f


def jsonl_without_text(d: Path) -> Path:
    rec = json.loads(ant_lines(1, 20)[0])
    del rec["text"]
    f = d / "notext.jsonl"
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return f


def broken_warc(d: Path) -> Path:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    body = PAGE.read_bytes()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/a", "response", payload=io.BytesIO(body),
                                                  length=len(body), http_headers=headers))
    f = d / "broken.warc.gz"
    f.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    return f


def garbage_warc(d: Path) -> Path:
    f = d / "garbage.warc"
    f.write_bytes(b"this is not a web archive\r\n" * 20)
    return f


def corrupt_gzip(d: Path) -> Path:
    f = d / "page.html.gz"
    f.write_bytes(gzip.compress(PAGE.read_bytes())[:400])
    return f


def english_text(d: Path) -> Path:
    f = d / "english.txt"
    f.write_text("Protesters gathered in the capital on Friday. Police dispersed them. " * 5, encoding="utf-8")
    return f


CASES: list[tuple[Callable[[Path], Path], str, str]] = [
    (cut_json_line, "E106", "#L2"),
    (nul_corrupted, "E102", "NUL"),
    (nul_deep_inside, "E102", "offset 5,000"),
    (empty, "E101", "empty"),
    (whitespace_only, "E101", "whitespace"),
    (truncated_html, "E107", "no main text"),
    (sparse_200mb, "E105", "limit"),
    (sparse_200mb_jsonl, "E102", "NUL"),
    (pdf, "E108", ".pdf"),
    (png_named_html, "E102", "PNG"),
    (missing, "E100", "no such file"),
    (bad_utf8_after_bom, "E103", "utf-8"),
    (jsonl_without_text, "E106", "no 'text'"),
    (broken_warc, "E109", "malformed WARC"),
    (garbage_warc, "E109", "malformed WARC"),
    (corrupt_gzip, "E100", "gzip"),
    (english_text, "E104", "Arabic"),
]


@pytest.mark.parametrize("make,code,reason", CASES, ids=[c[0].__name__ for c in CASES])
def test_ingest_bad_input_named_recorded_and_batch_goes_on(tmp_path, capsys, make, code, reason):
    before = tmp_path / "a_before.txt"
    shutil.copy(SEED, before)
    bad = make(tmp_path)
    after = tmp_path / "z_after.jsonl"
    after.write_text(ant_lines(1, 40)[0], encoding="utf-8")
    good_in_bad = 2 if make is cut_json_line else 0  # lines 1 and 3 of the cut file are fine

    with Store(tmp_path / "rasd.db") as store:
        result = run_batch([before, bad, after], store, extract=False)
        rows = store.errors()
        docs = store.stats()["documents"]

    err_lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("[E")]
    assert len(err_lines) == 1, err_lines
    assert err_lines[0].startswith(f"[{code}] {bad}") and reason.lower() in err_lines[0].lower()
    assert [(r["code"], r["origin"].startswith(str(bad))) for r in rows] == [(code, True)]
    assert result.failed == 1 and [e.code for e in result.errors] == [code]
    assert result.added == docs == 2 + good_in_bad


def test_ingest_200mb_file_rejected_without_reading_it(tmp_path):
    f = sparse_200mb(tmp_path)
    tracemalloc.start()
    t = time.perf_counter()
    [err] = list(iter_sources([f]))
    seconds = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(err, InputError) and err.code == "E105"
    assert peak < 5 * 1024 * 1024 and seconds < 2


def test_ingest_oversized_jsonl_line_skipped_others_read(tmp_path):
    a, b, c = sorted(ant_lines(3, 50), key=lambda x: len(x.encode("utf-8")))
    f = tmp_path / "docs.jsonl"
    f.write_text(a + c + b, encoding="utf-8")  # the longest line in the middle
    limit = len(c.rstrip("\n").encode("utf-8")) - 1
    assert len(b.encode("utf-8")) < limit
    items = list(iter_sources([f], max_bytes=limit))
    assert [getattr(x, "code", "ok") for x in items] == ["ok", "E105", "ok"]
    assert items[1].origin == f"{f}#L2"
    assert [x.content for x in (items[0], items[2])] == [json.loads(a)["text"], json.loads(b)["text"]]


def test_ingest_interrupt_keyboard_keeps_committed(tmp_path):
    """A Ctrl-C (KeyboardInterrupt) from inside the pipeline stops the batch; what was committed stays."""
    f = tmp_path / "docs.jsonl"
    f.write_text("".join(ant_lines(20)), encoding="utf-8")
    from rasd.pipeline import process

    calls = itertools.count()

    def interrupting(source, *, extract):
        if next(calls) == 7:
            raise KeyboardInterrupt
        return process(source, extract=extract)

    with Store(tmp_path / "rasd.db") as store:
        r = run_batch([f], store, extract=False, process_fn=interrupting)
        assert r.interrupted and r.added == 7 and store.stats()["documents"] == 7
        r2 = run_batch([f], store, extract=False)
        assert (r2.added, r2.skipped) == (13, 7) and store.stats()["documents"] == 20


def test_ingest_unexpected_exception_is_e200_and_batch_goes_on(tmp_path, capsys):
    f = tmp_path / "docs.jsonl"
    f.write_text("".join(ant_lines(5)), encoding="utf-8")
    from rasd.pipeline import process

    def failing_third(source, *, extract):
        if source.origin.endswith("#L3"):
            raise ValueError("boom in a stage")
        return process(source, extract=extract)

    with Store(tmp_path / "rasd.db") as store:
        r = run_batch([f], store, extract=False, process_fn=failing_third)
        assert (r.added, r.failed) == (4, 1)
        assert store.errors()[0]["code"] == "E200" and "boom" in store.errors()[0]["reason"]
    assert f"[E200] {f}#L3: processing failed: ValueError: boom in a stage" in capsys.readouterr().err
