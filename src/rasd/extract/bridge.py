"""The stage's view of its neighbours (nlp sentences, numbers, dates; geo places): one function
each, calling ``rasd.nlp`` / ``rasd.geo``; while a neighbour is missing from the tree a small
stand-in from ``rasd.extract.standins`` answers instead."""

from __future__ import annotations

import datetime as dt
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


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    from rasd.nlp.sentences import split_sentences as split

    return split(text, start, end)


def find_numbers(text: str, start: int, end: int) -> list[Any]:
    from rasd.nlp.numbers import find_numbers as find

    return find(text, start, end)


def parse_published(value: str | None) -> dt.date | None:
    try:
        from rasd.nlp.dates import parse_published as parse
    except ImportError:
        from rasd.extract.standins import parse_published as parse
    return parse(value) if value else None


def find_dates(text: str, start: int, end: int, published: dt.date | None) -> list[DateFound]:
    try:
        from rasd.nlp.dates import find_dates as find
    except ImportError:
        from rasd.extract.standins import find_dates as find
    out = []
    for m in find(text, start, end, published):
        d = getattr(m, "date", None)
        iso = d.isoformat() if isinstance(d, dt.date) else d
        prec = getattr(m, "time_precision", None) or getattr(m, "precision", None)
        out.append(DateFound(m.start, m.end, iso, prec, bool(getattr(m, "background", False))))
    return out


class Geocoder:
    """``place_for(start, end)``: the document geocoder's place for a stretch of text, or None."""

    def __init__(self, doc: Document, segments: list[Segment]) -> None:
        self._geo: Any = None
        try:
            from rasd.geo.locate import DocumentGeocoder
        except ImportError:
            return
        self._geo = DocumentGeocoder(doc, segments)

    @property
    def available(self) -> bool:
        return self._geo is not None

    def place_for(self, start: int, end: int) -> Place | None:
        if self._geo is None:
            return None
        return self._geo.place_for(start, end)
