"""Choose one gazetteer entry for each place mention of a document.

Each candidate gets a score: a prior from its kind and size (a governorate or a curated site
outranks a village; population counts), adjusted by the words before it (مدينة favours the
town over the governorate, محافظة the governorate, حي a neighbourhood), plus support from the
rest of the document: the same country, governorate or district as the unambiguous mentions, a
governorate named within the same sentence, nearness to the other places, and the actors'
country when the caller knows it. ``choose(mentions, gaz, country_hint)`` → one ``Choice`` a
mention, with the runners-up and the reasons.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from rasd.geo.context import load_pairs
from rasd.geo.gazetteer import Entry, Gazetteer
from rasd.geo.toponyms import Mention, owned

KIND_PRIOR = {
    "country": 7.0, "admin1": 7.0, "admin2": 5.0, "admin3": 4.5, "c_admin1": 6.0, "c_region": 5.0,
    "neighbourhood": 3.0, "landmark": 2.5, "village": 2.0, "region": 6.0,
}
CURATED_PRIOR = 6.0
# Iraqi news names a governorate capital (أربيل، البصرة، كركوك) bare for the city, and the
# governorate as محافظة X: the governorate prior sits below the district's (the city's)
IRAQ_ADMIN1_PRIOR = 4.8
POINT_KINDS = {"town", "village", "neighbourhood", "landmark", "c_city", "c_capital", "admin2", "admin3"}
NEAR_SENTENCE = 90  # normalised characters: "a governorate named nearby"


@dataclass(slots=True)
class Choice:
    """The chosen entry for a mention, its score and reason, and the scored runners-up."""

    mention: Mention
    entry: Entry
    score: float
    reason: str
    runners: list[tuple[Entry, float]] = field(default_factory=list)
    support: float = 0.0  # bonus from governorates/districts/places elsewhere in the document


def prior(e: Entry, m: Mention) -> tuple[float, list[str]]:
    """Score of an entry from its kind, size and the cue words before the name."""
    why = []
    if e.src == "curated":
        p = CURATED_PRIOR
    elif e.kind in ("town", "c_city", "c_capital"):
        # a foreign city is in the countries file because news names it: it starts a step higher
        p = (2.5 if e.kind == "town" else 3.5) + 0.4 * min(math.log10(e.pop + 1), 6.5)
    elif e.kind == "admin1" and e.country == "Iraq":
        p = IRAQ_ADMIN1_PRIOR
    else:
        p = KIND_PRIOR.get(e.kind, 2.0)
    c = m.context
    point = e.kind in POINT_KINDS or (e.src == "curated" and e.kind not in ("region",))
    if c.city and point:
        p += 3.0
        why.append("city cue")
    if (c.city or (c.place_cue and not c.governorate)) and e.kind in ("admin1", "c_admin1"):
        p -= 2.5
    if c.governorate and e.kind in ("admin1", "c_admin1"):
        p += 4.0
        why.append("governorate cue")
    elif c.governorate and e.kind in ("c_city", "c_capital"):
        p += 2.0  # abroad a governorate is often named after its capital (محافظة الحديدة)
    if c.nisba and not owned(e, c):
        p += 4.0 if e.country == c.nisba else -3.0
        why.append(f"adjective names {c.nisba}")
    cls = load_pairs("place_class").get(c.place_cue, "")  # بلدة → town … (gazetteer_cues.tsv)
    if cls == "town" and e.kind in ("town", "village", "admin3", "c_city"):
        p += 2.0
        why.append("town cue")
    if cls == "neighbourhood" and e.kind == "neighbourhood":
        p += 3.0
        why.append("neighbourhood cue")
    if cls == "camp" and e.kind in ("camp",):
        p += 3.0
    if e.country in ("Syria", "Iraq"):
        p += 0.5
    return p, why


def _support(mentions: list[Mention]) -> tuple[Counter, Counter, Counter, list[tuple[int, str]]]:
    """Countries, governorates and districts that the document's unambiguous mentions name."""
    countries: Counter = Counter()
    adm1: Counter = Counter()
    adm2: Counter = Counter()
    governorates: list[tuple[int, str]] = []  # (position, adm1 pcode) of governorate names
    for m in mentions:
        cs = {e.country for e in m.candidates}
        if len(cs) == 1:
            countries[next(iter(cs))] += 1
        a1 = {e.adm1 for e in m.candidates}
        if len(a1) == 1 and "" not in a1:
            adm1[next(iter(a1))] += 1
            if any(e.kind in ("admin1", "admin2") for e in m.candidates):  # a district names its governorate too
                governorates.append((m.start, next(iter(a1))))
        a2 = {e.adm2 for e in m.candidates}
        if len(a2) == 1 and "" not in a2:
            adm2[next(iter(a2))] += 1
    return countries, adm1, adm2, governorates


def _own(vals: set[str]) -> str | None:
    """The one value all of a mention's readings share (country, adm1 or adm2), else None."""
    return next(iter(vals)) if len(vals) == 1 else None


def _context_bonus(e: Entry, m: Mention, gaz: Gazetteer, countries: Counter, adm1: Counter, adm2: Counter,
                   governorates: dict[str, list[int]], anchors: list[tuple[float, float]],
                   country_hint: str | None, own: tuple[str | None, str | None, str | None]) -> tuple[float, list[str]]:
    """Support for an entry from the rest of the document (its own mention excluded). ``governorates``:
    adm1 → positions where a governorate (or district) names it."""
    own_c, own_1, own_2 = own
    s, why = 0.0, []
    nc = countries[e.country] - (1 if own_c == e.country else 0)
    if nc > 0:
        s += 2.0 * min(nc, 3) / 3
        why.append(f"country named {nc}x")
    if e.adm1 and e.country in ("Syria", "Iraq"):
        n1 = adm1[e.adm1] - (1 if own_1 == e.adm1 else 0)
        if n1 > 0:
            s += 2.0 + min(n1, 4) * 0.5
            why.append(f"governorate {gaz.admin_en(e.adm1)} in document {n1}x")
        n2 = adm2[e.adm2] - (1 if own_2 == e.adm2 else 0) if e.adm2 else 0
        if n2 > 0:
            s += 1.5
            why.append("district in document")
        if any(abs(pos - m.start) <= NEAR_SENTENCE and pos != m.start for pos in governorates.get(e.adm1, ())):
            s += 3.0
            why.append("governorate named nearby")
    if anchors and e.kind not in ("admin1", "country", "c_admin1"):
        d = min(abs(e.lat - la) + abs(e.lon - lo) for la, lo in anchors)
        if 0 < d < 0.4:
            s += 1.0
            why.append("near other places")
    if country_hint and e.country == country_hint:
        s += 1.0
        why.append("actors' country")
    if e.kind in FOREIGN_TOWNS and countries[e.country] - (1 if own_c == e.country else 0) > 0:
        s += FOREIGN_TOWN_BONUS  # سروج in a story about Turkey is Suruc, not the Syrian village across the border
        why.append("a town news names, in a country the story names")
    return s, why


FOREIGN_TOWNS = {"c_city", "c_capital"}
FOREIGN_TOWN_BONUS = 3.0
SUPPORT_DEG = 0.6  # lat + lon degrees (~60 km): a conditional reading this close to a sure place is supported
STRICT_DEG = 0.35  # strict readings need a sure *point* (not a governorate centroid) this close, or its district


def prune_conditional(mentions: list[Mention]) -> list[Mention]:
    """Drop conditional readings (common-word or bare small-village names) that no sure mention of the
    document supports; drop mentions left with no reading. A loose reading (a village after في) needs a
    sure place in the same governorate or within ~60 km; a strict one (a common word, or a village with
    no locative word) needs one in the same district or a sure point within ~35 km."""
    sure = [(e.adm1, e.adm2, e.lat, e.lon, e.kind in ("admin1", "country", "c_admin1"), id(m))
            for m in mentions for e in m.candidates
            if e.idx not in m.conditional and len({c.adm1 for c in m.candidates}) == 1]

    def supported(e, m: Mention) -> bool:
        if m.strict:
            return any(o != id(m) and ((a2 and a2 == e.adm2) or (not area and abs(la - e.lat) + abs(lo - e.lon)
                                                                   < STRICT_DEG))
                       for _, a2, la, lo, area, o in sure)
        return any(o != id(m) and ((a1 and a1 == e.adm1) or abs(la - e.lat) + abs(lo - e.lon) < SUPPORT_DEG)
                   for a1, _, la, lo, _, o in sure)

    out = []
    for m in mentions:
        if m.conditional:
            keep = [e for e in m.candidates if e.idx not in m.conditional or supported(e, m)]
            if not keep:
                continue
            m.candidates = keep
        out.append(m)
    return out


def _prefer_foreign_town(m: Mention, countries: Counter) -> None:
    """سروج in a story that names Turkey is the Turkish town, not the Syrian village across the border:
    a town news names abroad, in a country the story names, outranks small villages named bare."""
    if m.context.naming:
        return
    foreign = [e for e in m.candidates if e.kind in FOREIGN_TOWNS and countries[e.country] > 0]
    if foreign and all(e in foreign or (e.kind in ("town", "village") and e.pop < 20000) for e in m.candidates):
        m.candidates = foreign


def choose(mentions: list[Mention], gaz: Gazetteer, country_hint: str | None = None,
           adjectives: Counter | None = None) -> list[Choice]:
    """One Choice per mention (same order). ``adjectives``: countries the text names by adjective
    (السلطات التركية), counted like country names."""
    countries, adm1, adm2, gov_list = _support(mentions)
    countries.update(adjectives or {})
    governorates: dict[str, list[int]] = {}
    for pos, a in gov_list:
        governorates.setdefault(a, []).append(pos)
    anchors = [(e.lat, e.lon) for m in mentions if len(m.candidates) == 1 for e in m.candidates
               if e.kind in POINT_KINDS or e.src == "curated"]
    out = []
    for m in mentions:
        _prefer_foreign_town(m, countries)
        own_c, own_1, own_2 = _own({e.country for e in m.candidates}), _own({e.adm1 for e in m.candidates}), \
            _own({e.adm2 for e in m.candidates})
        bonus: dict[int, tuple[float, list[str]]] = {}
        for e in m.candidates:
            bonus[e.idx] = _context_bonus(e, m, gaz, countries, adm1, adm2, governorates, anchors, country_hint,
                                          (own_c, own_1, own_2))
        # context picks the region; within one governorate the prior and cue words pick the level
        group: dict[tuple[str, str], tuple[float, list[str]]] = {}
        for e in m.candidates:
            g = (e.country, e.adm1)
            if g not in group or bonus[e.idx][0] > group[g][0]:
                group[g] = bonus[e.idx]
        districts = {e.adm2 for e in m.candidates if e.adm2}
        scored = []
        for e in m.candidates:
            p, why = prior(e, m)
            b, bwhy = bonus[e.idx] if len(districts) > 1 else group[(e.country, e.adm1)]
            scored.append((p + b, e, why + bwhy))
        scored.sort(key=lambda x: (-x[0], x[1].idx))
        best_s, best, why = scored[0]
        sup_why = (bonus[best.idx] if len(districts) > 1 else group[(best.country, best.adm1)])[1]
        local = sum(1 for w in sup_why if not w.startswith("country") and not w.startswith("actors"))
        reason = f"{best.kind} {best.name_en or best.name_ar}" + (f": {'; '.join(why)}" if why else "")
        if len(scored) > 1:
            reason += f" (margin {best_s - scored[1][0]:.1f} over {len(scored) - 1} other)"
        out.append(Choice(m, best, round(best_s, 2), reason, [(e, round(s, 2)) for s, e, _ in scored[1:6]],
                          float(local)))
    return out
