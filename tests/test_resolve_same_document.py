"""Resolution never merges two events of one document: the extractor already told them apart
(a regression: CN-middleEast-1295's air strike and shelling in Idleb became one event)."""

from __future__ import annotations

import json

import pytest
from conftest import ANT

from rasd.ingest.batch import run_batch
from rasd.pipeline import process
from rasd.store import Store

IDS = {"CN-middleEast-1295-20180906", "SK-middleEast-3067-20180722", "BB-middleEast-473-20180509"}


@pytest.mark.issue(6)
def test_resolve_keeps_every_event_of_one_document(tmp_path):
    src = tmp_path / "docs.jsonl"
    with ANT.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
        for line in fh:
            if json.loads(line)["id"] in IDS:
                out.write(line)
    from rasd.ingest import iter_sources

    extracted = sum(len(process(s).events) for s in iter_sources([src]))
    assert extracted >= 4  # these documents report several events each
    with Store(tmp_path / "r.db") as store:
        result = run_batch([src], store, resolve=True)
        assert result.added == len(IDS)
        assert store.stats()["events"] == extracted
