"""The batch skips stored inputs before the pipeline runs, HTML pages included."""

from __future__ import annotations

import shutil

from conftest import HTML_PAGES, SEED

from rasd.ingest.batch import run_batch
from rasd.pipeline import process
from rasd.store import Store

# the same CNN Arabic article saved by two projects (different bytes, same main text)
CNN_PAGES = [HTML_PAGES / "newspaper4k" / "arabic_article.html", HTML_PAGES / "goose3" / "test_cnn_arabic.html"]


def test_ingest_rerun_never_reaches_the_pipeline(tmp_path):
    for i, page in enumerate(CNN_PAGES):
        shutil.copy(page, tmp_path / f"{i}.html")
    shutil.copy(SEED, tmp_path / "seed.txt")
    calls: list[str] = []

    def counting(source, *, extract):
        calls.append(source.origin)
        return process(source, extract=extract)

    with Store(tmp_path / "rasd.db") as store:
        first = run_batch([tmp_path], store, extract=False, process_fn=counting)
        assert (first.added, first.skipped, first.failed) == (2, 1, 0)  # one CNN copy is a duplicate
        assert len(calls) == 3
        calls.clear()
        again = run_batch([tmp_path], store, extract=False, process_fn=counting)
        assert (again.added, again.skipped, again.failed) == (0, 3, 0)
        assert calls == []
