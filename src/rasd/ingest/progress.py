"""Progress display for batches: a rich bar on a terminal, a plain line now and then otherwise.

Every display also prints notes (one line per failed input) on standard error, above the bar.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, TextIO

from rasd.ingest.formats import split_name
from rasd.ingest.walk import STDIN, expand_paths


class Display(Protocol):
    def advance(self, failed: int) -> None: ...
    def note(self, line: str) -> None: ...
    def close(self) -> None: ...


class Quiet:
    """No progress, only notes."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    def advance(self, failed: int) -> None:
        pass

    def note(self, line: str) -> None:
        print(line, file=self.stream, flush=True)

    def close(self) -> None:
        pass


class Plain(Quiet):
    """A line every ``every`` seconds: inputs done, rate, failures (for logs and pipes)."""

    def __init__(self, stream: TextIO | None = None, every: float = 10.0) -> None:
        super().__init__(stream)
        self.every = every
        self.done = 0
        self.started = self.last = time.monotonic()

    def advance(self, failed: int) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            rate = self.done / (now - self.started)
            self.note(f"rasd: {self.done:,} input{'' if self.done == 1 else 's'}, {rate:.1f}/s, {failed:,} failed")

    def close(self) -> None:
        pass


class Bar(Quiet):
    """A rich progress bar on standard error."""

    def __init__(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
            console=self.console, transient=False,
        )
        self.task = self.progress.add_task("ingest", total=total, failed=0)
        self.progress.start()

    def advance(self, failed: int) -> None:
        self.progress.update(self.task, advance=1, failed=failed)

    def note(self, line: str) -> None:
        self.console.print(line, markup=False, highlight=False)

    def close(self) -> None:
        self.progress.stop()


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many inputs ``paths`` hold (JSON Lines counted by line); None if unknowable (stdin, WARC)."""
    total = 0
    for item in expand_paths(paths):
        if item == STDIN:
            return None
        if not isinstance(item, Path):
            total += 1
            continue
        fmt, gz = split_name(item.name)
        if fmt == "warc" or gz:
            return None
        if fmt == "jsonl":
            with open(item, "rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        else:
            total += 1
    return total


def make_display(paths: list[str | Path], progress: bool) -> Display:
    """The display for a batch: a bar when ``progress`` and stderr is a terminal, else plain lines."""
    if not progress:
        return Quiet()
    if sys.stderr.isatty():
        return Bar(count_inputs(paths))
    return Plain()
