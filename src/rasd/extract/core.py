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
import dataclasses
import datetime as dt
import re
from collections import Counter

from rasd.clean.normalize import normalize
from rasd.extract import bridge, roles
from rasd.extract.fatalities import SIGNIFICANT, sentence_toll
from rasd.extract.lexicon import Actor, Country, Lexicon, load
from rasd.extract.matcher import Hit, find_hits
from rasd.extract.mentions import Mention, clauses, sentence_mentions
from rasd.extract.merge import Draft, merge
from rasd.extract.roles import ActorRef
from rasd.model import Document, Event, Segment

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_PLUPERFECT = re.compile(r"(?:^|\s)[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,14}قد\s|^\s*[وف]?(?:كان|كانت|كانوا)\s+(?![يت])")
_BACKGROUND_LEAD = re.compile(r"^\s*[وف]?(?:يذكر|يشار|يذكر ان|جدير بالذكر|تجدر الاشاره|في وقت سابق|سابقا)\b")
_FRAME_LEAD = re.compile(r"^\s*[وف]?(?:ياتي|تاتي|جاء ذلك|ياتي ذلك)\b")  # "ويأتي ... بعد": context for other news
_TEMPORAL = re.compile(r"\s*[،,]?\s*(?:بعد|عقب|اثر|إثر)\s")
_RECENT_DAYS = 7
_GROUP_WINDOW = 1200  # characters: "المسلحين" means the armed group named this shortly before
_PEACEFUL_WINDOW = 400  # characters: a deal or surrender told this close makes a takeover non-violent
_DEFAULT_ACTOR1 = {
    "ied": "Unidentified Armed Group ({country})", "suicide": "Unidentified Armed Group ({country})",
    "grenade": "Unidentified Armed Group ({country})", "attack": "Unidentified Armed Group ({country})",
    "attack_civ": "Unidentified Armed Group ({country})", "abduct": "Unidentified Armed Group ({country})",
    "arrest": "{police}", "protest": "Protesters ({country})", "riot": "Rioters ({country})",
    "disrupt": "Unidentified Armed Group ({country})",
}
_DEFAULT_ACTOR2 = {"attack_civ": "Civilians ({country})", "abduct": "Civilians ({country})"}
_REMOTE = {"air": "Civilians ({country})", "shell": "Civilians ({country})", "chem": "Civilians ({country})",
           "ied": "Civilians ({country})", "suicide": "Civilians ({country})"}  # unnamed dead of a strike


def extract_events(doc: Document, segments: list[Segment]) -> list[Event]:
    """Events of one document from its ``article`` segments (see module docstring)."""
    lex = load()
    articles = [s for s in segments if s.kind == "article"]
    if not articles:
        return []
    text = doc.text
    normalized = normalize(text)
    norm = normalized.norm.replace("_", " ").replace("#", " ")  # hashtags read as words, as in the matcher
    hits = _resolve_previous([h for h in find_hits(normalized, lex) if any(a.start <= h.start < a.end for a in articles)])
    starts = [h.start for h in hits]
    published = bridge.parse_published(doc.published)
    named = {h.payload.actor.name for h in hits  # type: ignore[attr-defined]
             if h.kind == "actor" and not h.payload.anaphor and not h.payload.adjective}  # type: ignore[attr-defined]
    countries = Counter(h.payload.name for h in hits if h.kind == "country")  # type: ignore[attr-defined]
    group_hits = [h for h in hits if h.kind == "actor" and h.payload.actor.kind == "group"  # type: ignore[attr-defined]
                  and not h.payload.anaphor and not h.payload.adjective]  # type: ignore[attr-defined]
    doc_country = countries.most_common(1)[0][0] if countries else None
    geo = bridge.Geocoder(doc, segments)
    responsible = _responsible(hits, named)
    drafts: list[Draft] = []
    lead = _Lead(text, articles[0], published)
    cited_by_story: dict[object, list[tuple[str, Hit]]] = {}
    by_class: dict[str, Mention] = {}
    for seg in articles:
        story_cited = cited_by_story.setdefault(getattr(seg, "story", None), [])
        lo, hi = bisect.bisect_left(starts, seg.start), bisect.bisect_left(starts, seg.end)
        if not any(h.kind in ("trigger", "source") for h in hits[lo:hi]):
            continue
        seg_dates = bridge.find_dates(text, seg.start, seg.end, published)
        peaceful_at = [h.start for h in hits[lo:hi] if h.kind == "cue" and h.payload == "peaceful"]
        para_dates: list[bridge.DateFound] = []
        prev: Mention | None = None
        last_draft: Draft | None = None
        last_end = seg.start
        for s, e in bridge.split_sentences(text, seg.start, seg.end):
            if "\n" in text[last_end:s]:
                para_dates = []  # a new paragraph (line) inside the segment
            last_end = e
            dates = [d for d in seg_dates if s <= d.start < e and d.kind != "background"]  # markers: own cues
            good = [d for d in dates if d.date and not d.background]
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            shits = hits[lo:hi]
            earlier = list(story_cited)
            story_cited.extend((h.payload, h) for h in shits if h.kind == "source" and _attributed(h, shits))
            if not any(h.kind == "trigger" for h in shits) and last_draft is not None \
                    and s - last_draft.mention.sent[1] < 3 and last_draft.mention.toll.value == 0:
                _carry_toll(text, s, e, shits, last_draft)  # "وقد أفيد بمقتل عشرات الأشخاص" after the act
            if any(h.kind == "trigger" for h in shits) and not _background(text, norm, normalized, s, e, dates,
                                                                            published, shits):
                numbers = bridge.find_numbers(text, s, e)
                sent_drafts: list[Draft] = []
                for m in sentence_mentions(text, norm, (s, e), shits, numbers, named, lex):
                    peaceful = any(abs(p - m.trigger.start) <= _PEACEFUL_WINDOW for p in peaceful_at)
                    if m.cls == "take" and peaceful and m.event_type == "Battles" and not _fighting(shits):
                        m.event_type, m.sub_event_type = "Strategic developments", "Non-violent transfer of territory"
                    if _told_before(m, dates, published):
                        continue
                    d = _event_date(m, good, para_dates, lead)
                    if d is not None and (d.precision or 1) >= 3 or d is not None and d.kind == "ago" \
                            and (d.precision or 1) >= 2:
                        if s <= d.start < e:
                            continue  # "خلال يوليو", "قبل أيام": a period or a vague past, not a dated act
                        d = None  # an inherited vague date: fall back to the publication day
                    if d is not None and published and d.date and \
                            (published - dt.date.fromisoformat(d.date)).days > _RECENT_DAYS:
                        continue
                    follows = prev is not None and m.sent[0] - prev.sent[1] < 400
                    if follows:
                        _inherit(m, prev)  # type: ignore[arg-type]
                    elif m.actor1 is None and m.cls in by_class:
                        _inherit(m, by_class[m.cls])  # an earlier act of the same kind in the document
                    if m.actor1 is not None:
                        prev = m
                        by_class.setdefault(m.cls, m)
                    near = [h for h in group_hits if 0 <= m.trigger.start - h.start <= _GROUP_WINDOW]
                    main_group = near[-1].payload.actor if near else None  # type: ignore[attr-defined]
                    draft = _draft(doc, norm, m, shits, d, published, geo, lex, doc_country, follows, earlier,
                                   responsible, main_group)
                    if draft is not None:
                        sent_drafts.append(draft)
                drafts.extend(_spread(text, norm, (s, e), shits, sent_drafts, geo))
                last_draft = sent_drafts[-1] if sent_drafts else None
            para_dates.extend(good)
    return merge(doc, drafts)


def _background(text: str, norm: str, normalized, s: int, e: int, dates: list[bridge.DateFound],
                published: dt.date | None, shits: list[Hit]) -> bool:
    """A sentence that only recalls the story's past: background lead-ins and cues, pluperfect,
    old years, background dates, unless it also names a recent day (a weekday, yesterday...)."""
    recent = any(d.date and not d.background for d in dates)
    day = any(d.date and not d.background and d.kind in ("weekday", "relative", "explicit") and d.precision == 1
              for d in dates)
    if any(h.kind == "cue" and h.payload == "background" for h in shits) and not (recent and not _old(dates, published)):
        return True
    ns, ne = _norm_range(normalized, s, e)
    sn = norm[ns:ne]
    if any(d.background for d in dates) and not recent:
        return True
    if _FRAME_LEAD.match(sn):
        return True
    if _BACKGROUND_LEAD.match(sn):
        return not recent
    if _PLUPERFECT.search(sn) and not recent:
        return True
    for y in _YEAR.findall(text[s:e]):
        if (published is None or int(y) < published.year) and not day:
            return True
    return False


def _old(dates: list[bridge.DateFound], published: dt.date | None) -> bool:
    """Every dated expression lies more than the recent window before publication."""
    days = [(published - dt.date.fromisoformat(d.date)).days for d in dates if d.date and published]
    return bool(days) and min(days) > _RECENT_DAYS


def _norm_range(normalized, s: int, e: int) -> tuple[int, int]:
    offs = normalized.offsets
    return bisect.bisect_left(offs, s), bisect.bisect_left(offs, e)


def _carry_toll(text: str, s: int, e: int, shits: list[Hit], draft: Draft) -> None:
    """A death toll stated in the sentence right after an event (with none of its own) is its toll."""
    cues = [h for h in shits if h.kind == "cue" and h.payload in ("killed", "injured", "vague", "singular")]
    if not any(c.payload == "killed" for c in cues):
        return
    m = draft.mention
    toll = sentence_toll(text, cues, bridge.find_numbers(text, s, e), m.cls in SIGNIFICANT or m.plural)
    if toll.value:
        m.toll = toll


def _responsible(hits: list[Hit], named: set[str]) -> Actor | None:
    """The armed group the document says is behind its attacks ("داعش يقف وراء الاعتداء", "نسب إلى
    حزب العمال الكردستاني"): a named group next to a responsibility cue."""
    cues = [h for h in hits if h.kind == "cue" and h.payload == "responsibility"]
    for c in cues:
        near = [h for h in hits if h.kind == "actor" and abs(h.nstart - c.nstart) <= 40
                and h.payload.actor.kind == "group" and h.payload.actor.name in named]  # type: ignore[attr-defined]
        if near:
            return min(near, key=lambda h: abs(h.nstart - c.nstart)).payload.actor  # type: ignore[attr-defined]
    return None


def _told_before(m: Mention, dates: list[bridge.DateFound], published: dt.date | None) -> bool:
    """The date expression nearest the trigger is background or older than the recent window
    ("أسقطتها ... في فبراير"): the act is retold."""
    if not dates:
        return False
    near = min(dates, key=lambda d: abs(d.start - m.trigger.start))
    if near.background or near.kind == "ago" and (near.precision or 1) >= 2:
        return True  # "قبل أيام", "منذ سنوات": a vague or distant past
    return bool(near.date and published and (published - dt.date.fromisoformat(near.date)).days > _RECENT_DAYS)


class _Lead:
    """The lead sentence's first usable date, found on first use."""

    def __init__(self, text: str, first: Segment, published: dt.date | None) -> None:
        sents = bridge.split_sentences(text, first.start, first.end)
        end = sents[0][1] if sents else first.end  # the lead sentence
        self._args = (text, first.start, end, published)
        self._date: bridge.DateFound | None = None
        self._done = False

    def date(self) -> bridge.DateFound | None:
        if not self._done:
            self._done = True
            text, start, end, published = self._args
            found = [d for d in bridge.find_dates(text, start, end, published) if d.date and not d.background
                     and (published is None or (published - dt.date.fromisoformat(d.date)).days <= _RECENT_DAYS)]
            self._date = found[0] if found else None
        return self._date


def _event_date(m: Mention, good: list[bridge.DateFound], para: list[bridge.DateFound],
                lead: _Lead) -> bridge.DateFound | None:
    """The date in the mention's clause, else the nearest before its trigger in the sentence, else the
    nearest after it; else the latest earlier one in its paragraph, else the lead's."""
    if good:
        in_clause = [d for d in good if m.clause[0] <= d.start < m.clause[1]]
        if in_clause:
            return min(in_clause, key=lambda d: abs(d.start - m.trigger.start))
        before = [d for d in good if d.start < m.trigger.start]
        return before[-1] if before else good[0]
    if para:
        return para[-1]
    return lead.date()


def _country(m: Mention, shits: list[Hit], place, doc_country: str | None) -> str | None:
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


def _evidence_ok(m: Mention, place, shits: list[Hit], has_date: bool, follows: bool) -> bool:
    """A mention is an event when its sentence anchors it: a place named there (or it follows an
    event of its paragraph), and a day, a death toll, both actors, or (strong trigger) one actor.
    Weak triggers always need an actor."""
    inside = place is not None and place.span is not None and m.sent[0] <= place.span.start < m.sent[1]
    has_place = inside or any(h.kind == "country" for h in shits) or follows
    has_actor = m.actor1 is not None or m.actor2 is not None
    both = m.actor1 is not None and m.actor2 is not None
    if m.weak and not has_actor:
        return False
    if not has_place:  # a strong trigger, a day and both sides: the story's place will do
        return not m.weak and has_date and both
    return has_date or m.toll.value > 0 or both or (not m.weak and (has_actor or inside))


def _draft(doc: Document, norm: str, m: Mention, shits: list[Hit], date: bridge.DateFound | None,
           published: dt.date | None, geo: bridge.Geocoder, lex: Lexicon, doc_country: str | None,
           follows: bool = False, earlier: list[tuple[str, Hit]] | None = None,
           responsible: Actor | None = None, main_group: Actor | None = None) -> Draft | None:
    place = _place(m, geo, shits, doc_country, doc.text, norm)
    in_sentence_date = date is not None and m.sent[0] <= date.start < m.sent[1]
    own = next((c for c in (_own_country(r, norm, lex) for r in (m.actor1, m.actor2) if r) if c), None)
    if not _evidence_ok(m, place, shits, in_sentence_date, follows or own is not None):
        return None
    country = _country(m, shits, place, own or doc_country)
    a1 = _name(m.actor1, norm, lex, country, main_group) if m.actor1 else None
    a2 = None
    for ref in ([m.actor2] if m.actor2 else []) + m.alt2:  # the first candidate that is not actor1
        a2 = _name(ref, norm, lex, country, main_group)
        if a2 != a1:
            break
    if m.sub_event_type == "Excessive force against protesters":
        a2 = roles.canonical(roles.actor_named(lex, "Protesters ({country})"), country, lex)
    named_a1 = a1 is not None
    if a1 is None and m.cls in _DEFAULT_ACTOR1 and (m.cls != "attack" or a2 is not None or m.toll.value):
        a1 = roles.canonical(roles.actor_named(lex, _DEFAULT_ACTOR1[m.cls]), country, lex)
    if a1 is None and m.cls in ("air", "shell") and country == "Syria":
        a1 = lex.countries["Syria"].military
    if a2 is None and (m.cls in _DEFAULT_ACTOR2 or (m.cls in _REMOTE and m.toll.value > 0)):
        a2 = roles.canonical(roles.actor_named(lex, {**_REMOTE, **_DEFAULT_ACTOR2}[m.cls]), country, lex)
    if responsible is not None and (a1 or "").startswith("Unidentified Armed Group") and m.actor1 is None:
        a1 = roles.canonical(responsible, country, lex)
    if a1 is not None and a1 == a2:
        a2 = None
    swapped = False
    if m.rioters:
        other = a2 if (a1 or "").startswith("Protesters") else a1
        a1 = roles.canonical(roles.actor_named(lex, "Rioters ({country})"), country, lex)
        a2 = other if other != a1 and not (other or "").startswith("Protesters") else None
    if m.cls == "protest" and m.sub_event_type != "Excessive force against protesters":
        a1, a2 = roles.canonical(roles.actor_named(lex, "Protesters ({country})"), country, lex), None
    if a1 is None:
        if a2 is None or a2.startswith("Civilians"):
            return None
        a1, a2, swapped = a2, None, True
    if date is not None:
        event_date, precision = date.date, date.precision or 1
    elif published is not None:
        event_date, precision = published.isoformat(), 1
    else:
        event_date, precision = None, None
    cited = [(h.payload, h) for h in shits if h.kind == "source" and _attributed(h, shits)]
    if not cited:  # the story's earlier attribution ("وذكر موقع ... أن") covers what follows
        cited = list(earlier or [])
    return Draft(mention=m, place=place, country=country, actor1=a1, actor2=a2, event_date=event_date,
                 time_precision=precision, date=date, cited=cited, target_only=swapped,
                 default_actor1=not named_a1 and not swapped and m.actor1 is None)  # type: ignore[arg-type]


def _spread(text: str, norm: str, sent: tuple[int, int], shits: list[Hit], found: list[Draft],
            geo: bridge.Geocoder) -> list[Draft]:
    """One event per place: a trigger-less clause "وحقل الجفرة" after an event's clause repeats that
    event at its place; every further village named with a territorial trigger is its own event."""
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
                    if p.geo_precision == 1 and p.location != (last.place.location if last.place else None):
                        out.append(_clone(last, (cs, ce), p))
            continue
        if last is None or not text[cs:ce].lstrip(" ،,").startswith("و"):
            continue
        places = [p for p in geo.places_in(cs, ce) if p.location]
        if places:
            last = _clone(last, (cs, ce), places[0])
            out.append(last)
    return out


def _clone(d: Draft, clause: tuple[int, int], place) -> Draft:
    m = dataclasses.replace(d.mention, clause=clause, toll=type(d.mention.toll)(0))
    return dataclasses.replace(d, mention=m, place=place, cited=list(d.cited))


def _place(m: Mention, geo: bridge.Geocoder, shits: list[Hit], doc_country: str | None, text: str, norm: str):
    """The geocoder's place named in the clause, else in the sentence outside other triggers' clauses,
    else its fallback; a place whose country contradicts every country or place name in the sentence
    is not trusted."""
    place = geo.place_for(m.clause[0], m.clause[1])
    if place is not None and place.span is not None and any(
            h.start < place.span.end and place.span.start < h.end for h in shits if h.kind in ("cue", "trigger")):
        place = None  # a toponym that is one of our words ("سلسلة" series): not trusted
    if place is not None and not _inside(place, m.clause) and text[m.clause[0]:m.clause[0] + 6].strip().startswith("حيث"):
        before = [p for p in geo.places_in(m.sent[0], m.clause[0])]
        if before:
            return before[-1]  # "... مدينة كوباني حيث فجر انتحاري نفسه": where = the place just named
    if place is not None and not _inside(place, m.clause):
        triggers = [h for h in shits if h.kind == "trigger"]
        taken = [c for c in clauses(text, m.sent[0], m.sent[1], triggers, norm)  # another time: "بعد ... على"
                 if c != m.clause and any(c[0] <= t.start < c[1] for t in triggers)
                 and _TEMPORAL.match(text[c[0]:c[0] + 8])]
        for other in geo.places_in(m.sent[0], m.sent[1]):
            if not any(_inside(other, c) for c in taken):
                place = other
                break
    named = {h.payload.name for h in shits if h.kind == "country"} or {doc_country}  # type: ignore[attr-defined]
    if place is not None and None not in named and place.country not in named:
        return None
    return place


def _inside(place, span: tuple[int, int]) -> bool:
    return place.span is not None and span[0] <= place.span.start < span[1]


def _resolve_previous(hits: list[Hit]) -> list[Hit]:
    """"تلك القوات" names the armed actor named last before it; unresolved demonstratives are dropped."""
    out: list[Hit] = []
    last: Hit | None = None
    for h in hits:
        if h.kind == "actor":
            actor = h.payload.actor  # type: ignore[attr-defined]
            if actor.name == "{previous}":
                if last is not None:
                    out.append(dataclasses.replace(h, payload=dataclasses.replace(last.payload, anaphor=False)))
                continue
            if actor.kind in ("state", "group", "unidentified") and "{" not in actor.name.replace("{country}", ""):
                last = h
        out.append(h)
    return out


def _inherit(m: Mention, prev: Mention) -> None:
    """A mention with no named perpetrator continues the previous one ("وطالت الهجمات ...") when
    its target, if any, is one of the previous mention's actors."""
    if m.actor1 is not None and prev.actor1 is not None and m.actor2 is None and prev.actor2 is not None \
            and m.actor1.actor.name == prev.actor1.actor.name and m.cls == prev.cls:
        m.actor2 = ActorRef(prev.actor2.actor, None)  # the same side goes on against the same opponent
        return
    if m.actor1 is not None or prev.actor1 is None:
        return
    names = {r.actor.name for r in (prev.actor1, prev.actor2) if r is not None}
    if m.actor2 is None or m.actor2.actor.name in names:
        m.actor1 = ActorRef(prev.actor1.actor, None)
        if m.actor2 is None and prev.actor2 is not None:
            m.actor2 = ActorRef(prev.actor2.actor, None)
        if m.actor2 is not None and m.actor2.actor.name == m.actor1.actor.name:
            m.actor2 = ActorRef(prev.actor2.actor, None) if prev.actor2 is not None else None


def _name(ref: ActorRef, norm: str, lex: Lexicon, country: str | None, main_group: Actor | None = None) -> str | None:
    """The canonical name of an actor reference; a generic or anaphoric state force followed by a
    nationality is that country's force; "المسلحين" in a document about a named group is that group."""
    if ref.hit is not None and ref.hit.payload.generic and main_group is not None:  # type: ignore[attr-defined]
        return roles.canonical(main_group, country, lex)
    own = _own_country(ref, norm, lex)
    if own is not None and "{" not in ref.actor.name:
        c = lex.countries.get(own)
        return c.military if c else ref.actor.name
    return roles.canonical(ref.actor, own or country, lex)


def _own_country(ref: ActorRef, norm: str, lex: Lexicon) -> str | None:
    """A state-forces noun followed by a nationality ("جنود اسرائيليين", "النظام الإيراني") belongs to
    that country."""
    if ref.hit is None or ref.actor.kind != "state" or not ("{" in ref.actor.name or ref.hit.payload.anaphor):
        return None
    nxt = re.findall(r"\w+", norm[ref.hit.nend:ref.hit.nend + 24])
    if not nxt:
        return None
    word = nxt[0][2:] if nxt[0].startswith("ال") else nxt[0]
    return lex.demonyms.get(word)


def _fighting(shits: list[Hit]) -> bool:
    """The sentence reports fighting or deaths (territory taken by force)."""
    return any((h.kind == "cue" and h.payload == "killed")
               or (h.kind == "trigger" and h.payload.cls in ("clash", "air", "shell"))  # type: ignore[attr-defined]
               for h in shits)


def _attributed(h: Hit, shits: list[Hit]) -> bool:
    return any(c.kind == "cue" and c.payload == "attribution" and 0 <= h.nstart - c.nend <= 40 for c in shits)
