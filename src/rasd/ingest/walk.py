"""Expand the paths a user gave into input files: folders recursively, sorted, hidden names skipped.

Paths come out absolute (``os.path.abspath``: ``..`` removed, links kept), so an input's origin
(stored with its document and its errors) is the same whichever directory rasd runs from.
``-`` stands for standard input and is passed through. A path that does not exist, a folder that
cannot be listed, a folder with no input files in it, and a symbolic link that leads back into a
folder being walked (a loop) each come out as an ``InputError`` in its place. Links to folders
are followed, so a folder of links to data folders reads like the folders themselves.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.errors import InputError

STDIN = "-"


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~") or name == "__pycache__"


def _walk_dir(folder: Path, ancestors: frozenset[str]) -> Iterator[Path | InputError]:
    """Files under ``folder``; ``ancestors``: real paths of the folders above it (loop guard)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield InputError("E100", str(folder), e.strerror or str(e))
        return
    here = ancestors | {os.path.realpath(folder)}
    for entry in entries:
        if _is_hidden(entry.name):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()  # follows links to folders
        except OSError:
            is_dir = False
        if not is_dir:
            yield path
        elif entry.is_symlink() and os.path.realpath(path) in here:
            yield InputError("E100", str(path), f"symbolic link loop (leads back to {os.path.realpath(path)})")
        else:
            yield from _walk_dir(path, here)


def _walk_top(folder: Path) -> Iterator[Path | InputError]:
    found = False
    for item in _walk_dir(folder, frozenset()):
        found = found or isinstance(item, Path)
        yield item
    if not found:
        yield InputError("E101", str(folder), "no input files in this folder (hidden names are skipped)")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | str | InputError]:
    """Yield each input file (``Path``), ``"-"`` for stdin, or an ``InputError`` for a bad path."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(os.path.abspath(raw))  # absolute: an input's origin is the same from any directory
        if path.is_dir():
            yield from _walk_top(path)
        elif path.exists():
            yield path
        else:
            yield InputError("E100", str(path), "no such file or directory")
