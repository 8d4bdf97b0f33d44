"""``rasd geocode``: print the places found in an Arabic text, their candidates and the choice."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from rasd.errors import RasdError


@click.command("geocode")
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the places as JSON lines.")
@click.option("--candidates", "n_cands", default=3, show_default=True, help="Runners-up to show per place.")
def geocode_cmd(text: str | None, as_json: bool, n_cands: int) -> None:
    """Find and resolve the places named in TEXT (or standard input).

    Example: rasd geocode "تفجير عبوة ناسفة قرب جسر مدينة الميادين شرق دير الزور"
    """
    from rasd.geo.locate import geocode_text

    if text is None:
        text = sys.stdin.read()
    if not text.strip():
        raise click.UsageError("no text given")
    try:
        places = geocode_text(text)
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc
    for p in places:
        if as_json:
            click.echo(json.dumps(asdict(p), ensure_ascii=False))
            continue
        where = " / ".join(x for x in (p.country, p.admin1, p.admin2, p.admin3) if x)
        span = f"[{p.span.start}:{p.span.end}]" if p.span else ""
        click.echo(f"{p.location_ar} {span} → {p.location} ({where}) precision {p.geo_precision} "
                   f"@ {p.latitude},{p.longitude}")
        click.echo(f"    why: {p.reason}")
        for c in p.candidates[1:1 + n_cands]:
            click.echo(f"    also: {c['name']} [{c['kind']}, {c['country']}/{c['admin1'] or '-'}] score {c['score']}")
    if not places:
        click.echo("no places found")
