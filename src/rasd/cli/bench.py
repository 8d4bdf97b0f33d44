"""``rasd bench``: docs/s, time per stage and peak memory for 1..N local workers, as a table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rasd.scale.bench import BenchRow


def _ints(value: str) -> tuple[int, ...]:
    try:
        out = tuple(int(v) for v in value.split(",") if v.strip())
    except ValueError:
        raise click.BadParameter(f"expected comma-separated integers, got {value!r}") from None
    if not out or min(out) < 1:
        raise click.BadParameter("expected positive integers")
    return out


def _table(title: str, rows: list[BenchRow], label: str) -> None:
    """One column per configuration, one row per figure (fits a terminal whatever the count)."""
    from rich.console import Console
    from rich.table import Table

    from rasd.scale.bench import STAGES

    table = Table(title=title)
    table.add_column("")
    for r in rows:
        table.add_column(f"{r.workers} worker{'s' if r.workers > 1 else ''}" if label == "workers"
                         else f"{r.docs:,} docs", justify="right")
    base = rows[0].docs_per_second if rows else 0.0

    def line(name: str, fmt) -> None:
        table.add_row(name, *(fmt(r, max(r.docs, 1)) for r in rows))

    line("docs", lambda r, n: f"{r.docs:,} ({r.failed} failed)")
    line("events", lambda r, n: f"{r.events:,}")
    line("wall seconds", lambda r, n: f"{r.seconds:.1f}")
    line("docs/s", lambda r, n: f"{r.docs_per_second:.1f}")
    line("docs/s per worker", lambda r, n: f"{r.per_core:.1f}")
    if label == "workers":
        line("speed-up", lambda r, n: f"{r.docs_per_second / base:.2f}×" if base else "-")
    line("docs per CPU-second", lambda r, n: f"{r.docs_per_cpu_second:.1f}")
    for stage in STAGES:
        line(f"{stage} CPU ms/doc", lambda r, n, s=stage: f"{1000 * r.stage_seconds.get(s, 0.0) / n:.2f}")
    line("ingest CPU ms/doc", lambda r, n: f"{1000 * r.ingest_seconds / n:.2f}")
    line("store write CPU ms/doc", lambda r, n: f"{1000 * r.store_seconds / n:.2f}")
    line("peak RSS main MB", lambda r, n: f"{r.peak_main_mb:.0f}")
    line("peak RSS worker MB", lambda r, n: f"{r.peak_worker_mb:.0f}" if r.peak_worker_mb else "-")
    console = Console()
    console.print(table)
    for r in rows:
        if r.first_error:
            console.print(f"first failure ({r.workers} worker(s), {r.docs:,} docs): {r.first_error}", markup=False)


@click.command("bench")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--limit", type=int, default=2000, show_default=True, help="Benchmark the first N inputs (0: all).")
@click.option("--workers", default="1,2", show_default=True, help="Worker counts to compare, comma-separated.")
@click.option("--no-extract", is_flag=True, help="Stop after clean (to_document + segment): a baseline.")
@click.option("--scaling", "sizes", default=None,
              help="Also run 1 worker at these corpus sizes (e.g. 1000,4000,8877) to show peak memory stays flat.")
@click.option("--watch-latency", "latency_items", type=int, default=0,
              help="Also measure new-feed-item → visible-in-/api/events latency over N loopback items.")
def bench_cmd(corpus: tuple[Path, ...], limit: int, workers: str, no_extract: bool, sizes: str | None,
              latency_items: int) -> None:
    """Benchmark the pipeline on CORPUS: docs/s, ms per stage, peak memory, for 1 and 2 workers.

    Each configuration runs in a fresh process against a throw-away database.

    Example: rasd bench ../shared/data/ant_corpus_multisource/ant_mideast_conflict.jsonl --limit 1000
    """
    from rasd.scale.bench import bench, scaling

    paths = [str(p) for p in corpus]
    extract = not no_extract
    mode = "clean only" if no_extract else "end to end"
    try:
        rows = bench(paths, limit=limit or None, workers=_ints(workers), extract=extract)
        _table(f"rasd bench ({mode}, first {limit or 'all'} inputs)", rows, "workers")
        if sizes:
            _table(f"rasd bench scaling ({mode}, 1 worker)", scaling(paths, sizes=_ints(sizes), extract=extract),
                   "docs")
        if latency_items:
            from rasd.scale.latency import measure_watch_latency

            lat = measure_watch_latency(paths[0], items=latency_items)
            click.echo(lat.summary())
    except RuntimeError as err:
        raise click.ClickException(str(err)) from err
