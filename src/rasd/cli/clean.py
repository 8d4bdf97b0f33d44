"""``rasd clean``: print the segments of one file (or each document in it), as text or JSON Lines."""

from __future__ import annotations

import json

import click

from rasd.errors import InputError


@click.command("clean")
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--json", "as_json", is_flag=True,
              help='One JSON object per segment: {"doc_id", "start", "end", "kind", "text", "story"}.')
@click.option("--all", "show_all", is_flag=True, help="Include dropped segments (boilerplate, teaser).")
def clean_cmd(file: str, as_json: bool, show_all: bool) -> None:
    """Extract the main text of FILE (txt, html, json, jsonl, warc, a folder, or - for stdin) and
    print its segments with their character offsets into the document's text.

    Without --json: a header line per document, then each segment as
    "[kind start-end] text". Kept title/article segments only, unless --all.

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
        except InputError as exc:
            failed += 1
            click.echo(str(exc), err=True)
            continue
        shown = [seg for seg in segs if show_all or seg.kind in KEPT]
        if not as_json:
            click.echo(f"== {doc.id} ({doc.origin}): {len(doc.text):,} characters, {len(shown)} segments")
        for seg in shown:
            if as_json:
                click.echo(json.dumps({"doc_id": doc.id, **seg.to_dict()}, ensure_ascii=False))
            else:
                click.echo(f"[{seg.kind} {seg.start}-{seg.end}] {seg.text}")
    if failed:
        raise SystemExit(3 if failed == total or failed / total > 0.9 else 1)
