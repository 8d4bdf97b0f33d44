"""The read API over a real database: ~50 ANT conflict articles through `rasd ingest`'s batch runner
(real pipeline, real store), queried with fastapi's TestClient: filters, paging, sorting, the
traceability of evidence offsets, exports, and one JSON error shape for every bad request."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import ANT
from fastapi.testclient import TestClient

from rasd.api import create_app
from rasd.ingest.batch import run_batch
from rasd.store import Store

N_ARTICLES = 50


def conflict_lines(n: int) -> list[str]:
    """The first ``n`` ANT articles flagged as conflict news that mention Syria or Iraq."""
    out = []
    with open(ANT, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rm = r.get("region_mentions") or {}
            if r.get("conflict_keyword_match") and rm.get("SY", 0) + rm.get("IQ", 0) >= 2:
                out.append(line)
                if len(out) == n:
                    break
    return out


def conflict_db(folder, n: int, **batch) -> Path:
    """A database built by the real pipeline from the first ``n`` conflict articles (``conflict_lines``)."""
    src = folder / f"ant{n}.jsonl"
    src.write_text("".join(conflict_lines(n)), encoding="utf-8")
    db = folder / "rasd.db"
    with Store(db) as store:
        result = run_batch([src], store, **batch)
    assert result.added == n, result.errors
    return db


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return conflict_db(tmp_path_factory.mktemp("api"), N_ARTICLES)


@pytest.fixture(scope="module")
def client(db_path):
    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture(scope="module")
def everything(client):
    """Every event, via paging (the database is small)."""
    items, page = [], 1
    while True:
        body = client.get("/api/events", params={"page": page, "page_size": 500}).json()
        items += body["items"]
        if len(items) >= body["total"]:
            return items
        page += 1


def assert_error(resp, status: int, param: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and err["code"] and err["message"]
    assert "Traceback" not in resp.text
    if param:
        assert err["param"] == param
    return err


def test_api_events_has_the_pipelines_events(client, everything):
    assert len(everything) > 20  # 50 conflict articles give dozens of events
    assert len({e["id"] for e in everything}) == len(everything)
    for e in everything:
        assert e["event_type"] and e["sub_event_type"] and e["doc_ids"]


@pytest.mark.parametrize("field", ["event_type", "country", "admin1"])
def test_api_events_filter_by_field(client, everything, field):
    value, expected = Counter(e[field] for e in everything if e[field]).most_common(1)[0]
    body = client.get("/api/events", params={field: value, "page_size": 500}).json()
    assert body["total"] == expected
    assert {e[field] for e in body["items"]} == {value}


def test_api_events_filter_dates_inclusive(client, everything):
    dates = sorted(e["event_date"][:10] for e in everything if e["event_date"])
    lo, hi = dates[len(dates) // 4], dates[3 * len(dates) // 4]
    body = client.get("/api/events", params={"date_from": lo, "date_to": hi, "page_size": 500}).json()
    assert body["total"] == sum(lo <= d <= hi for d in dates)
    assert all(lo <= e["event_date"][:10] <= hi for e in body["items"])


def test_api_events_filter_actor_either_side_and_fatalities(client, everything):
    actor = Counter(a for e in everything for a in (e["actor1"], e["actor2"]) if a).most_common(1)[0][0]
    word = actor.split()[0]
    body = client.get("/api/events", params={"actor": word, "page_size": 500}).json()
    sides = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
    expected = [e for e in everything if any(word.lower() in (e[s] or "").lower() for s in sides)]
    assert body["total"] == len(expected) > 0
    body = client.get("/api/events", params={"fatalities_min": 1, "page_size": 500}).json()
    assert body["total"] == sum(e["fatalities"] >= 1 for e in everything)


def test_api_events_full_text_search_over_evidence(client, everything):
    target = next(e for e in everything if e["evidence"] and len(e["evidence"].split()) > 4)
    word = max((w for w in target["evidence"].split() if w.isalpha()), key=len)
    body = client.get("/api/events", params={"q": word, "page_size": 500}).json()
    assert target["id"] in {e["id"] for e in body["items"]}
    for e in body["items"]:
        assert word in " ".join(filter(None, (e["evidence"], e["notes"], e["location_ar"])))
    # another common spelling (final taa marbuta written as haa) finds the same evidence
    word = next(w for e in everything for w in (e["evidence"] or "").split() if w.isalpha() and w.endswith("ة")
                and len(w) > 4)
    hits = client.get("/api/events", params={"q": word[:-1] + "ه", "page_size": 500}).json()["items"]
    fields = [" ".join(filter(None, (e["evidence"], e["notes"], e["location_ar"]))) for e in hits]
    assert fields and all(word in f or word[:-1] + "ه" in f for f in fields)
    # FTS syntax in user input is neutralised, never a 500
    assert client.get("/api/events", params={"q": 'NEAR("x" AND) *'}).status_code == 200
    assert_error(client.get("/api/events", params={"q": "!!!"}), 400, "q")


def test_api_events_paging_and_sorting(client, everything):
    p1 = client.get("/api/events", params={"page_size": 10, "page": 1}).json()
    p2 = client.get("/api/events", params={"page_size": 10, "page": 2}).json()
    assert len(p1["items"]) == 10 and not {e["id"] for e in p1["items"]} & {e["id"] for e in p2["items"]}
    fat = [e["fatalities"] for e in client.get("/api/events", params={"sort": "-fatalities", "page_size": 500})
           .json()["items"]]
    assert fat == sorted(fat, reverse=True)
    dates = [e["event_date"] for e in client.get("/api/events", params={"sort": "date", "page_size": 500})
             .json()["items"] if e["event_date"]]
    assert dates == sorted(dates)


def test_api_event_evidence_offsets_point_into_the_original_text(client, everything):
    checked = 0
    for summary in everything[:15]:
        event = client.get(f"/api/events/{summary['id']}").json()
        assert event["documents"] and {d["id"] for d in event["documents"]} <= set(event["doc_ids"])
        texts = {d["id"]: client.get(f"/api/documents/{d['id']}").json()["text"] for d in event["documents"]}
        for span in event["evidence_spans"]:
            assert texts[span["doc_id"]][span["start"]:span["end"]] == span["text"]
            checked += 1
    assert checked > 15


def test_api_document_has_text_segments_and_spans(client, everything):
    doc = client.get(f"/api/documents/{everything[0]['doc_id']}").json()
    assert doc["length"] == len(doc["text"]) and doc["segments"] and doc["event_ids"]
    for span in doc["evidence_spans"]:
        assert 0 <= span["start"] < span["end"] <= doc["length"]
    assert_error(client.get("/api/documents/no-such-doc"), 404)
    assert_error(client.get("/api/events/no-such-event"), 404)


def test_api_stats_add_up(client, everything):
    s = client.get("/api/stats").json()
    assert s["events"] == len(everything)
    assert sum(t["events"] for t in s["by_type"]) == len(everything)
    dated = sum(1 for e in everything if e["event_date"])
    assert sum(d["events"] for d in s["by_day"]) == sum(w["events"] for w in s["by_week"]) == dated
    assert all(w["week"][:4].isdigit() and "-W" in w["week"] for w in s["by_week"])
    assert all(sum(b["types"].values()) == b["events"] for b in s["by_day"] + s["by_week"])
    assert sum(a["events"] for a in s["by_admin1"]) == len(everything)
    etype = s["by_type"][0]["event_type"]
    assert client.get("/api/stats", params={"event_type": etype}).json()["events"] == s["by_type"][0]["events"]


def test_api_geojson_and_csv_follow_the_filters(client, everything):
    etype = Counter(e["event_type"] for e in everything).most_common(1)[0][0]
    resp = client.get("/api/events.geojson", params={"event_type": etype})
    assert resp.headers["content-type"].startswith("application/geo+json")
    fc = resp.json()
    located = [e for e in everything if e["event_type"] == etype and e["latitude"] is not None]
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(located)
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["properties"]["event_type"] == etype
    resp = client.get("/api/events.csv", params={"event_type": etype})
    assert resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert len(rows) == sum(e["event_type"] == etype for e in everything)
    assert {"event_date", "event_type", "actor1", "latitude", "fatalities", "evidence"} <= set(rows[0])


@pytest.mark.parametrize(("params", "param"), [
    ({"page_size": 501}, "page_size"),
    ({"page": 0}, "page"),
    ({"date_from": "2018-02-30"}, "date_from"),
    ({"date_from": "19/02/2018"}, "date_from"),
    ({"date_from": "2018-03-01", "date_to": "2018-02-01"}, "date_to"),
    ({"sort": "fatalities; DROP TABLE events"}, "sort"),
    ({"fatalities_min": -1}, "fatalities_min"),
    ({"fatalities_min": "many"}, "fatalities_min"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"actor": "x" * 201}, "actor"),
])
def test_api_bad_parameters_get_one_error_shape(client, params, param):
    assert_error(client.get("/api/events", params=params), 400, param)


def test_api_values_are_parameters_not_sql(client, everything):
    body = client.get("/api/events", params={"country": "Syria' OR '1'='1", "actor": "%"}).json()
    assert body["total"] == 0
    assert client.get("/api/events").json()["total"] == len(everything)  # nothing was harmed


def test_api_writing_is_off_without_a_token(client):
    err = assert_error(client.post("/api/documents", json={"text": "نص"}), 403)
    assert "token" in err["message"]


def test_api_page_assets_openapi_and_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "static/app.js" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/markercluster/leaflet.markercluster.js",
                 "/static/i18n.json", "/static/app.css"):
        assert client.get(path).status_code == 200, path
    strings = client.get("/static/i18n.json").json()
    assert set(strings["en"]) == set(strings["ar"])
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/stats",
            "/api/events.geojson", "/api/events.csv", "/api/documents"} <= set(paths)
    assert_error(client.get("/api/nothing-here"), 404)
    boundaries = client.get("/api/boundaries.geojson").json()
    assert boundaries["type"] == "FeatureCollection"


def test_api_internal_errors_hide_the_trace(db_path, tmp_path):
    copy = tmp_path / "gone.db"
    shutil.copy(db_path, copy)
    app = create_app(copy)
    copy.unlink()
    with TestClient(app, raise_server_exceptions=False) as c:
        err = assert_error(c.get("/api/events"), 500)
    assert "sqlite" not in err["message"].lower()


def test_api_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="database not found"):
        create_app(tmp_path / "nope.db")
