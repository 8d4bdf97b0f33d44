"""``rasd ingest``: read files, folders, stdin, JSON Lines, HTML and WARC into the database."""

from __future__ import annotations

import sys

import click

from rasd.ingest.settings import MAX_BYTES


def _summary(added: int, skipped: int, failed: int, seconds: float, db: str) -> str:
    total = added + skipped + failed
    rate = total / seconds if seconds else 0.0
    return (f"{added:,} added, {skipped:,} already stored, {failed:,} failed "
            f"({total:,} inputs in {seconds:.1f} s, {rate:.1f}/s) → {db}")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default="rasd.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite database to write.")
@click.option("--no-extract", is_flag=True, help="Store documents and segments only; extract no events.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Process in this process, or on a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDR", help="Dask scheduler address (with --engine dask); default: a local cluster.")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Show progress on standard error (a bar on a terminal, a line every 10 s otherwise).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help=f"Largest file or record to read [default: {MAX_BYTES.default:,}; env RASD_MAX_BYTES].")
@click.option("--resolve/--no-resolve", default=True, show_default=True,
              help="Merge reports of the same event across documents while storing (rasd.resolve).")
def ingest_cmd(paths: tuple[str, ...], db: str, no_extract: bool, engine: str, scheduler: str | None,
               progress: bool, max_bytes: int | None, resolve: bool) -> None:
    """Ingest PATHS (files, folders, or - for stdin) into the database, one transaction per document.

    Reads .txt, .html/.htm, .jsonl (one document per line: id, text or html, title, published,
    source, url), .json (an array of such documents, or one) and .warc/.warc.gz; .gz of each.
    Folders are read recursively (hidden names skipped). Each failed input is printed as one line
    naming it and the reason, recorded in the database, and the batch goes on. Re-running adds
    nothing twice; after Ctrl-C, run the same command again to continue.
    Exit status: 0 all fine, 1 some inputs failed, 3 nearly all failed.

    Example: rasd ingest ant_mideast_conflict.jsonl pages/ --db rasd.db
    """
    if "-" in paths and sys.stdin.isatty():
        click.echo("rasd: reading documents from standard input (end with Ctrl-D)", err=True)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if max_bytes and engine == "dask":
        raise click.UsageError("--max-bytes works with --engine local only")
    if engine == "dask":
        from rasd.scale.dask_batch import run_batch_dask
        from rasd.store import StoreError

        try:
            r = run_batch_dask(list(paths), db, scheduler=scheduler, extract=not no_extract, progress=progress,
                               resolve=resolve)
        except StoreError as e:
            raise click.ClickException(str(e)) from e
    else:
        from rasd.cli._store import open_store
        from rasd.ingest.batch import run_batch

        with open_store(db) as store:
            r = run_batch(paths, store, progress=progress, extract=not no_extract, max_bytes=max_bytes,
                          resolve=resolve)
    click.echo(_summary(r.added, r.skipped, r.failed, r.seconds, db), err=True)
    if r.interrupted:
        click.echo("interrupted: everything above is stored; run the same command again to continue", err=True)
        sys.exit(130)
    sys.exit(r.exit_code)
