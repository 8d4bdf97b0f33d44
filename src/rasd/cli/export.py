"""``rasd export``: write the database's events as JSON Lines, CSV, ACLED CSV or GeoJSON."""

from __future__ import annotations

from pathlib import Path

import click

from rasd.export import WRITERS


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)), default="jsonl", show_default=True,
              help="Output format.")
@click.option("--db", default="rasd.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="SQLite database to read.")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (- for standard output).")
@click.option("--country", default=None, help="Only events in this country.")
@click.option("--event-type", default=None, help="Only events of this ACLED event type.")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only events on or after this date.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Only events on or before this date.")
def export_cmd(fmt: str, db: str, output: str, country: str | None, event_type: str | None,
               since: str | None, until: str | None) -> None:
    """Write the stored events in one format.

    Formats: jsonl (every field with evidence spans), csv (rasd's fields), acled-csv (ACLED's
    columns and order), geojson (Point features for events with coordinates).

    Example: rasd export --format acled-csv --db rasd.db -o events.csv
    """
    from rasd.cli._store import open_store

    with open_store(db) as store, click.open_file(output, "w", encoding="utf-8") as fh:
        events = store.iter_events(country=country, event_type=event_type, since=since, until=until)
        n = WRITERS[fmt](events, fh)
    if output != "-":
        click.echo(f"{n:,} events → {Path(output)}", err=True)
