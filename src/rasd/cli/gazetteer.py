"""``rasd gazetteer``: build the shipped gazetteer from ../shared/data, or show what it holds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from rasd.errors import RasdError


@click.group("gazetteer")
def gazetteer_cmd() -> None:
    """Build or inspect the gazetteer.

    Example: rasd gazetteer build --data ../shared/data
    """


@gazetteer_cmd.command("build")
@click.option("--data", "data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True, help="Folder with the raw place sources.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: the package's data folder).")
def build_cmd(data_dir: Path, out: Path | None) -> None:
    """Derive gazetteer.tsv.gz and admin_boundaries.geojson (needs shapely; build time only).

    Example: rasd gazetteer build --data ../shared/data
    """
    from rasd.geo.build import build
    from rasd.geo.gazetteer import DATA_DIR

    try:
        counts = build(data_dir, out or DATA_DIR)
    except (RasdError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(counts, indent=1))


@gazetteer_cmd.command("info")
def info_cmd() -> None:
    """Count the shipped gazetteer's entries by country, kind and source.

    Example: rasd gazetteer info
    """
    from rasd.geo.gazetteer import load

    g = load()
    click.echo(f"{len(g.entries)} entries, {len(g.by_key)} name keys")
    for label, counter in (("country", Counter(e.country for e in g.entries)),
                           ("kind", Counter(e.kind for e in g.entries)),
                           ("source", Counter(e.src for e in g.entries))):
        click.echo(f"by {label}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common(12)))
