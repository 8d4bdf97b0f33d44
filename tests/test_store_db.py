"""Store on real SQLite: transactions owned by the caller, duplicates, events with evidence, queries."""

from __future__ import annotations

import itertools
import json
import sqlite3

import pytest
from conftest import ANT, SEED

from rasd.model import Event, Source, Span
from rasd.pipeline import Processed, process
from rasd.store import Store, StoreError, event_key
from rasd.store.migrations import VERSION, schema_sql


def seed_processed() -> Processed:
    p = process(Source(origin=str(SEED), kind="text", content=SEED.read_text(encoding="utf-8")), extract=False)
    text = p.document.text
    place = text.index("دير الزور")
    deaths = text.index("5 عناصر")
    sentence_end = text.index(".", deaths) + 1
    sentence_start = text.rfind("\n", 0, deaths) + 1
    p.events = [
        Event(doc_id=p.document.id, event_type="Battles", sub_event_type="Armed clash", actor1="Islamic State (Syria)",
              actor2="SDF: Syrian Democratic Forces", country="Syria", admin1="Deir-ez-Zor", location="Deir-ez-Zor",
              location_ar="دير الزور", latitude=35.336, longitude=40.141, event_date="2018-05-02", fatalities=5,
              evidence=text[sentence_start:sentence_end],
              evidence_spans=[Span(place, place + 9, "place", text[place:place + 9]),
                              Span(deaths, deaths + 7, "fatalities", text[deaths:deaths + 7]),
                              Span(sentence_start, sentence_end, "sentence", text[sentence_start:sentence_end])]),
        Event(doc_id=p.document.id, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
              country="Iraq", event_date="2018-05-03", evidence="غارة"),
    ]
    return p


def ant_processed(n: int) -> list[Processed]:
    with open(ANT, encoding="utf-8") as fh:
        recs = [json.loads(line) for line in itertools.islice(fh, n)]
    return [process(Source(origin=f"{ANT}#L{i}", kind="text", content=r["text"], id=r["id"], title=r["title"],
                           source=r["source"]), extract=False) for i, r in enumerate(recs, 1)]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "rasd.db") as s:
        yield s


def test_store_add_processed_roundtrip_events_spans(store):
    p = seed_processed()
    with store.atomic():
        assert store.add_processed(p) is True
    doc = store.get_document(p.document.id)
    assert doc.text == p.document.text and doc.hash == p.document.hash
    assert [(s.start, s.end, s.kind) for s in store.segments(doc.id)] == [(s.start, s.end, s.kind) for s in p.segments]
    events = list(store.iter_events())
    assert len(events) == 2
    ev = events[0]
    assert ev.id == event_key(doc.id, 0, p.events[0]) and ev.doc_ids == [doc.id]
    assert ev.evidence_spans == [Span(s.start, s.end, s.label, s.text, doc.id) for s in p.events[0].evidence_spans]
    assert store.evidence(ev.id) == ev.evidence_spans
    for s in ev.evidence_spans:  # every span points into the stored original text
        assert doc.text[s.start:s.end] == s.text
    assert (ev.fatalities, ev.latitude, ev.location_ar) == (5, 35.336, "دير الزور")


def test_store_duplicate_content_adds_nothing(store):
    p = seed_processed()
    with store.atomic():
        assert store.add_processed(p)
    before = store.stats()
    again = seed_processed()
    again.document.id = "another-id"
    with store.atomic():
        assert store.add_processed(again) is False
    assert store.stats() == before
    assert store.has_hash(p.document.hash)


def test_store_duplicate_raw_input_is_remembered(store):
    """Another page with the same article text: not stored again, but its raw hash is known."""
    p = seed_processed()
    with store.atomic():
        assert store.add_processed(p, source_hash="raw-page-1")
    with store.atomic():
        assert store.add_processed(seed_processed(), source_hash="raw-page-2") is False
    assert store.has_hash("raw-page-1") and store.has_hash("raw-page-2") and not store.has_hash("raw-page-3")
    assert store.stats()["documents"] == 1


def test_store_same_id_different_text_gets_own_id(store):
    a, b = ant_processed(2)
    b.document.id = a.document.id
    with store.atomic():
        assert store.add_processed(a) and store.add_processed(b)
    ids = [d.id for d in store.iter_documents()]
    assert ids[0] == a.document.id and ids[1].startswith(a.document.id + "~") and len(set(ids)) == 2


def test_store_rollback_on_exception_keeps_nothing(store):
    p = seed_processed()
    with pytest.raises(RuntimeError, match="stop"), store.atomic():
        store.add_processed(p)
        store.record_error("x.txt", "E101", "empty input")
        raise RuntimeError("stop")
    assert store.stats()["documents"] == 0 and store.errors() == [] and list(store.iter_events()) == []


def test_store_nested_atomic_is_savepoint(store):
    a, b = ant_processed(2)
    with store.atomic():
        store.add_processed(a)
        with pytest.raises(ValueError), store.atomic():
            store.add_processed(b)
            raise ValueError
    assert [d.id for d in store.iter_documents()] == [a.document.id]


def test_store_never_writes_outside_a_transaction(store):
    with pytest.raises(RuntimeError, match="atomic"):
        store.add_processed(seed_processed())
    with pytest.raises(RuntimeError, match="atomic"):
        store.record_error("x", "E101", "empty")


def test_store_does_not_commit_for_caller(tmp_path):
    """While the caller's transaction is open, another connection sees nothing of it."""
    path = tmp_path / "rasd.db"
    with Store(path) as store:
        with store.atomic():
            store.add_processed(seed_processed())
            store.record_error("bad.txt", "E102", "binary content")
            other = sqlite3.connect(path)
            try:
                assert other.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
                assert other.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == 0
            finally:
                other.close()
        other = sqlite3.connect(path)
        try:
            assert other.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
        finally:
            other.close()


def test_store_record_error_repeat_updates(store):
    with store.atomic():
        store.record_error("a.txt", "E101", "empty input")
        store.record_error("a.txt", "E101", "empty input: again")
        store.record_error("a.txt", "E102", "binary content")
    assert [(e["code"], e["reason"]) for e in store.errors()] == [("E101", "empty input: again"), ("E102", "binary content")]


def test_store_event_filters_stats_search(store):
    with store.atomic():
        store.add_processed(seed_processed())
        for p in ant_processed(30):
            store.add_processed(p)
    assert [e.country for e in store.iter_events(country="Iraq")] == ["Iraq"]
    assert store.count_events(event_type="Battles") == 1
    assert store.count_events(since="2018-05-03") == 1 and store.count_events(until="2018-05-02") == 1
    assert [e.location_ar for e in store.iter_events(q="دير الزور")] == ["دير الزور"]
    assert len(list(store.iter_events(limit=1))) == 1
    with pytest.raises(TypeError, match="unknown event filter"):
        list(store.iter_events(colour="red"))
    stats = store.stats()
    assert (stats["documents"], stats["events"], stats["fatalities"]) == (31, 2, 5)
    assert stats["events_by_type"] == {"Battles": 1, "Explosions/Remote violence": 1}
    hits = store.search("غزة")
    assert hits and all("غزة" in store.get_document(h["id"]).text for h in hits)
    assert "[غزة]" in hits[0]["snippet"]
    assert store.search('") OR *') == []  # user text is quoted, never FTS syntax


def test_store_schema_version_and_pragmas(store):
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_migrates_version_1_file(tmp_path):
    """A database made by schema version 1 (no source_hash, repeated error rows) is upgraded in place."""
    v1 = (schema_sql().replace("    source_hash TEXT,", "")
          .replace("CREATE INDEX IF NOT EXISTS documents_source_hash ON documents(source_hash);", "")
          .replace("CREATE UNIQUE INDEX IF NOT EXISTS errors_origin_code ON errors(origin, code);", ""))
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(v1 + "\nPRAGMA user_version = 1;")
    conn.execute("INSERT INTO documents (id, hash, text) VALUES ('d1', 'h1', 'نص')")
    conn.executemany("INSERT INTO errors (origin, code, reason) VALUES (?, ?, ?)",
                     [("a.txt", "E101", "empty"), ("a.txt", "E101", "empty again")])
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert store.has_hash("h1") and [e["reason"] for e in store.errors()] == ["empty again"]
        with store.atomic():
            assert store.add_processed(seed_processed())


def test_store_not_a_database_is_one_line_error(tmp_path):
    f = tmp_path / "notes.db"
    f.write_bytes(SEED.read_bytes())
    with pytest.raises(StoreError, match="notes.db: cannot open as a rasd database"):
        Store(f)


def test_store_resolve_merges_reports_of_one_event(tmp_path):
    """The same article re-published with an extra line is a second report of the same events."""
    a = seed_processed()
    b = process(Source(origin="copy.txt", kind="text", content=a.document.text + "\nتحديث"), extract=False)
    b.events = [Event.from_dict({**e.to_dict(), "doc_id": b.document.id, "doc_ids": [], "id": ""}) for e in a.events]
    with Store(tmp_path / "rasd.db") as store:
        with store.atomic():
            assert store.add_processed(a, resolve=True) and store.add_processed(b, resolve=True)
        events = list(store.iter_events())
        assert len(events) == len(a.events)
        assert all(sorted(e.doc_ids) == sorted([a.document.id, b.document.id]) for e in events)
        spans = events[0].evidence_spans
        assert {s.doc_id for s in spans} == {a.document.id, b.document.id}
        for s in spans:
            assert store.get_document(s.doc_id).text[s.start:s.end] == s.text


def test_store_opens_file_made_from_schema_sql_without_version(tmp_path):
    path = tmp_path / "fixture.db"
    conn = sqlite3.connect(path)
    conn.executescript(schema_sql())
    conn.close()
    with Store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        with store.atomic():
            assert store.add_processed(seed_processed())


@pytest.mark.issue(2)
def test_store_missing_folder_is_one_line_error(tmp_path):
    with pytest.raises(StoreError, match=r"folder .*nowhere does not exist"):
        Store(tmp_path / "nowhere" / "rasd.db")


@pytest.mark.issue(2)
def test_store_duplicate_article_under_second_id_is_found_by_it(tmp_path):
    """ANT files one AFP article under two ids (internationalNews and middleEast): one document is
    stored, and the second id finds it and its events instead of nothing."""
    from rasd.ingest.batch import run_batch

    ids = ("FR-internationalNews-2279-20180712", "FR-middleEast-756-20180712")
    with open(ANT, encoding="utf-8") as fh:
        lines = [line for line in fh if json.loads(line)["id"] in ids]
    assert len(lines) == 2
    src = tmp_path / "two.jsonl"
    src.write_text("".join(lines), encoding="utf-8")
    with Store(tmp_path / "r.db") as store:
        first = run_batch([src], store)
        assert (first.added, first.skipped) == (1, 1)
        [stored] = [d.id for d in store.iter_documents()]
        other = next(i for i in ids if i != stored)
        assert store.get_document(other).id == stored
        assert store.segments(other) == store.segments(stored) != []
        assert store.count_events(doc_id=other) == store.count_events(doc_id=stored) > 0
        again = run_batch([src], store)
        assert again.skipped == 2
        assert [tuple(r) for r in store.conn.execute("SELECT alias, doc_id FROM document_aliases")] == [(other, stored)]
