"""Open a ``Store`` for a command, turning a bad database file into a one-line CLI error (exit 2)."""

from __future__ import annotations

from rasd.cli._exit import ConfigProblem
from rasd.store import Store, StoreError


def open_store(db: str) -> Store:
    """``Store(db)``; a file that is not a rasd database, or cannot be created, exits 2."""
    try:
        return Store(db)
    except StoreError as e:
        raise ConfigProblem(str(e)) from e
