"""Merge two reports of one event into one event that keeps every source and every report's evidence.

``merge`` is commutative and associative, so the result depends only on the set of reports:
each group of fields (place, date, type, actors) comes from the report that ranks first on a
total order of that group's own values (most precise place, most precise then earliest date,
named actors before unidentified ones); ``id`` is the smallest report id; ``published`` is the
earliest publication date; ``doc_ids``, sources, evidence lines, evidence spans and notes are sorted
unions; fatalities follow ACLED's rule, the
most conservative reported figure (the smallest non-zero one: a report that gives no deaths does
not contradict one that does), with the reported range kept in ``notes``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

from rasd.model import Event

PLACE = ("country", "admin1", "admin2", "admin3", "location", "location_ar", "latitude", "longitude",
         "geo_precision")
DATE = ("event_date", "time_precision")
TYPE = ("event_type", "sub_event_type")
ACTORS = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
          "civilian_targeting")
_RANGE = re.compile(r"^fatalities reported: (\d+)[–-](\d+)")
_SEP = "; "


def report_id(ev: Event) -> str:
    """Stable id of one report's event, from the fields that define it."""
    parts = (ev.doc_id, ev.event_type, ev.sub_event_type, ev.event_date or "", ev.location or "",
             ev.admin3 or "", ev.actor1 or "", ev.actor2 or "", ev.evidence or "")
    return "ev-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _rank(ev: Event, fields: tuple[str, ...]) -> tuple:
    return tuple((getattr(ev, f) is None, str(getattr(ev, f) or "")) for f in fields)


def _place_rank(ev: Event) -> tuple:
    return (ev.geo_precision or 9, ev.admin3 is None, ev.admin2 is None, ev.latitude is None, _rank(ev, PLACE))


def _date_rank(ev: Event) -> tuple:
    return (ev.time_precision or 9, _rank(ev, DATE))


def _actor_rank(ev: Event) -> tuple:
    unknown = sum(1 for a in (ev.actor1, ev.actor2) if not a or a.lower().startswith("unidentified"))
    return (unknown, _rank(ev, ACTORS))


def _fatality_range(ev: Event) -> tuple[int, int] | None:
    """(lowest, highest) non-zero figure among the reports behind ``ev``; None if none gave deaths."""
    for line in (ev.notes or "").splitlines():
        m = _RANGE.match(line)
        if m:
            return int(m.group(1)), int(m.group(2))
    return (ev.fatalities, ev.fatalities) if ev.fatalities > 0 else None


def _own_spans(ev: Event) -> list:
    single = ev.doc_ids[0] if len(ev.doc_ids) == 1 else ev.doc_id
    return [s if s.doc_id else dataclasses.replace(s, doc_id=single) for s in ev.evidence_spans]


def _lines(text: str) -> set[str]:
    return {line.strip() for line in (text or "").split("\n") if line.strip()}


def merge(a: Event, b: Event) -> Event:
    """One event from two reports of it (order-independent; see module docstring)."""
    out = Event(doc_id=min(a.doc_id, b.doc_id), event_type=a.event_type, sub_event_type=a.sub_event_type)
    for fields, rank in ((PLACE, _place_rank), (DATE, _date_rank), (ACTORS, _actor_rank),
                         (TYPE, lambda e: _rank(e, TYPE))):
        best = min((a, b), key=rank)
        for f in fields:
            setattr(out, f, getattr(best, f))
    out.published = min((p for p in (a.published, b.published) if p), default=None)  # the earliest
    ranges = [r for r in (_fatality_range(a), _fatality_range(b)) if r]
    lo = min((r[0] for r in ranges), default=0)
    hi = max((r[1] for r in ranges), default=0)
    out.fatalities = lo
    notes = {line for line in _lines(a.notes) | _lines(b.notes) if not _RANGE.match(line)}
    if hi > lo:
        notes.add(f"fatalities reported: {lo}–{hi} (the most conservative, {lo}, kept)")
    out.notes = "\n".join(sorted(notes))
    out.source = _SEP.join(sorted({s for e in (a, b) for s in (e.source or "").split(_SEP) if s})) or None
    out.evidence = "\n".join(sorted(_lines(a.evidence) | _lines(b.evidence)))
    spans = {(s.doc_id or "", s.start, s.end, s.label, s.text): s for s in _own_spans(a) + _own_spans(b)}
    out.evidence_spans = [spans[k] for k in sorted(spans)]
    out.doc_ids = sorted(set(a.doc_ids or [a.doc_id]) | set(b.doc_ids or [b.doc_id]))
    out.id = min(a.id or report_id(a), b.id or report_id(b))
    return out
