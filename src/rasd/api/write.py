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
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from rasd.api import queries
from rasd.api.errors import ApiError, plain_message
from rasd.errors import FATAL_ERRORS, InputError
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


_LIST = TypeAdapter(list[DocumentIn])


def parse_documents(raw: Any) -> list[DocumentIn]:
    """The posted JSON as documents: one object, an array of them, or ``{"documents": [...]}``.
    A body in none of these shapes is ``ApiError(422)`` whose message names the place as the
    client wrote it: ``documents[0].text: …``, ``body[2].html: …``, ``body: …``."""
    batch = isinstance(raw, dict) and "documents" in raw
    try:
        if batch:
            return DocumentsIn.model_validate(raw).documents
        if isinstance(raw, list):
            return _LIST.validate_python(raw)
        return [DocumentIn.model_validate(raw)]
    except ValidationError as err:
        first = err.errors()[0]
        message, param = plain_message(first, "" if batch else "body")
        if param is None:
            message, param = f"body: {message}", "body"
        raise ApiError(422, message, param=param) from None


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
        from rasd.pipeline import check_knowledge, process
        from rasd.scale.outcome import Failure
        from rasd.scale.writer import FAILED, write_outcome
        from rasd.store import Store

        results = []
        try:
            check_knowledge()  # once per process: a broken knowledge file is a 503 before any document
        except FATAL_ERRORS as err:
            log.error("configuration error, nothing processed: %s", err)
            raise ApiError(503, f"server configuration error: {err}; no document was processed",
                           code="configuration_error") from err
        for index, doc in enumerate(docs):
            source = doc.to_source(index)
            result: dict = {"index": index, "id": doc.id}
            try:
                outcome = process(source)
                with self.lock, Store(self.db_path) as store:
                    status = write_outcome(store, outcome, resolve=True, note=log.error)
            except InputError as err:
                outcome = Failure.from_error(err, source.origin)
                with self.lock, Store(self.db_path) as store:
                    status = write_outcome(store, outcome, resolve=True)
            except FATAL_ERRORS as err:  # a broken knowledge file: no document is at fault, none recorded
                log.error("configuration error, document %d and later ones not processed: %s", index, err)
                raise ApiError(503, f"server configuration error: {err}; document {index} and later ones "
                               "were not processed (nothing recorded against them)",
                               code="configuration_error") from err
            except Exception as err:  # noqa: BLE001 - reported per document; the trace goes to the log
                outcome = Failure.from_error(err, source.origin)  # E200 with type, message and trace
                with self.lock, Store(self.db_path) as store:
                    status = write_outcome(store, outcome, resolve=True, note=log.error)
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
