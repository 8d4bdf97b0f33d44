"""Resolve a compass part of a country or a city to an OCHA unit, as the gold codes it:
"جنوب سوريا" / "جنوبي البلاد" → the governorate in that part of the country that the story names
(درعا in a story about the south), else nothing more than the country; "جنوب دمشق" → the district of the
sub-district that lies that way from the city (about 20 km out: Al Kiswah, Rural Damascus district);
"مواقع في سوريا" in a sentence about Kilis → the governorate across the border (Aleppo).

``direction_of(token)`` → "n" / "s" / "e" / "w" or ""; ``governorate_in(gaz, country, way, adm1_counts)``;
``across_border(gaz, country, lat, lon)`` (Syria opposite Kilis → Aleppo);
``district_towards(gaz, point, way, adm1)``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rasd.geo.context import load_pairs
from rasd.geo.gazetteer import Entry, Gazetteer

STEP_DEG = 0.2  # how far "south of the city" reaches (~20 km: the military belt around Damascus)
ZONE = 1 / 3  # a governorate is "in the south" when its centre lies in the southern third of the country


@lru_cache(maxsize=1)
def _direction() -> tuple[re.Pattern[str], dict[str, str]]:
    ways = load_pairs("compass")  # شمال → n … (gazetteer_cues.tsv)
    return re.compile(rf"^[وفب]?({'|'.join(sorted(ways, key=len, reverse=True))})ي?$"), ways


def direction_of(token: str) -> str:
    """The compass way a direction word names (جنوبي، بشمال، وشرق), or ""."""
    pattern, ways = _direction()
    m = pattern.match(token or "")
    return ways[m.group(1)] if m else ""


@lru_cache(maxsize=4)
def _admin1_of(gaz: Gazetteer, country: str) -> tuple[Entry, ...]:
    return tuple(e for e in gaz.admin.values() if e.kind == "admin1" and e.country == country and (e.lat or e.lon))


def _in_zone(e: Entry, way: str, units: tuple[Entry, ...]) -> bool:
    lats = [u.lat for u in units]
    lons = [u.lon for u in units]
    lo_lat, hi_lat, lo_lon, hi_lon = min(lats), max(lats), min(lons), max(lons)
    if way == "s":
        return e.lat <= lo_lat + (hi_lat - lo_lat) * ZONE
    if way == "n":
        return e.lat >= hi_lat - (hi_lat - lo_lat) * ZONE
    if way == "w":
        return e.lon <= lo_lon + (hi_lon - lo_lon) * ZONE
    return e.lon >= hi_lon - (hi_lon - lo_lon) * ZONE


def governorate_in(gaz: Gazetteer, country: str, way: str, adm1_counts: Counter) -> Entry | None:
    """The governorate of ``country`` in the ``way`` part of it that the story names most (ties: the
    first named), or None when the story names none there."""
    units = _admin1_of(gaz, country)
    if not units or not way:
        return None
    inside = [(n, code) for code, n in adm1_counts.items()
              if code in gaz.admin and gaz.admin[code].country == country
              and _in_zone(gaz.admin[code], way, units)]
    if not inside:
        return None
    return gaz.admin[max(inside, key=lambda x: x[0])[1]]


def district_towards(gaz: Gazetteer, lat: float, lon: float, way: str, adm1: str) -> Entry | None:
    """The sub-district of governorate ``adm1`` whose centre is nearest to the point one step ``way`` of
    (lat, lon): "جنوب دمشق" → Kisweh (Rural Damascus district)."""
    if not way:
        return None
    dlat, dlon = {"n": (STEP_DEG, 0.0), "s": (-STEP_DEG, 0.0), "e": (0.0, STEP_DEG), "w": (0.0, -STEP_DEG)}[way]
    la, lo = lat + dlat, lon + dlon
    subs = [e for e in gaz.admin.values() if e.kind == "admin3" and e.adm1 == adm1 and (e.lat or e.lon)]
    if not subs:
        return None
    return min(subs, key=lambda e: (e.lat - la) ** 2 + (e.lon - lo) ** 2)


BORDER_DEG = 0.35  # lat + lon degrees (~35 km): a foreign town this close to a sub-district centre is on the border


@lru_cache(maxsize=4)
def _admin3_of(gaz: Gazetteer, country: str) -> tuple[Entry, ...]:
    return tuple(e for e in gaz.admin.values() if e.kind == "admin3" and e.country == country and (e.lat or e.lon))


def across_border(gaz: Gazetteer, country: str, lat: float, lon: float) -> Entry | None:
    """The governorate of ``country`` just across the border from a foreign town at (lat, lon) (Kilis →
    Aleppo), or None when the town is not near ``country``'s border."""
    subs = _admin3_of(gaz, country)
    if not subs:
        return None
    best = min(subs, key=lambda e: abs(e.lat - lat) + abs(e.lon - lon))
    if abs(best.lat - lat) + abs(best.lon - lon) > BORDER_DEG:
        return None
    return gaz.admin.get(best.adm1)
