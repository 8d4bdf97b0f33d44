"""Queries over a rasd database: events (with filters), documents, segments, errors, stats, search.

``Reader`` is mixed into ``rasd.store.Store``; it only reads, through ``self.conn``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from rasd.model import Document, Event, Segment, Span

# filter name -> SQL condition on events (alias e); each ``?`` in it takes the filter's value
EVENT_FILTERS: dict[str, str] = {
    "event_type": "e.event_type = ?",
    "sub_event_type": "e.sub_event_type = ?",
    "country": "e.country = ?",
    "admin1": "e.admin1 = ?",
    "admin2": "e.admin2 = ?",
    "source": "e.source = ?",
    "doc_id": "e.id IN (SELECT event_id FROM event_documents WHERE doc_id = ?"
              " OR doc_id IN (SELECT doc_id FROM document_aliases WHERE alias = ?))",
    "since": "e.event_date >= ?",
    "until": "e.event_date <= ?",
    "min_fatalities": "e.fatalities >= ?",
    "q": "e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
}

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word of ``text`` quoted, all required (implicit AND)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(text))


class Reader:
    conn: sqlite3.Connection

    # -- events ----------------------------------------------------------------------------
    def _where(self, filters: dict[str, Any]) -> tuple[str, list[Any]]:
        unknown = set(filters) - set(EVENT_FILTERS)
        if unknown:
            raise TypeError(f"unknown event filter(s): {', '.join(sorted(unknown))}; known: {', '.join(EVENT_FILTERS)}")
        conds, params = [], []
        for name, value in filters.items():
            if value is None:
                continue
            conds.append(EVENT_FILTERS[name])
            params.extend([fts_query(str(value)) if name == "q" else value] * EVENT_FILTERS[name].count("?"))
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def count_events(self, **filters: Any) -> int:
        where, params = self._where(filters)
        return self.conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]

    def iter_events(self, *, limit: int | None = None, offset: int = 0, **filters: Any) -> Iterator[Event]:
        """Events in the order they were stored, with evidence spans and reporting documents.

        Filters (``None`` means no filter): ``event_type``, ``sub_event_type``, ``country``,
        ``admin1``, ``admin2``, ``source``, ``doc_id``, ``since``/``until`` (ISO dates),
        ``min_fatalities``, ``q`` (words in evidence, notes or Arabic place name).
        """
        where, params = self._where(filters)
        sql = f"SELECT e.* FROM events e{where} ORDER BY e.rowid LIMIT ? OFFSET ?"
        rows = self.conn.execute(sql, [*params, -1 if limit is None else limit, offset]).fetchall()
        for row in rows:
            yield self._event(row)

    def get_event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        return self._event(row) if row else None

    def _event(self, row: sqlite3.Row) -> Event:
        d = dict(row)
        d["evidence_spans"] = [
            {"start": s["start"], "end": s["end"], "label": s["label"], "text": s["text"] or "", "doc_id": s["doc_id"]}
            for s in self.conn.execute(
                "SELECT label, start, end, text, doc_id FROM evidence_spans WHERE event_id = ? ORDER BY rowid",
                (d["id"],),
            )
        ]
        d["doc_ids"] = [
            r[0] for r in self.conn.execute(
                "SELECT doc_id FROM event_documents WHERE event_id = ? ORDER BY rowid", (d["id"],)
            )
        ]
        return Event.from_dict(d)

    # -- documents ------------------------------------------------------------------------
    @staticmethod
    def _document(row: sqlite3.Row) -> Document:
        return Document(
            id=row["id"], text=row["text"], source=row["source"], url=row["url"], title=row["title"],
            published=row["published"], origin=row["origin"], hash=row["hash"],
        )

    def iter_documents(self) -> Iterator[Document]:
        """Every stored document, in the order stored."""
        cur = self.conn.execute("SELECT * FROM documents ORDER BY rowid")
        while rows := cur.fetchmany(200):
            for row in rows:
                yield self._document(row)

    def get_document(self, doc_id: str) -> Document | None:
        """The document with this id, or the one it was found a duplicate of (``Store.add_alias``)."""
        row = self.conn.execute(
            "SELECT * FROM documents WHERE id = ? UNION ALL SELECT d.* FROM document_aliases a"
            " JOIN documents d ON d.id = a.doc_id WHERE a.alias = ? LIMIT 1", (doc_id, doc_id),
        ).fetchone()
        return self._document(row) if row else None

    def segments(self, doc_id: str) -> list[Segment]:
        """The stored segments of one document, with their text filled in."""
        doc = self.get_document(doc_id)
        if doc is None:
            return []
        rows = self.conn.execute("SELECT * FROM segments WHERE doc_id = ? ORDER BY idx", (doc.id,))
        return [Segment(r["start"], r["end"], r["kind"], doc.text[r["start"]:r["end"]]) for r in rows]

    def evidence(self, event_id: str) -> list[Span]:
        """The evidence spans of one event, each with the document it points into."""
        rows = self.conn.execute(
            "SELECT label, start, end, text, doc_id FROM evidence_spans WHERE event_id = ? ORDER BY rowid", (event_id,)
        )
        return [Span(r["start"], r["end"], r["label"], r["text"] or "", r["doc_id"]) for r in rows]

    # -- errors, stats, search -----------------------------------------------------------
    def errors(self) -> list[dict[str, Any]]:
        """Every recorded input error: ``origin``, ``code``, ``reason``, ``at``."""
        rows = self.conn.execute("SELECT origin, code, reason, at FROM errors ORDER BY id")
        return [dict(r) for r in rows]

    def _count_by(self, table: str, column: str) -> dict[str, int]:
        rows = self.conn.execute(
            f"SELECT COALESCE({column}, '?') AS k, COUNT(*) AS n FROM {table} GROUP BY k ORDER BY n DESC, k"
        )
        return {r["k"]: r["n"] for r in rows}

    def stats(self) -> dict[str, Any]:
        """Counts of documents, segments, events, fatalities and errors, with breakdowns."""
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "segments": one("SELECT COUNT(*) FROM segments"),
            "events": one("SELECT COUNT(*) FROM events"),
            "fatalities": one("SELECT COALESCE(SUM(fatalities), 0) FROM events"),
            "errors": one("SELECT COUNT(*) FROM errors"),
            "first_event_date": one("SELECT MIN(event_date) FROM events"),
            "last_event_date": one("SELECT MAX(event_date) FROM events"),
            "documents_by_source": self._count_by("documents", "source"),
            "events_by_type": self._count_by("events", "event_type"),
            "events_by_country": self._count_by("events", "country"),
            "errors_by_code": self._count_by("errors", "code"),
        }

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Documents whose text or title hold every word of ``query`` (FTS5), best first:
        ``id``, ``title``, ``snippet`` (match in ``[...]``), ``rank``."""
        q = fts_query(query)
        if not q:
            return []
        rows = self.conn.execute(
            "SELECT d.id, d.title, snippet(documents_fts, 0, '[', ']', '…', 12) AS snippet, documents_fts.rank AS rank"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (q, limit),
        )
        return [dict(r) for r in rows]
