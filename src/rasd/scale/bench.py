"""Throughput benchmark: docs/s, time per stage and peak memory, for 1..N local worker processes.

Each configuration runs in a fresh process (so its peak RSS is its own):

1. the run's main process reads the corpus lazily with ``rasd.ingest.iter_sources``;
2. sources go in chunks to ``workers`` pool processes (``workers == 1``: processed in the main
   process itself), at most ``2 * workers`` chunks in flight, so memory does not grow with the
   corpus; each worker times ``clean.document.to_document``, ``clean.segments.segment`` and
   ``extract.extract_events`` by calling them directly (CPU time, so other load on the machine
   does not inflate them);
3. the main process is the single writer: it times the store writes into a throw-away SQLite DB;
4. peak memory is ``ru_maxrss`` of the main process and of the largest worker.

Example::

    rows = bench("ant.jsonl", limit=1000, workers=(1, 2))
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.batch import BatchResult
from rasd.model import Source
from rasd.pipeline import Processed
from rasd.scale.outcome import Failure, Outcome
from rasd.scale.writer import write_outcome
from rasd.store import Store

STAGES = ("to_document", "segment", "extract")
CHUNK = 50


@dataclass(slots=True)
class BenchRow:
    """One configuration's figures. ``seconds`` is wall time; stage, ingest and store times are
    CPU seconds (``time.process_time``, summed over workers), which a busy machine does not inflate;
    ``cpu_seconds`` is all CPU spent (main process + workers' stages)."""

    workers: int
    docs: int
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    ingest_seconds: float = 0.0
    store_seconds: float = 0.0
    peak_main_mb: float = 0.0
    peak_worker_mb: float = 0.0
    failed: int = 0
    events: int = 0
    cpu_seconds: float = 0.0
    first_error: str = ""

    @property
    def docs_per_cpu_second(self) -> float:
        return self.docs / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def docs_per_second(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def per_core(self) -> float:
        return self.docs_per_second / self.workers


def _rss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def warm_up(extract: bool, pause: float = 0.0) -> None:
    """Import the stage modules (and their knowledge files) before the clock starts."""
    from rasd.clean.document import to_document  # noqa: F401
    from rasd.clean.segments import segment  # noqa: F401

    if extract:
        from rasd.extract import extract_events  # noqa: F401
    time.sleep(pause)


def timed_chunk(sources: list[Source], extract: bool) -> tuple[list[Outcome], dict[str, float]]:
    """Run the stages on each source, timing each stage function called directly."""
    from rasd.clean.document import to_document
    from rasd.clean.segments import segment

    extract_events = None
    if extract:
        from rasd.extract import extract_events
    times = dict.fromkeys(STAGES, 0.0)
    out: list[Outcome] = []
    for src in sources:
        try:
            t0 = time.process_time()
            doc = to_document(src)
            t1 = time.process_time()
            segs = segment(doc)
            t2 = time.process_time()
            events = extract_events(doc, segs) if extract_events else []
            t3 = time.process_time() if extract_events else t2
        except Exception as err:  # noqa: BLE001 - counted as a failure, as the batch would
            out.append(Failure.from_error(err, src.origin))
            continue
        times["to_document"] += t1 - t0
        times["segment"] += t2 - t1
        times["extract"] += t3 - t2
        out.append(Processed(doc, segs, events))
    return out, times


def _read(corpus: list[str], limit: int | None, row: BenchRow) -> Iterator[list[Source | Failure]]:
    from rasd.ingest import iter_sources

    items = islice(iter_sources(corpus), limit)
    while True:
        t0 = time.process_time()
        chunk = [Failure.from_error(x, x.origin) if isinstance(x, InputError) else x
                 for x in islice(items, CHUNK)]
        row.ingest_seconds += time.process_time() - t0
        if not chunk:
            return
        yield chunk


def _write(store, chunk: list[Source | Failure], outcomes: list[Outcome], row: BenchRow, tally: BatchResult) -> None:
    it = iter(outcomes)
    t0 = time.process_time()
    for item in chunk:
        outcome = item if isinstance(item, Failure) else next(it)
        write_outcome(store, outcome, result=tally)
        if isinstance(outcome, Processed):
            row.events += len(outcome.events)
    row.store_seconds += time.process_time() - t0


def run_config(corpus: list[str], limit: int | None, workers: int, extract: bool) -> BenchRow:
    """One configuration, in the current process (see the module docstring)."""
    row = BenchRow(workers=workers, docs=0, seconds=0.0, stage_seconds=dict.fromkeys(STAGES, 0.0))
    tally = BatchResult()
    with (tempfile.TemporaryDirectory(prefix="rasd-bench-") as tmp, Store(Path(tmp) / "bench.db") as store,
          mp.get_context("spawn").Pool(workers) if workers > 1 else nullcontext() as pool):
        warm_up(extract)
        if pool is not None:  # one warm-up task per worker (the pause spreads them out)
            pool.starmap(warm_up, [(extract, 0.3)] * workers, chunksize=1)
        started = time.perf_counter()
        cpu_started = time.process_time()

        def add(times: dict[str, float]) -> None:
            for k, v in times.items():
                row.stage_seconds[k] += v

        chunks = _read(corpus, limit, row)
        if workers == 1:
            for chunk in chunks:
                outcomes, times = timed_chunk([x for x in chunk if isinstance(x, Source)], extract)
                add(times)
                _write(store, chunk, outcomes, row, tally)
        else:
            window: deque = deque()
            for chunk in chunks:
                sources = [x for x in chunk if isinstance(x, Source)]
                window.append((chunk, pool.apply_async(timed_chunk, (sources, extract))))
                if len(window) >= 2 * workers:
                    done, res = window.popleft()
                    outcomes, times = res.get()
                    add(times)
                    _write(store, done, outcomes, row, tally)
            while window:
                done, res = window.popleft()
                outcomes, times = res.get()
                add(times)
                _write(store, done, outcomes, row, tally)
        row.seconds = time.perf_counter() - started
        row.cpu_seconds = time.process_time() - cpu_started
        if pool is not None:  # the main process's CPU plus the workers' stage CPU
            row.cpu_seconds += sum(row.stage_seconds.values())
            pool.close()
            pool.join()  # reaped, so RUSAGE_CHILDREN below covers the workers
    row.docs = tally.total
    row.failed = tally.failed
    row.first_error = str(tally.errors[0]) if tally.errors else ""
    row.peak_main_mb = _rss_mb(resource.RUSAGE_SELF)
    row.peak_worker_mb = _rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else 0.0
    return row


def _child(conn, corpus: list[str], limit: int | None, workers: int, extract: bool) -> None:
    try:
        conn.send(("ok", asdict(run_config(corpus, limit, workers, extract))))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("error", f"{type(err).__name__}: {err}"))
    finally:
        conn.close()


def run_isolated(corpus: list[str], limit: int | None, workers: int, extract: bool) -> BenchRow:
    """``run_config`` in a fresh spawned process, so peak memory figures are this run's alone."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, corpus, limit, workers, extract))
    proc.start()
    child.close()
    try:
        status, payload = parent.recv()
    except EOFError:
        status, payload = "error", f"bench process died (exit code {proc.exitcode})"
    proc.join()
    parent.close()
    if status != "ok":
        raise RuntimeError(payload)
    return BenchRow(**payload)


def bench(
    corpus: str | Path | list[str | Path],
    *,
    limit: int | None = None,
    workers: tuple[int, ...] = (1, 2),
    extract: bool = True,
) -> list[BenchRow]:
    """One ``BenchRow`` per worker count over the first ``limit`` inputs of ``corpus``."""
    paths = [str(p) for p in (corpus if isinstance(corpus, list) else [corpus])]
    return [run_isolated(paths, limit, w, extract) for w in workers]


def scaling(
    corpus: str | Path | list[str | Path],
    *,
    sizes: tuple[int, ...] = (1000, 4000, 8877),
    workers: int = 1,
    extract: bool = True,
) -> list[BenchRow]:
    """The same configuration at growing corpus sizes: peak memory should stay flat."""
    paths = [str(p) for p in (corpus if isinstance(corpus, list) else [corpus])]
    return [run_isolated(paths, n, workers, extract) for n in sizes]
