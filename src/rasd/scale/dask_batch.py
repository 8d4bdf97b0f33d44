"""Run ``rasd.pipeline.process`` over a large corpus on a Dask cluster, with one SQLite writer.

1. The client reads inputs lazily with ``rasd.ingest.iter_sources`` and cuts them into chunks
   of ``batch_size`` sources.
2. Chunks go to the workers (a local ``LocalCluster`` of processes by default, or any running
   cluster by ``scheduler`` address); at most ``max_in_flight`` chunks are submitted or waiting
   to be written at any time, so memory stays bounded whatever the corpus size.
3. Workers return plain ``Processed`` / ``Failure`` records (pickled); they never touch the DB.
4. The client writes results in input order, each document in its own transaction, so the
   database equals a single-process run's. A worker that dies mid-task is replaced and its
   chunk re-run by Dask; the content-hash unique key makes any repeat a no-op.
5. A chunk Dask gives up on (its worker died ``allowed-failures`` times) is re-run one input
   per task; the input that still kills its worker is recorded as E200 and the batch goes on.

Example::

    run_batch_dask(["ant.jsonl"], "rasd.db", n_workers=2)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import FATAL_ERRORS, ConfigError, InputError
from rasd.ingest.batch import BatchResult, store_files
from rasd.ingest.progress import Display, make_display
from rasd.ingest.settings import CONNECT_TIMEOUT
from rasd.ingest.sources import iter_sources
from rasd.model import Source, content_hash
from rasd.pipeline import check_knowledge
from rasd.scale.outcome import Failure, Outcome, process_chunk
from rasd.scale.writer import DUPLICATE, FAILED, count, write_outcome
from rasd.store import Store

log = logging.getLogger(__name__)

ChunkTask = Callable[[list[Source], bool], list[Outcome]]
SKIPPED = "skipped"  # layout marker: raw input already stored, never sent to a worker
CHUNK_BYTES = 4_000_000  # characters of content per chunk, at most (about)


@dataclass(slots=True)
class DaskBatchResult(BatchResult):
    """``BatchResult`` plus the scheduler address used and the number of chunks submitted."""

    scheduler: str = ""
    chunks: int = 0

    @property
    def duplicates(self) -> int:
        """Inputs already stored (``skipped``), under the name ``rasd ingest`` uses."""
        return self.skipped


@dataclass(slots=True)
class _Chunk:
    """One chunk in input order: per input, its raw-content hash (sent to a worker), an ingest
    ``Failure`` or ``SKIPPED``; ``sources`` are the inputs sent, in order."""

    seq: int
    layout: list[str | Failure]
    sources: list[Source]


def _chunks(paths: list[str], size: int, store: Store, max_bytes: int | None) -> Iterator[_Chunk]:
    """Chunks of at most ``size`` inputs and about ``CHUNK_BYTES`` of content (big HTML pages
    make smaller chunks, so no task carries tens of megabytes)."""
    seq = 0
    layout: list[str | Failure] = []
    sources: list[Source] = []
    nbytes = 0
    for item in iter_sources(paths, max_bytes=max_bytes, exclude=store_files(store)):
        if isinstance(item, InputError):
            layout.append(Failure.from_error(item, item.origin))
        else:
            raw = content_hash(item.content)
            if store.has_hash(raw):
                layout.append(SKIPPED)
            else:
                layout.append(raw)
                sources.append(item)
                nbytes += len(item.content)
        if len(layout) >= size or nbytes >= CHUNK_BYTES:
            yield _Chunk(seq, layout, sources)
            seq += 1
            layout, sources, nbytes = [], [], 0
    if layout:
        yield _Chunk(seq, layout, sources)


def _one_by_one(client, task: ChunkTask, sources: list[Source], extract: bool) -> list[Outcome]:
    """Re-run a failed chunk one input at a time (one task in flight, so no innocent input shares
    the dying worker), so only the input that kills its worker (Dask gives up after
    ``distributed.scheduler.allowed-failures`` deaths) fails, as E200."""
    out: list[Outcome] = []
    for n, src in enumerate(sources):
        fut = client.submit(task, [src], extract, pure=False, key=f"rasd-one-{time.monotonic_ns()}-{n}")
        try:
            out.extend(fut.result())
        except FATAL_ERRORS:
            raise
        except Exception as err:  # noqa: BLE001 - recorded against this input
            out.append(Failure(src.origin, "E200", f"worker failed on this input: {type(err).__name__}: {err}"))
        fut.release()
    return out


class SchedulerError(ConfigError):
    """The Dask scheduler given cannot be reached (a configuration error: ``rasd ingest`` exits 2)."""


def _client(stack: ExitStack, scheduler: str | None, n_workers: int, timeout: float | None = None):
    """A client of the ``scheduler`` (waiting at most ``timeout`` seconds, default the
    ``connect_timeout`` setting) or of a new local cluster. ``SchedulerError`` if unreachable."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        wait = CONNECT_TIMEOUT.value() if timeout is None else timeout
        try:
            return stack.enter_context(Client(scheduler, timeout=wait))
        except (OSError, TimeoutError, ValueError) as err:  # ValueError: a malformed address
            why = str(err).splitlines()[0][:200] if str(err) else type(err).__name__
            raise SchedulerError(f"cannot reach the Dask scheduler {scheduler} within {wait:g} s ({why}); "
                                 "check --scheduler (or RASD_CONNECT_TIMEOUT)") from None
    cluster = stack.enter_context(
        LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never clashes with another cluster's 8787
            silence_logs=logging.ERROR,
        )
    )
    return stack.enter_context(Client(cluster))


def run_batch_dask(
    paths: Iterable[str | Path],
    db_path: str | Path,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    batch_size: int = 200,
    max_in_flight: int | None = None,
    extract: bool = True,
    resolve: bool = True,
    max_bytes: int | None = None,
    progress: bool = False,
    display: Display | None = None,
    task: ChunkTask = process_chunk,
) -> DaskBatchResult:
    """Process every input under ``paths`` on Dask and store it in ``db_path`` (steps above).

    ``scheduler``: address of a running cluster (else a ``LocalCluster`` of ``n_workers``
    processes). ``batch_size``: inputs per task. ``max_in_flight``: chunks submitted or waiting
    to be written (default twice the worker threads). ``extract``, ``resolve``, ``max_bytes``,
    ``progress`` and ``display`` as in ``run_batch`` (``resolve`` runs in the single writer).
    ``task`` is the per-chunk function the workers run (default ``process_chunk``; it must
    return one outcome per source, in order).
    Raises ``SchedulerError`` when ``scheduler`` cannot be reached, and ``KnowledgeError`` /
    ``ConfigError`` (from a worker too) as ``run_batch`` does: the batch stops.
    """
    from dask.distributed import as_completed

    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    paths = [str(p) for p in paths]
    started = time.perf_counter()
    result = DaskBatchResult()
    shown = display or make_display(paths, progress)
    with ExitStack() as stack:
        stack.callback(shown.close)
        check_knowledge(extract)  # a broken knowledge file stops here, before any cluster starts
        client = _client(stack, scheduler, n_workers)
        result.scheduler = client.scheduler.address
        log.info("dask: scheduler %s, dashboard %s", result.scheduler, client.dashboard_link)
        limit = max_in_flight or max(2, 2 * (sum(client.nthreads().values()) or n_workers))
        store = stack.enter_context(Store(db_path))
        chunks = _chunks(paths, batch_size, store, max_bytes)
        pending: dict[object, _Chunk] = {}  # future -> chunk
        ready: dict[int, tuple[_Chunk, list[Outcome]]] = {}  # seq -> results waiting for earlier chunks
        next_seq = 0
        exhausted = False
        ac = as_completed()

        def fill() -> None:
            nonlocal exhausted
            while not exhausted and len(pending) + len(ready) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    return
                result.chunks += 1
                if not chunk.sources:  # nothing for a worker
                    ready[chunk.seq] = (chunk, [])
                    continue
                key = f"rasd-chunk-{chunk.seq}-{time.monotonic_ns()}"
                fut = client.submit(task, chunk.sources, extract, pure=False, key=key)
                pending[fut] = chunk
                ac.add(fut)

        def write(chunk: _Chunk, outcomes: list[Outcome]) -> None:
            done = iter(outcomes)
            for entry in chunk.layout:
                if entry == SKIPPED:
                    count(result, DUPLICATE)
                    status = DUPLICATE
                elif isinstance(entry, Failure):
                    status = write_outcome(store, entry, result=result, note=shown.note)
                else:
                    status = write_outcome(store, next(done), source_hash=entry, resolve=resolve, result=result,
                                           note=shown.note)
                if status == FAILED:
                    shown.note(str(result.errors[-1]))
                shown.advance(result.failed)

        def flush() -> None:
            nonlocal next_seq
            while next_seq in ready:
                write(*ready.pop(next_seq))
                next_seq += 1

        try:
            while True:
                fill()
                flush()
                if not pending:  # then nothing is waiting in ``ready`` either
                    if exhausted:
                        break
                    continue
                fut = next(ac)
                chunk = pending.pop(fut)
                try:
                    outcomes = fut.result()
                except FATAL_ERRORS:
                    raise
                except Exception as err:  # noqa: BLE001 - e.g. KilledWorker: find the input that does it
                    log.warning("chunk %d failed (%s); retrying its inputs one by one", chunk.seq, err)
                    outcomes = _one_by_one(client, task, chunk.sources, extract)
                fut.release()
                if len(outcomes) != len(chunk.sources):
                    raise RuntimeError(f"chunk {chunk.seq}: {len(outcomes)} outcomes for {len(chunk.sources)} inputs")
                ready[chunk.seq] = (chunk, outcomes)
        except KeyboardInterrupt:
            result.interrupted = True
    result.seconds = time.perf_counter() - started
    return result
