"""``create_app(db_path, token=None)``: the FastAPI application behind ``rasd serve``.

Routes: the read API over events, documents and stats (JSON, GeoJSON, CSV), the token-guarded
``POST /api/documents``, the admin-boundary base layer, and the offline page at ``/``.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Header, Query
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles

from rasd import __version__
from rasd.api import errors, queries
from rasd.api.errors import ApiError
from rasd.api.filters import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_SORT,
    MAX_EXPORT_ROWS,
    MAX_FATALITIES,
    MAX_PAGE_SIZE,
    EventFilter,
    check_paging,
    parse_sort,
)
from rasd.api.limits import MAX_BODY_BYTES, LimitsMiddleware
from rasd.api.write import MAX_DOCUMENTS_PER_REQUEST, Writer, check_token, parse_documents
from rasd.errors import RasdError
from rasd.web import STATIC_DIR, boundaries_path

CSV_COLUMNS = (
    "id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "country",
    "admin1", "admin2", "admin3", "location", "location_ar", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "evidence", "doc_ids",
)
GEO_PROPERTIES = (
    "id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "admin2", "location", "location_ar", "fatalities", "geo_precision",
)
EMPTY_FC = {"type": "FeatureCollection", "features": []}


def event_filter(
    date_from: Annotated[str | None, Query(description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="last day (inclusive), YYYY-MM-DD")] = None,
    country: Annotated[list[str], Query(description="country: English name, ISO code or Arabic name "
                                              "(repeat for several)")] = [],  # noqa: B006
    admin1: Annotated[list[str], Query(description="admin1 (repeat for several)")] = [],  # noqa: B006
    admin2: Annotated[list[str], Query(description="admin2 (repeat for several)")] = [],  # noqa: B006
    event_type: Annotated[list[str], Query(description="ACLED event type, any case")] = [],  # noqa: B006
    sub_event_type: Annotated[list[str], Query(description="ACLED sub-event type")] = [],  # noqa: B006
    actor: Annotated[str | None, Query(description="substring of either actor (or associated)")] = None,
    fatalities_min: Annotated[int | None, Query(ge=0, le=MAX_FATALITIES,
                                                description="at least this many fatalities")] = None,
    q: Annotated[str | None, Query(description="full-text search over the evidence (FTS5)")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
) -> EventFilter:
    return EventFilter.build(date_from=date_from, date_to=date_to, country=country, admin1=admin1,
                             admin2=admin2, event_type=event_type, sub_event_type=sub_event_type,
                             actor=actor, fatalities_min=fatalities_min, q=q, bbox=bbox)


Filter = Annotated[EventFilter, Depends(event_filter)]
Sort = Annotated[str, Query(description="sort key, '-' for descending: date, fatalities, event_type, ...")]


def create_app(db_path: str | Path, token: str | None = None, *, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """The rasd web app over the SQLite database at ``db_path``.

    Writing (``POST /api/documents``) is enabled only when ``token`` is given; the database is then
    created if missing. Without a token the database must exist (``FileNotFoundError`` otherwise);
    a file that is not a rasd database raises ``RasdError``.

    Example: uvicorn.run(create_app("rasd.db"), host="127.0.0.1", port=8000)
    """
    db = Path(db_path)
    writer = Writer.for_path(db)
    if token:
        writer.ensure_db()
    elif not db.is_file():
        raise FileNotFoundError(f"database not found: {db} (build it with `rasd ingest`)")
    try:
        with queries.open_ro(db) as con:
            con.execute("SELECT 1 FROM events JOIN documents LIMIT 1").fetchall()
    except sqlite3.Error as err:
        raise RasdError(f"{db}: not a rasd database ({err})") from err

    app = FastAPI(title="rasd", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic conflict news → ACLED-style events with evidence spans.")
    errors.install(app)
    app.add_middleware(LimitsMiddleware, max_body=max_body)

    def read(fn, *args):
        """``fn(connection, *args)`` on a read-only connection of its own; an FTS5 error of the
        request's ``q`` is a 400 on ``q``, any other database error a 500."""
        try:
            with queries.open_ro(db) as con:
                return fn(con, *args)
        except sqlite3.OperationalError as err:
            searched = any(isinstance(a, EventFilter) and a.q for a in args)
            if searched and ("fts5" in str(err).lower() or "match" in str(err).lower()):
                raise ApiError(400, f"q: search failed ({err})", param="q") from err
            raise

    @app.get("/api/events", summary="events matching the filters, one page")
    def events(f: Filter, sort: Sort = DEFAULT_SORT,
               page: Annotated[int, Query(ge=1)] = 1,
               page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE) -> dict:
        check_paging(page, page_size)
        total, items = read(queries.list_events, f, parse_sort(sort), page, page_size)
        return {"total": total, "page": page, "page_size": page_size, "sort": sort, "items": items}

    @app.get("/api/events.geojson", summary="located events matching the filters as GeoJSON")
    def events_geojson(f: Filter, sort: Sort = DEFAULT_SORT,
                       limit: Annotated[int, Query(ge=1, le=MAX_EXPORT_ROWS)] = 20_000) -> Response:
        columns = (*GEO_PROPERTIES, "latitude", "longitude")
        rows = read(lambda con, f: list(queries.iter_events(con, f, parse_sort(sort), limit, located_only=True,
                                                            columns=columns)), f)
        features = [{
            "type": "Feature", "id": r["id"],
            "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
            "properties": {k: r[k] for k in GEO_PROPERTIES},
        } for r in rows]
        body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
        return Response(body, media_type="application/geo+json")

    @app.get("/api/events.csv", summary="events matching the filters as CSV (ACLED-like columns)")
    def events_csv(f: Filter, sort: Sort = DEFAULT_SORT,
                   limit: Annotated[int, Query(ge=1, le=MAX_EXPORT_ROWS)] = MAX_EXPORT_ROWS) -> Response:
        rows = read(lambda con, f: list(queries.iter_events(con, f, parse_sort(sort), limit)), f)

        def lines():
            buf = io.StringIO()
            out = csv.writer(buf)
            out.writerow(CSV_COLUMNS)
            for n, r in enumerate(rows, 1):
                out.writerow([";".join(r[c]) if c == "doc_ids" else r[c] for c in CSV_COLUMNS])
                if n % 500 == 0:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()

        return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="rasd-events.csv"'})

    def read_one(fn, key: str, what: str) -> dict:
        found = read(fn, key)
        if found is None:
            raise ApiError(404, f"no {what} {key[:100]!r}")
        return found

    @app.get("/api/events/{event_id}", summary="one event with its documents and evidence spans")
    def event(event_id: str) -> dict:
        return read_one(queries.get_event, event_id, "event")

    @app.get("/api/documents/{doc_id}", summary="one document: original text, segments, evidence offsets")
    def document(doc_id: str) -> dict:
        return read_one(queries.get_document, doc_id, "document")

    @app.get("/api/stats", summary="counts by type, day, ISO week and admin1 (same filters)")
    def stats(f: Filter) -> dict:
        return read(queries.stats, f)

    @app.get("/api/facets", summary="distinct values of the filterable fields")
    def facets() -> dict:
        return read(queries.facets)

    @app.get("/api/boundaries.geojson", summary="admin1/admin2 boundaries (the map's base layer)")
    def boundaries() -> Response:
        path = boundaries_path()
        if path is None:
            return JSONResponse(EMPTY_FC, media_type="application/geo+json")
        return FileResponse(path, media_type="application/geo+json")

    @app.post("/api/documents", status_code=201, summary="process and store documents (needs the token)")
    def post_documents(body: Annotated[Any, Body(description="a document, a list of them, or "
                                                         "{\"documents\": [...]}; see DocumentIn")],
                       authorization: Annotated[str | None, Header()] = None) -> dict:
        check_token(token, authorization)
        docs = parse_documents(body)
        if not docs:
            raise ApiError(422, "no documents in the body")
        if len(docs) > MAX_DOCUMENTS_PER_REQUEST:
            raise ApiError(422, f"more than {MAX_DOCUMENTS_PER_REQUEST} documents in one request")
        results = writer.add(docs)
        return {"results": results,
                "added": sum(r["status"] == "added" for r in results),
                "duplicates": sum(r["status"] == "duplicate" for r in results),
                "failed": sum(r["status"] == "failed" for r in results)}

    @app.get("/api/health", summary="liveness and database summary")
    def health() -> dict:
        n = read(lambda con: con.execute("SELECT count(*) FROM events").fetchone()[0])
        return {"status": "ok", "version": __version__, "events": n, "write": bool(token)}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
