"""``rasd ingest``: read files, folders, stdin, JSON Lines, HTML and WARC into the database."""

from __future__ import annotations

import os
import sys

import click

from rasd.cli._exit import ConfigProblem, plural
from rasd.ingest.formats import SUPPORTED
from rasd.ingest.settings import MAX_BYTES, MAX_CHARS


def _summary(added: int, skipped: int, failed: int, seconds: float, db: str) -> str:
    total = added + skipped + failed
    rate = total / seconds if seconds else 0.0
    return (f"{added:,} added, {skipped:,} already stored, {failed:,} failed "
            f"({plural(total, 'input')} in {seconds:.1f} s, {rate:.1f}/s) → {db}")


def set_max_chars(max_chars: int | None) -> None:
    """``--max-chars N``: the per-document text limit for this command (and its Dask workers), through
    the ``RASD_MAX_CHARS`` setting that ``rasd.pipeline.process`` reads, restored when the command
    ends; checks the setting either way (a malformed one is a ConfigError, exit 2, not per input)."""
    if max_chars is not None:
        before = os.environ.get("RASD_MAX_CHARS")
        os.environ["RASD_MAX_CHARS"] = str(max_chars)

        def restore() -> None:
            if before is None:
                os.environ.pop("RASD_MAX_CHARS", None)
            else:
                os.environ["RASD_MAX_CHARS"] = before

        click.get_current_context().call_on_close(restore)
    MAX_CHARS.value()


MAX_CHARS_OPTION = click.option(
    "--max-chars", type=click.IntRange(min=1), default=None, metavar="N",
    help=f"Longest document text (characters, after cleaning) to process; longer: E105, the batch "
         f"goes on [default: {MAX_CHARS.default:,}; env RASD_MAX_CHARS].")


def _with_formats(cmd: click.Command) -> click.Command:
    """Fill the file types into the help from ``rasd.ingest.formats.SUFFIXES`` (the one list)."""
    cmd.help = (cmd.help or "").replace("{supported}", SUPPORTED)
    return cmd


@_with_formats
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
@MAX_CHARS_OPTION
def ingest_cmd(paths: tuple[str, ...], db: str, no_extract: bool, engine: str, scheduler: str | None,
               progress: bool, max_bytes: int | None, resolve: bool, max_chars: int | None) -> None:
    """Ingest PATHS (files, folders, or - for stdin) into the database, one transaction per document.

    Reads {supported}. A .jsonl file holds one document per line (id, text or html, title,
    published, source, url); a .json file an array of such documents, or one.
    Folders are read recursively (hidden names skipped). Each failed input is printed as one line
    naming it and the reason, recorded in the database, and the batch goes on. Re-running adds
    nothing twice; after Ctrl-C, run the same command again to continue.
    Exit status: 0 all fine, 1 some inputs failed, 2 usage or configuration error (a database
    that is not one, a broken knowledge file, an unreachable --scheduler), 3 nearly all failed.

    Example: rasd ingest ant_mideast_conflict.jsonl pages/ --db rasd.db
    """
    if "-" in paths and sys.stdin.isatty():
        click.echo("rasd: reading documents from standard input (end with Ctrl-D)", err=True)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if max_bytes and engine == "dask":
        raise click.UsageError("--max-bytes works with --engine local only")
    set_max_chars(max_chars)
    if engine == "dask":
        from rasd.scale.dask_batch import run_batch_dask
        from rasd.store import StoreError

        try:
            r = run_batch_dask(list(paths), db, scheduler=scheduler, extract=not no_extract, progress=progress,
                               resolve=resolve)
        except StoreError as e:
            raise ConfigProblem(str(e)) from e
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
