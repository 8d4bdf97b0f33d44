"""Score system events against gold, as ``../shared/eval/README.md`` defines it.

Per document, system events are paired one-to-one with gold and optional events by a
maximum-weight assignment (``rasd.eval.assign``): a pair may form when the event types are
equal and the places agree (same country; for Syria and Iraq, the same admin1 when both give
one). The assignment maximises, in this order, matches with gold events, matches with optional
events, then attribute agreement. Pairs with optional events count for nothing and their system
events are left out of precision and of the fatalities sum.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rasd.eval.assign import assign
from rasd.eval.gold import GoldDoc

ADMIN1_COUNTRIES = {"syria", "iraq"}
_W_GOLD = 10**8
_W_OPTIONAL = 10**5


@dataclass(slots=True)
class Mismatch:
    """An attribute on which a matched system event disagrees with its gold event."""

    field: str
    gold: Any
    system: Any
    gold_index: int
    system_index: int


@dataclass(slots=True)
class DocReport:
    """What went wrong in one document: missed gold events, false events, attribute mismatches."""

    doc_id: str
    gold_events: int
    system_events: int
    matched: int = 0
    optional_matched: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_events: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    gold_fatalities: int = 0
    system_fatalities: int = 0

    @property
    def ok(self) -> bool:
        return not (self.misses or self.false_events or self.mismatches) and (
            self.gold_fatalities == self.system_fatalities)


@dataclass(slots=True)
class Report:
    """Metrics over all documents (ratios are None when their denominator is 0) plus per-doc detail."""

    metrics: dict[str, float | int | None]
    docs: list[DocReport]
    unknown_docs: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": dict(self.metrics), "unknown_docs": list(self.unknown_docs),
                "docs": [asdict(d) for d in self.docs]}


def _key(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def _same(a: Any, b: Any) -> bool:
    return _key(a) == _key(b)


def _day(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and value else None


def _actors(ev: dict[str, Any]) -> set[str]:
    return {_key(ev.get(k)) for k in ("actor1", "actor2") if ev.get(k)}


def _names(ev: dict[str, Any]) -> list[str]:
    return sorted({ev[k] for k in ("actor1", "actor2") if ev.get(k)})


def _fatalities(ev: dict[str, Any]) -> int:
    try:
        return int(ev.get("fatalities") or 0)
    except (TypeError, ValueError):
        return 0


def compatible(gold: dict[str, Any], system: dict[str, Any]) -> bool:
    """May these two events pair? Same event type, same country, same admin1 (Syria/Iraq, both given)."""
    if not _same(gold.get("event_type"), system.get("event_type")):
        return False
    if not _same(gold.get("country"), system.get("country")):
        return False
    if _key(gold.get("country")) in ADMIN1_COUNTRIES and gold.get("admin1") and system.get("admin1"):
        return _same(gold["admin1"], system["admin1"])
    return True


def _agreement(gold: dict[str, Any], system: dict[str, Any]) -> int:
    """Attribute agreement (0–8), used only to break ties between equally many matches."""
    return (
        2 * _same(gold.get("sub_event_type"), system.get("sub_event_type"))
        + len(_actors(gold) & _actors(system))
        + _same(gold.get("admin2"), system.get("admin2"))
        + _same(gold.get("admin3"), system.get("admin3"))
        + (_day(gold.get("event_date")) == _day(system.get("event_date")))
        + (_fatalities(gold) == _fatalities(system))
    )


def match_document(gold: list[dict[str, Any]], optional: list[dict[str, Any]],
                   system: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Optimal pairs ``(target, system_index)``; target ``< len(gold)`` is a gold event, else optional."""
    targets = gold + optional
    weights = [
        [(_W_GOLD if t < len(gold) else _W_OPTIONAL) + _agreement(g, s) if compatible(g, s) else 0
         for s in system]
        for t, g in enumerate(targets)
    ]
    return assign(weights)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: list[GoldDoc], predictions: dict[str, list[dict[str, Any]]]) -> Report:
    """Score ``predictions`` (doc_id → system event dicts) against ``gold`` (see module doc)."""
    tp = n_gold = n_sys_counted = 0
    sub_ok = admin2_ok = date_ok = 0
    act_tp = act_sys = act_gold = 0
    fat_docs = fat_ok = 0
    false_on_empty = empty_docs = 0
    docs: list[DocReport] = []
    for gd in gold:
        system = list(predictions.get(gd.doc_id, []))
        rep = DocReport(gd.doc_id, len(gd.events), len(system))
        pairs = match_document(gd.events, gd.optional_events, system)
        matched_sys = {s for _, s in pairs}
        to_optional = {s for t, s in pairs if t >= len(gd.events)}
        matched_gold = {t for t, _ in pairs if t < len(gd.events)}
        rep.matched = len(matched_gold)
        rep.optional_matched = len(to_optional)
        for t, s in pairs:
            if t >= len(gd.events):
                continue
            g, e = gd.events[t], system[s]
            checks = [
                ("sub_event_type", g.get("sub_event_type"), e.get("sub_event_type"),
                 _same(g.get("sub_event_type"), e.get("sub_event_type"))),
                ("actors", _names(g), _names(e), _actors(g) == _actors(e)),
                ("admin2", g.get("admin2"), e.get("admin2"), _same(g.get("admin2"), e.get("admin2"))),
                ("event_date", g.get("event_date"), e.get("event_date"),
                 _day(g.get("event_date")) == _day(e.get("event_date"))),
            ]
            sub_ok += checks[0][3]
            admin2_ok += checks[2][3]
            date_ok += checks[3][3]
            ga, sa = _actors(g), _actors(e)
            act_tp += len(ga & sa)
            act_gold += len(ga)
            act_sys += len(sa)
            rep.mismatches += [Mismatch(f, gv, sv, t, s) for f, gv, sv, ok in checks if not ok]
        rep.misses = [g for t, g in enumerate(gd.events) if t not in matched_gold]
        rep.false_events = [e for s, e in enumerate(system) if s not in matched_sys]
        counted = [e for s, e in enumerate(system) if s not in to_optional]
        tp += len(matched_gold)
        n_gold += len(gd.events)
        n_sys_counted += len(counted)
        rep.gold_fatalities = sum(_fatalities(g) for g in gd.events)
        rep.system_fatalities = sum(_fatalities(e) for e in counted)
        if gd.events:
            fat_docs += 1
            fat_ok += rep.gold_fatalities == rep.system_fatalities
        else:
            empty_docs += 1
            false_on_empty += len(rep.false_events)
        docs.append(rep)
    p, r = _ratio(tp, n_sys_counted), _ratio(tp, n_gold)
    ap, ar = _ratio(act_tp, act_sys), _ratio(act_tp, act_gold)
    metrics: dict[str, float | int | None] = {
        "event_precision": p,
        "event_recall": r,
        "event_f1": _f1(p, r),
        "subtype_accuracy": _ratio(sub_ok, tp),
        "actor_precision": ap,
        "actor_recall": ar,
        "actor_f1": _f1(ap, ar),
        "admin2_accuracy": _ratio(admin2_ok, tp),
        "date_accuracy": _ratio(date_ok, tp),
        "fatalities_accuracy": _ratio(fat_ok, fat_docs),
        "false_events_on_empty_docs": false_on_empty,
        "documents": len(gold),
        "empty_documents": empty_docs,
        "gold_events": n_gold,
        "system_events": n_sys_counted,
        "matched_events": tp,
    }
    known = {gd.doc_id for gd in gold}
    unknown = sorted(k for k, v in predictions.items() if k not in known and v)
    return Report(metrics, docs, unknown)
