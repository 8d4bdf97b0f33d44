"""The day relation of two reports on real coded pairs: which days a stated night touches (its direction),
"the past 24 hours", and a report's day read from its text or only from its publication day
(``Event.published``, carried from the document through extraction and the store)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date

import pytest
from conftest import ANT, REPO

from rasd.model import Event
from rasd.resolve import merge, merge_into
from rasd.resolve.features import dated, day_relation, night_days
from rasd.resolve.pairs import coded_events
from rasd.resolve.store import members

PAIRS = REPO / "eval" / "pairs.jsonl"
SCHEMA = REPO / "src" / "rasd" / "store" / "schema.sql"


@pytest.fixture(scope="module")
def real():
    """The coded reports with their real date spans (the shared ``coded`` fixture replaces them)."""
    return coded_events(PAIRS)


@pytest.mark.parametrize(("a", "b", "relation"), [
    ("A3", "A5", "night"),  # "ليل الأحد" (Sun) vs "فجر الاثنين" (Mon): one night
    ("N2", "N3", "night"),  # undated Monday report vs "فجر الثلاثاء": Tuesday's dawn reaches back to Monday
    ("DH1", "DH2", "night"),  # "مساء الثلاثاء" (Tue) vs "ليل الثلاثاء" coded Wednesday
    ("DT1", "DH2", "stated_clash"),  # Thursday vs "ليل الثلاثاء" (Tue-Wed night): that night is not Thursday's
    ("DH2", "DH3", "unstated_later"),  # ... nor is an undated Thursday report's; a next-day report
    ("U1", "U3", "night"),  # Monday vs "خلال الـ24 ساعة الماضية" published on Tuesday
    ("B2", "D4", "stated_clash"),  # D4 gives no weekday but is dated before its publication day
])
def test_resolve_day_relation_on_real_pairs(real, a, b, relation):
    assert day_relation(real[a], real[b]) == relation
    assert day_relation(real[b], real[a]) == relation


def test_resolve_night_days_follow_the_named_night(real):
    sunday, monday = date(2018, 4, 8), date(2018, 4, 9)
    assert night_days(real["A3"]) == {sunday, monday}  # ليل الأحد: Sunday and the night after
    assert night_days(real["A5"]) == {sunday, monday}  # فجر الإثنين: Monday and the night before
    assert night_days(real["A4"]) == frozenset()  # plain "الاثنين"


def test_resolve_dated_reads_the_publication_day(real):
    assert dated(real["D1"])  # "السبت" stated
    assert dated(real["D5"]) and not real["D5"].evidence_spans  # no span, dated the day before publication
    assert not dated(real["D3"])  # no span, coded to its publication day
    real["D5"].published, old = None, real["D5"].published
    try:
        assert not dated(real["D5"])  # without a publication day only a date span counts
    finally:
        real["D5"].published = old


def test_resolve_merge_keeps_the_earliest_publication_day(real):
    a, b = real["D1"], real["D3"]  # published 7 and 8 Apr
    assert merge(a, b).published == merge(b, a).published == "2018-04-07"
    c = merge(a, b)
    c.published = None
    assert merge(c, b).published == "2018-04-08"


def test_resolve_published_survives_the_store(coded):
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as conn:
        conn.executescript(SCHEMA.read_text(encoding="utf-8"))
        conn.execute("BEGIN")
        for k in ("D1", "D3"):
            conn.execute("INSERT INTO documents (id, hash, text) VALUES (?, ?, ?)",
                         (coded[k].doc_id, coded[k].doc_id, "text"))
        eid = merge_into(conn, coded["D1"])
        assert merge_into(conn, coded["D3"]) == eid
        row = Event(doc_id="", event_type="", sub_event_type="")
        row.id = eid
        assert sorted(m.published for m in members(conn, row)) == ["2018-04-07", "2018-04-08"]

def test_resolve_extracted_events_carry_the_publication_day():
    from rasd.clean.segments import segment
    from rasd.extract import extract_events
    from rasd.model import Document

    with ANT.open(encoding="utf-8") as fh:
        rows = [json.loads(next(fh)) for _ in range(40)]
    events = []
    for r in rows:
        doc = Document(id=r["id"], text=r["text"], source=r["source"], published=r["published"])
        events += [(doc, ev) for ev in extract_events(doc, segment(doc))]
    assert len(events) >= 5
    assert all(ev.published == doc.published for doc, ev in events)
