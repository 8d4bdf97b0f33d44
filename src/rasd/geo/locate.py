"""Geocode a document: find its place mentions once, resolve each to a ``rasd.model.Place``
(country, OCHA admin1–3 names, English and Arabic location, coordinates, ACLED geo_precision,
span into the original text), and answer ``place_for(start, end)`` for an event's text.

``DocumentGeocoder(doc, segments=None, country_hint=None)``; ``.places`` (an ambiguous small name whose
reading has no support in a document about another governorate goes to ``.unsupported`` instead); ``.place_for(s, e)``;
``geocode_text(text)`` for a bare string.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cached_property, lru_cache

from rasd.clean.normalize import Normalized, normalize
from rasd.geo.context import load_cues, load_nisba, load_pairs
from rasd.geo.disambiguate import Choice, choose, prune_conditional
from rasd.geo.gazetteer import Entry, Gazetteer, load
from rasd.geo.regions import across_border, direction_of, district_towards, governorate_in
from rasd.geo.toponyms import Mention, find_toponyms
from rasd.model import Document, Place, Segment, Span

FOREIGN_PRECISION = {"country": 3, "c_admin1": 3, "c_region": 2, "c_city": 1, "c_capital": 1}
AREA_PRECISION_2 = {"oilfield", "gasfield", "dam", "crossing", "region", "c_region"}
LEVEL_OF = {"country": 0, "admin1": 1, "c_admin1": 1, "region": 1, "c_region": 1, "admin2": 2}
# the countryside of a city-governorate is another governorate (ريف دمشق، ضواحي دمشق → Rural Damascus)
RURAL_OF = {"SY01": "SY03"}
# and its suburbs (ضواحي دمشق) are the district that rings it (OCHA's "Rural Damascus" district: Kisweh, Babella,
# Jaramana, Maliha, Kafr Batna, Arbin, Qudsiya); the countryside at large (ريف دمشق) stays the governorate
SUBURBS_OF = {"SY01": "SY0301"}
WEAK_KINDS = {"town", "village", "neighbourhood", "landmark", "admin3"}
COORD_GAP = 70  # normalised characters: a name joined by و inherits the spatial phrase before it
_MARKAZ = re.compile(r"^Markaz\s+")
_TANWEEN = {"\u064b", "\u064c", "\u064d"}
_SENTENCE_END = re.compile(r"[.!?؟\n]")
# a dateline at the start of a story or paragraph (دبي، الإمارات العربية المتحدة (CNN)--): where the reporter is
_DATELINE = re.compile(r"(?:^|\n)[ \t]*([^\n()]{2,60}?)[ \t]*\((?:CNN|سي ?إن ?إن|[^()\n]{1,20}\)[ \t]*[-–—])")
# a feature named after a city (جبل القاهرة in Taiz, ساحة الأندلس) is not that place when the story's other places
# are in another country; a mountain or valley named after a city, in a story with no other place, is not the city;
# one kept is near the place (precision 2); the feature nouns are the ``natural`` cues of gazetteer_cues.tsv
CITY_KINDS = {"country", "admin1", "admin2", "c_admin1", "c_city", "c_capital", "c_region"}


def _specificity(p: Place) -> int:
    """0 country … 4 a named point; ties broken by precision."""
    if p.admin3 or (p.location and p.geo_precision == 1):
        return 4
    if p.admin2:
        return 3
    if p.admin1:
        return 2
    return 1 if p.country else 0


class Resolver:
    """Turns a chosen entry and its mention's context into a Place."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.centre: dict[str, Entry] = {}  # admin2 pcode → its centre sub-district (مركز)
        self.single_child: dict[str, Entry] = {}  # admin1 with one district (Damascus) → that admin3
        by_parent: dict[str, list[Entry]] = {}
        for e in gaz.admin.values():
            if e.kind == "admin3":
                by_parent.setdefault(e.adm2, []).append(e)
                if e.id.endswith("00") and e.id.startswith("SY") or e.name_en.startswith("Markaz"):
                    self.centre[e.adm2] = e
        for e in gaz.admin.values():
            if e.kind == "admin1":
                kids = [a for a in gaz.admin.values() if a.kind == "admin3" and a.adm1 == e.id]
                if len(kids) == 1:
                    self.single_child[e.id] = kids[0]

    def _town_in(self, key: str, adm3: str) -> Entry | None:
        towns = [e for e in self.gaz.lookup(key) if e.adm3 == adm3 and e.kind in ("town", "village")]
        return max(towns, key=lambda e: e.pop) if towns else None

    def effective(self, entry: Entry, key: str) -> tuple[Entry, Entry | None]:
        """(entry whose admin units to report, point for coordinates) after expanding admin units:
        a district named by its town → the town's sub-district; a governorate with one district → it."""
        if entry.kind == "admin2":
            centre = self.centre.get(entry.id)
            if centre:
                return centre, self._town_in(key, centre.id) or centre
        if entry.kind == "admin3":
            return entry, self._town_in(key, entry.id) or entry
        if entry.kind == "admin1" and entry.id in self.single_child:
            child = self.single_child[entry.id]
            return child, child
        return entry, entry

    def _location(self, e: Entry, admin_e: Entry, level: int, key: str) -> str | None:
        """English name of the place: OCHA's name when the place is a sub-district's own town
        (ذيبان → Thiban, not GeoNames' Dhiban), else the entry's."""
        if e.kind == "admin2":
            return e.name_en  # the district's town (أربيل → Erbil, not Markaz Erbil)
        if e.kind in ("admin1", "admin3") and admin_e.kind == "admin3" and level >= 3:
            return _MARKAZ.sub("", admin_e.name_en)
        if e.kind in ("town", "village") and any(a.kind == "admin3" and a.id == e.adm3 for a in self.gaz.lookup(key)):
            return _MARKAZ.sub("", self.gaz.admin[e.adm3].name_en)
        return e.name_en or admin_e.name_en or None

    def place(self, ch: Choice, nt: Normalized, text: str, inherited: Mention | None = None) -> Place:
        m, e = ch.mention, ch.entry
        ctx = inherited.context if inherited is not None else m.context
        towards = None  # جنوب دمشق: the sub-district that lies that way from the city
        if (ctx.rural or ctx.direction or ctx.near) and not ctx.landmark and (e.adm1 or e.id) in RURAL_OF \
                and e.kind in ("admin1", "admin2", "admin3", "town"):
            if ctx.direction and not ctx.rural:
                towards = district_towards(self.gaz, e.lat, e.lon, direction_of(ctx.direction),
                                           RURAL_OF[e.adm1 or e.id])
            elif ctx.suburb and (e.adm1 or e.id) in SUBURBS_OF:
                towards = self.gaz.admin.get(SUBURBS_OF[e.adm1 or e.id])
            e = self.gaz.admin[RURAL_OF[e.adm1 or e.id]]
        admin_e, point = self.effective(e, m.key)
        level = LEVEL_OF.get(admin_e.kind, 3)
        if e.src == "curated" or e.src == "countries":
            level = e.level if e.kind not in ("country",) else 0
        if e.country in ("Syria", "Iraq"):
            a1 = self.gaz.admin_en(admin_e.adm1 or (admin_e.id if admin_e.kind == "admin1" else ""))
            a2 = self.gaz.admin_en(admin_e.adm2) if level >= 2 else None
            a3 = self.gaz.admin_en(admin_e.adm3) if level >= 3 else None
            if towards is not None:
                a2 = self.gaz.admin_en(towards.adm2 or towards.id)
        else:
            a1, a2, a3 = (e.adm1 or None), None, None
        # precision: 3 for a country or governorate, 2 for a region or a non-populated site, 1 for a place
        if e.kind in FOREIGN_PRECISION:
            prec = FOREIGN_PRECISION[e.kind]
        elif e.kind == "country" or level <= 1 and e.kind != "region":
            prec = 3
        elif e.kind in AREA_PRECISION_2:
            prec = 2
        else:
            prec = 1
        if prec == 1 and ctx.feature in load_cues()["natural"]:
            prec = 2  # جبل X، وادي X: a feature by the place
        if prec == 1 and ctx.place_cue in load_cues()["area"] and e.kind in ("town", "admin2", "admin3", "village"):
            prec = 2  # منطقة هجين: the area around the town
        if e.kind != "country" and (ctx.near or ctx.direction or ctx.rural) \
                and not (ctx.landmark and inherited is None):  # قرب جسر مدينة الميادين: at the town
            if prec == 1:
                prec = 2
            elif e.kind in ("admin1", "c_admin1"):
                prec = 2  # ريف دير الزور الشرقي، شرق دير الزور: part of the governorate
        start, end = nt.original_span(m.start, m.end)
        location = self._location(e, admin_e, level, m.key)
        cands = [{"id": x.id, "name": x.name_en or x.name_ar, "kind": x.kind, "country": x.country,
                  "admin1": self.gaz.admin_en(x.adm1) if x.country in ("Syria", "Iraq") else x.adm1 or None,
                  "score": s} for x, s in [(e, ch.score), *ch.runners]]
        reason = ch.reason + (f"; cues: {', '.join(ctx.cue_words)}" if ctx.cue_words else "")
        if inherited is not None:
            reason += "; spatial phrase shared with the preceding name"
        return Place(
            country=e.country, admin1=a1, admin2=a2, admin3=a3, location=location,
            location_ar=text[start:end], latitude=round(point.lat, 5) if point.lat or point.lon else None,
            longitude=round(point.lon, 5) if point.lat or point.lon else None, geo_precision=prec,
            gazetteer_id=e.id, span=Span(start, end, "place", text[start:end]), reason=reason, candidates=cands,
        )


@lru_cache(maxsize=2)
def _resolver(gaz: Gazetteer) -> Resolver:
    return Resolver(gaz)


def _inherit(mentions: list[Mention], norm_text: str) -> list[Mention | None]:
    """For a name joined by و to the previous one (…في محيط حقل كونيكو، وحقل الجفرة), the mention whose
    spatial phrase it shares, else None."""
    if not mentions:
        return []
    out: list[Mention | None] = [None]
    for prev, m in zip(mentions, mentions[1:], strict=False):
        c = m.context
        own = c.near or c.direction or c.rural or c.place_cue or c.landmark
        gap = norm_text[prev.end:m.start]
        shared = prev.context if out[-1] is None else out[-1].context
        if (c.coord and not own and len(gap) <= COORD_GAP and not _SENTENCE_END.search(gap)
                and (shared.near or shared.direction or shared.rural)):
            out.append(prev if out[-1] is None else out[-1])
        else:
            out.append(None)
    return out


class DocumentGeocoder:
    """Scans a document's article text once; ``places`` and ``place_for(start, end)`` answer from it."""

    def __init__(self, doc: Document, segments: list[Segment] | None = None,
                 country_hint: str | None = None) -> None:
        self.doc = doc
        self.gaz = load()
        text = doc.text
        self._nt = normalize(text)
        mentions = [m for m in find_toponyms(self._nt.norm, self.gaz) if not self._tanween(m)]
        if segments:
            keep = [(s.start, s.end) for s in segments if s.kind in ("article", "title")]
            mentions = [m for m in mentions
                        if any(a <= self._nt.offsets[m.start] < b for a, b in keep)]
            self._blocks = sorted(keep)
        else:
            self._blocks = []
        mentions = prune_conditional(mentions)
        self._mentions = mentions
        choices = choose(mentions, self.gaz, country_hint, _adjectives(self._nt.norm))
        res = _resolver(self.gaz)
        inherited = _inherit(mentions, self._nt.norm)
        places = [res.place(c, self._nt, text, inh) for c, inh in zip(choices, inherited, strict=True)]
        governorates = {c.entry.adm1 for c in choices if c.entry.adm1 and c.entry.country in ("Syria", "Iraq")}
        # an ambiguous small name whose chosen reading has no support in a document about another
        # governorate (العباسية in a Basra story: a Kirkuk sub-district) is likely a wrong reading
        # so is a small Syrian or Iraqi place with no support in a story that names other countries only
        named = {c.entry.country for c in choices if c.entry.kind == "country"}
        weak = [c.support == 0 and c.entry.kind in WEAK_KINDS and c.entry.src != "curated" and c.entry.pop < 20000
                and ((c.mention.regions > 1 and bool(governorates - {c.entry.adm1}))
                     or (bool(named) and c.entry.country not in named))
                for c in choices]
        weak = [w or self._feature_named_after(c, choices) for c, w in zip(choices, weak, strict=True)]
        dateline = self._dateline_end(text)
        self.datelines: list[Place] = [p for p in places if p.span and p.span.end <= dateline]
        weak = [w or bool(p.span and p.span.end <= dateline) for p, w in zip(places, weak, strict=True)]
        self.places: list[Place] = [p for p, w in zip(places, weak, strict=True) if not w]
        self.unsupported: list[Place] = [p for p, w in zip(places, weak, strict=True) if w]  # kept for audit
        # a bare country with no locative word before it is mostly an actor (قصفت روسيا), and a distance
        # reference (على بعد 100 كم من بغداد) is not where the event is: both rank last
        ctxs = [c.mention.context for c, w in zip(choices, weak, strict=True) if not w]
        kinds = [c.entry.kind for c, w in zip(choices, weak, strict=True) if not w]
        self._secondary = [c.reference or (k == "country" and not (c.weak or c.near or c.direction or c.rural))
                           for c, k in zip(ctxs, kinds, strict=True)]
        self._reference = [c.reference for c in ctxs]
        # where the act is (في سروج) ranks before where someone came from (من كوباني), and that before where
        # someone went (إلى كوباني)
        self._motion = [0 if c.motion else 1 if c.origin else 2 for c in ctxs]
        self.dominant: Place | None = self._dominant()
        self._regions(choices, places)

    def _regions(self, choices: list[Choice], all_places: list[Place]) -> None:
        """A compass part of the country (جنوب سوريا، جنوبي البلاد) is the governorate in that part that the
        story names (درعا), coded at precision 3; with none named it stays the country."""
        kept = {id(p) for p in self.places}
        home = Counter(c.entry.country for c in choices if c.entry.country in HOME)
        adm1 = Counter(c.entry.adm1 for c in choices if c.entry.country in HOME and c.entry.adm1)
        if not home or not adm1:
            return
        for c, p in zip(choices, all_places, strict=True):
            if id(p) in kept and c.entry.kind == "country" and c.entry.country in HOME and c.mention.context.direction:
                gov = governorate_in(self.gaz, c.entry.country, direction_of(c.mention.context.direction), adm1)
                if gov is not None:
                    i = next(j for j, q in enumerate(self.places) if q is p)
                    self.places[i] = self._governorate_place(gov, p.span, f"{p.reason}; that part of the country",
                                                             p.candidates)
                    if self.dominant is p:
                        self.dominant = self.places[i]
        country = Counter(c.entry.country for c in choices).most_common(1)[0][0]
        if country not in HOME:
            return  # "جنوبي البلاد" in a story about Yemen is no part of Syria or Iraq
        for m in _part_of_country().finditer(self._nt.norm):
            gov = governorate_in(self.gaz, country, direction_of(m.group(1)), adm1)
            if gov is None:
                continue
            a, b = self._nt.original_span(m.start(), m.end())
            place = self._governorate_place(gov, Span(a, b, "place", self.doc.text[a:b]),
                                            f"admin1 {gov.name_en}: the part of {country} the phrase names")
            i = sum(1 for q in self.places if q.span and q.span.start < a)
            self.places.insert(i, place)
            self._secondary.insert(i, False)
            self._reference.insert(i, False)
            self._motion.insert(i, 2)

    def _across_border(self, p: Place, start: int, end: int) -> Place | None:
        """A bare Syria or Iraq in a sentence that names a foreign border town (مواقع في سوريا … جندي تركي في
        كيليس) is the governorate across the border from that town, at precision 3."""
        if p.country not in HOME or p.admin1:
            return None
        text = self.doc.text
        a = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        b = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
        for q in self.places:
            if q.span and a <= q.span.start < b and q.country not in HOME and q.geo_precision == 1 \
                    and q.latitude is not None and q.longitude is not None:
                gov = across_border(self.gaz, p.country, q.latitude, q.longitude)
                if gov is not None:
                    return self._governorate_place(gov, p.span, f"{p.reason}; across the border from {q.location}",
                                                   p.candidates)
        return None

    def _governorate_place(self, gov: Entry, span: Span | None, reason: str,
                           others: list[dict] | None = None) -> Place:
        own = {"id": gov.id, "name": gov.name_en, "kind": gov.kind, "country": gov.country, "admin1": gov.name_en,
               "score": None}
        return Place(country=gov.country, admin1=gov.name_en, location=gov.name_en,
                     location_ar=span.text if span else None, latitude=round(gov.lat, 5),
                     longitude=round(gov.lon, 5), geo_precision=3, gazetteer_id=gov.id, span=span, reason=reason,
                     candidates=[own, *(others or [])])

    @staticmethod
    def _feature_named_after(c: Choice, choices: list[Choice]) -> bool:
        """جبل القاهرة in a story about Taiz: a feature named after a city or country is not that place
        when it is a natural feature, or when the story's other places are in another country."""
        head = c.mention.context.feature
        if not head or c.entry.src == "curated" or not (c.entry.kind in CITY_KINDS
                                                          or c.entry.kind == "town" and c.entry.pop >= 100000):
            return False
        rest = [o for o in choices if o.mention.key != c.mention.key and not o.mention.context.feature]
        places = {o.entry.country for o in rest if o.entry.kind != "country"}  # countries named bare may be actors
        others = places or {o.entry.country for o in rest}
        if others:
            return c.entry.country not in others
        return head in load_cues()["natural"] and c.entry.kind in ("c_city", "c_capital", "town", "admin2")

    @staticmethod
    def _dateline_end(text: str) -> int:
        """End of the story's dateline (دبي، الإمارات العربية المتحدة (CNN)--) in its first 200 characters, or 0."""
        m = _DATELINE.search(text[:200])
        return m.end(1) if m else 0

    def _tanween(self, m: Mention) -> bool:
        """A word written with tanween (دومًا "always") is an indefinite common word, never a name."""
        a, b = self._nt.original_span(m.start, m.end)
        return any(ch in _TANWEEN for ch in self.doc.text[a:b + 1])

    @cached_property
    def _paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph of the text; read only by ``place_for``, so made on first use."""
        out, pos = [], 0
        for part in re.split(r"(\n\s*\n|\n)", self.doc.text):
            if part.strip() and not re.fullmatch(r"\s+", part):
                out.append((pos, pos + len(part)))
            pos += len(part)
        return out

    def _block_of(self, pos: int) -> tuple[int, int]:
        for a, b in self._blocks:
            if a <= pos < b:
                inner = [(x, y) for x, y in self._paragraphs if a <= x < b and x <= pos < y]
                return inner[0] if inner else (a, b)
        for a, b in self._paragraphs:
            if a <= pos < b:
                return a, b
        return 0, len(self.doc.text)

    def _dominant(self) -> Place | None:
        """The document's main place. Places are pooled by governorate (a bare country is its own pool,
        weighing half, or a tenth when it reads as an actor); mentions in the lead count double; the
        heaviest pool wins (ties: the earlier), and within it the most mentioned, most specific place."""
        pools: dict[str, float] = {}
        places: dict[str, Counter] = {}
        first_pos: dict[str, int] = {}
        first: dict[str, Place] = {}
        lead_end = min(len(self.doc.text), 400)
        for i, p in enumerate(self.places):
            if not p.span:
                continue
            pool = f"{p.country}/{p.admin1}" if p.admin1 else f"{p.country}"
            w = 2.0 if p.span.start < lead_end else 1.0
            if not p.admin1:
                w *= 0.1 if self._secondary[i] else 0.5
            pools[pool] = pools.get(pool, 0.0) + w
            first_pos.setdefault(pool, p.span.start)
            key = p.gazetteer_id or ""
            places.setdefault(pool, Counter())[key] += w
            first.setdefault(key, p)
        if not pools:
            return None
        best_pool = max(pools, key=lambda k: (pools[k], -first_pos[k]))
        counts = places[best_pool]
        best = max(counts, key=lambda k: (counts[k], _specificity(first[k])))
        return first[best]

    def act_places(self, start: int, end: int) -> list[Place]:
        """The places named inside ``doc.text[start:end]``, in text order, but distance references ("الواقعة
        على بعد 250 كلم شمال بغداد"): they are not where anything happened."""
        return [p for p, ref in zip(self.places, self._reference, strict=True)
                if p.span is not None and start <= p.span.start < end and not ref]

    def place_for(self, start: int, end: int) -> Place | None:
        """The best place for an event stated in ``doc.text[start:end]``.

        1. the most specific place named inside the span (ties: the first), leaving out bare countries
           with no locative word before them (actors: قصفت روسيا) and distance references;
        2. else the nearest place before the span in the same paragraph, unless that is a bare country
           and the document's main place is more specific;
        3. else the document's main place.
        A place from 2 or 3 keeps its own precision (the event refers back to it); the reason says so.
        """
        idx = [i for i, p in enumerate(self.places) if p.span]
        inside = [i for i in idx if start <= self.places[i].span.start and self.places[i].span.end <= end]
        primary = [i for i in inside if not self._secondary[i]]
        if primary:  # a place someone went to (إلى كوباني) ranks after the place of the act (في سروج)
            p = self.places[max(primary, key=lambda i: (self._motion[i], _specificity(self.places[i]), -i))]
            return self._across_border(p, start, end) or p
        a, _ = self._block_of(start)
        before = [i for i in idx if a <= self.places[i].span.start and self.places[i].span.end <= start]
        before = [i for i in before if not self._secondary[i]] or before
        dom = self.dominant
        if before:
            p = self.places[before[-1]]
            if dom is None or p.admin1 or not dom.admin1:
                return _fallback(p, "nearest place before the event in its paragraph")
        if dom is not None:
            return _fallback(dom, "the document's main place (none named near the event)")
        if inside:
            return self.places[inside[0]]
        if self.datelines:
            return _fallback(self.datelines[-1], "the story's dateline (no other place named)")
        return None


HOME = ("Syria", "Iraq")


@lru_cache(maxsize=1)
def _part_of_country() -> re.Pattern[str]:
    """"جنوبي البلاد": a part of the story's country named without its name (``compass`` and ``the_country``
    cues of gazetteer_cues.tsv)."""
    ways = "|".join(sorted(load_pairs("compass"), key=len, reverse=True))
    country = "|".join(re.escape(w) for w in sorted(load_cues()["the_country"], key=len, reverse=True))
    return re.compile(rf"(?<![\u0621-\u064a])([وب]?(?:{ways})ي?) (?:{country})(?![\u0621-\u064a])")


_WORD = re.compile(r"[\u0621-\u064a]+")
_LETTER = re.compile(r"[\u0621-\u064a]")


@lru_cache(maxsize=1)
def _nisba_automaton():  # noqa: ANN202 - ahocorasick.Automaton
    """Aho-Corasick automaton over the country adjectives that are whole words (value: the form)."""
    import ahocorasick

    a = ahocorasick.Automaton()
    for form in load_nisba():
        if _WORD.fullmatch(form):  # a form with other characters is never a whole word
            a.add_word(form, form)
    a.make_automaton()
    return a


def _adjectives(norm_text: str) -> Counter:
    """Countries the text names by a definite adjective (القوات التركية، السلطات العراقية), at most 3 each:
    each adjective that is a whole word (no letter either side)."""
    nisba = load_nisba()
    auto = _nisba_automaton()
    found: Counter = Counter()
    if len(auto):
        n = len(norm_text)
        for end, form in auto.iter(norm_text):
            start = end - len(form) + 1
            if (start == 0 or not _LETTER.match(norm_text, start - 1)) \
                    and (end + 1 == n or not _LETTER.match(norm_text, end + 1)):
                found[nisba[form]] += 1
    return Counter({c: min(n, 3) for c, n in found.items()})


def _fallback(p: Place, why: str) -> Place:
    """A place taken from outside the event's own words (the event refers back to it: مبنى المحافظة،
    القاعدة), keeping the place's own precision; the reason says where it came from."""
    return replace(p, reason=f"{p.reason}; {why}")


def geocode_text(text: str) -> list[Place]:
    """All places in a bare string (one document, no segments)."""
    return DocumentGeocoder(Document(id="text", text=text)).places
