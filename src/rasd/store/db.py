"""``Store``: rasd's SQLite database of documents, segments, events, evidence and errors.

The caller owns every transaction: writes run only inside ``with store.atomic():`` (one
transaction, committed when the block ends, rolled back if it raises; nested blocks are
savepoints). The store never commits on its own. WAL journal, foreign keys on.
Reading (``iter_events``, ``iter_documents``, ``stats``, ``search``) is in ``rasd.store.read``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rasd.errors import RasdError
from rasd.model import Event, Span
from rasd.store.migrations import migrate
from rasd.store.read import Reader

if TYPE_CHECKING:
    from rasd.pipeline import Processed

EVENT_COLUMNS = (
    "doc_id", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "country", "admin1", "admin2", "admin3", "location", "location_ar",
    "latitude", "longitude", "geo_precision", "event_date", "time_precision",
    "fatalities", "source", "notes", "evidence",
)


def event_key(doc_id: str, index: int, ev: Event) -> str:
    """Stable id of the ``index``-th event of a document, from its defining fields."""
    parts = (doc_id, str(index), ev.event_type, ev.sub_event_type, ev.event_date or "",
             ev.location or "", ev.actor1 or "", ev.actor2 or "")
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


class StoreError(RasdError):
    """The database file cannot be opened as a rasd store (one-line message naming it)."""


class Store(Reader):
    """A rasd database at ``path`` (``":memory:"`` for a throw-away one); close it, or use ``with``."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            folder = Path(self.path).parent
            why = f"folder {folder} does not exist" if self.path != ":memory:" and not folder.is_dir() else str(e)
            raise StoreError(f"{self.path}: cannot open as a rasd database ({why})") from e
        self.conn.row_factory = sqlite3.Row
        self._depth = 0
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self.conn)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open as a rasd database ({e})") from e
        except BaseException:
            self.conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """One transaction (a savepoint when nested): commit on success, roll back on exception."""
        outer = self._depth == 0
        name = f"rasd_sp{self._depth}"
        self.conn.execute("BEGIN IMMEDIATE" if outer else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            if outer:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        self.conn.execute("COMMIT" if outer else f"RELEASE {name}")

    def _require_transaction(self, what: str) -> None:
        if self._depth == 0:
            raise RuntimeError(f"Store.{what} writes; call it inside `with store.atomic():`")

    # -- writes ------------------------------------------------------------------------------
    def has_hash(self, content_hash: str) -> bool:
        """Is this content hash stored: a document's text, its raw input, or another raw input of it?"""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE hash = ? UNION ALL SELECT 1 FROM documents WHERE source_hash = ?"
            " UNION ALL SELECT 1 FROM source_hashes WHERE hash = ? LIMIT 1",
            (content_hash, content_hash, content_hash),
        ).fetchone()
        return row is not None

    def knows_id(self, doc_id: str) -> bool:
        """Is ``doc_id`` a stored document's id or another id of one (``add_alias``)?"""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE id = ? UNION ALL SELECT 1 FROM document_aliases WHERE alias = ? LIMIT 1",
            (doc_id, doc_id),
        ).fetchone()
        return row is not None

    def add_alias(self, alias: str, content_hash: str) -> bool:
        """Remember ``alias`` as another id of the stored document with this content (or raw input)
        hash, so lookups by either id find it; False if there is no such document or ``alias`` is
        already an id."""
        self._require_transaction("add_alias")
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO document_aliases (alias, doc_id) SELECT ?, id FROM documents"
            " WHERE (hash = ? OR source_hash = ? OR id = (SELECT doc_id FROM source_hashes WHERE hash = ?))"
            " AND NOT EXISTS (SELECT 1 FROM documents WHERE id = ?) LIMIT 1",
            (alias, content_hash, content_hash, content_hash, alias),
        )
        return cur.rowcount > 0

    def _free_doc_id(self, doc_id: str, content_hash: str) -> str:
        """``doc_id``, or ``doc_id~<hash prefix>`` when another document already has that id."""
        if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
            return doc_id
        return f"{doc_id}~{content_hash[:10]}"

    def add_processed(self, p: Processed, *, source_hash: str | None = None, resolve: bool = False) -> bool:
        """Store a processed document with its segments, events and evidence; False (and no
        document stored) if its content hash is already in the database.

        ``source_hash``: hash of the raw input (an HTML page) so ``has_hash`` can skip it next time;
        for a duplicate it is kept as another name of the stored document, and its id as an alias.
        ``resolve``: merge each event into the stored reports of the same event
        (``rasd.resolve.merge_into``, much slower) instead of storing it as is."""
        self._require_transaction("add_processed")
        doc = p.document
        if self.has_hash(doc.hash):
            if source_hash and not self.has_hash(source_hash):  # remember this raw input too
                self.conn.execute(
                    "INSERT INTO source_hashes (hash, doc_id) SELECT ?, id FROM documents WHERE hash = ?",
                    (source_hash, doc.hash),
                )
            if not self.knows_id(doc.id):  # and the id it came under
                self.add_alias(doc.id, doc.hash)
            return False
        doc_id = self._free_doc_id(doc.id, doc.hash)
        cur = self.conn.execute(
            "INSERT INTO documents (id, hash, source, url, title, published, origin, text, source_hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, doc.hash, doc.source, doc.url, doc.title, doc.published, doc.origin, doc.text, source_hash),
        )
        self.conn.execute(
            "INSERT INTO documents_fts (rowid, text, title) VALUES (?, ?, ?)", (cur.lastrowid, doc.text, doc.title)
        )
        self.conn.executemany(
            "INSERT INTO segments (doc_id, idx, kind, start, end) VALUES (?, ?, ?, ?, ?)",
            [(doc_id, i, s.kind, s.start, s.end) for i, s in enumerate(p.segments)],
        )
        for index, ev in enumerate(p.events):
            if resolve:
                self._resolve_event(doc_id, ev)
            else:
                self._add_event(doc_id, index, ev, own_ids={doc.id, ev.doc_id})
        if doc.origin:
            self.conn.execute("DELETE FROM errors WHERE origin = ?", (doc.origin,))
        return True

    def _add_event(self, doc_id: str, index: int, ev: Event, own_ids: set[str]) -> str:
        """Insert one event of document ``doc_id`` (``own_ids``: the names it had before storing)."""
        eid = ev.id or event_key(doc_id, index, ev)
        values = [getattr(ev, c) for c in EVENT_COLUMNS]
        values[0] = doc_id
        cur = self.conn.execute(
            f"INSERT OR IGNORE INTO events (id, {', '.join(EVENT_COLUMNS)})"
            f" VALUES (?{', ?' * len(EVENT_COLUMNS)})",
            [eid, *values],
        )
        if cur.rowcount:
            self.conn.execute(
                "INSERT INTO events_fts (rowid, evidence, notes, location_ar) VALUES (?, ?, ?, ?)",
                (cur.lastrowid, ev.evidence, ev.notes, ev.location_ar),
            )
        for other in dict.fromkeys([doc_id, *(d for d in ev.doc_ids if d not in own_ids)]):
            self.conn.execute(
                "INSERT OR IGNORE INTO event_documents (event_id, doc_id) SELECT ?, id FROM documents WHERE id = ?",
                (eid, other),
            )
        self.conn.executemany(
            "INSERT INTO evidence_spans (event_id, doc_id, label, start, end, text) VALUES (?, ?, ?, ?, ?, ?)",
            [(eid, doc_id if s.doc_id in own_ids or s.doc_id is None else s.doc_id, s.label, s.start, s.end, s.text)
             for s in ev.evidence_spans],
        )
        return eid

    def _resolve_event(self, doc_id: str, ev: Event) -> str:
        from rasd.resolve import merge_into

        own = Event.from_dict(ev.to_dict())
        own.doc_id, own.doc_ids = doc_id, [doc_id]
        own.published = ev.published
        own.evidence_spans = [Span(s.start, s.end, s.label, s.text, doc_id) for s in ev.evidence_spans]
        return merge_into(self.conn, own)

    def record_error(self, origin: str, code: str, reason: str) -> None:
        """Record that ``origin`` failed with ``code``; a repeat of the same (origin, code) updates it."""
        self._require_transaction("record_error")
        self.conn.execute(
            "INSERT INTO errors (origin, code, reason) VALUES (?, ?, ?)"
            " ON CONFLICT (origin, code) DO UPDATE SET reason = excluded.reason, at = excluded.at",
            (origin, code, reason),
        )
