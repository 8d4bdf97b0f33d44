"""Ingest settings: each declared once with its name, default and help; the environment may override.

``RASD_MAX_BYTES=10000000 rasd ingest ...`` overrides ``max_bytes`` (the per-file / per-record limit).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: int
    help: str

    def value(self) -> int:
        """The value from ``RASD_<NAME>`` in the environment if set, else the default."""
        raw = os.environ.get(f"RASD_{self.name.upper()}")
        return int(raw) if raw else self.default


MAX_BYTES = Setting("max_bytes", 50 * 1024 * 1024, "largest file or record (bytes) ingest reads; larger: E105")
SNIFF_BYTES = Setting("sniff_bytes", 4096, "bytes inspected for binary content (NUL bytes, magic numbers)")

SETTINGS: tuple[Setting, ...] = (MAX_BYTES, SNIFF_BYTES)
