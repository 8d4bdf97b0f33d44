"""``rasd extract``: inputs (anything ``rasd ingest`` reads) → events as JSON Lines."""

from __future__ import annotations

import json
import sys

import click

from rasd.cli._exit import ConfigProblem, plural
from rasd.cli.ingest import MAX_CHARS_OPTION, set_max_chars
from rasd.errors import FATAL_ERRORS, InputError


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Write events here (JSON Lines, one event a line; - for standard output).")
@MAX_CHARS_OPTION
def extract_cmd(paths: tuple[str, ...], output: str, max_chars: int | None) -> None:
    """Extract ACLED-style events from PATHS (files, folders, JSONL, HTML, TXT, WARC, - for stdin).

    Each output line is one event with every field of rasd.model.EVENT_FIELDS plus id and
    doc_ids. An input that fails is reported on standard error, one line naming it; the batch
    goes on. Exit code 0 all fine, 1 some inputs failed, 2 usage or configuration error (an
    unwritable output, a broken knowledge file), 3 nearly all failed.

    Example: rasd extract articles.jsonl -o events.jsonl
    """
    from rasd.ingest import iter_sources
    from rasd.ingest.bugs import report_exception
    from rasd.pipeline import check_knowledge, process

    set_max_chars(max_chars)
    try:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        raise ConfigProblem(f"{output}: cannot write ({e.strerror or e})") from e
    total = failed = events = 0

    def note(line: str) -> None:
        click.echo(line, err=True)

    try:
        for item in iter_sources(list(paths)):
            total += 1
            try:
                if isinstance(item, InputError):
                    raise item
                check_knowledge()  # once: a broken knowledge file stops here, before the first input
                result = process(item)
            except InputError as exc:
                failed += 1
                note(str(exc))
                continue
            except FATAL_ERRORS:
                raise
            except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
                failed += 1
                report_exception(exc, item.origin, note)
                note(str(InputError("E200", item.origin, f"{type(exc).__name__}: {exc}")))
                continue
            for ev in result.events:
                out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                events += 1
    finally:
        if out is not sys.stdout:
            out.close()
    click.echo(f"{plural(total, 'input')}, {failed:,} failed, {plural(events, 'event')}", err=True)
    if failed:
        raise SystemExit(3 if failed == total or failed / total > 0.9 else 1)
