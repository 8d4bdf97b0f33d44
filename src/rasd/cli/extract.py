"""``rasd extract``: inputs (anything ``rasd ingest`` reads) → events as JSON Lines."""

from __future__ import annotations

import json
import sys

import click

from rasd.errors import InputError, RasdError


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Write events here (JSON Lines, one event a line; - for standard output).")
def extract_cmd(paths: tuple[str, ...], output: str) -> None:
    """Extract ACLED-style events from PATHS (files, folders, JSONL, HTML, TXT, WARC, - for stdin).

    Each output line is one event with every field of rasd.model.EVENT_FIELDS plus id and
    doc_ids. An input that fails is reported on standard error, one line naming it; the batch
    goes on. Exit code 0 all fine, 1 some inputs failed, 3 nearly all failed.

    Example: rasd extract articles.jsonl -o events.jsonl
    """
    from rasd.ingest import iter_sources
    from rasd.pipeline import process

    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    total = failed = events = 0
    try:
        for item in iter_sources(list(paths)):
            total += 1
            try:
                if isinstance(item, InputError):
                    raise item
                result = process(item)
            except RasdError as exc:
                failed += 1
                click.echo(str(exc), err=True)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
                failed += 1
                click.echo(str(InputError("E200", item.origin, f"{type(exc).__name__}: {exc}")), err=True)
                continue
            for ev in result.events:
                out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                events += 1
    finally:
        if out is not sys.stdout:
            out.close()
    click.echo(f"{total} inputs, {failed} failed, {events} events", err=True)
    if failed:
        raise SystemExit(3 if failed == total or failed / total > 0.9 else 1)
