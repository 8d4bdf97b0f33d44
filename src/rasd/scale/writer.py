"""The single SQLite writer: one outcome, one transaction.

Workers (Dask, multiprocessing, the watcher's fetch loop) only compute; every write goes
through ``write_outcome`` in the one process that owns the ``Store``. Each document commits in
its own ``store.atomic()`` scope, and the content-hash unique key makes a retried or repeated
document a no-op, so a crash at any point loses at most the document being written and never
stores one twice. Counts go into ``rasd.ingest.batch.BatchResult`` like a single-process batch.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from rasd.errors import FATAL_ERRORS
from rasd.ingest.batch import BatchResult
from rasd.ingest.bugs import report_bug, trace_of
from rasd.pipeline import Processed
from rasd.scale.outcome import Failure, Outcome
from rasd.store import Store

ADDED, DUPLICATE, FAILED = "added", "duplicate", "failed"


def write_outcome(store: Store, outcome: Outcome, *, source_hash: str | None = None, resolve: bool = False,
                  also: Callable[[str], object] | None = None, result: BatchResult | None = None,
                  note: Callable[[str], object] | None = None) -> str:
    """Commit one outcome in its own transaction and say what happened (added/duplicate/failed).

    As in ``rasd.ingest.batch.run_batch``: ``source_hash`` is the raw input's content hash (lets
    later runs skip it before processing); ``resolve`` merges events with stored reports; a
    document that fails to store is rolled back and recorded as E200 "storing failed". ``also(status)``
    runs inside the transaction that commits the returned status (the watcher marks its item there,
    so the document, or its recorded failure, and the "seen" mark commit together or not at all).
    ``result``, if given, counts what happened. A failure that is a bug (``Failure.trace``) has its
    traceback shown through ``note`` (standard error by default), once per distinct bug.
    A ``KnowledgeError`` / ``ConfigError`` while storing propagates (nothing is recorded).
    """
    if isinstance(outcome, Processed):
        try:
            with store.atomic():
                added = store.add_processed(outcome, source_hash=source_hash, resolve=resolve)
                status = ADDED if added else DUPLICATE
                if also is not None:
                    also(status)
            if result is not None:
                count(result, status)
            return status
        except FATAL_ERRORS:
            raise
        except Exception as err:  # noqa: BLE001 - rolled back; recorded against this input
            origin = outcome.document.origin or outcome.document.id
            outcome = Failure(origin, "E200", f"storing failed: {type(err).__name__}: {err}", trace_of(err))
    if outcome.trace:
        report_bug(outcome.bug, outcome.trace, outcome.origin, note or _stderr)
    err = outcome.error
    with store.atomic():
        store.record_error(err.origin, err.code, err.reason)
        if also is not None:
            also(FAILED)
    if result is not None:
        count(result, FAILED, outcome)
    return FAILED


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def count(result: BatchResult, status: str, outcome: Outcome | None = None) -> None:
    """Add one written outcome to ``result`` (failures keep their ``InputError``)."""
    if status == ADDED:
        result.added += 1
    elif status == DUPLICATE:
        result.skipped += 1
    else:
        result.failed += 1
        if isinstance(outcome, Failure):
            result.errors.append(outcome.error)
