"""The eval gate: floors (and one ceiling) for the metrics plus the gold file's sha256.

A gate file is JSON: ``{"gold": name, "gold_sha256": hex, "floors": {metric: value},
"ceilings": {metric: value}}``. ``check_gate`` lists every breach (a metric below its floor,
above its ceiling, or a gold file whose hash changed); ``write_gate`` records current figures.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from rasd.eval.gold import gold_sha256
from rasd.eval.score import Report

FLOOR_METRICS = (
    "event_precision", "event_recall", "event_f1", "subtype_accuracy", "actor_f1",
    "admin2_accuracy", "date_accuracy", "fatalities_accuracy",
)
CEILING_METRICS = ("false_events_on_empty_docs",)


def _floor(x: float | int | None) -> float:
    return math.floor((x or 0.0) * 10_000) / 10_000


def write_gate(gate_path: Path | str, report: Report, gold_path: Path | str) -> dict[str, Any]:
    """Record the report's figures as the gate's floors/ceilings; returns what was written."""
    gate = {
        "gold": Path(gold_path).name,
        "gold_sha256": gold_sha256(gold_path),
        "floors": {m: _floor(report.metrics.get(m)) for m in FLOOR_METRICS},
        "ceilings": {m: report.metrics.get(m) or 0 for m in CEILING_METRICS},
    }
    path = Path(gate_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(gate, indent=2) + "\n", encoding="utf-8")
    return gate


def check_gate(gate_path: Path | str, report: Report, gold_path: Path | str) -> list[str]:
    """Every breach of the gate in ``gate_path`` as one line each; empty when the gate passes."""
    gate = json.loads(Path(gate_path).read_text(encoding="utf-8"))
    breaches = []
    sha = gold_sha256(gold_path)
    if gate.get("gold_sha256") and gate["gold_sha256"] != sha:
        breaches.append(f"gold file changed: sha256 {sha[:12]}… ≠ gate's {gate['gold_sha256'][:12]}… "
                        "(re-record with --write-gate)")
    for metric, floor in (gate.get("floors") or {}).items():
        value = report.metrics.get(metric)
        if (value or 0.0) + 1e-9 < floor:
            breaches.append(f"{metric} {_fmt(value)} below floor {floor:.4f}")
    for metric, ceiling in (gate.get("ceilings") or {}).items():
        value = report.metrics.get(metric)
        if (value or 0) > ceiling:
            breaches.append(f"{metric} {value} above ceiling {ceiling}")
    return breaches


def _fmt(value: float | int | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"
