"""``rasd export``: write the database's events as JSON Lines, CSV, ACLED CSV or GeoJSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from rasd.cli._exit import ConfigProblem
from rasd.export import WRITERS


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD (e.g. 2018-07-22)")


def _country(value: str | None) -> str | None:
    """The country as stored (ACLED's English name) for any name, ISO code or Arabic name rasd knows."""
    from rasd.export.acled import canonical_country

    return canonical_country(value) if value else None


def _event_type(value: str | None) -> str | None:
    from rasd.export.acled import canonical_event_type

    if value is None:
        return None
    try:
        return canonical_event_type(value)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="'--event-type'") from err


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)), default="jsonl", show_default=True,
              help="Output format.")
@click.option("--db", default="rasd.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="SQLite database to read.")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (- for standard output).")
@click.option("--country", default=None,
              help="Only events in this country: English name, ISO code or Arabic name (Syria, SYR, سوريا).")
@click.option("--event-type", default=None, help="Only events of this ACLED event type (e.g. Battles).")
@click.option("--since", default=None, metavar="YYYY-MM-DD", callback=_iso_date,
              help="Only events on or after this date.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", callback=_iso_date,
              help="Only events on or before this date.")
def export_cmd(fmt: str, db: str, output: str, country: str | None, event_type: str | None,
               since: str | None, until: str | None) -> None:
    """Write the stored events in one format.

    Formats: jsonl (every field with evidence spans), csv (rasd's fields), acled-csv (ACLED's
    columns and order), geojson (a FeatureCollection of Point features, [longitude, latitude],
    for events with coordinates).

    Example: rasd export --format acled-csv --db rasd.db --country Syria -o events.csv
    """
    from rasd.cli._store import open_store

    filters = {"country": _country(country), "event_type": _event_type(event_type), "since": since, "until": until}
    with open_store(db) as store:
        try:
            fh = click.open_file(output, "w", encoding="utf-8")
        except OSError as e:
            raise ConfigProblem(f"{output}: cannot write ({e.strerror or e})") from e
        with fh:
            n = WRITERS[fmt](store.iter_events(**filters), fh)
    if output != "-":
        click.echo(f"{n:,} events → {Path(output)}", err=True)
