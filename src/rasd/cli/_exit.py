"""The command line's exit codes, and the one exception for a usage or configuration error (exit 2).

0 every input fine · 1 some inputs failed · 2 usage or configuration error (bad option, a database
file that is not a database, an unwritable output, a broken knowledge file or setting, a port in
use, an unreachable Dask scheduler, a missing watch folder) · 3 nearly all (>= 90 %) inputs failed ·
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import click

OK, SOME_FAILED, CONFIG, NEARLY_ALL_FAILED, INTERRUPTED = 0, 1, 2, 3, 130


class ConfigProblem(click.ClickException):
    """A usage or configuration error: printed as one ``Error: ...`` line, exit status 2."""

    exit_code = CONFIG


def plural(n: int, word: str) -> str:
    """``1 input``, ``2 inputs`` (thousands separated)."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")
