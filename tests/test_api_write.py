"""POST /api/documents: token required, documents processed at once by the real pipeline and store,
their events readable in the next request; duplicates, per-document failures, body limits."""

from __future__ import annotations

import json

import pytest
from conftest import ANT, SEED
from fastapi.testclient import TestClient

from rasd.api import create_app

TOKEN = "s3cret-token-for-tests"


def ant_article(index: int) -> dict:
    """The ``index``-th ANT conflict article about Syria or Iraq, as the API takes it."""
    seen = 0
    with open(ANT, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rm = r.get("region_mentions") or {}
            if r.get("conflict_keyword_match") and rm.get("SY", 0) + rm.get("IQ", 0) >= 2:
                if seen == index:
                    return {k: r[k] for k in ("id", "text", "title", "published", "source", "url")}
                seen += 1
    raise LookupError(index)


@pytest.fixture()
def client(tmp_path):
    with TestClient(create_app(tmp_path / "new.db", token=TOKEN)) as c:
        yield c


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_api_write_needs_the_bearer_token(client):
    doc = {"text": SEED.read_text(encoding="utf-8")}
    for headers in ({}, auth("wrong"), {"Authorization": TOKEN}):
        resp = client.post("/api/documents", json=doc, headers=headers)
        assert resp.status_code == 401 and resp.json()["error"]["code"] == "unauthorized"
        assert resp.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/events").json()["total"] == 0


def test_api_write_events_are_readable_at_once(client):
    seed = {"id": "seed-000", "text": SEED.read_text(encoding="utf-8"), "source": "seed",
            "url": "https://example.org/seed"}
    resp = client.post("/api/documents", json=seed, headers=auth())
    assert resp.status_code == 201, resp.text
    (result,) = resp.json()["results"]
    assert result["status"] == "added" and result["document_id"] == "seed-000" and result["events"]
    listed = client.get("/api/events", params={"page_size": 500}).json()
    assert {e["id"] for e in listed["items"]} == set(result["events"])
    event = client.get(f"/api/events/{result['events'][0]}").json()
    text = client.get("/api/documents/seed-000").json()["text"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in event["evidence_spans"])
    again = client.post("/api/documents", json=seed, headers=auth()).json()
    assert again["duplicates"] == 1 and again["results"][0]["document_id"] == "seed-000"
    assert client.get("/api/events").json()["total"] == len(result["events"])


def test_api_write_many_with_one_failure(client):
    docs = [ant_article(0), {"id": "english", "text": "No Arabic in this text at all."}, ant_article(1)]
    body = client.post("/api/documents", json={"documents": docs}, headers=auth()).json()
    statuses = [r["status"] for r in body["results"]]
    assert statuses == ["added", "failed", "added"]
    assert body["results"][1]["code"] == "E104"
    assert body["added"] == 2 and body["failed"] == 1
    for r in (body["results"][0], body["results"][2]):
        assert client.get(f"/api/documents/{r['document_id']}").status_code == 200


def test_api_write_takes_html_pages(client):
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if len(p) > 80][:4]
    page = ("<html><head><title>t</title></head><body><nav>الرئيسية | أخبار</nav><article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article><footer>© 2019</footer></body></html>")
    body = client.post("/api/documents", json=[{"id": "page-1", "html": page}], headers=auth()).json()
    assert body["added"] == 1, body
    text = client.get("/api/documents/page-1").json()["text"]
    assert paragraphs[0][:60] in text and "<p>" not in text


@pytest.mark.parametrize("payload", [
    {"title": "no text"},
    {"text": "نص", "html": "<p>نص</p>"},
    {"text": "نص", "unknown_field": 1},
    [],
])
def test_api_write_rejects_bad_bodies_in_one_shape(client, payload):
    resp = client.post("/api/documents", json=payload, headers=auth())
    assert resp.status_code == 422, resp.text
    err = resp.json()["error"]
    assert err["status"] == 422 and err["message"]


def test_api_write_body_is_bounded(client):
    big = {"text": "ا" * (3 * 1024 * 1024)}  # ~6 MB of UTF-8
    resp = client.post("/api/documents", json=big, headers=auth())
    assert resp.status_code == 413
    assert resp.json()["error"]["code"] == "body_too_large"

    def chunks():  # no Content-Length: the cap is counted, not trusted
        for _ in range(7):
            yield b"x" * (1024 * 1024)

    resp = client.post("/api/documents", content=chunks(), headers={**auth(), "Content-Type": "application/json"})
    assert resp.status_code == 413


def test_api_write_storing_failure_is_per_document_and_recorded(tmp_path):
    """A document the database refuses (here a trigger) fails alone, as E200, and is logged in
    ``errors``; the next document of the same request is stored."""
    import sqlite3

    db = tmp_path / "refuses.db"
    app = create_app(db, token=TOKEN)
    con = sqlite3.connect(db)
    try:
        con.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.id = 'refused'"
                    " BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END")
        con.commit()
    finally:
        con.close()
    docs = [{**ant_article(0), "id": "refused"}, ant_article(1)]
    with TestClient(app) as c:
        body = c.post("/api/documents", json=docs, headers=auth()).json()
        assert [r["status"] for r in body["results"]] == ["failed", "added"], body
        assert body["results"][0]["code"] == "E200" and body["failed"] == 1 and body["added"] == 1
        assert c.get("/api/documents/refused").status_code == 404
    con = sqlite3.connect(db)
    try:
        (reason,) = con.execute("SELECT reason FROM errors WHERE code = 'E200'").fetchone()
    finally:
        con.close()
    assert "refused by a test trigger" in reason
