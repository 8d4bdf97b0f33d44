"""Store: rasd's SQLite database (``Store``, schema in ``schema.sql``, upgrades in ``migrations``)."""

from rasd.store.db import Store, StoreError, event_key

__all__ = ["Store", "StoreError", "event_key"]
