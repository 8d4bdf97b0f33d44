"""``extract_events(doc, segments)``: events of one document, in four steps:

1. match the whole lexicon once over the normalised text (``matcher.find_hits``);
2. per sentence of each ``article`` segment with a trigger: mentions with actors, roles and toll
   (``mentions.sentence_mentions``), dropped when they are background or lack evidence;
3. place (geo), country, date (sentence → paragraph → lead → publication), attribution;
4. merge mentions of one event (``merge.merge``) into ``Event`` records with evidence spans.
Titles, teasers and boilerplate never create events.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter

from rasd.clean.normalize import normalize
from rasd.extract import bridge, roles
from rasd.extract.lexicon import Country, Lexicon, load
from rasd.extract.matcher import Hit, find_hits
from rasd.extract.mentions import Mention, sentence_mentions
from rasd.extract.merge import Draft, merge
from rasd.model import Document, Event, Segment

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_PLUPERFECT = re.compile(r"(?:^|\s)[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,3}قد\s")
_BACKGROUND_LEAD = re.compile(r"^\s*[وف]?(?:يذكر|يشار|يذكر ان|جدير بالذكر|تجدر الاشاره)")
_RECENT_DAYS = 14
_DEFAULT_ACTOR1 = {
    "ied": "Unidentified Armed Group ({country})", "suicide": "Unidentified Armed Group ({country})",
    "grenade": "Unidentified Armed Group ({country})", "attack": "Unidentified Armed Group ({country})",
    "attack_civ": "Unidentified Armed Group ({country})", "abduct": "Unidentified Armed Group ({country})",
    "arrest": "{police}", "protest": "Protesters ({country})", "riot": "Rioters ({country})",
    "disrupt": "Unidentified Armed Group ({country})",
}
_DEFAULT_ACTOR2 = {"attack_civ": "Civilians ({country})", "abduct": "Civilians ({country})"}


def extract_events(doc: Document, segments: list[Segment]) -> list[Event]:
    """Events of one document from its ``article`` segments (see module docstring)."""
    lex = load()
    articles = [s for s in segments if s.kind == "article"]
    if not articles:
        return []
    text = doc.text
    normalized = normalize(text)
    norm = normalized.norm
    hits = [h for h in find_hits(normalized, lex) if any(a.start <= h.start < a.end for a in articles)]
    starts = [h.start for h in hits]
    published = bridge.parse_published(doc.published)
    named = {h.payload.actor.name for h in hits  # type: ignore[attr-defined]
             if h.kind == "actor" and not h.payload.anaphor and not h.payload.adjective}  # type: ignore[attr-defined]
    countries = Counter(h.payload.name for h in hits if h.kind == "country")  # type: ignore[attr-defined]
    doc_country = countries.most_common(1)[0][0] if countries else None
    geo = bridge.Geocoder(doc, segments)
    drafts: list[Draft] = []
    lead_date: bridge.DateFound | None = None
    for seg in articles:
        para_dates: list[bridge.DateFound] = []
        for s, e in bridge.split_sentences(text, seg.start, seg.end):
            dates = bridge.find_dates(text, s, e, published)
            good = [d for d in dates if d.date and not d.background]
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            shits = hits[lo:hi]
            if any(h.kind == "trigger" for h in shits) and not _background(text, norm, normalized, s, e, dates,
                                                                            published):
                numbers = bridge.find_numbers(text, s, e)
                for m in sentence_mentions(text, norm, (s, e), shits, numbers, named, lex):
                    d = _event_date(m, good, para_dates, lead_date)
                    if d is not None and published and d.date and \
                            (published - dt.date.fromisoformat(d.date)).days > _RECENT_DAYS:
                        continue
                    draft = _draft(doc, m, shits, d, published, geo, lex, doc_country)
                    if draft is not None:
                        drafts.append(draft)
            para_dates.extend(good)
            if lead_date is None and good:
                lead_date = good[0]
    return merge(doc, drafts)


def _background(text: str, norm: str, normalized, s: int, e: int, dates: list[bridge.DateFound],
                published: dt.date | None) -> bool:
    """A sentence that only recalls the story's past: background lead-ins, pluperfect, old years,
    background dates, unless it also names a recent day."""
    recent = any(d.date and not d.background for d in dates)
    ns, ne = _norm_range(normalized, s, e)
    sn = norm[ns:ne]
    if any(d.background for d in dates) and not recent:
        return True
    if _BACKGROUND_LEAD.match(sn):
        return not recent
    if _PLUPERFECT.search(sn) and not recent:
        return True
    for y in _YEAR.findall(text[s:e]):
        if (published is None or int(y) < published.year) and not recent:
            return True
    return False


def _norm_range(normalized, s: int, e: int) -> tuple[int, int]:
    offs = normalized.offsets
    return bisect.bisect_left(offs, s), bisect.bisect_left(offs, e)


def _event_date(m: Mention, good: list[bridge.DateFound], para: list[bridge.DateFound],
                lead: bridge.DateFound | None) -> bridge.DateFound | None:
    if good:
        return min(good, key=lambda d: abs(d.start - m.trigger.start))
    if para:
        return para[-1]
    return lead


def _country(m: Mention, shits: list[Hit], place, doc_country: str | None) -> str | None:
    if place is not None and place.country:
        return place.country
    near = [h for h in shits if h.kind == "country" and m.clause[0] <= h.start < m.clause[1]]
    if not near:
        near = [h for h in shits if h.kind == "country"]
    if near:
        best = min(near, key=lambda h: abs(h.start - m.trigger.start))
        c: Country = best.payload  # type: ignore[assignment]
        return c.name
    return doc_country


def _evidence_ok(m: Mention, place, shits: list[Hit], has_date: bool) -> bool:
    has_place = place is not None or any(h.kind == "country" for h in shits)
    has_actor = m.actor1 is not None or m.actor2 is not None
    if m.weak:
        return has_place and (has_date or m.toll.value > 0 or has_actor)
    return has_place or has_actor or m.toll.value > 0


def _draft(doc: Document, m: Mention, shits: list[Hit], date: bridge.DateFound | None,
           published: dt.date | None, geo: bridge.Geocoder, lex: Lexicon, doc_country: str | None) -> Draft | None:
    place = geo.place_for(m.clause[0], m.clause[1]) or geo.place_for(m.sent[0], m.sent[1])
    in_sentence_date = date is not None and m.sent[0] <= date.start < m.sent[1]
    if not _evidence_ok(m, place, shits, in_sentence_date):
        return None
    country = _country(m, shits, place, doc_country)
    a1 = roles.canonical(m.actor1.actor, country, lex) if m.actor1 else None
    a2 = roles.canonical(m.actor2.actor, country, lex) if m.actor2 else None
    if a1 is None and m.cls in _DEFAULT_ACTOR1:
        a1 = roles.canonical(roles.actor_named(lex, _DEFAULT_ACTOR1[m.cls]), country, lex)
    if a1 is None and m.cls == "air" and country == "Syria":
        a1 = lex.countries["Syria"].military
    if a2 is None and m.cls in _DEFAULT_ACTOR2:
        a2 = roles.canonical(roles.actor_named(lex, _DEFAULT_ACTOR2[m.cls]), country, lex)
    if a1 is not None and a1 == a2:
        a2 = None
    if a1 is None and a2 is None:
        return None
    if a1 is None:
        a1, a2 = a2, None
    if date is not None:
        event_date, precision = date.date, date.precision or 1
    elif published is not None:
        event_date, precision = published.isoformat(), 1
    else:
        event_date, precision = None, None
    cited = [(h.payload, h) for h in shits if h.kind == "source" and _attributed(h, shits)]
    return Draft(mention=m, place=place, country=country, actor1=a1, actor2=a2, event_date=event_date,
                 time_precision=precision, date=date, cited=cited)  # type: ignore[arg-type]


def _attributed(h: Hit, shits: list[Hit]) -> bool:
    return any(c.kind == "cue" and c.payload == "attribution" and 0 <= h.nstart - c.nend <= 40 for c in shits)
