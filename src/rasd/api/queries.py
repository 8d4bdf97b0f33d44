"""Read-only SQL over the rasd SQLite file (``rasd/store/schema.sql``), for the API.

Each request opens its own read-only connection (``mode=ro``), so the API never writes through
these queries and never depends on the ``Store`` class's internals. Every value is a parameter;
column names come only from constants in this module or the whitelist in ``filters``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from rasd.api.filters import EventFilter

EVENT_COLUMNS = (
    "id", "doc_id", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "country", "admin1", "admin2", "admin3", "location", "location_ar",
    "latitude", "longitude", "geo_precision", "event_date", "time_precision",
    "fatalities", "source", "notes", "evidence", "created_at",
)
_SEP = "\x1f"
_EVENT_COLUMNS_SQL = (
    ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    + f", (SELECT group_concat(ed.doc_id, char({ord(_SEP)})) FROM event_documents ed"
    " WHERE ed.event_id = e.id) AS doc_ids"
)
_SELECT_EVENT = f"SELECT {_EVENT_COLUMNS_SQL} FROM events e"
DOCUMENT_META = ("id", "source", "url", "title", "published", "origin", "ingested_at")


@contextmanager
def open_ro(db_path: str | Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``db_path`` (raises ``sqlite3.OperationalError`` if it is missing)."""
    uri = "file:" + quote(str(Path(db_path).resolve())) + "?mode=ro"
    con = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5.0)
    try:
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA query_only = ON")
        yield con
    finally:
        con.close()


def _event(row: sqlite3.Row) -> dict:
    d = {c: row[c] for c in EVENT_COLUMNS}
    ids = row["doc_ids"]
    d["doc_ids"] = ids.split(_SEP) if ids else [row["doc_id"]]
    return d


def _order(sort: tuple[str, str]) -> str:
    """ORDER BY for a whitelisted (column, direction): missing values last, ties by id."""
    column, direction = sort
    # DESC already puts NULLs last in SQLite; only ASC needs the extra term (which defeats the index)
    nulls = f"{column} IS NULL, " if direction == "ASC" else ""
    return f"{nulls}{column} {direction}, e.id"


def list_events(con: sqlite3.Connection, f: EventFilter, sort: tuple[str, str], page: int,
                page_size: int) -> tuple[int, list[dict]]:
    """One page of events matching ``f``, and how many match in all.

    Two steps: the page's rowids first (filter, sort, limit over the narrow table scan), then the
    full rows with their ``doc_ids`` for those only (the correlated subquery never runs per match)."""
    where, params = f.where()
    total = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
    rowids = [r[0] for r in con.execute(
        f"SELECT e.rowid FROM events e WHERE {where} ORDER BY {_order(sort)} LIMIT ? OFFSET ?",
        [*params, page_size, (page - 1) * page_size])]
    if not rowids:
        return total, []
    marks = ", ".join("?" * len(rowids))
    by_rowid = {r["_rowid"]: r for r in con.execute(
        f"SELECT e.rowid AS _rowid, {_EVENT_COLUMNS_SQL} FROM events e WHERE e.rowid IN ({marks})", rowids)}
    return total, [_event(by_rowid[i]) for i in rowids if i in by_rowid]


def iter_events(con: sqlite3.Connection, f: EventFilter, sort: tuple[str, str], limit: int,
                located_only: bool = False, columns: tuple[str, ...] | None = None) -> Iterator[dict]:
    """Every event matching ``f`` (at most ``limit``), for GeoJSON and CSV exports. With ``columns``
    only those are read (and no ``doc_ids``), which keeps the map's GeoJSON cheap."""
    where, params = f.where()
    if located_only:
        where += " AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL"
    if columns:
        sql = f"SELECT {', '.join('e.' + c for c in columns if c in EVENT_COLUMNS)} FROM events e"
        for row in con.execute(f"{sql} WHERE {where} ORDER BY {_order(sort)} LIMIT ?", [*params, limit]):
            yield dict(row)
        return
    for row in con.execute(f"{_SELECT_EVENT} WHERE {where} ORDER BY {_order(sort)} LIMIT ?", [*params, limit]):
        yield _event(row)


def evidence_for(con: sqlite3.Connection, event_id: str) -> list[dict]:
    rows = con.execute(
        "SELECT doc_id, label, start, end, text FROM evidence_spans WHERE event_id = ?"
        " ORDER BY doc_id, start, end", (event_id,)).fetchall()
    return [dict(r) for r in rows]


def get_event(con: sqlite3.Connection, event_id: str) -> dict | None:
    """One event with the documents that report it (metadata) and its evidence spans."""
    row = con.execute(f"{_SELECT_EVENT} WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    event = _event(row)
    doc_ids = list(dict.fromkeys(event["doc_ids"]))
    cols = ", ".join(DOCUMENT_META)
    docs = []
    for doc_id in doc_ids:
        doc = con.execute(f"SELECT {cols} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if doc is not None:
            docs.append(dict(doc))
    event["documents"] = docs
    event["evidence_spans"] = evidence_for(con, event_id)
    return event


def get_document(con: sqlite3.Connection, doc_id: str) -> dict | None:
    """One document: its original text, segments and every evidence span pointing into it.

    Offsets count Unicode code points of ``text`` (Python string indices)."""
    cols = ", ".join(DOCUMENT_META)
    row = con.execute(f"SELECT {cols}, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = dict(row)
    doc["length"] = len(doc["text"])
    doc["segments"] = [dict(r) for r in con.execute(
        "SELECT idx, kind, start, end FROM segments WHERE doc_id = ? ORDER BY idx", (doc_id,))]
    doc["evidence_spans"] = [dict(r) for r in con.execute(
        "SELECT event_id, label, start, end, text FROM evidence_spans WHERE doc_id = ?"
        " ORDER BY start, end", (doc_id,))]
    doc["event_ids"] = event_ids_for_document(con, doc_id)
    return doc


def iso_week(day: str) -> tuple[str, str] | None:
    """``2018-02-19`` → (``2018-W08``, Monday ``2018-02-19``); None for a non-date."""
    try:
        d = date.fromisoformat(day[:10])
    except (TypeError, ValueError):
        return None
    year, week, weekday = d.isocalendar()
    return f"{year}-W{week:02d}", (d - timedelta(days=weekday - 1)).isoformat()


def stats(con: sqlite3.Connection, f: EventFilter) -> dict:
    """Counts (and fatalities) of matching events: in all, by type, by day and ISO week (each split by
    event type), by admin1."""
    where, params = f.where()

    def rows(sql: str) -> list[sqlite3.Row]:
        return con.execute(sql, params).fetchall()

    total = rows(f"SELECT count(*), coalesce(sum(e.fatalities), 0), count(DISTINCT e.doc_id),"
                 f" min(substr(e.event_date, 1, 10)), max(substr(e.event_date, 1, 10))"
                 f" FROM events e WHERE {where}")[0]
    by_type = [{"event_type": r[0], "events": r[1], "fatalities": r[2]} for r in rows(
        f"SELECT e.event_type, count(*), coalesce(sum(e.fatalities), 0) FROM events e WHERE {where}"
        " GROUP BY e.event_type ORDER BY 2 DESC, 1")]
    days: dict[str, dict] = {}
    for d, etype, n, fat in rows(
            f"SELECT substr(e.event_date, 1, 10) AS d, e.event_type, count(*), coalesce(sum(e.fatalities), 0)"
            f" FROM events e WHERE {where} AND e.event_date IS NOT NULL GROUP BY d, e.event_type ORDER BY d"):
        slot = days.setdefault(d, {"date": d, "events": 0, "fatalities": 0, "types": {}})
        slot["events"] += n
        slot["fatalities"] += fat
        slot["types"][etype] = n
    by_day = list(days.values())
    weeks: dict[str, dict] = {}
    for day in by_day:
        wk = iso_week(day["date"])
        if wk is None:
            continue
        slot = weeks.setdefault(wk[0], {"week": wk[0], "start": wk[1], "events": 0, "fatalities": 0, "types": {}})
        slot["events"] += day["events"]
        slot["fatalities"] += day["fatalities"]
        for etype, n in day["types"].items():
            slot["types"][etype] = slot["types"].get(etype, 0) + n
    by_admin1 = [{"country": r[0], "admin1": r[1], "events": r[2], "fatalities": r[3]} for r in rows(
        f"SELECT e.country, e.admin1, count(*), coalesce(sum(e.fatalities), 0) FROM events e"
        f" WHERE {where} GROUP BY e.country, e.admin1 ORDER BY 3 DESC, 1, 2 LIMIT 200")]
    return {
        "events": total[0], "fatalities": total[1], "documents": total[2],
        "first_date": total[3], "last_date": total[4],
        "by_type": by_type, "by_day": by_day, "by_week": sorted(weeks.values(), key=lambda w: w["week"]),
        "by_admin1": by_admin1,
    }


FACETS = ("country", "admin1", "event_type", "sub_event_type")


def facets(con: sqlite3.Connection) -> dict:
    """Distinct values (with counts) of the filterable fields, for the page's drop-downs."""
    out: dict = {}
    for name in FACETS:
        out[name] = [{"value": r[0], "events": r[1]} for r in con.execute(
            f"SELECT {name}, count(*) FROM events WHERE {name} IS NOT NULL AND {name} != ''"
            f" GROUP BY {name} ORDER BY 2 DESC, 1 LIMIT 500")]
    out["sub_event_types"] = [{"event_type": r[0], "value": r[1]} for r in con.execute(
        "SELECT DISTINCT event_type, sub_event_type FROM events ORDER BY 1, 2 LIMIT 500")]
    out["admin1s"] = [{"country": r[0], "value": r[1]} for r in con.execute(
        "SELECT DISTINCT country, admin1 FROM events WHERE admin1 IS NOT NULL ORDER BY 1, 2 LIMIT 2000")]
    out["admin2s"] = [{"admin1": r[0], "value": r[1]} for r in con.execute(
        "SELECT DISTINCT admin1, admin2 FROM events WHERE admin2 IS NOT NULL ORDER BY 1, 2 LIMIT 5000")]
    return out


def event_ids_for_document(con: sqlite3.Connection, doc_id: str) -> list[str]:
    """Ids of the events a document reports (merged events through ``event_documents``)."""
    return [r[0] for r in con.execute(
        "SELECT event_id FROM event_documents WHERE doc_id = ? UNION"
        " SELECT id FROM events WHERE doc_id = ? ORDER BY 1", (doc_id, doc_id))]


def document_id_for_hash(con: sqlite3.Connection, content_hash: str) -> str | None:
    row = con.execute("SELECT id FROM documents WHERE hash = ?", (content_hash,)).fetchone()
    return row[0] if row else None
