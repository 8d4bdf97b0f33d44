"""Dask batches: a 2-worker LocalCluster over a slice of the ANT corpus stores exactly what a
single-process run stores, even when a worker process is killed mid-run."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from pathlib import Path

import cloudpickle
import dask
import pytest

from rasd.scale.dask_batch import run_batch_dask
from rasd.scale.outcome import process_chunk

N_RECORDS = 120
VOLATILE = {"ingested_at", "created_at", "at"}


@pytest.fixture(scope="module")
def ant_slice(tmp_path_factory, ant_path: Path) -> Path:
    """The first records of the ANT corpus, plus one duplicate article and one broken line."""
    lines = ant_path.read_text(encoding="utf-8").splitlines()[:N_RECORDS]
    lines.insert(40, lines[3])  # same article twice: stored once
    lines.insert(70, "{not json")  # an ingest failure keeps its place in the error log
    path = tmp_path_factory.mktemp("ant") / "ant_slice.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, without timestamps and autoincrement ids, in a stable order."""
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        out = {}
        for t in tables:
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in VOLATILE]
            if t == "errors":
                cols = [c for c in cols if c != "id"]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory, ant_slice: Path) -> Path:
    from rasd.ingest.batch import run_batch
    from rasd.store import Store

    db = tmp_path_factory.mktemp("ref") / "single.db"
    with Store(db) as store:
        run_batch([ant_slice], store)
    return db


def crash_once(sources, extract, marker: str, trigger: str):
    """Kill this worker process the first time it sees ``trigger``; otherwise do the real work."""
    if any(s.origin.endswith(trigger) for s in sources) and not os.path.exists(marker):
        Path(marker).write_text("killed", encoding="utf-8")
        os._exit(1)
    return process_chunk(sources, extract)


def test_scale_dask_batch_equals_single_process_run(tmp_path, ant_slice, reference_db):
    db = tmp_path / "dask.db"
    result = run_batch_dask([ant_slice], db, n_workers=2, batch_size=16)
    assert result.total == N_RECORDS + 2
    assert result.skipped == 1 and result.failed >= 1
    assert dump(db) == dump(reference_db)


def test_scale_dask_batch_survives_a_killed_worker(tmp_path, ant_slice, reference_db):
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    marker = tmp_path / "killed.marker"
    task = functools.partial(crash_once, marker=str(marker), trigger=f"#L{N_RECORDS // 2}")
    db = tmp_path / "dask.db"
    try:
        result = run_batch_dask([ant_slice], db, n_workers=2, batch_size=8, task=task)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert marker.exists(), "the worker was never killed"
    assert result.total == N_RECORDS + 2
    assert dump(db) == dump(reference_db)


def test_scale_dask_batch_rerun_on_a_running_cluster_stores_nothing_twice(tmp_path, ant_slice, reference_db):
    from dask.distributed import LocalCluster

    db = tmp_path / "dask.db"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        first = run_batch_dask([ant_slice], db, scheduler=address, batch_size=32, max_in_flight=2)
        again = run_batch_dask([ant_slice], db, scheduler=address, batch_size=32, max_in_flight=2)
    assert first.scheduler == again.scheduler == address
    assert first.added > 0 and again.added == 0
    assert again.skipped == first.added + first.skipped
    before = dump(db)
    assert before["documents"] == dump(reference_db)["documents"]


def crash_always(sources, extract, trigger: str):
    """Kill the worker every time it is given ``trigger`` (a poison input)."""
    if any(s.origin.endswith(trigger) for s in sources):
        os._exit(1)
    return process_chunk(sources, extract)


def test_scale_dask_batch_poison_input_is_recorded_and_the_rest_stored(tmp_path, ant_slice, reference_db):
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    trigger = f"#L{N_RECORDS // 3}"
    db = tmp_path / "dask.db"
    try:
        with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
            result = run_batch_dask([ant_slice], db, n_workers=2, batch_size=8,
                                    task=functools.partial(crash_always, trigger=trigger))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    poisoned = [e for e in result.errors if e.code == "E200"]
    assert [e.origin.endswith(trigger) for e in poisoned] == [True]
    got, want = dump(db), dump(reference_db)
    assert len(got["documents"]) == len(want["documents"]) - 1
    assert set(got["documents"]) < set(want["documents"])


@pytest.mark.slow
def test_scale_dask_batch_with_resolve_equals_single_process_run(tmp_path, ant_slice):
    """Cross-document merging runs in the single writer, in input order: same events as locally."""
    from rasd.ingest.batch import run_batch
    from rasd.store import Store

    with Store(tmp_path / "single.db") as store:
        run_batch([ant_slice], store, resolve=True)
    result = run_batch_dask([ant_slice], tmp_path / "dask.db", n_workers=2, batch_size=16, resolve=True)
    assert result.added > 0
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "single.db")
