"""ACLED-format CSV: ACLED's columns in ACLED's order, with disorder type, ISO codes, region, source
scale and timestamp filled in.

Knowledge: ``data/acled_countries.tsv`` (country → ISO alpha-3, ISO numeric, ACLED region, other
names), ``data/acled_disorder.tsv`` (event type / sub-event type → disorder type) and
``data/source_scale.tsv`` (outlet → source scale, see ``source_scale``), all checked on load
(``KnowledgeError`` names file and line). ``timestamp`` is the Unix time the store last wrote the
event's row (``events.created_at``; a merge rewrites the row), empty for an event never stored.
"""

from __future__ import annotations

import calendar
import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import IO, Any

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.export.source_scale import source_scale
from rasd.export.writers import write_rows
from rasd.model import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso3: str
    iso: int
    region: str


def _rows(name: str, width: int) -> list[tuple[int, list[str]]]:
    path = files("rasd.data").joinpath(name)
    out = []
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != width or not all(c.strip() for c in cols[: width - 1]):
            raise KnowledgeError(f"rasd/data/{name}", ln, f"expected {width} tab-separated fields, got {len(cols)}")
        out.append((ln, [c.strip() for c in cols]))
    return out


def _key(name: str) -> str:
    return norm(name).strip().lower()


@cache
def countries() -> dict[str, Country]:
    """Every known name (normalised: English, ISO codes, Arabic) → ``Country``."""
    table: dict[str, Country] = {}
    for ln, (name, iso3, iso, region, others) in _rows("acled_countries.tsv", 5):
        if len(iso3) != 3 or not iso.isdigit():
            raise KnowledgeError("rasd/data/acled_countries.tsv", ln, f"bad ISO codes {iso3!r} {iso!r}")
        country = Country(name, iso3, int(iso), region)
        for alias in [name, iso3, *others.split("|")]:
            if alias.strip():
                table[_key(alias)] = country
    return table


@cache
def disorder_types() -> dict[tuple[str, str], str]:
    """``(event_type, sub_event_type or "*")`` → ACLED disorder type."""
    return {(et, sub): dis for _, (et, sub, dis) in _rows("acled_disorder.tsv", 3)}


def country_of(name: str | None) -> Country | None:
    return countries().get(_key(name)) if name else None


def canonical_country(value: str) -> str:
    """The country as events store it (ACLED's English name) for any name, ISO code or Arabic name
    rasd knows (``Syria``, ``SYR``, ``SY``, ``سوريا``); an unknown name comes back as given, trimmed.
    The one normaliser behind ``rasd export --country`` and the API's ``country`` filter."""
    known = country_of(value)
    return known.name if known else value.strip()


def event_types() -> list[str]:
    """ACLED's event types, sorted."""
    return sorted({et for et, _ in disorder_types()})


def canonical_event_type(value: str) -> str:
    """ACLED's spelling of an event type given in any case; ``ValueError`` (listing the types) for an
    unknown one. The one check behind ``rasd export --event-type`` and the API's ``event_type``."""
    types = event_types()
    for et in types:
        if et.lower() == value.strip().lower():
            return et
    raise ValueError(f"{value[:60]!r} is not an ACLED event type; one of: {', '.join(types)}")


def disorder_type(event_type: str, sub_event_type: str) -> str:
    table = disorder_types()
    return table.get((event_type, sub_event_type)) or table.get((event_type, "*"), "")


def event_id_cnty(ev: Event, country: Country | None) -> str:
    """ACLED-style id: ISO alpha-3 plus a number stable for the event's id."""
    key = ev.id or f"{ev.doc_id}|{ev.event_type}|{ev.sub_event_type}|{ev.event_date}|{ev.location}"
    number = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], 16) % 10**8
    return f"{country.iso3 if country else 'XXX'}{number}"


def unix_time(stamp: str | None) -> int | None:
    """Seconds since 1970 of a UTC time as the store writes it (``2026-11-25T21:40:00Z``), else None."""
    if not stamp:
        return None
    try:
        return calendar.timegm(time.strptime(stamp.strip().replace(" ", "T")[:19], "%Y-%m-%dT%H:%M:%S"))
    except ValueError:
        return None


def acled_row(ev: Event) -> dict[str, Any]:
    """One event as an ACLED record (missing values empty)."""
    country = country_of(ev.country)
    d = ev.to_dict()
    row: dict[str, Any] = {c: d.get(c) for c in ACLED_COLUMNS if c in d}
    row.update(
        event_id_cnty=event_id_cnty(ev, country),
        year=(ev.event_date or "")[:4],
        disorder_type=disorder_type(ev.event_type, ev.sub_event_type),
        iso=country.iso if country else "",
        region=country.region if country else "",
        country=country.name if country else ev.country,
        location=ev.location or ev.location_ar,
        notes=ev.notes or ev.evidence,
        source_scale=source_scale(ev.source),
        tags="",
        timestamp=unix_time(ev.created_at),
    )
    return {c: "" if row.get(c) is None else row[c] for c in ACLED_COLUMNS}


def write_acled_csv(events: Iterable[Event], fh: IO[str]) -> int:
    """Write ``events`` as ACLED CSV (header + one row each) to ``fh``; return the row count."""
    return write_rows(events, fh, ACLED_COLUMNS, acled_row)
