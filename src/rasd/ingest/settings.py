"""Ingest settings: each declared once with its name, default and help; the environment may override.

``RASD_MAX_BYTES=10000000 rasd ingest ...`` overrides ``max_bytes`` (the per-file / per-record limit);
``RASD_MAX_CHARS`` the per-document text limit; ``RASD_CONNECT_TIMEOUT`` the wait for a Dask scheduler.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from rasd.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: int
    help: str

    def value(self) -> int:
        """The value from ``RASD_<NAME>`` in the environment if set, else the default."""
        name = f"RASD_{self.name.upper()}"
        raw = os.environ.get(name, "").strip()
        if not raw:
            return self.default
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if value < 1:
            raise ConfigError(f"{name}={raw!r} is not a whole number >= 1 ({self.help})")
        return value


MAX_BYTES = Setting("max_bytes", 50 * 1024 * 1024, "largest file or record (bytes) ingest reads; larger: E105")
MAX_CHARS = Setting("max_chars", 500_000,
                    "longest document text (characters, after cleaning) processed; longer: E105")
CONNECT_TIMEOUT = Setting("connect_timeout", 10, "seconds to wait for a Dask scheduler (--scheduler)")
SNIFF_BYTES = Setting("sniff_bytes", 4096, "bytes inspected for binary content (NUL bytes, magic numbers)")

SETTINGS: tuple[Setting, ...] = (MAX_BYTES, MAX_CHARS, CONNECT_TIMEOUT, SNIFF_BYTES)
