"""Batch progress: plain lines when standard error is not a terminal, notes for every failure."""

from __future__ import annotations

import io
import itertools

from conftest import ANT, SEED

from rasd.ingest.batch import run_batch
from rasd.ingest.progress import Plain, Quiet, count_inputs, make_display
from rasd.store import Store


def test_ingest_progress_plain_lines_and_notes(tmp_path):
    f = tmp_path / "docs.jsonl"
    with open(ANT, encoding="utf-8") as fh:
        f.write_text("".join(itertools.islice(fh, 5)) + "{not json\n", encoding="utf-8")
    out = io.StringIO()
    with Store(tmp_path / "rasd.db") as store:
        r = run_batch([f], store, extract=False, display=Plain(out, every=0))
    lines = out.getvalue().splitlines()
    assert (r.added, r.failed) == (5, 1)
    assert lines[5] == f"[E106] {f}#L6: malformed JSON: Expecting property name enclosed in double quotes at column 2"
    assert [line.split(",")[0] for line in lines[:5] + lines[6:]] == ["rasd: 1 input"] + [
        f"rasd: {i} inputs" for i in range(2, 7)]
    assert lines[-1].endswith(", 1 failed")


def test_ingest_progress_display_choice_and_count(tmp_path):
    assert isinstance(make_display([SEED], progress=False), Quiet)
    assert isinstance(make_display([SEED], progress=True), Plain)  # pytest's stderr is no terminal
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x", encoding="utf-8")
    assert count_inputs([ANT, tmp_path, SEED]) == 8877 + 1 + 1
    assert count_inputs(["-"]) is None
