"""The typed records that pass between rasd's stages.

Every offset (``start``/``end``) points into ``Document.text``, the document's original
text, which no stage ever changes (spaCy's rule: ``text`` is sacred, normalised forms sit
beside it with a map back).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_hash(text: str) -> str:
    """Stable hash of a document's text (whitespace-insensitive), used to skip re-ingests."""
    canon = " ".join(text.split())
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Source:
    """One raw input as ingest read it, before cleaning.

    ``kind`` is ``"html"`` or ``"text"``; ``origin`` names where it came from
    (a path, ``path#line``, ``warc:path#record``, a URL) for error messages.
    """

    origin: str
    kind: str
    content: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Document:
    """One article: its original text and metadata. ``text`` never changes."""

    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or datetime, as known
    origin: str | None = None
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)


@dataclass(slots=True, frozen=True)
class Segment:
    """A stretch of ``Document.text``: ``kind`` is ``article`` (a story), ``title``, or ``dropped``
    material kept for audit (``boilerplate``, ``teaser``)."""

    start: int
    end: int
    kind: str
    text: str = ""
    story: int | None = None  # which story of the document a kept segment belongs to (0, 1, ...)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Span:
    """Evidence: ``label`` (trigger, actor1, actor2, place, fatalities, date, source, sentence)
    over ``Document.text[start:end]``."""

    start: int
    end: int
    label: str
    text: str = ""
    doc_id: str | None = None  # the report this span points into, once resolve merges reports


@dataclass(slots=True)
class Place:
    """A resolved location, with the reason for the choice."""

    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None  # English name of the most precise place
    location_ar: str | None = None  # as written in the text
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    gazetteer_id: str | None = None
    span: Span | None = None
    reason: str = ""
    candidates: list[dict[str, Any]] = field(default_factory=list)


EVENT_FIELDS = (
    "doc_id", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "country", "admin1", "admin2", "admin3", "location", "location_ar",
    "latitude", "longitude", "geo_precision", "event_date", "time_precision",
    "fatalities", "source", "notes", "evidence", "evidence_spans",
)


@dataclass(slots=True)
class Event:
    """An ACLED-style event with its evidence. One per (day, place, sub-type, actor pair) per
    document after within-document merging; ``doc_ids``/``sources`` grow when ``resolve``
    merges reports across documents."""

    doc_id: str
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    event_date: str | None = None
    time_precision: int | None = None
    fatalities: int = 0
    source: str | None = None
    notes: str = ""
    evidence: str = ""
    evidence_spans: list[Span] = field(default_factory=list)
    id: str = ""  # stable key, set by resolve/store
    doc_ids: list[str] = field(default_factory=list)  # every report merged into this event
    published: str | None = None  # the report's publication date (Document.published), read by resolve
    # UTC time the store last wrote the event's row (events.created_at), if read back; not part of its value
    created_at: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in EVENT_FIELDS}
        d["evidence_spans"] = [asdict(s) for s in self.evidence_spans]
        d["id"] = self.id
        d["doc_ids"] = list(self.doc_ids) or [self.doc_id]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        kw = {k: d.get(k) for k in EVENT_FIELDS if k in d}
        kw["evidence_spans"] = [Span(**s) for s in d.get("evidence_spans") or []]
        kw["fatalities"] = int(d.get("fatalities") or 0)
        kw["notes"] = d.get("notes") or ""
        kw["evidence"] = d.get("evidence") or ""
        ev = cls(**kw)
        ev.id = d.get("id") or ""
        ev.doc_ids = list(d.get("doc_ids") or [])
        ev.created_at = d.get("created_at")
        return ev
