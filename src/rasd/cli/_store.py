"""Open a ``Store`` for a command, turning a bad database file into a one-line CLI error."""

from __future__ import annotations

import click

from rasd.store import Store, StoreError


def open_store(db: str) -> Store:
    try:
        return Store(db)
    except StoreError as e:
        raise click.ClickException(str(e)) from e
