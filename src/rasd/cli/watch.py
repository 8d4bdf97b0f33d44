"""``rasd watch``: follow folders and RSS/Atom feeds, processing each new item once."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from rasd.cli._exit import ConfigProblem
from rasd.cli.ingest import MAX_CHARS_OPTION, set_max_chars
from rasd.errors import InputError


@click.command("watch")
@click.argument("targets", nargs=-1, required=True, metavar="FOLDER|FEED_URL...")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("rasd.db"), show_default=True,
              help="SQLite database to write to (created if missing).")
@click.option("--interval", type=float, default=60.0, show_default=True, help="Seconds between polls of a target.")
@click.option("--max-backoff", type=float, default=3600.0, show_default=True,
              help="Longest wait after repeated feed errors (the wait doubles per error).")
@click.option("--no-extract", is_flag=True, help="Store documents and segments only, no events.")
@click.option("--once", is_flag=True, help="Poll every target once and exit.")
@click.option("--resolve/--no-resolve", default=True, show_default=True,
              help="Merge each new report into the stored events it repeats (rasd.resolve).")
@MAX_CHARS_OPTION
def watch_cmd(targets: tuple[str, ...], db: Path, interval: float, max_backoff: float, no_extract: bool,
              once: bool, resolve: bool, max_chars: int | None) -> None:
    """Follow FOLDERs (new or changed files) and FEED_URLs (each new item's page), until Ctrl-C.

    What was seen is kept in the database (table watch_items), so a restart re-processes nothing.
    Exit status as for rasd ingest; a FOLDER that does not exist, a database that is not one or
    a broken knowledge file is a configuration error (2).

    Example: rasd watch inbox/ https://www.example.org/arabic/rss.xml --db rasd.db --interval 120
    """
    from rasd.ingest.batch import exit_code
    from rasd.scale.watch import Watcher
    from rasd.store import StoreError

    set_max_chars(max_chars)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        watcher = Watcher(list(targets), db, interval=interval, max_backoff=max_backoff, extract=not no_extract,
                          resolve=resolve)
    except (InputError, StoreError) as err:
        raise ConfigProblem(str(err)) from err
    with watcher:
        try:
            stats = watcher.run(max_polls=1 if once else None)
        except KeyboardInterrupt:
            stats = watcher.stats
    click.echo(f"{stats.added} added, {stats.duplicates} already stored, {stats.failed} failed, "
               f"{stats.feed_errors} feed errors, {stats.polls} polls")
    raise SystemExit(exit_code(stats.failed, stats.total_seen))
