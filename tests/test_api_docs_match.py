"""docs/api.md says what the API does: every key /api/facets returns (with its items' fields) and
every sort key the API accepts are documented, and nothing more; checked against a real database
built from real ANT articles."""

from __future__ import annotations

import re

import pytest
from conftest import REPO
from fastapi.testclient import TestClient
from test_api_read import conflict_db

from rasd.api import create_app
from rasd.api.filters import SORTS

API_MD = (REPO / "docs" / "api.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = conflict_db(tmp_path_factory.mktemp("api_docs"), 25)
    with TestClient(create_app(db)) as c:
        yield c


def _facets_row() -> str:
    rows = [line for line in API_MD.splitlines() if line.startswith("| `GET /api/facets`")]
    assert len(rows) == 1
    return rows[0]


def test_api_docs_list_every_facet_key_and_item_fields(client):
    facets = client.get("/api/facets").json()
    assert {"sub_event_types", "admin1s", "admin2s"} <= set(facets)
    row = _facets_row()
    answer = row.split("|")[2]
    documented = {k for k in re.findall(r"`(\w+)`", answer)}
    assert documented == set(facets)  # every key, and no key the API does not return
    for key, items in facets.items():
        assert items, f"{key} empty: the test database should fill every facet"
        fields = ", ".join(f'"{f}"' for f in items[0])
        assert "{" + fields + "}" in answer, (key, fields)


def _documented_sorts() -> set[str]:
    para = API_MD.split("`/api/events` also takes", 1)[1].split("\n\n", 1)[0]
    return {k for k in re.findall(r"`([a-z_0-9]+)`", para) if k not in ("page", "page_size", "sort")}


def test_api_docs_list_every_sort_key(client):
    documented = _documented_sorts()
    assert "event_date" in documented
    assert documented == set(SORTS)
    for key in sorted(documented):
        for sign in ("", "-"):
            r = client.get("/api/events", params={"sort": sign + key, "page_size": 5})
            assert r.status_code == 200, (key, r.text)
    by_date = client.get("/api/events", params={"sort": "-date", "page_size": 500}).json()["items"]
    by_event_date = client.get("/api/events", params={"sort": "-event_date", "page_size": 500}).json()["items"]
    assert [e["id"] for e in by_date] == [e["id"] for e in by_event_date]
