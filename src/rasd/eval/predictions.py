"""System events to score: read from a JSONL file, or produced by running the extractor on gold texts.

A predictions file holds either one event per line (``Event.to_dict()``, keyed by ``doc_id``)
or one document per line (``{"doc_id": …, "events": [...]}``, the gold layout).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasd.eval.gold import GoldDoc, read_records


def load_predictions(path: Path | str) -> dict[str, list[dict[str, Any]]]:
    """doc_id → list of event dicts, from a predictions JSONL file (see module doc)."""
    preds: dict[str, list[dict[str, Any]]] = {}
    for _, rec in read_records(Path(path)):
        if isinstance(rec.get("events"), list):
            preds.setdefault(rec["doc_id"], []).extend(rec["events"])
        else:
            preds.setdefault(rec["doc_id"], []).append(rec)
    return preds


def run_extractor(
    gold: list[GoldDoc], on_error: Callable[[str, Exception], None] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Run ``rasd.clean.segments.segment`` + ``rasd.extract.extract_events`` on each gold text.

    A document whose extraction raises is reported to ``on_error(doc_id, exc)`` (or re-raised
    when no handler is given) and scored with no events.
    """
    from rasd.clean.segments import segment  # imported late: the stages may not exist yet
    from rasd.extract import extract_events
    from rasd.model import Document

    preds: dict[str, list[dict[str, Any]]] = {}
    for gd in gold:
        doc = Document(id=gd.doc_id, text=gd.text, source=gd.source, published=gd.published)
        try:
            events = extract_events(doc, segment(doc))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the evaluation
            if on_error is None:
                raise
            on_error(gd.doc_id, exc)
            events = []
        preds[gd.doc_id] = [ev.to_dict() for ev in events]
    return preds
