"""The stage's view of its neighbours (nlp sentences, numbers, dates; geo places): one function each,
calling ``rasd.nlp`` / ``rasd.geo`` and adapting their records (dates become ``DateFound`` with ISO
days; a "since Wednesday" span is coded to its middle day, week precision)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from rasd.model import Document, Place, Segment


@dataclass(frozen=True, slots=True)
class DateFound:
    """A date expression: ``date`` (ISO or None), ``precision`` (ACLED 1/2/3), ``background``."""

    start: int
    end: int
    date: str | None
    precision: int | None
    background: bool
    kind: str = ""


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    from rasd.nlp.sentences import split_sentences as split

    return split(text, start, end)


def find_numbers(text: str, start: int, end: int) -> list[Any]:
    from rasd.nlp.numbers import find_numbers as find

    return find(text, start, end)


def parse_published(value: str | None) -> dt.date | None:
    from rasd.nlp.dates import parse_published as parse

    return parse(value) if value else None


def find_dates(text: str, start: int, end: int, published: dt.date | None) -> list[DateFound]:
    from rasd.nlp.dates import find_dates as find

    out = []
    for m in find(text, start, end, published):
        d = getattr(m, "date", None)
        iso = d.isoformat() if isinstance(d, dt.date) else d
        prec = getattr(m, "time_precision", None) or getattr(m, "precision", None)
        kind = getattr(m, "kind", "")
        if kind == "since" and isinstance(d, dt.date) and published and d < published:
            iso = (d + (published - d) / 2).isoformat()  # ACLED: a span is coded to its middle day
            prec = 2
        out.append(DateFound(m.start, m.end, iso, prec, bool(getattr(m, "background", False)), kind))
    return out


class Geocoder:
    """``place_for(start, end)``: the document geocoder's place for a stretch of text, or None.
    The document is geocoded on the first question (documents without event mentions never are)."""

    def __init__(self, doc: Document, segments: list[Segment]) -> None:
        self._doc, self._segments = doc, segments
        self._built = False
        self._cached: Any = None

    @property
    def _geo(self) -> Any:
        if not self._built:
            from rasd.geo.locate import DocumentGeocoder

            self._built = True
            self._cached = DocumentGeocoder(self._doc, self._segments)
        return self._cached

    @property
    def available(self) -> bool:
        return self._geo is not None

    def places_in(self, start: int, end: int) -> list[Place]:
        """Every place the geocoder found named inside ``[start, end)``, in text order."""
        if self._geo is None:
            return []
        return [p for p in self._geo.places if p.span is not None and start <= p.span.start < end]

    def act_places(self, start: int, end: int) -> list[Place]:
        """The places inside ``[start, end)`` but distance references ("على بعد 250 كلم شمال بغداد")."""
        if self._geo is None:
            return []
        return self._geo.act_places(start, end)

    def place_for(self, start: int, end: int) -> Place | None:
        if self._geo is None:
            return None
        return self._geo.place_for(start, end)


def country_place(country: str | None) -> Place | None:
    """The country itself as a place (the gazetteer's country entry: its centre, precision 3), with no span:
    an event known only to have happened in ``country``. None for a country the gazetteer lacks."""
    e = _country_entries().get(country or "")
    if e is None:
        return None
    return Place(country=e.country, location=e.name_en, latitude=round(e.lat, 5), longitude=round(e.lon, 5),
                 geo_precision=3, gazetteer_id=e.id, reason="the event's country (the place named lay in another)")


@functools.cache
def _country_entries() -> dict[str, Any]:
    from rasd.geo.gazetteer import load

    return {e.country: e for e in load().entries if e.kind == "country"}
