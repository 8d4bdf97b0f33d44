"""Compute the structured features of a report pair: dates, day relation, place, sub-type, actors.

The structured features of a pair: date gap and day relation, place agreement (and whether the
two are different towns), sub-type and actor agreement.

The day relation reads how each report knows its day: from its text (a date span, or a day before its
publication day, ``Event.published``), or only from its publication day; and which days a stated night
touches (``resolve_night_words.tsv``: "ليل الأحد" bridges Sunday to Monday, "فجر الاثنين" Sunday night
to Monday, "خلال الـ24 ساعة الماضية" the publication day and the day before).

``date_score`` and ``place_score`` return ``None`` when the two events cannot be the same (a hard
mismatch: another country or admin1, a date outside the window, places farther apart than the
radius), else a score in [0, 1]. The text cues (what was hit, the means, rare shared words) are in
``rasd.resolve.cues``.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.model import Event
from rasd.nlp._text import load_tsv
from rasd.nlp.dates import parse_published
from rasd.resolve.settings import ResolveSettings

NIGHT_FILE = Path(__file__).resolve().parents[1] / "data" / "resolve_night_words.tsv"
SIDES = ("after", "before", "both", "past")  # which night of the named day a word means (see NIGHT_FILE)

UNIDENTIFIED = ("unidentified", "civilians")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def key(v: str | None) -> str | None:
    """A value folded for comparison (stripped, case-folded; None when empty)."""
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


@lru_cache(maxsize=1)
def night_words() -> dict[str, str]:
    """Normalised word → side (``after``, ``before``, ``both`` of the named day; ``past``: the publication
    day and the day before): the words that put a stated day at night, or reach back across the last
    midnight (``resolve_night_words.tsv``), checked on load."""
    words: dict[str, str] = {}
    for n, line in enumerate(NIGHT_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        word = norm(cols[0])
        if len(cols) != 2 or cols[1] not in SIDES:
            raise KnowledgeError(str(NIGHT_FILE), n, f"want word<TAB>side, side in {SIDES}: {line!r}")
        if not word or any(c.isascii() and c.isalpha() for c in word):
            raise KnowledgeError(str(NIGHT_FILE), n, f"not an Arabic word or phrase: {line!r}")
        words[word] = cols[1]
    return words


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Normalised weekday name → weekday (Monday = 0), from ``dates_weekdays.tsv`` (rasd.nlp's lexicon)."""
    return {f[0]: int(f[1]) for _, f in load_tsv(
        "dates_weekdays.tsv", 2, lambda f: None if f[1] in "0123456" and len(f[1]) == 1 else "weekday must be 0-6")}


@lru_cache(maxsize=20_000)
def _tokens(text: str) -> str:
    """The text's normalised words (a leading و dropped), space-padded for whole-phrase lookup."""
    return " " + " ".join(w[1:] if w.startswith("و") and len(w) > 3 else w for w in _WORD.findall(norm(text))) + " "


def night_days(ev: Event) -> frozenset[date]:
    """The days the event's stated nights touch: each date span with a night word (the longest found
    decides its side) covers its named day and the day after (``after``), before (``before``) or both.
    The named day is the weekday the span names nearest the event's date (two weekdays named: the night
    between them), else the event's date. "The past 24 hours" (``past``) covers the publication day and
    the day before. A report with no date span is read in its evidence sentence, and only up to its
    publication day (it cannot tell of the night after it)."""
    day = _day(ev.event_date)
    if day is None or (ev.time_precision or 1) != 1:
        return frozenset()
    spans = stated_days(ev)
    out: set[date] = set()
    for text in spans or ev.evidence.split("\n"):
        toks = _tokens(text)
        found = [w for w in night_words() if f" {w} " in toks]
        if not found:
            continue
        side = night_words()[max(found, key=len)]
        if side == "past":
            base = parse_published(ev.published) or day
            out.update((base - timedelta(days=1), base))
            continue
        named = [wd for name, wd in weekdays().items() if f" {name} " in toks]
        anchors = [day + timedelta(days=(wd - day.weekday() + 3) % 7 - 3) for wd in named] or [day]
        if len(anchors) >= 2:
            out.update(anchors)
            continue
        lo = -1 if side in ("before", "both") else 0
        hi = 1 if side in ("after", "both") else 0
        out.update(anchors[0] + timedelta(days=k) for k in range(lo, hi + 1))
    if not spans:
        last = parse_published(ev.published) or day
        out = {d for d in out if d <= last}
    return frozenset(out)


def stated_days(ev: Event) -> frozenset[str]:
    """The (normalised) texts of the event's date spans: how its report(s) state the day. Empty when
    the date was inferred (no date span) or is not day-precise."""
    if (ev.time_precision or 1) != 1:
        return frozenset()
    return frozenset(norm(sp.text) for sp in ev.evidence_spans if sp.label == "date" and sp.text)


def dated(ev: Event) -> bool:
    """Does the report's day come from its text, not from its publication day? It does when a date span
    states it, or when it lies before the publication day (read in the article's context; a report coded
    to its publication day, ``published``, states no day). Without ``published``: a date span only."""
    if stated_days(ev):
        return True
    pub, day = parse_published(ev.published), _day(ev.event_date)
    return (ev.time_precision or 1) == 1 and pub is not None and day is not None and day != pub


def night_between(a: Event, b: Event) -> bool:
    """Does a night one of the two reports states touch both their days?"""
    days = {_day(a.event_date), _day(b.event_date)}
    return None not in days and any(days <= night_days(ev) for ev in (a, b))


def date_score(a: Event, b: Event, s: ResolveSettings) -> float | None:
    """1 on the same day; ``gap_factor * (1 - gap / (window + 1))`` for a gap; None outside the window
    or when either report has no date (a document without a publication date and no stated day).

    Two reports that each state a different day (a date span) disagree on purpose, unless a night one
    of them states touches both days (Sunday night = Monday dawn): that pair scores only ``s.stated_gap``.
    """
    da, db = _day(a.event_date), _day(b.event_date)
    if da is None or db is None:  # no day to hold against the window: an undated report merges with nothing
        return None
    gap, w = abs((da - db).days), window(a, b, s)
    if gap > w:
        return None
    if gap == 0:
        return 1.0
    ta, tb = stated_days(a), stated_days(b)
    if ta and tb and not (ta & tb) and not night_between(a, b):
        return s.stated_gap
    return s.gap_factor * (1.0 - gap / (w + 1))


def day_relation(a: Event, b: Event) -> str:
    """How two reports' days relate: ``same``; for two days in a row, ``night`` (a night one of them
    states falls across that midnight), ``stated_clash`` (each report's day comes from its text, see
    ``dated``), ``unstated_later`` (the later report is coded to its publication day: a next-day report
    of the earlier event), ``unstated_earlier`` (the earlier one is coded to its publication day, so it
    was out before the other event's day), ``unstated_both``; ``apart`` for a wider gap, ``unknown``
    without dates."""
    da, db = _day(a.event_date), _day(b.event_date)
    if da is None or db is None:
        return "unknown"
    if da == db:
        return "same"
    if abs((da - db).days) > 1:
        return "apart"
    if night_between(a, b):
        return "night"
    early, late = (a, b) if da < db else (b, a)
    te, tl = dated(early), dated(late)
    if te and tl:
        return "stated_clash"
    if te:
        return "unstated_later"
    return "unstated_earlier" if tl else "unstated_both"


def distance_km(a: Event, b: Event) -> float | None:
    """Great-circle distance between the events' coordinates, None when either lacks them."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def precise(ev: Event) -> bool:
    """Is the event placed at a town or spot: an admin3 unit (geo precision 1-2), or coordinates of
    geo precision 1? Coordinates of precision 2-3 are a region's centroid (an admin1 coded with its
    centroid must not be held 15 km away from a town inside it)."""
    if ev.admin3 is not None:
        return (ev.geo_precision or 1) < 3
    return ev.latitude is not None and (ev.geo_precision or 1) == 1


def place_score(a: Event, b: Event, s: ResolveSettings) -> float | None:
    """1 for the same place; lower for coarser agreement; None when the places exclude each other.

    Order: 1. country, then admin1 must agree when both give them; 2. the same admin3 or named
    location, or coordinates within ``radius_km``, agree at the place level; 3. when either event
    is coded only to a region (no admin3, or geo precision 3), agreement of the units both give
    counts (admin2, else admin1); 4. two different precise places farther apart than the radius
    (or in different admin3 with no coordinates) are different events.
    """
    if key(a.country) and key(b.country) and key(a.country) != key(b.country):
        return None
    if key(a.admin1) and key(b.admin1) and key(a.admin1) != key(b.admin1):
        return None
    dist = distance_km(a, b)
    same_loc = key(a.location) is not None and key(a.location) == key(b.location)
    same_a3 = key(a.admin3) is not None and key(a.admin3) == key(b.admin3)
    precise_a, precise_b = precise(a), precise(b)
    if precise_a and precise_b:
        if same_loc or (dist is not None and dist <= 2.0):
            return 1.0
        if dist is not None:
            return None if dist > s.radius_km else 0.8 - 0.3 * dist / s.radius_km
        return 0.7 if same_a3 else None
    if same_loc or same_a3:
        return 0.9
    if key(a.admin2) and key(b.admin2):
        if key(a.admin2) != key(b.admin2):
            return None
        return 0.8 if not (precise_a or precise_b) else 0.7
    if key(a.admin1) and key(b.admin1):
        return 0.6 if not (precise_a or precise_b) else 0.5
    return 0.3 if key(a.country) and key(a.country) == key(b.country) else 0.1


def other_place(a: Event, b: Event) -> bool:
    """Two precisely placed events in different places (not the same location, farther than 2 km):
    a neighbouring town, inside the radius but not the same spot."""
    if not (precise(a) and precise(b)) or (key(a.location) is not None and key(a.location) == key(b.location)):
        return False
    dist = distance_km(a, b)
    return dist is not None and dist > 2.0 or dist is None and key(a.admin3) != key(b.admin3)


# sub-types that outlets confuse for one event (a missile is "shelling" to one, a "raid" to another;
# a gas attack not yet confirmed is an "air strike")
_NEAR_SUBTYPES = {
    frozenset({"air/drone strike", "shelling/artillery/missile attack"}): 0.6,
    frozenset({"air/drone strike", "chemical weapon"}): 0.3,
    frozenset({"shelling/artillery/missile attack", "chemical weapon"}): 0.3,
    frozenset({"suicide bomb", "remote explosive/landmine/ied"}): 0.3,  # "explosions" before the bomber is known
    frozenset({"armed clash", "government regains territory"}): 0.3,
    frozenset({"armed clash", "non-state actor overtakes territory"}): 0.3,
}


def subtype_score(a: Event, b: Event) -> float:
    """1 for the same sub-type, partial credit for sub-types outlets confuse, else 0."""
    sa, sb = key(a.sub_event_type), key(b.sub_event_type)
    if sa == sb:
        return 1.0
    return _NEAR_SUBTYPES.get(frozenset({sa, sb}), 0.0)


def _named(ev: Event) -> set[str]:
    return {k for k in (key(ev.actor1), key(ev.actor2)) if k and not k.startswith(UNIDENTIFIED)}


def actor_score(a: Event, b: Event) -> float:
    """1 when the named actors overlap, 0.5 when either names none, 0 when they are disjoint."""
    na, nb = _named(a), _named(b)
    if not na or not nb:
        return 0.5
    return 1.0 if na & nb else 0.0
