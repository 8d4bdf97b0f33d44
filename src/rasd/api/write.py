"""The write side of the API: documents posted as JSON are processed at once and stored.

Each posted document runs through ``rasd.pipeline.process`` and is stored (or its failure recorded)
by ``rasd.scale.writer.write_outcome`` in its own transaction, so its events are readable as soon as
the answer arrives. One writer at a time (a lock); processing runs outside the lock.
"""

from __future__ import annotations

import hmac
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from rasd.api import queries
from rasd.api.errors import ApiError
from rasd.errors import InputError
from rasd.model import Source

log = logging.getLogger("rasd.api")

MAX_DOCUMENTS_PER_REQUEST = 100


class DocumentIn(BaseModel):
    """One article to process: ``text`` (plain) or ``html`` (a page), plus optional metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=300, description="your id for the article")
    text: str | None = Field(default=None, description="plain article text (Arabic)")
    html: str | None = Field(default=None, description="an HTML page; its main text is extracted")
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=64, description="ISO date or datetime")
    source: str | None = Field(default=None, max_length=300, description="outlet name")
    url: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if bool(self.text and self.text.strip()) == bool(self.html and self.html.strip()):
            raise ValueError("give exactly one of 'text' or 'html', not empty")
        return self

    def to_source(self, index: int) -> Source:
        kind = "html" if self.html else "text"
        return Source(origin=f"api:{self.id or index}", kind=kind, content=self.html or self.text or "",
                      id=self.id, title=self.title, published=self.published, source=self.source,
                      url=self.url)


class DocumentsIn(BaseModel):
    """A batch of articles: ``{"documents": [...]}``."""

    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_DOCUMENTS_PER_REQUEST)


@dataclass(slots=True)
class Writer:
    """Processes and stores posted documents into the database at ``db_path``."""

    db_path: Path
    lock: threading.Lock

    @classmethod
    def for_path(cls, db_path: str | Path) -> Writer:
        return cls(Path(db_path), threading.Lock())

    def ensure_db(self) -> None:
        """Create the database (schema and migrations, via ``Store``) if it does not exist yet."""
        from rasd.store import Store

        with self.lock:
            Store(self.db_path).close()

    def add(self, docs: list[DocumentIn]) -> list[dict]:
        """Process and store each document; one result per document, in order.

        A document that fails to process or to store is recorded in ``errors`` (``write_outcome``)
        and answered as ``failed``; the other documents go on."""
        from rasd.pipeline import process
        from rasd.scale.outcome import Failure
        from rasd.scale.writer import FAILED, write_outcome
        from rasd.store import Store

        results = []
        for index, doc in enumerate(docs):
            source = doc.to_source(index)
            result: dict = {"index": index, "id": doc.id}
            try:
                outcome = process(source)
            except InputError as err:
                outcome = Failure.from_error(err, source.origin)
            except Exception as err:  # noqa: BLE001 - reported per document; the trace stays in the log
                log.exception("processing %s failed", source.origin)
                outcome = Failure(source.origin, "E200", type(err).__name__)
            with self.lock, Store(self.db_path) as store:
                status = write_outcome(store, outcome, resolve=True)
            if isinstance(outcome, Failure):
                results.append({**result, "status": FAILED, "code": outcome.code, "reason": outcome.error.reason})
                continue
            if status == FAILED:  # recorded by write_outcome with its cause
                results.append({**result, "status": FAILED, "code": "E200", "reason": "storing failed"})
                continue
            with queries.open_ro(self.db_path) as con:
                stored_id = queries.document_id_for_hash(con, outcome.document.hash)
                event_ids = queries.event_ids_for_document(con, stored_id) if stored_id else []
            results.append({**result, "status": status, "document_id": stored_id, "events": event_ids})
        return results


def check_token(configured: str | None, authorization: str | None) -> None:
    """403 when writing is off (no token configured); 401 unless ``Bearer <token>`` matches."""
    if not configured:
        raise ApiError(403, "writing is disabled: start `rasd serve` with --token or RASD_TOKEN")
    challenge = {"WWW-Authenticate": "Bearer"}
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "missing 'Authorization: Bearer <token>' header", headers=challenge)
    given = given.strip()
    if not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        raise ApiError(401, "invalid token", headers=challenge)
