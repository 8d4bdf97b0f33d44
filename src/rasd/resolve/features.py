"""The features ``score_pair`` combines: date gap, place agreement, sub-type and actor agreement.

Each returns ``None`` when the two events cannot be the same (a hard mismatch: another country or
admin1, a date outside the window, places farther apart than the radius), else a score in [0, 1].
"""

from __future__ import annotations

import math
from datetime import date

from rasd.model import Event
from rasd.resolve.settings import ResolveSettings

UNIDENTIFIED = ("unidentified", "civilians")


def _key(v: str | None) -> str | None:
    return v.strip().casefold() if isinstance(v, str) and v.strip() else None


def _day(v: str | None) -> date | None:
    try:
        return date.fromisoformat(v[:10]) if v else None
    except ValueError:
        return None


def window(a: Event, b: Event, s: ResolveSettings) -> int:
    """± days within which two reports can describe one event, by their time precision."""
    prec = max(a.time_precision or 1, b.time_precision or 1)
    return s.month_window if prec >= 3 else s.week_window if prec == 2 else s.day_window


def date_score(a: Event, b: Event, s: ResolveSettings) -> float | None:
    da, db = _day(a.event_date), _day(b.event_date)
    if da is None or db is None:
        return 0.5
    gap, w = abs((da - db).days), window(a, b, s)
    if gap > w:
        return None
    return 1.0 - gap / (w + 1)


def distance_km(a: Event, b: Event) -> float | None:
    """Great-circle distance between the events' coordinates, None when either lacks them."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def place_score(a: Event, b: Event, s: ResolveSettings) -> float | None:
    """1 for the same place; lower for coarser agreement; None when the places exclude each other.

    Order: 1. country, then admin1 must agree when both give them; 2. the same admin3 or named
    location, or coordinates within ``radius_km``, agree at the place level; 3. when either event
    is coded only to a region (no admin3, or geo precision 3), agreement of the units both give
    counts (admin2, else admin1); 4. two different precise places farther apart than the radius
    (or in different admin3 with no coordinates) are different events.
    """
    if _key(a.country) and _key(b.country) and _key(a.country) != _key(b.country):
        return None
    if _key(a.admin1) and _key(b.admin1) and _key(a.admin1) != _key(b.admin1):
        return None
    dist = distance_km(a, b)
    same_loc = _key(a.location) is not None and _key(a.location) == _key(b.location)
    same_a3 = _key(a.admin3) is not None and _key(a.admin3) == _key(b.admin3)
    precise_a = a.admin3 is not None and (a.geo_precision or 1) < 3
    precise_b = b.admin3 is not None and (b.geo_precision or 1) < 3
    if precise_a and precise_b:
        if same_loc or (dist is not None and dist <= 2.0):
            return 1.0
        if dist is not None:
            return None if dist > s.radius_km else 0.8 - 0.3 * dist / s.radius_km
        return 0.7 if same_a3 else None
    if same_loc or same_a3:
        return 0.9
    if _key(a.admin2) and _key(b.admin2):
        return 0.5 if _key(a.admin2) == _key(b.admin2) else None
    if _key(a.admin1) and _key(b.admin1):
        return 0.35
    return 0.2 if _key(a.country) and _key(a.country) == _key(b.country) else 0.1


def subtype_score(a: Event, b: Event) -> float:
    return 1.0 if _key(a.sub_event_type) == _key(b.sub_event_type) else 0.0


def _named(ev: Event) -> set[str]:
    return {k for k in (_key(ev.actor1), _key(ev.actor2)) if k and not k.startswith(UNIDENTIFIED)}


def actor_score(a: Event, b: Event) -> float:
    """1 when the named actors overlap, 0.5 when either names none, 0 when they are disjoint."""
    na, nb = _named(a), _named(b)
    if not na or not nb:
        return 0.5
    return 1.0 if na & nb else 0.0
