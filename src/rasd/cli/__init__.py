"""The ``rasd`` command line: a thin layer over the library.

Each command lives in its own module under ``rasd.cli`` and does one library call; they are
registered here, explicitly, in one list, and imported only when used (no import-time decorators).
Exit codes (``rasd.cli._exit``): 0 all inputs fine, 1 some inputs failed, 2 usage or configuration
error (a broken knowledge file or setting stops any command here, once, with exit 2), 3 nearly all
failed, 130 interrupted.
"""

from __future__ import annotations

import importlib

import click

from rasd import __version__

# (module under rasd.cli, attribute): the command is named after its module; add a line to add one.
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


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs (or is listed in
    ``--help``), so one broken or slow module never takes the whole CLI down with it."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(module for module, _ in COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        for module, attr in COMMANDS:
            if module == name:
                return getattr(importlib.import_module(f"rasd.cli.{module}"), attr)
        return None

    def invoke(self, ctx: click.Context):
        from rasd.cli._exit import ConfigProblem
        from rasd.errors import FATAL_ERRORS, KnowledgeError

        try:
            return super().invoke(ctx)
        except FATAL_ERRORS as err:
            what = "a knowledge file is broken" if isinstance(err, KnowledgeError) else "configuration error"
            raise ConfigProblem(f"{err} ({what}; the run stopped, nothing was recorded against the inputs)") from err


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasd")
def main() -> None:
    """rasd (رصد): Arabic conflict news → geocoded ACLED-style events with evidence.

    Example: rasd demo
    """
