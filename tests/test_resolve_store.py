"""``merge_into`` against real SQLite (the rasd schema): incremental, order-independent on well-separated
events, no commit."""

from __future__ import annotations

import itertools
import sqlite3
from contextlib import closing

from conftest import REPO

from rasd.resolve import merge_into

SCHEMA = REPO / "src" / "rasd" / "store" / "schema.sql"



def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(SCHEMA.read_text(encoding="utf-8"))
    return conn


def _load(conn, events) -> list[str]:
    conn.execute("BEGIN")
    for ev in events:
        conn.execute("INSERT OR IGNORE INTO documents (id, hash, text) VALUES (?, ?, ?)",
                     (ev.doc_id, ev.doc_id, "text of " + ev.doc_id))
    ids = [merge_into(conn, ev) for ev in events]
    conn.execute("COMMIT")
    return ids


def _snapshot(conn):
    events = conn.execute("SELECT id, doc_id, sub_event_type, event_date, fatalities, source, notes, evidence"
                          " FROM events ORDER BY id").fetchall()
    links = conn.execute("SELECT event_id, doc_id FROM event_documents ORDER BY 1, 2").fetchall()
    spans = conn.execute("SELECT event_id, doc_id, label FROM evidence_spans ORDER BY 1, 2").fetchall()
    return events, links, spans


KEYS = ["D1", "D2", "D4", "B1", "B2", "I1", "I2", "I4"]


def test_resolve_merge_into_is_order_independent(coded):
    """What is guaranteed: when each report matches the members of one cluster only (here the chemical
    attack on Douma, the strikes of the day before, a Jaramana rocket and older Douma strikes), every
    arrival order gives the same tables. On a day-after-day series in one town, where a report scores
    with the reports of both neighbouring days, the order can change where the series is cut (both
    before and after average linkage); ``test_resolve_chain`` bounds what any order may merge."""
    snapshots = []
    for perm in itertools.islice(itertools.permutations(KEYS), 0, None, 5000):
        with closing(_db()) as conn:
            _load(conn, [coded[k] for k in perm])
            snapshots.append(_snapshot(conn))
    assert len(snapshots) >= 3
    assert all(s == snapshots[0] for s in snapshots)


def test_resolve_merge_into_groups_reports_and_keeps_them_apart(coded):
    with closing(_db()) as conn:
        ids = dict(zip(KEYS, _load(conn, [coded[k] for k in KEYS]), strict=True))
        final = {row[0] for row in conn.execute("SELECT id FROM events")}
        assert len(final) == 4  # chemical attack 7 Apr, Douma strikes 6 Apr, Jaramana rocket, Douma strikes 20 Mar
        (chem,) = {r[0] for r in conn.execute("SELECT event_id FROM event_documents WHERE doc_id = ?",
                                              (coded["D1"].doc_id,))}
        docs = {r[0] for r in conn.execute("SELECT doc_id FROM event_documents WHERE event_id = ?", (chem,))}
        assert docs == {coded[k].doc_id for k in ("D1", "D2", "D4")}
        fat, notes = conn.execute("SELECT fatalities, notes FROM events WHERE id = ?", (chem,)).fetchone()
        assert fat == 47 and "47–150" in notes
        hits = conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?", ('"الكلور"',)).fetchone()[0]
        assert hits == 1  # the FTS index follows the merged row
        assert ids["I1"] != ids["I4"]


def test_resolve_merge_into_does_not_commit(coded):
    with closing(_db()) as conn:
        conn.execute("BEGIN")
        merge_into(conn, coded["A1"])
        assert conn.in_transaction
        conn.execute("ROLLBACK")
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_resolve_an_undated_report_merges_with_nothing(coded):
    """A report with no date (a plain-text page without a publication date) cannot be held to the
    ±1-day window: it stays its own event, and a dated stored event keeps its fields (a regression:
    an undated Idlib air strike used to join, and overwrite, a dated Syria event)."""
    import dataclasses

    dated = coded["D1"]
    undated = dataclasses.replace(dated, doc_id="undated-copy", id=None, event_date=None, published=None,
                                  doc_ids=[], evidence_spans=list(dated.evidence_spans))
    with closing(_db()) as conn:
        first, second = _load(conn, [dated, undated])
        assert first != second
        rows = conn.execute("SELECT event_date FROM events ORDER BY event_date IS NULL").fetchall()
        assert rows == [(dated.event_date,), (None,)]
        assert _load(conn, [undated]) == [second]  # re-running finds it, adds nothing
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 2
