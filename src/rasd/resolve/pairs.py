"""Score the resolver on a labelled pair set (``eval/pairs.jsonl``): pairwise precision and recall.

Each line holds two event descriptions (``a``, ``b``: Event fields plus ``published``) and a hand
label (``same`` / ``diff``) with its reason. ``python -m rasd.resolve.pairs eval/pairs.jsonl``
prints the figures and every wrong decision.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.model import EVENT_FIELDS, Event
from rasd.resolve.score import same_event, score_pair
from rasd.resolve.settings import DEFAULT, ResolveSettings


@dataclass(slots=True)
class PairReport:
    """Pairwise confusion counts, precision/recall, and the pairs decided wrongly."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def pair_event(d: dict[str, Any]) -> Event:
    """An Event from one side of a labelled pair (with its report's publication date)."""
    ev = Event.from_dict({k: d.get(k) for k in EVENT_FIELDS if k in d})
    ev.published = d.get("published")
    return ev


def load_pairs(path: Path | str) -> list[tuple[Event, Event, bool, dict[str, Any]]]:
    """``(a, b, same?, record)`` for each labelled pair of the JSONL file at ``path``."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append((pair_event(rec["a"]), pair_event(rec["b"]), rec["label"] == "same", rec))
    return out


def coded_events(path: Path | str) -> dict[str, Event]:
    """Every event of a labelled pair set by its key (``D7``: event 7 of cluster ``D``)."""
    out: dict[str, Event] = {}
    for a, b, _, rec in load_pairs(path):
        key_a, key_b = rec["keys"]
        out[key_a], out[key_b] = a, b
    return out


def evaluate(path: Path | str, settings: ResolveSettings = DEFAULT) -> PairReport:
    """Run ``same_event`` on every labelled pair and count agreements with the labels."""
    rep = PairReport()
    for a, b, gold, rec in load_pairs(path):
        guess = same_event(a, b, settings)
        if guess and gold:
            rep.tp += 1
        elif guess:
            rep.fp += 1
        elif gold:
            rep.fn += 1
        else:
            rep.tn += 1
        if guess != gold:
            rep.errors.append({"keys": rec.get("keys"), "label": rec["label"], "kind": rec.get("kind"),
                               "score": round(score_pair(a, b, settings), 3), "reason": rec.get("reason")})
    return rep


def main(argv: list[str] | None = None) -> None:
    path = (argv or sys.argv[1:] or ["eval/pairs.jsonl"])[0]
    rep = evaluate(path)
    print(f"pairs {rep.tp + rep.fp + rep.fn + rep.tn}: tp {rep.tp} fp {rep.fp} fn {rep.fn} tn {rep.tn}")
    print(f"precision {rep.precision:.3f}  recall {rep.recall:.3f}")
    for e in rep.errors:
        print(f"  {e['label']:4s} {e['score']:.3f} {e['keys']} [{e['kind']}] {e['reason']}")


if __name__ == "__main__":
    main()
