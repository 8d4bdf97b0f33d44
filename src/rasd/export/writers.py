"""rasd's own output formats: JSON Lines (every field, evidence spans included), CSV, GeoJSON.

Each writer takes an iterable of ``Event`` and an open text file, streams, and returns how many
events it wrote.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from rasd.model import EVENT_FIELDS, Event

CSV_COLUMNS = ("id", *(f for f in EVENT_FIELDS if f != "evidence_spans"), "doc_ids", "evidence_spans")


def write_jsonl(events: Iterable[Event], fh: IO[str]) -> int:
    """One JSON object per line: ``Event.to_dict()`` (UTF-8 Arabic kept as is)."""
    n = 0
    for ev in events:
        fh.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_row(ev: Event) -> dict[str, Any]:
    d = ev.to_dict()
    d["doc_ids"] = ";".join(d["doc_ids"])
    d["evidence_spans"] = json.dumps(d["evidence_spans"], ensure_ascii=False)
    return {c: "" if d.get(c) is None else d[c] for c in CSV_COLUMNS}


def write_rows(events: Iterable[Event], fh: IO[str], columns: Sequence[str],
               row: Callable[[Event], dict[str, Any]]) -> int:
    """CSV: a header of ``columns``, then ``row(ev)`` for each event; return the row count."""
    writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(row(ev))
        n += 1
    return n


def write_csv(events: Iterable[Event], fh: IO[str]) -> int:
    """CSV with rasd's fields (``CSV_COLUMNS``); ``doc_ids`` joined by ``;``, spans as JSON."""
    return write_rows(events, fh, CSV_COLUMNS, csv_row)


def feature(ev: Event) -> dict[str, Any] | None:
    """A GeoJSON Point feature for an event with coordinates, else None."""
    if ev.latitude is None or ev.longitude is None:
        return None
    props = ev.to_dict()
    del props["latitude"], props["longitude"]
    out: dict[str, Any] = {"type": "Feature"}
    if ev.id:  # RFC 7946: an id is a string or a number, never null
        out["id"] = ev.id
    out["geometry"] = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
    out["properties"] = props
    return out


def write_geojson(events: Iterable[Event], fh: IO[str]) -> int:
    """A FeatureCollection of Point features, one per event whose latitude/longitude are known
    (events without them are left out); returns the number of features."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        f = feature(ev)
        if f is None:
            continue
        fh.write((",\n" if n else "") + json.dumps(f, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n
