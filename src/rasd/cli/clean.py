"""``rasd clean``: print the segments of one file (or each document in it) as JSON Lines."""

from __future__ import annotations

import json

import click

from rasd.errors import InputError, RasdError


@click.command("clean")
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per segment (the default output too).")
@click.option("--all", "show_all", is_flag=True, help="Include dropped segments (boilerplate, teaser).")
def clean_cmd(file: str, as_json: bool, show_all: bool) -> None:
    """Extract the main text of FILE (txt, html, jsonl, warc, a folder, or - for stdin) and print
    its segments with offsets.

    Each line: {"doc_id", "text", "start", "end", "kind", "story"}; kept title/article segments
    only, unless --all.

    Example: rasd clean page.html --json
    """
    from rasd.clean.document import to_document
    from rasd.clean.segments import KEPT, segment
    from rasd.ingest import iter_sources

    total = failed = 0
    for item in iter_sources([file]):
        total += 1
        try:
            if isinstance(item, InputError):
                raise item
            doc = to_document(item)
            segs = segment(doc)
        except RasdError as exc:
            failed += 1
            click.echo(str(exc), err=True)
            continue
        for seg in segs:
            if show_all or seg.kind in KEPT:
                click.echo(json.dumps({"doc_id": doc.id, **seg.to_dict()}, ensure_ascii=False))
    if failed:
        raise SystemExit(3 if failed == total or failed / total > 0.9 else 1)
