"""The file types rasd names (``rasd ingest --help``, the E108 message, docs/cli.md) are exactly the ones
``rasd.ingest.formats.SUFFIXES`` accepts: .xhtml, .text and .arc included, nothing extra."""

from __future__ import annotations

import json
import re
import shutil

from click.testing import CliRunner
from conftest import ANT, HTML_PAGES, REPO

from rasd.cli import main
from rasd.errors import InputError
from rasd.ingest import iter_sources
from rasd.ingest.batch import run_batch
from rasd.ingest.formats import SUFFIXES, SUPPORTED
from rasd.store import Store

SUFFIX = re.compile(r"(?<![\w.])\.[a-z]+")


def _named(text: str) -> set[str]:
    """Every file suffix named in ``text`` (``.gz`` is the compression every type may carry)."""
    return set(SUFFIX.findall(text)) - {".gz"}


def test_ingest_help_lists_exactly_the_accepted_suffixes():
    out = CliRunner().invoke(main, ["ingest", "--help"], catch_exceptions=False).output
    reads = out.split("Reads", 1)[1].split("Folders", 1)[0]
    assert _named(reads) == set(SUFFIXES)
    assert {".xhtml", ".arc", ".text"} <= _named(reads)
    assert "{supported}" not in out


def test_ingest_e108_message_lists_exactly_the_accepted_suffixes(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    [err] = list(iter_sources([pdf]))
    assert isinstance(err, InputError) and err.code == "E108"
    assert _named(err.reason.split("rasd reads", 1)[1]) == set(SUFFIXES) == _named(SUPPORTED)


def test_ingest_docs_input_table_lists_exactly_the_accepted_suffixes():
    cli_md = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    table = cli_md.split("| input | how it is read |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `.")]
    assert {s for row in rows for s in re.findall(r"`(\.[a-z]+)", row)} - {".gz"} == set(SUFFIXES)


def test_ingest_xhtml_and_text_files_are_read(tmp_path):
    """A real Arabic page saved as .xhtml and a real ANT article saved as .text are stored."""
    page = next(p for p in sorted((HTML_PAGES / "htmldate").glob("*.html")))
    shutil.copy(page, tmp_path / "page.xhtml")
    with ANT.open(encoding="utf-8") as fh:
        rec = json.loads(fh.readline())
    (tmp_path / "article.text").write_text(rec["title"] + "\n\n" + rec["text"], encoding="utf-8")
    with Store(tmp_path / "rasd.db") as store:
        result = run_batch([tmp_path / "page.xhtml", tmp_path / "article.text"], store, extract=False)
        ids = sorted(d.id for d in store.iter_documents())
    assert (result.added, result.failed) == (2, 0), result.errors
    assert ids == ["article", "page"]
