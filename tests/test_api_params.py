"""API parameter checks over a real database (20 ANT conflict articles, real pipeline and store):
out-of-range numbers, malformed sort and unknown event types are 400s in the error shape; a country
in Arabic or as an ISO code matches like its English name (the same normaliser as `rasd export`);
POST bodies get plain 422 messages; HEAD works on GET routes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_api_read import conflict_db

from rasd.api import create_app

GET_ROUTES = ("/api/events", "/api/events.geojson", "/api/events.csv", "/api/stats")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = conflict_db(tmp_path_factory.mktemp("params"), 20, resolve=False)
    with TestClient(create_app(db, token="secret")) as c:
        yield c


def error(resp, status: int) -> dict:
    assert resp.status_code == status, resp.text
    err = resp.json()["error"]
    assert err["status"] == status and err["message"]
    return err


@pytest.mark.parametrize("route", GET_ROUTES)
def test_huge_fatalities_min_is_400(client, route: str) -> None:
    err = error(client.get(route, params={"fatalities_min": "99999999999999999999999"}), 400)
    assert err["param"] == "fatalities_min"


@pytest.mark.parametrize("sort", ["--date", "-+date", "date;drop", "- date"])
def test_malformed_sort_is_400(client, sort: str) -> None:
    err = error(client.get("/api/events", params={"sort": sort}), 400)
    assert err["param"] == "sort"


def test_unknown_event_type_is_400_and_case_is_free(client) -> None:
    err = error(client.get("/api/events", params={"event_type": "Massacres"}), 400)
    assert err["param"] == "event_type" and "Battles" in err["message"]
    by_case = client.get("/api/events", params={"event_type": "battles"}).json()["total"]
    exact = client.get("/api/events", params={"event_type": "Battles"}).json()["total"]
    assert by_case == exact


def test_country_in_arabic_or_iso_matches_english(client) -> None:
    english = client.get("/api/events", params={"country": "Syria"}).json()["total"]
    assert english > 0
    for form in ("سوريا", "SY", "SYR", "syria"):
        assert client.get("/api/events", params={"country": form}).json()["total"] == english, form
    stats = client.get("/api/stats", params={"country": "سوريا"}).json()
    assert stats["events"] == english


@pytest.mark.parametrize(("body", "message"), [
    (b"{not json", "body: not valid JSON"),
    (b'{"documents": [{"text": ""}]}', "documents[0]: give exactly one of 'text' or 'html', not empty"),
    (b'{"documents": [{"txt": "x"}]}', "documents[0].txt: unknown field"),
    (b'[{"text": "a"}, 7]', "body[1]: expected a JSON object"),
    (b'{"text": 5}', "body.text: expected a string"),
])
def test_post_422_messages_are_plain(client, body: bytes, message: str) -> None:
    resp = client.post("/api/documents", content=body,
                       headers={"Authorization": "Bearer secret", "Content-Type": "application/json"})
    err = error(resp, 422)
    assert err["message"] == message
    assert "function-after" not in resp.text and "_one_body" not in resp.text


@pytest.mark.parametrize("route", ["/", "/api/health", "/api/events", "/api/events.csv"])
def test_head_answers_like_get_without_body(client, route: str) -> None:
    got = client.get(route)
    head = client.head(route)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
