"""Where a mention happened: the geocoder's place for its clause or sentence (checked against our own
words and the sentence's country names), its country, and one event per coordinated place."""

from __future__ import annotations

import dataclasses
import re

from rasd.extract import bridge
from rasd.extract.lexicon import Country
from rasd.extract.matcher import Hit
from rasd.extract.mentions import Mention, clauses
from rasd.extract.merge import Draft

_SUPPORTED_BY = re.compile(r"(?:مدعوم|الموال|موال|التابع|تابع|المقرب|مقرب|بدعم|باسناد|بإسناد|حليف|وكلاء|أذرع|اذرع)\S*"
                           r"\s+(?:من|ل)?\s*$")
_NAMED_AFTER = re.compile(r"(?:^|\s)[وفبل]?(?:ال)?(?:جبل|جبال|شارع|فندق|ميدان|جسر|بوابة|بوابه|دوار|فرع|فيلق|لواء|سرايا|كتائب|"
                         r"كتيبة|كتيبه|مسجد|جامع|كنيسة|كنيسه|سفارة|سفاره|قنصلية|قنصليه)\s+$")  # "جبل القاهرة", "فيلق القدس"
_FROM = re.compile(r"(?:^|\s)(?:من|انطلاقا من|قادمة من|قادما من)\s+(?:داخل\s+)?(?:الأراضي|الاراضي|أراضي|اراضي)?\s*$")
_SPOKEN_AT = re.compile(r"(?:مؤتمر\S*\s+صحا?في\S*|عقده|عقدته|عقدها|زيارته|زيارتها|زيارة|تصريحات\S*|مقابلة|"
                        r"كلمة|كلمته|خطاب\S*|اجتماع\S*|قمة|لقاء\S*)\s+(?:\S+\s+){0,2}?(?:في|الى|إلى|ب)\s*"
                        r"(?:محافظ[ةه]\s+|مدين[ةه]\s+)?$")  # "زيارة للعبادي إلى محافظة نينوى"
# where the wounded or the dead were taken ("وتم نقلهم إلى محافظة بغداد"), not where the act happened
_TAKEN_TO = re.compile(r"(?:نقل|اسعاف|إسعاف)\S*\s+(?:\S+\s+){0,4}?(?:الى|إلى)\s*(?:محافظ[ةه]\s+|مدين[ةه]\s+)?$")
_MADE_IN = re.compile(r"^\s*(?:ال)?صنع")  # "إيرانية الصنع": where a weapon was made
# a definite act noun pointing back to the act just told ("أن الانفجار استهدف مطعما قرب قضاء بيجي")
_BACK_ACT = re.compile(r"(?:^|\s)[وف]?(?:ال|لل)(?:انفجار|تفجير|هجوم|هجمات|غار[ةه]|غارات|ضرب[ةه]|ضربات|قصف|اشتباكات|"
                       r"معارك|مواجهات|اعتداء)(?=[\s،,.])")
# a word that makes the country after it a place ("في سوريا", "داخل الأراضي السورية", "بسوريا")
_LOCATIVE = re.compile(r"(?:^|\s)(?:في|داخل|الى|إلى|نحو|باتجاه|من|على|عبر|قرب|أراضي|اراضي|الأراضي|الاراضي|"
                       r"[وفب]?(?:شمال|جنوب|شرق|غرب)\S*|\S*حدود\S*\s+مع)\s+$")  # "الشريط الحدودي مع تركيا"


def sponsor_hits(text: str, hits: list[Hit]) -> set[int]:
    """Starts of country hits that name a sponsor, a maker or a namesake, not a place: "المدعومة من
    إيران", "الموالية لإيران", "بدعم من روسيا وإيران", "إيرانية الصنع", "جبل القاهرة", "فيلق القدس"."""
    out: set[int] = set()
    prev: Hit | None = None
    for h in hits:
        if h.kind != "country":
            continue
        before = text[max(0, h.start - 24):h.start]
        if _SUPPORTED_BY.search(before) or _NAMED_AFTER.search(before) or _MADE_IN.match(text[h.end:h.end + 8]) \
                or prev is not None and prev.start in out and re.fullmatch(r"\s*(?:،|,)?\s*و?", text[prev.end:h.start]):
            out.add(h.start)
        prev = h
    return out


_TEMPORAL = re.compile(r"\s*[،,]?\s*(?:بعد|عقب|اثر|إثر)\s")


def country_of(m: Mention, shits: list[Hit], place, doc_country: str | None) -> str | None:
    """The geocoded place's country; else a country or place named in the clause or sentence (the
    document's main country first); else the document's main country."""
    if place is not None and place.country:
        return place.country
    near = [h for h in shits if h.kind == "country" and m.clause[0] <= h.start < m.clause[1]]
    if not near:
        near = [h for h in shits if h.kind == "country"]
    if any(h.payload.name == doc_country for h in near):  # type: ignore[attr-defined]
        return doc_country
    if near:
        best = min(near, key=lambda h: abs(h.start - m.trigger.start))
        c: Country = best.payload  # type: ignore[assignment]
        return c.name
    return doc_country


def spread(text: str, norm: str, sent: tuple[int, int], shits: list[Hit], found: list[Draft],
            geo: bridge.Geocoder) -> list[Draft]:
    """One event per place: a trigger-less clause "وحقل الجفرة" after an event's clause repeats that
    event at its place; every further village named with a territorial trigger is its own event. Never
    in another country than the event's ("وتدعمه بريطانيا" names an actor, "وكان مسؤولا ... في البوكمال"
    another time). A repeat carries no toll: the act's toll is counted once, on its first place."""
    if not found or not geo.available:
        return found
    out = list(found)
    triggers = [h for h in shits if h.kind == "trigger"]
    last: Draft | None = None
    for cs, ce in clauses(text, sent[0], sent[1], triggers, norm):
        own = [d for d in found if d.mention.clause == (cs, ce)]
        if own:
            last = own[-1]
            if last.mention.cls == "take":
                for p in geo.places_in(cs, ce)[1:]:
                    if p.geo_precision == 1 and p.location != (last.place.location if last.place else None) \
                            and not _abroad(p, last.country):
                        out.append(_clone(last, (cs, ce), p))
            continue
        if last is None or not text[cs:ce].lstrip(" ،,").startswith("و"):
            continue
        places = [p for p in geo.places_in(cs, ce) if p.location and not _abroad(p, last.country)]
        if places:
            last = _clone(last, (cs, ce), places[0])
            out.append(last)
    return out


def _abroad(place, country: str | None) -> bool:
    """A place in another country than ``country`` (the event's, set by its own clause)."""
    return country is not None and place.country is not None and place.country != country


def _clone(d: Draft, clause: tuple[int, int], place) -> Draft:
    m = dataclasses.replace(d.mention, clause=clause, toll=type(d.mention.toll)(0))
    return dataclasses.replace(d, mention=m, place=place, cited=list(d.cited))


def place_of(m: Mention, geo: bridge.Geocoder, shits: list[Hit], doc_country: str | None, text: str, norm: str,
             sponsors: frozenset[int] | set[int] = frozenset()):
    """The geocoder's place named in the clause, else in the sentence outside other triggers' clauses,
    else its fallback; a place whose country contradicts every country or place name in the sentence
    is not trusted."""
    place = geo.place_for(m.clause[0], m.clause[1])
    if place is not None and place.span is not None and any(
            h.start < place.span.end and place.span.start < h.end for h in shits if h.kind in ("cue", "trigger")):
        place = None  # a toponym that is one of our words ("سلسلة" series): not trusted
    if m.cls in ("shell", "air", "disrupt") and place is not None and place.span is not None and _FROM.search(text[max(0, place.span.start - 24):place.span.start]):
        targets = [p for p in geo.places_in(m.clause[0], m.clause[1]) if p.span is not None
                   and p.span.start > place.span.start and not _FROM.search(text[max(0, p.span.start - 24):p.span.start])]
        if targets:
            place = targets[0]  # "أطلقت من الأراضي اليمنية باتجاه جازان": where it struck, not where it came from
    if place is not None and not _inside(place, m.clause) and text[m.clause[0]:m.clause[0] + 6].strip().startswith("حيث"):
        before = [p for p in geo.places_in(m.sent[0], m.clause[0])]
        if before:
            return before[-1]  # "... مدينة كوباني حيث فجر انتحاري نفسه": where = the place just named
    if place is not None and not _inside(place, m.clause):
        place = _sentence_place(m, geo, shits, text, norm) or place
    if place is not None and _not_here(place, text, sponsors):
        # "المدعومة من إيران": a sponsor; "جبل القاهرة": a namesake; "مؤتمر صحافي عقده في أنقرة": where it
        # was told; not where it happened. Another place of the sentence may be ("... لإيران، في محافظة الحديدة")
        place = _sentence_place(m, geo, shits, text, norm, sponsors) or _before(geo, m.sent[0], text, sponsors)
    own = {h.payload.name for h in shits if h.kind == "country" and m.clause[0] <= h.start < m.clause[1]}  # type: ignore[attr-defined]
    if place is not None and own and place.country not in own and not _inside(place, m.sent):
        return None  # "دمرت طائرات عراقية ... داخل سوريا": the country named with the act, not the story's
    countries = [h for h in shits if h.kind == "country"]
    if place is not None and not _inside(place, m.sent):  # "توسطت فيه روسيا": a country as an actor is no place
        countries = [h for h in countries if not _bare(text, h.start, h.end)]
    named = {h.payload.name for h in countries} or {doc_country}  # type: ignore[attr-defined]
    if place is not None and _inside(place, m.clause):  # named with the act: only its clause can contradict it
        named = own or named | {doc_country}  # "سروج ... في بلدة كوباني السورية": the next clause's town is context
    if place is not None and None not in named and place.country not in named:
        return None
    if place is not None and place.country in ("Syria", "Iraq") and (
            (place.geo_precision or 3) >= 3 and place.admin2 is None or not _inside(place, m.sent)):
        return _finer_after(place, m, geo, text) or place  # a coarse or borrowed place: the next sentences
    return place


def _before(geo: bridge.Geocoder, start: int, text: str, sponsors):
    """The geocoder's place for the sentence at ``start`` from outside it (the place before in its paragraph,
    else the document's), unless that too was no place of an act."""
    place = geo.place_for(start, start)
    return None if place is None or _not_here(place, text, sponsors) else place


def _not_here(place, text: str, sponsors) -> bool:
    """A sponsor, a namesake, where the story was told or the wounded were taken, not where the act happened."""
    return place.span is not None and (place.span.start in sponsors or any(
        r.search(text[max(0, place.span.start - 40):place.span.start]) for r in (_SUPPORTED_BY, _NAMED_AFTER,
                                                                                _SPOKEN_AT, _TAKEN_TO)))


def _sentence_place(m: Mention, geo: bridge.Geocoder, shits: list[Hit], text: str, norm: str,
                    sponsors: frozenset[int] | set[int] | None = None):
    """The first place of the sentence outside clauses of another time ("بعد ... على"), that is no country
    named bare as an actor ("الذي توسطت فيه روسيا") and, when ``sponsors`` is given, no sponsor either."""
    triggers = [h for h in shits if h.kind == "trigger"]
    taken = [c for c in clauses(text, m.sent[0], m.sent[1], triggers, norm)
             if c != m.clause and any(c[0] <= t.start < c[1] for t in triggers)
             and _TEMPORAL.match(text[c[0]:c[0] + 8])]
    for other in geo.act_places(m.sent[0], m.sent[1]):
        if other.admin1 is None and other.span is not None and _bare(text, other.span.start, other.span.end):
            continue
        if sponsors is not None and _not_here(other, text, sponsors):
            continue
        if not any(_inside(other, c) for c in taken):
            return other
    return None


def _bare(text: str, start: int, end: int) -> bool:
    """A country named bare, as a noun with no locative word or proclitic ب before it ("توسطت فيه روسيا",
    "قالت إسرائيل"), not as an adjective ("الأراضي السورية", "طائرات عراقية")."""
    word = text[start:end]
    if word.endswith(("ية", "يه", "ي", "يين", "يون")) or word.startswith(("ب", "وب", "فب", "لل")):
        return False
    return not _LOCATIVE.search(text[max(0, start - 24):start])


def _finer_after(place, m: Mention, geo: bridge.Geocoder, text: str):
    """A finer place inside the coarse one (a country, governorate or region) or the one borrowed from outside
    the sentence (then the two sentences before come first: "وقال المرصد إن الانفجار وقع في بلدة سرمدا"), named
    in one of the next two sentences that points back to the act with a definite act noun: "انفجرت سيارة مفخخة في محافظة صلاح
    الدين" + "أن الانفجار استهدف مطعما قرب قضاء بيجي" → near Baiji; "قصفت ... في شرق البلاد" + "إن الضربات
    وقعت في بلدة الهرى" → al-Hari."""
    after = bridge.split_sentences(text, m.sent[1], min(len(text), m.sent[1] + 600))[:2]
    before = [] if _inside(place, m.sent) else bridge.split_sentences(text, max(0, m.sent[0] - 600), m.sent[0])[-2:][::-1]
    for s, e in before + after:
        back = _BACK_ACT.search(text, s, e)
        if back is None:
            continue
        for p in geo.act_places(back.start(), e):
            if p.country == place.country and p.admin2 and (place.admin1 is None or p.admin1 == place.admin1):
                return p
    return None


def _inside(place, span: tuple[int, int]) -> bool:
    return place.span is not None and span[0] <= place.span.start < span[1]
