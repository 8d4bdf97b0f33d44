"""ACLED CSV ``source_scale`` (from data/source_scale.tsv, by outlet) and ``timestamp`` (Unix time the
store last wrote the event row), on real ANT reports stored and merged in a real SQLite file."""

from __future__ import annotations

import calendar
import csv
import io
import json
import shutil
import sqlite3
import time
from importlib.resources import files

import pytest
from conftest import ANT, HTML_PAGES, SAUDI, ant_record

from rasd.errors import KnowledgeError
from rasd.export.acled import unix_time, write_acled_csv
from rasd.export.source_scale import SCALES, load_source_scales, outlet_key, source_scale, source_scales
from rasd.model import Document
from rasd.pipeline import Processed
from rasd.store import Store

TABLE = files("rasd.data").joinpath("source_scale.tsv")


def _store_report(store: Store, ev) -> None:
    rec = ant_record(ev.doc_id)
    doc = Document(id=rec["id"], text=rec["text"], source=rec["source"], published=rec["published"])
    with store.atomic():
        store.add_processed(Processed(doc, [], [ev]), resolve=True)


def _acled_rows(store: Store) -> list[dict]:
    buf = io.StringIO()
    write_acled_csv(store.iter_events(), buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def _created_at(db) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        return {i: calendar.timegm(time.strptime(c, "%Y-%m-%dT%H:%M:%SZ"))
                for i, c in con.execute("SELECT id, created_at FROM events")}


def test_export_acled_scale_and_timestamp_of_stored_and_merged_events(tmp_path, coded):
    """B1 (France24) and B2 (Sky News Arabia) report the same Douma strike and merge; I1 (BBC) stands
    alone. The merge rewrites the row, so its timestamp is the second write's, not the first's."""
    db = tmp_path / "rasd.db"
    with Store(db) as store:
        before = int(time.time())
        _store_report(store, coded["B1"])
        _store_report(store, coded["I1"])
        first = _created_at(db)
        time.sleep(1.1)  # the store's clock counts seconds
        merge_start = int(time.time())
        _store_report(store, coded["B2"])
        after = int(time.time())
        rows = {r["source"]: r for r in _acled_rows(store)}
    assert set(rows) == {"France24; SkyNews", "BBC"}
    merged, alone = rows["France24; SkyNews"], rows["BBC"]
    assert merged["source_scale"] == "International; Regional"
    assert alone["source_scale"] == "International"

    stamps = _created_at(db)
    for row in (merged, alone):
        assert row["timestamp"].isdigit()
        assert before <= int(row["timestamp"]) <= after
    assert int(merged["timestamp"]) >= merge_start  # rewritten by the merge ...
    assert int(alone["timestamp"]) == min(first.values()) <= merge_start - 1  # ... the other row not
    assert sorted(int(r["timestamp"]) for r in rows.values()) == sorted(stamps.values())


def test_export_acled_timestamp_empty_for_unstored_event(coded):
    buf = io.StringIO()
    write_acled_csv([coded["I1"]], buf)
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["timestamp"] == "" and row["source_scale"] == "International"
    assert unix_time("2018-04-07T10:00:00Z") == 1523095200 == unix_time("2018-04-07 10:00:00")
    assert unix_time("yesterday") is None


def test_export_source_scale_knows_every_corpus_outlet_and_cited_source():
    """Every outlet of ANT and SaudiNewsNet, and every source the extractor cites (cues_sources.tsv),
    has a scale; the Arabic HTML pages' site names of the big outlets too."""
    outlets = set()
    for path in (ANT, SAUDI):
        with path.open(encoding="utf-8") as fh:
            outlets |= {json.loads(line)["source"] for line in fh}
    cited = [line.split("\t")[0] for line in
             files("rasd.data").joinpath("cues_sources.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert len(outlets) == 17 and len(cited) >= 15
    assert [o for o in sorted(outlets) + cited if not source_scale(o)] == []
    assert {o: source_scale(o) for o in ("SkyNews", "Alarabia", "BBC", "CNN", "France24", "okaz", "Deir Ezzor 24",
                                          "Enab Baladi")} == {
        "SkyNews": "Regional", "Alarabia": "Regional", "BBC": "International", "CNN": "International",
        "France24": "International", "okaz": "National", "Deir Ezzor 24": "Subnational", "Enab Baladi": "National"}
    assert HTML_PAGES.is_dir()
    for site in ("سكاي نيوز عربية", "BBC News عربي", "CNN بالعربية", "اليوم السابع", "Sputnik_Ar"):
        assert source_scale(site), site
    assert source_scale("Sky News") == source_scale("skynews") == "Regional"  # spacing and case do not matter
    assert source_scale("Some Blog") == "" and source_scale(None) == ""
    assert set(source_scales().values()) <= set(SCALES)


@pytest.mark.parametrize(("line", "message"), [
    ("Enab Baladi", "expected outlet, scale"),
    ("Orient News\tLocal\tاورينت", "is not one of ACLED's"),
    ("Al Arabiya Online\tRegional\tAlarabia", "already belongs to 'Al Arabiya'"),
])
def test_export_source_scale_broken_line_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "source_scale.tsv"
    shutil.copy(str(TABLE), path)
    n = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(KnowledgeError) as err:
        load_source_scales(path)
    assert (err.value.path, err.value.line) == (str(path), n + 1)
    assert message in err.value.detail
    assert outlet_key("Sky News Arabia") in load_source_scales(TABLE)
