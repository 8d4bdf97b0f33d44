"""``rasd stats``: counts of documents, events and errors in a database."""

from __future__ import annotations

import json

import click


@click.command("stats")
@click.option("--db", default="rasd.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="SQLite database to read.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as one JSON object.")
def stats_cmd(db: str, as_json: bool) -> None:
    """Show how many documents, segments, events and errors the database holds, with breakdowns
    by source, event type, country and error code.

    Example: rasd stats --db rasd.db
    """
    from rasd.cli._store import open_store

    with open_store(db) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for k, n in list(value.items())[:15]:
                click.echo(f"  {k}\t{n:,}")
            if len(value) > 15:
                click.echo(f"  … {len(value) - 15} more")
        else:
            click.echo(f"{key}\t{value if value is not None else '-'}")
