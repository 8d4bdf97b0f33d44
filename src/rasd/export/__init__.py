"""Export: events to JSON Lines, CSV, ACLED CSV and GeoJSON (``WRITERS`` maps format name → writer)."""

from collections.abc import Callable, Iterable
from typing import IO

from rasd.export.acled import ACLED_COLUMNS, write_acled_csv
from rasd.export.writers import CSV_COLUMNS, write_csv, write_geojson, write_jsonl
from rasd.model import Event

Writer = Callable[[Iterable[Event], IO[str]], int]

WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
}

__all__ = ["ACLED_COLUMNS", "CSV_COLUMNS", "WRITERS", "write_acled_csv", "write_csv", "write_geojson", "write_jsonl"]
