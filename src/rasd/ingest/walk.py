"""Expand the paths a user gave into input files: folders recursively, sorted, hidden names skipped.

``-`` stands for standard input and is passed through. A path that does not exist, or a folder
that cannot be listed, comes out as an ``InputError`` (E100) in its place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.errors import InputError

STDIN = "-"


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~") or name == "__pycache__"


def _walk_dir(folder: Path) -> Iterator[Path | InputError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield InputError("E100", str(folder), e.strerror or str(e))
        return
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk_dir(path)
        else:
            yield path


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | str | InputError]:
    """Yield each input file (``Path``), ``"-"`` for stdin, or an ``InputError`` for a bad path."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk_dir(path)
        elif path.exists():
            yield path
        else:
            yield InputError("E100", str(path), "no such file or directory")
