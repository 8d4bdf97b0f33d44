"""``merge_into``: resolve one new event against the ``events`` table, incrementally.

1. Candidates come from SQL: the same event type, country and (when given) admin1, a date within
   the window of the two reports' precisions (±1 day, ±7 days, ±31 days), or no date at all.
2. ``same_event`` decides on each candidate (exact windows, 15 km, evidence similarity).
3. No match: the event is inserted. Matches: the new event and every matched stored event are
   merged (``merge`` is order-independent, and merging all matches keeps the result the same
   whatever order the reports arrive in); the old rows are replaced by the merged one.

The function never commits: the caller owns the transaction (``with store.atomic(): ...``).
Rows written: ``events`` (+ ``events_fts``), ``event_documents`` (for documents already stored),
``evidence_spans`` (each span under the document it points into).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from functools import reduce

from rasd.model import EVENT_FIELDS, Event, Span
from rasd.resolve.merge import merge, report_id
from rasd.resolve.score import same_event
from rasd.resolve.settings import DEFAULT, ResolveSettings

_SKIP = {"evidence_spans"}


def _columns(conn: sqlite3.Connection) -> list[str]:
    have = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    return [f for f in EVENT_FIELDS if f in have and f not in _SKIP]


def _candidates(conn: sqlite3.Connection, ev: Event, cols: list[str], s: ResolveSettings) -> list[tuple[int, Event]]:
    where = ["event_type = ?"]
    args: list[object] = [ev.event_type]
    if ev.country:
        where.append("(country = ? OR country IS NULL)")
        args.append(ev.country)
    if ev.admin1:
        where.append("(admin1 = ? OR admin1 IS NULL)")
        args.append(ev.admin1)
    try:
        day = date.fromisoformat((ev.event_date or "")[:10])
    except ValueError:
        day = None
    if day is not None:
        # the window score_pair applies is the wider of the two reports' precisions: ±day, ±week, ±month
        windows = {1: s.day_window, 2: s.week_window, 3: s.month_window}
        own = windows.get(ev.time_precision or 1, s.day_window)
        ors = []
        for precision, w in windows.items():
            w = max(w, own)
            test = "time_precision >= 3" if precision == 3 else f"COALESCE(time_precision, 1) = {precision}"
            ors.append(f"({test} AND substr(event_date, 1, 10) BETWEEN ? AND ?)")
            args += [(day - timedelta(days=w)).isoformat(), (day + timedelta(days=w)).isoformat()]
        where.append(f"({' OR '.join(ors)} OR event_date IS NULL)")
    sql = f"SELECT rowid, id, {', '.join(cols)} FROM events WHERE {' AND '.join(where)} ORDER BY id"
    out = []
    for row in conn.execute(sql, args).fetchall():
        rowid, eid, values = row[0], row[1], row[2:]
        stored = Event(**{c: v for c, v in zip(cols, values, strict=True)})
        stored.fatalities = int(stored.fatalities or 0)
        stored.notes = stored.notes or ""
        stored.evidence = stored.evidence or ""
        stored.id = eid
        stored.doc_ids = sorted(r[0] for r in conn.execute(
            "SELECT doc_id FROM event_documents WHERE event_id = ?", (eid,))) or [stored.doc_id]
        stored.evidence_spans = [Span(start=r[1], end=r[2], label=r[3], text=r[4] or "", doc_id=r[0]) for r in conn.execute(
            "SELECT doc_id, start, end, label, text FROM evidence_spans WHERE event_id = ? ORDER BY rowid", (eid,))]
        out.append((rowid, stored))
    return out


def _delete(conn: sqlite3.Connection, rowid: int, ev: Event) -> None:
    conn.execute("INSERT INTO events_fts (events_fts, rowid, evidence, notes, location_ar) VALUES ('delete', ?, ?, ?, ?)",
                 (rowid, ev.evidence, ev.notes, ev.location_ar))
    for table, key in (("evidence_spans", "event_id"), ("event_documents", "event_id"), ("events", "id")):
        conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (ev.id,))


def _insert(conn: sqlite3.Connection, ev: Event, cols: list[str]) -> None:
    values = [getattr(ev, c) for c in cols]
    cur = conn.execute(f"INSERT INTO events (id, {', '.join(cols)}) VALUES (?{', ?' * len(cols)})", [ev.id, *values])
    conn.execute("INSERT INTO events_fts (rowid, evidence, notes, location_ar) VALUES (?, ?, ?, ?)",
                 (cur.lastrowid, ev.evidence, ev.notes, ev.location_ar))
    for doc_id in ev.doc_ids or [ev.doc_id]:
        conn.execute("INSERT OR IGNORE INTO event_documents (event_id, doc_id) SELECT ?, id FROM documents WHERE id = ?",
                     (ev.id, doc_id))
    conn.executemany(
        "INSERT INTO evidence_spans (event_id, doc_id, label, start, end, text)"
        " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)",
        [(ev.id, s.doc_id or ev.doc_id, s.label, s.start, s.end, s.text, s.doc_id or ev.doc_id)
         for s in ev.evidence_spans])


def merge_into(conn: sqlite3.Connection, event: Event, settings: ResolveSettings = DEFAULT) -> str:
    """Merge ``event`` into the stored events it reports (or insert it); return its event id.

    Does not commit (see module docstring).
    """
    cols = _columns(conn)
    new = Event.from_dict(event.to_dict())  # a copy: the caller's event is left as it was
    new.id = event.id or report_id(event)
    new.doc_ids = sorted(set(event.doc_ids or [event.doc_id]))
    new.evidence_spans = list(event.evidence_spans)
    if len(new.doc_ids) == 1:
        new.evidence_spans = [s if s.doc_id else Span(s.start, s.end, s.label, s.text, new.doc_id)
                              for s in new.evidence_spans]
    matches = [(rowid, ev) for rowid, ev in _candidates(conn, new, cols, settings)
               if ev.id == new.id or same_event(ev, new, settings)]
    merged = reduce(merge, [ev for _, ev in matches], new)
    for rowid, ev in matches:
        _delete(conn, rowid, ev)
    _insert(conn, merged, cols)
    return merged.id
