"""The demo: ingest the bundled sample article into a fresh folder and export its events in every format."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import as_file, files
from pathlib import Path

from rasd.export.acled import write_acled_csv
from rasd.export.writers import write_geojson, write_jsonl
from rasd.ingest.batch import BatchResult, run_batch
from rasd.model import Event
from rasd.store import Store

SAMPLE = "000_8dbeb5ba9d9aad17.txt"
OUTPUTS = {"events.jsonl": write_jsonl, "events.csv": write_acled_csv, "events.geojson": write_geojson}


@dataclass(slots=True)
class DemoResult:
    db: Path
    batch: BatchResult
    events: list[Event]
    files: dict[str, Path] = field(default_factory=dict)


def run_demo(out_dir: str | Path) -> DemoResult:
    """Ingest the sample into ``out_dir/rasd.db`` and write ``events.jsonl``, ``events.csv`` (ACLED)
    and ``events.geojson`` beside it."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "rasd.db"
    with as_file(files("rasd.sample").joinpath(SAMPLE)) as sample, Store(db) as store:
        batch = run_batch([sample], store, resolve=True)
        events = list(store.iter_events())
    result = DemoResult(db, batch, events)
    for name, writer in OUTPUTS.items():
        path = out / name
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer(events, fh)
        result.files[name] = path
    return result
