"""Event filters: the API's query parameters, checked, and turned into one parameterised WHERE clause.

Every list, map, CSV and stats endpoint takes the same ``EventFilter``; values only ever travel as
SQL parameters, and the sort column comes from a whitelist, never from the request text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50
MAX_EXPORT_ROWS = 100_000
MAX_TEXT_PARAM = 200
MAX_FATALITIES = 1_000_000_000  # beyond any real count; keeps the parameter inside SQLite's INTEGER

# public sort key -> SQL expression (whitelist)
SORTS: dict[str, str] = {
    "date": "e.event_date",
    "event_date": "e.event_date",
    "fatalities": "e.fatalities",
    "event_type": "e.event_type",
    "sub_event_type": "e.sub_event_type",
    "country": "e.country",
    "admin1": "e.admin1",
    "location": "e.location",
    "actor1": "e.actor1",
    "created_at": "e.created_at",
}
DEFAULT_SORT = "-date"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SORT = re.compile(r"^[-+]?([a-z_0-9]+)$")
_FTS_TOKEN = re.compile(r"[\w\u0600-\u06FF]+\*?", re.UNICODE)


class FilterError(ValueError):
    """A query parameter that cannot be used; ``param`` names it."""

    def __init__(self, param: str, detail: str) -> None:
        self.param = param
        self.detail = detail
        super().__init__(f"{param}: {detail}")


def check_date(param: str, value: str | None) -> str | None:
    """An ISO ``YYYY-MM-DD`` date or None; anything else raises ``FilterError``."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise FilterError(param, f"expected a date YYYY-MM-DD, got {value[:40]!r}")
    try:
        date.fromisoformat(value)
    except ValueError as err:
        raise FilterError(param, f"not a calendar date: {value!r}") from err
    return value


def check_text(param: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT_PARAM:
        raise FilterError(param, f"longer than {MAX_TEXT_PARAM} characters")
    if "\x00" in value:
        raise FilterError(param, "contains a NUL character")
    return value


_TASHKEEL = re.compile("[\u064B-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
_ALEFS = "اأإآ"


def spelling_variants(word: str) -> list[str]:
    """The common spellings of one Arabic word that the raw-text index keeps apart: hamza on the
    first alef, final taa marbuta / haa, final alef maqsura / yaa (``غاره`` → ``غارة`` too)."""
    word = _TASHKEEL.sub("", word)
    firsts = _ALEFS if word[:1] in _ALEFS else word[:1]
    lasts = {"ة": "ةه", "ه": "هة", "ى": "ىي", "ي": "يى"}.get(word[-1:], word[-1:]) if len(word) > 2 else word[-1:]
    middle = word[1:-1] if len(word) > 1 else ""
    if len(word) == 1:
        return [word]
    return list(dict.fromkeys(f + middle + last for f in firsts for last in lasts))


def fts_query(text: str) -> str:
    """User text → a safe FTS5 query: every word must match, in any of its common spellings (see
    ``spelling_variants``); a trailing ``*`` keeps prefix search. Operators and quotes in the input
    have no effect (each word is a quoted string)."""
    groups = []
    for tok in _FTS_TOKEN.findall(text):
        prefix = "*" if tok.endswith("*") else ""
        word = tok.rstrip("*")
        variants = spelling_variants(word) if word else []
        variants = [v for v in variants if v]
        if variants:
            groups.append("(" + " OR ".join(f'"{v}"{prefix}' for v in variants) + ")")
    if not groups:
        raise FilterError("q", "no searchable word in the query")
    return " AND ".join(groups)


def parse_sort(value: str | None) -> tuple[str, str]:
    """``fatalities`` / ``-fatalities`` → (SQL column, ASC|DESC), from the whitelist only."""
    value = (value or DEFAULT_SORT).strip()
    m = _SORT.match(value)
    if not m:
        raise FilterError("sort", f"expected a sort key with an optional leading '-', got {value[:40]!r}; "
                          f"keys: {', '.join(sorted(SORTS))}")
    desc, key = value.startswith("-"), m.group(1)
    if key not in SORTS:
        raise FilterError("sort", f"unknown sort key {key[:40]!r}; one of {', '.join(sorted(SORTS))}")
    return SORTS[key], "DESC" if desc else "ASC"


@dataclass(slots=True)
class EventFilter:
    """The filters every event endpoint shares. Lists hold alternatives (``event_type=A&event_type=B``)."""

    date_from: str | None = None
    date_to: str | None = None
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    actor: str | None = None
    fatalities_min: int | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    @classmethod
    def build(cls, **raw) -> EventFilter:
        """Check raw query values (strings / lists of strings / ints) and build the filter: a country
        given as English name, ISO code or Arabic name and an event type in any case are turned
        into the stored spelling; an unknown event type, a malformed date or an out-of-range
        number is a ``FilterError`` (400)."""
        f = cls()
        f.date_from = check_date("date_from", raw.get("date_from"))
        f.date_to = check_date("date_to", raw.get("date_to"))
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise FilterError("date_to", "date_to is before date_from")
        for name in ("country", "admin1", "admin2", "event_type", "sub_event_type"):
            values = raw.get(name) or []
            if isinstance(values, str):
                values = [values]
            if len(values) > 50:
                raise FilterError(name, "more than 50 values")
            checked = [v for v in (check_text(name, x) for x in values) if v]
            setattr(f, name, [_canonical(name, v) for v in checked])
        f.actor = check_text("actor", raw.get("actor"))
        fmin = raw.get("fatalities_min")
        if fmin is not None:
            if not isinstance(fmin, int) or not 0 <= fmin <= MAX_FATALITIES:
                raise FilterError("fatalities_min", f"expected an integer from 0 to {MAX_FATALITIES:,}")
            f.fatalities_min = fmin
        q = check_text("q", raw.get("q"))
        f.q = fts_query(q) if q else None
        f.bbox = parse_bbox(raw.get("bbox"))
        return f

    def where(self) -> tuple[str, list]:
        """The WHERE clause (``"1"`` when empty) over ``events e`` and its parameters."""
        clauses: list[str] = []
        params: list = []
        if self.date_from:
            clauses.append("e.event_date >= ?")
            params.append(self.date_from)
        if self.date_to:  # dates may carry a time: compare against the next day, keep the index
            clauses.append("e.event_date < ?")
            params.append((date.fromisoformat(self.date_to) + timedelta(days=1)).isoformat())
        for name in ("country", "admin1", "admin2", "event_type", "sub_event_type"):
            values = getattr(self, name)
            if values:
                clauses.append(f"e.{name} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if self.actor:
            like = "%" + self.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            sides = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
            clauses.append("(" + " OR ".join(f"e.{s} LIKE ? ESCAPE '\\'" for s in sides) + ")")
            params.extend([like] * len(sides))
        if self.fatalities_min is not None:
            clauses.append("e.fatalities >= ?")
            params.append(self.fatalities_min)
        if self.q:
            clauses.append("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(self.q)
        if self.bbox:
            west, south, east, north = self.bbox
            clauses.append("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?")
            params.extend([west, east, south, north])
        return (" AND ".join(clauses) or "1"), params


def _canonical(name: str, value: str) -> str:
    """A country (any name, ISO code or Arabic name) or event type (any case) as events store it,
    by the normalisers ``rasd export`` uses; an unknown event type is a ``FilterError``."""
    from rasd.export.acled import canonical_country, canonical_event_type

    if name == "country":
        return canonical_country(value)
    if name == "event_type":
        try:
            return canonical_event_type(value)
        except ValueError as err:
            raise FilterError(name, str(err)) from err
    return value


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees, or None."""
    if not value:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError as err:
        raise FilterError("bbox", "expected four numbers west,south,east,north") from err
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise FilterError("bbox", "out of range or west > east / south > north")
    return west, south, east, north


def check_paging(page: int, page_size: int) -> tuple[int, int]:
    if page < 1:
        raise FilterError("page", "must be ≥ 1")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise FilterError("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    if (page - 1) * page_size > 10_000_000:
        raise FilterError("page", "too far")
    return page, page_size
