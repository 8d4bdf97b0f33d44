"""``merge_into``: resolve one new event against the stored events, incrementally, by average linkage.

1. Candidates come from SQL: the same event type, country and (when given) admin1, and a date
   within the window of the two reports' precisions (±1 day, ±7 days, ±31 days) of the stored
   event's date or of any of its member reports' dates, or no date at all.
2. Each stored event keeps its **member reports** as extracted (table ``event_reports``, one row per
   report). The new report is scored against every member with the report-vs-report ``score_pair``
   and joins a cluster when the mean reaches the threshold (``rasd.resolve.linkage``). Comparing it
   with the merged row instead (the union of all evidence, one chosen date and place) let clusters
   chain across days and towns. A cluster that already holds a report from the new report's own
   document is not a candidate: within one document the extractor has already told events apart.
3. No match: the event is inserted as a new cluster. Otherwise it joins the best-scoring cluster
   (ties: the smallest id); the stored row is replaced by ``merge(row, report)`` (fields,
   fatalities rule, evidence union as in ``rasd.resolve.merge``).

The function never commits: the caller owns the transaction (``with store.atomic(): ...``).
Rows written: ``events`` (+ ``events_fts``), ``event_documents`` (for documents already stored),
``evidence_spans`` (each span under the document it points into), ``event_reports``.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

from rasd.model import EVENT_FIELDS, Event, Span
from rasd.resolve.linkage import average_score, below, score_bounds
from rasd.resolve.merge import merge, report_id
from rasd.resolve.settings import DEFAULT, ResolveSettings

_SKIP = {"evidence_spans"}

# the member reports of each stored event, as extracted (additive: created here, not in schema.sql)
_DDL = (
    "CREATE TABLE IF NOT EXISTS event_reports (report_id TEXT PRIMARY KEY, event_id TEXT NOT NULL,"
    " doc_id TEXT NOT NULL, event_date TEXT, time_precision INTEGER, json TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS event_reports_event ON event_reports(event_id)",
    "CREATE INDEX IF NOT EXISTS event_reports_date ON event_reports(event_date)",
    # the week and month terms of the candidate date clause (a handful of rows, not a month of them)
    "CREATE INDEX IF NOT EXISTS event_reports_precision ON event_reports(time_precision, event_date)",
    "CREATE INDEX IF NOT EXISTS events_precision ON events(time_precision, event_date)",
)


def ensure_reports_table(conn: sqlite3.Connection) -> None:
    """Create ``event_reports`` if missing (no commit: plain statements, not ``executescript``)."""
    for sql in _DDL:
        conn.execute(sql)


def _columns(conn: sqlite3.Connection) -> list[str]:
    have = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    return [f for f in EVENT_FIELDS if f in have and f not in _SKIP]


def _date_clause(ev: Event, s: ResolveSettings) -> tuple[str, list[object]] | None:
    """SQL over ``event_date`` / ``time_precision``: a date the pair's window allows (None: no date)."""
    try:
        day = date.fromisoformat((ev.event_date or "")[:10])
    except ValueError:
        return None
    # the window score_pair applies is the wider of the two reports' precisions: ±day, ±week, ±month
    windows = {1: s.day_window, 2: s.week_window, 3: s.month_window}
    own = windows.get(ev.time_precision or 1, s.day_window)
    ors, args = [], []
    for precision, w in windows.items():
        w = max(w, own)
        # ISO dates compare as strings; "~" sorts after any time part. Each term has its index: the
        # day term event_date (±1 day), the week and month terms (time_precision, event_date), the
        # month one by time_precision alone ("+" keeps the planner off a month of event_date)
        test = {1: "COALESCE(time_precision, 1) = 1 AND event_date", 2: "time_precision = 2 AND event_date",
                3: "time_precision >= 3 AND +event_date"}[precision]
        ors.append(f"({test} BETWEEN ? AND ?)")
        args += [(day - timedelta(days=w)).isoformat(), (day + timedelta(days=w)).isoformat() + "~"]
    return f"({' OR '.join(ors)})", args


def _stored(conn: sqlite3.Connection, row: tuple, cols: list[str]) -> Event:
    eid, values = row[1], row[2:]
    ev = Event(**{c: v for c, v in zip(cols, values, strict=True)})
    ev.fatalities = int(ev.fatalities or 0)
    ev.notes = ev.notes or ""
    ev.evidence = ev.evidence or ""
    ev.id = eid
    ev.doc_ids = sorted(r[0] for r in conn.execute(
        "SELECT doc_id FROM event_documents WHERE event_id = ?", (eid,))) or [ev.doc_id]
    ev.evidence_spans = [Span(start=r[1], end=r[2], label=r[3], text=r[4] or "", doc_id=r[0]) for r in conn.execute(
        "SELECT doc_id, start, end, label, text FROM evidence_spans WHERE event_id = ? ORDER BY rowid", (eid,))]
    return ev


def report_json(report: Event) -> str:
    """A member report as stored in ``event_reports.json``: ``Event.to_dict()`` plus ``published``."""
    return json.dumps({**report.to_dict(), "published": report.published}, ensure_ascii=False)


def report_from_json(text: str) -> Event:
    """The member report that ``report_json`` stored."""
    d = json.loads(text)
    ev = Event.from_dict(d)
    ev.published = d.get("published")
    return ev


def members(conn: sqlite3.Connection, stored: Event) -> list[Event]:
    """The member reports of a stored event, as extracted ([] when none are recorded: an event stored
    before ``event_reports`` existed, or without resolution, stands for its own report)."""
    rows = conn.execute("SELECT json FROM event_reports WHERE event_id = ? ORDER BY report_id", (stored.id,))
    return [report_from_json(r[0]) for r in rows]


def _candidates(conn: sqlite3.Connection, ev: Event, cols: list[str], s: ResolveSettings) -> list[tuple[int, Event]]:
    where = ["+event_type = ?"]  # "+": the ids below, found by date, drive the query
    args: list[object] = [ev.event_type]
    if ev.country:
        where.append("(country = ? OR country IS NULL)")
        args.append(ev.country)
    if ev.admin1:
        where.append("(admin1 = ? OR admin1 IS NULL)")
        args.append(ev.admin1)
    dates = _date_clause(ev, s)
    if dates is None:  # an undated report merges with nothing (score_pair): only find it if already stored
        ids, id_args = "SELECT ? UNION SELECT event_id FROM event_reports WHERE report_id = ?", [ev.id, ev.id]
    else:  # the event's own date, or a member report's, in the window
        clause, dargs = dates
        ids = f"SELECT id FROM events WHERE {clause} UNION SELECT event_id FROM event_reports WHERE {clause}"
        id_args = dargs + dargs
    sql = (f"SELECT rowid, id, {', '.join(cols)} FROM events WHERE id IN ({ids}) AND {' AND '.join(where)}"
           " ORDER BY id")
    return [(row[0], _stored(conn, row, cols)) for row in conn.execute(sql, id_args + args).fetchall()]


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


def _record(conn: sqlite3.Connection, event_id: str, report: Event) -> None:
    conn.execute("INSERT OR REPLACE INTO event_reports (report_id, event_id, doc_id, event_date, time_precision, json)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 (report.id, event_id, report.doc_id, report.event_date, report.time_precision,
                  report_json(report)))


def _best(contenders: list[tuple[int, Event, list[Event]]], highs: list[float], new: Event,
          s: ResolveSettings) -> tuple[float, int, Event, bool]:
    """The contender with the highest exact ``average_score`` (ties: the first, the smallest id, as
    candidates come by id). Contenders are tried highest upper bound first; one whose score is surely
    below the best exact score so far (``below``) cannot be the maximum and is not scored exactly,
    which saves the sentence encoder most of its runs. The choice is the one scoring all would make."""
    if len(contenders) == 1:
        rowid, ev, g = contenders[0]
        return 1.0, rowid, ev, bool(g)
    scored: dict[int, float] = {}
    top: float | None = None
    for i in sorted(range(len(contenders)), key=lambda i: -highs[i]):
        _, ev, g = contenders[i]
        if top is not None and below(g or [ev], new, top, s):
            continue
        scored[i] = average_score(g or [ev], new, s)
        top = scored[i] if top is None else max(top, scored[i])
    i = max(sorted(scored), key=lambda i: scored[i])  # ties: the first in candidate order
    rowid, ev, g = contenders[i]
    return scored[i], rowid, ev, bool(g)


def merge_into(conn: sqlite3.Connection, event: Event, settings: ResolveSettings = DEFAULT) -> str:
    """Merge ``event`` into the stored event it reports (or insert it); return its event id.

    Does not commit (see module docstring).
    """
    ensure_reports_table(conn)
    cols = _columns(conn)
    new = Event.from_dict(event.to_dict())  # a copy: the caller's event is left as it was
    new.id = event.id or report_id(event)
    new.published = event.published
    new.doc_ids = sorted(set(event.doc_ids or [event.doc_id]))
    new.evidence_spans = list(event.evidence_spans)
    if len(new.doc_ids) == 1:
        new.evidence_spans = [s if s.doc_id else Span(s.start, s.end, s.label, s.text, new.doc_id)
                              for s in new.evidence_spans]
    best: tuple[float, int, Event, bool] | None = None
    passing: list[tuple[int, Event, list[Event]]] = []
    for rowid, stored in _candidates(conn, new, cols, settings):
        group = members(conn, stored)
        if stored.id == new.id or any(m.id == new.id for m in group):  # this report is already stored
            best = (2.0, rowid, stored, bool(group))
            break
        if average_score(group or [stored], new, settings, exact=False) >= settings.threshold:
            passing.append((rowid, stored, group))
    if best is None and passing:  # the best-scoring cluster; exact means only for the close contenders
        bounds = [score_bounds(g or [ev], new, settings) for _, ev, g in passing]
        top = max(lo for lo, _ in bounds)
        contenders = [c for c, (_, hi) in zip(passing, bounds, strict=True) if hi >= top]
        best = _best(contenders, [hi for _, hi in bounds if hi >= top], new, settings)
    if best is None:
        _insert(conn, new, cols)
        _record(conn, new.id, new)
        return new.id
    _, rowid, stored, recorded = best
    merged = merge(stored, new)
    _delete(conn, rowid, stored)
    _insert(conn, merged, cols)
    if recorded:
        conn.execute("UPDATE event_reports SET event_id = ? WHERE event_id = ?", (merged.id, stored.id))
    elif stored.id != new.id:
        _record(conn, merged.id, stored)  # a row stored before event_reports: it stands for its own report
    _record(conn, merged.id, new)
    return merged.id
