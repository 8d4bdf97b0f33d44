"""The batch runner: every input through ``rasd.pipeline.process`` into a ``Store``, one transaction each.

``run_batch`` for each item of ``iter_sources(paths)``:

1. an ``InputError`` from reading is printed (one line: code, input, reason), recorded in the
   store's ``errors`` table and in the result, and the batch goes on;
2. a source whose content hash is already stored is skipped before any processing (for HTML,
   the hash of the raw page; the document's text hash is checked again when storing); an id it
   brings that the store does not know is kept as an alias of the stored document;
3. ``process`` runs clean → extract; an ``InputError`` it raises is handled as in 1, any other
   exception becomes an E200 error the same way (detail: its type and message; its traceback is
   printed once per distinct bug, ``rasd.ingest.bugs``);
4. the document, its segments and events commit in their own transaction, so an interrupted batch
   keeps everything before the interruption and a re-run adds nothing twice (a failure while
   storing rolls that one document back and is an E200 error as in 3).

Ctrl-C stops the batch after rolling back the document in flight; the result says ``interrupted``.
A ``KnowledgeError`` or ``ConfigError`` (``rasd.errors.FATAL_ERRORS``: a broken data file or
setting, which would fail every input alike) is not recorded against the input: it stops the batch
and propagates to the caller (``rasd ingest`` prints it once and exits 2). The knowledge is checked
(``rasd.pipeline.check_knowledge``) before the first input that needs processing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rasd.errors import FATAL_ERRORS, InputError
from rasd.ingest.bugs import report_exception
from rasd.ingest.progress import Display, make_display
from rasd.ingest.sources import iter_sources
from rasd.model import Source, content_hash
from rasd.pipeline import Processed, check_knowledge, process
from rasd.store import Store

NEARLY_ALL = 0.9


def exit_code(failed: int, total: int) -> int:
    """0 if nothing failed, 3 if nearly all (>= 90 %) inputs failed, else 1."""
    if failed == 0:
        return 0
    return 3 if failed >= NEARLY_ALL * total else 1


def store_files(store: Store) -> list[Path]:
    """The database file and its journals, never read as inputs (``rasd ingest . --db rasd.db``)."""
    if store.path == ":memory:":
        return []
    return [Path(store.path + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


@dataclass(slots=True)
class BatchResult:
    """What a batch did. ``skipped``: already stored; ``errors``: every failed input."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def total(self) -> int:
        return self.added + self.skipped + self.failed

    @property
    def exit_code(self) -> int:
        return exit_code(self.failed, self.total)

    @property
    def docs_per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0


def run_batch(
    paths: Iterable[str | Path],
    store: Store,
    *,
    progress: bool = False,
    extract: bool = True,
    max_bytes: int | None = None,
    display: Display | None = None,
    process_fn: Callable[..., Processed] = process,
    resolve: bool = True,
) -> BatchResult:
    """Ingest ``paths`` into ``store`` (steps in the module docstring); never raises for bad input.

    ``progress`` shows a bar (terminal) or periodic lines; failures are printed either way
    (on ``display``, standard error by default). ``process_fn(source, extract=...)`` replaces
    ``rasd.pipeline.process`` (the watcher and benchmarks plug in here). ``resolve`` (default on,
    as in ``rasd ingest``) merges each event with stored reports of the same event
    (``Store.add_processed(resolve=True)``). Raises ``KnowledgeError`` / ``ConfigError`` (see the
    module docstring), never for a bad input.
    """
    paths = list(paths)
    result = BatchResult()
    shown = display or make_display(paths, progress)
    started = time.perf_counter()

    def fail(err: InputError) -> None:
        with store.atomic():
            store.record_error(err.origin, err.code, err.reason)
        result.failed += 1
        result.errors.append(err)
        shown.note(str(err))

    def one(source: Source) -> None:
        raw_hash = content_hash(source.content)
        if store.has_hash(raw_hash):
            if source.id and not store.knows_id(source.id):  # the same article under another id
                with store.atomic():
                    store.add_alias(source.id, raw_hash)
            result.skipped += 1
            return
        check_knowledge(extract)  # once per process, before the first input that is processed
        try:
            processed = process_fn(source, extract=extract)
        except InputError as err:
            return fail(err)
        except FATAL_ERRORS:
            raise
        except Exception as e:  # noqa: BLE001 - one input's failure is recorded; the batch goes on
            report_exception(e, source.origin, shown.note)
            return fail(InputError("E200", source.origin, f"{type(e).__name__}: {e}"))
        try:
            with store.atomic():
                added = store.add_processed(processed, source_hash=raw_hash, resolve=resolve)
        except FATAL_ERRORS:
            raise
        except Exception as e:  # noqa: BLE001 - rolled back; recorded against this input
            report_exception(e, source.origin, shown.note)
            return fail(InputError("E200", source.origin, f"storing failed: {type(e).__name__}: {e}"))
        if added:
            result.added += 1
        else:
            result.skipped += 1

    try:
        for item in iter_sources(paths, max_bytes=max_bytes, exclude=store_files(store)):
            if isinstance(item, InputError):
                fail(item)
            else:
                one(item)
            shown.advance(result.failed)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        shown.close()
        result.seconds = time.perf_counter() - started
    return result
