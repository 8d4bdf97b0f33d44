"""The ``rasd`` command line: a thin layer over the library.

Each command lives in its own module under ``rasd.cli`` and does one library call; they are
registered here, explicitly, in one list (no import-time decorators elsewhere).
Exit codes: 0 all inputs fine, 1 some inputs failed, 2 usage error, 3 nearly all failed.
"""

from __future__ import annotations

import importlib

import click

from rasd import __version__

# (module under rasd.cli, attribute) — add a command by adding its line here.
COMMANDS: list[tuple[str, str]] = [
    ("clean", "clean_cmd"),
    ("eval", "eval_cmd"),
    ("watch", "watch_cmd"),
    ("bench", "bench_cmd"),
    ("serve", "serve_cmd"),
    ("ingest", "ingest_cmd"),
    ("export", "export_cmd"),
    ("stats", "stats_cmd"),
    ("demo", "demo_cmd"),
    ("extract", "extract_cmd"),
    ("geocode", "geocode_cmd"),
    ("gazetteer", "gazetteer_cmd"),
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasd")
def main() -> None:
    """rasd (رصد): Arabic conflict news → geocoded ACLED-style events with evidence.

    Example: rasd demo
    """


def _register() -> None:
    for module, attr in COMMANDS:
        cmd = getattr(importlib.import_module(f"rasd.cli.{module}"), attr)
        main.add_command(cmd)


_register()
