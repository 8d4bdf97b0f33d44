"""A bug met by a worker (Dask, the watcher, the API) crosses the process boundary as a ``Failure``
carrying its traceback; the single writer records it as E200 with type and message and shows the
traceback once per distinct bug."""

from __future__ import annotations

import pickle

from conftest import SEED

from rasd.model import Source
from rasd.pipeline import process
from rasd.scale.outcome import Failure
from rasd.scale.writer import FAILED, write_outcome
from rasd.store import Store


def _buggy_outcome(origin: str) -> Failure:
    """Process the seed article for real, then hit a real bug (an attribute that does not exist)."""
    try:
        processed = process(Source(origin, "text", SEED.read_text(encoding="utf-8")), extract=False)
        processed.document.no_such_field  # noqa: B018 - the bug
    except AttributeError as err:
        return Failure.from_error(err, origin)
    raise AssertionError("no bug met")


def test_worker_bug_recorded_with_type_and_shown_once() -> None:
    shown: list[str] = []
    outcomes = [pickle.loads(pickle.dumps(_buggy_outcome(f"in-{i}.txt"))) for i in range(3)]
    with Store() as store:
        statuses = [write_outcome(store, o, note=shown.append) for o in outcomes]
        rows = store.conn.execute("SELECT origin, code, reason FROM errors ORDER BY origin").fetchall()
    assert statuses == [FAILED] * 3
    assert [r[1] for r in rows] == ["E200"] * 3
    assert all("AttributeError" in r[2] and "no_such_field" in r[2] for r in rows)
    assert len(shown) == 1  # the same bug three times: one traceback
    assert "Traceback" in shown[0] and "no_such_field" in shown[0] and "in-0.txt" in shown[0]
    assert outcomes[0].bug == "AttributeError"


def test_input_errors_carry_no_trace() -> None:
    try:
        process(Source("empty.txt", "text", "   "))
    except Exception as err:  # noqa: BLE001
        failure = Failure.from_error(err, "empty.txt")
    assert failure.code == "E101" and failure.trace == "" and failure.bug == ""
