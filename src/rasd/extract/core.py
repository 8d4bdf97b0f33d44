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
from rasd.extract.coref import actor_name, inherit, own_country, resolve_previous, responsible_group
from rasd.extract.fatalities import MAX_EVENT_TOLL, SIGNIFICANT, Toll, another_act, sentence_toll, tally_start
from rasd.extract.lexicon import DATA, Actor, Lexicon, load, named_patterns, named_words
from rasd.extract.matcher import Hit, find_hits
from rasd.extract.mentions import Mention, sentence_mentions
from rasd.extract.merge import Draft, merge
from rasd.extract.places import country_of, place_of, sponsor_hits, spread
from rasd.extract.timeline import (
    RECENT_DAYS,
    Lead,
    after_frame,
    clause_background,
    condemned,
    event_date,
    is_background,
    report_date,
    told_before,
)
from rasd.model import Document, Event, Segment

_P = named_patterns(DATA / "core_patterns.tsv", ("dateline", "demonym_host", "made_in"), raw=frozenset({"dateline"}))
_W = named_words(DATA / "core_words.tsv", ("demonym_proclitics", "agree_with"))
_DATELINE = _P["dateline"]  # "دبي، الإمارات (CNN)--", matched on the original text
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
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
_ACT_NOUNS = frozenset({"air", "shell", "attack", "attack_civ", "ied", "suicide", "chem"})  # "الغارة" can refer back
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
    datelines = [(a.start, a.start + m.end()) for a in articles if (m := _DATELINE.match(text, a.start, a.end))]
    hits = resolve_previous([h for h in find_hits(normalized, lex) if any(a.start <= h.start < a.end for a in articles)
                             and not any(s <= h.start < e for s, e in datelines)])
    hits = _outside_names(hits)
    sponsors = sponsor_hits(text, hits)  # "المدعومة من إيران": a sponsor is not where it happened
    hits = [h for h in hits if not (h.kind == "country" and h.start in sponsors)]
    starts = [h.start for h in hits]
    published = bridge.parse_published(doc.published)
    named = {h.payload.actor.name for h in hits  # type: ignore[attr-defined]
             if h.kind == "actor" and not h.payload.anaphor and not h.payload.adjective}  # type: ignore[attr-defined]
    countries = Counter(h.payload.name for h in hits if h.kind == "country")  # type: ignore[attr-defined]
    group_hits = [h for h in hits if h.kind == "actor" and h.payload.actor.kind == "group"  # type: ignore[attr-defined]
                  and not h.payload.anaphor and not h.payload.adjective]  # type: ignore[attr-defined]
    doc_country = countries.most_common(1)[0][0] if countries else None
    geo = bridge.Geocoder(doc, segments)
    responsible = responsible_group(hits, named)
    protests = any(h.kind == "trigger" and h.payload.cls == "protest" for h in hits)  # type: ignore[attr-defined]
    drafts: list[Draft] = []
    lead = Lead(text, articles[0], published)
    cited_by_story: dict[object, list[tuple[str, Hit]]] = {}
    by_class: dict[str, Mention] = {}
    sent_no = 0
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
        back: tuple[Toll, int] | None = None  # a lone toll told before its act (toll, end of its sentence)
        last_end = seg.start
        for s, e in bridge.split_sentences(text, seg.start, seg.end):
            sent_no += 1
            if "\n" in text[last_end:s]:
                para_dates = []  # a new paragraph (line) inside the segment
            last_end = e
            dates = [d for d in seg_dates if s <= d.start < e and d.kind != "background"]  # markers: own cues
            good = [d for d in dates if d.date and not d.background]
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            shits = hits[lo:hi]
            earlier = list(story_cited)
            story_cited.extend((h.payload, h) for h in shits if h.kind == "source" and _attributed(h, shits))
            earlier_toll, back = back if back is not None and s - back[1] < 3 else None, None
            if not any(h.kind == "trigger" for h in shits):
                if last_draft is not None and s - last_draft.mention.sent[1] < 3:
                    if last_draft.mention.toll.value == 0:
                        _carry_toll(text, s, e, shits, last_draft)  # "وقد أفيد بمقتل عشرات الأشخاص" after the act
                elif (lone := _lone_toll(text, s, e, shits, False)) is not None and lone.numeric:
                    back = (lone, e)  # "إذ قتل فيهما أكثر من 80 مسلحا" before "قتلوا في غارات جوية ...": its act's
            if any(h.kind == "trigger" for h in shits) and not is_background(text, norm, normalized, s, e, dates,
                                                                            published, shits):
                numbers = bridge.find_numbers(text, s, e)
                sent_drafts: list[Draft] = []
                for m in sentence_mentions(text, norm, (s, e), shits, numbers, named, lex):
                    peaceful = any(abs(p - m.trigger.start) <= _PEACEFUL_WINDOW for p in peaceful_at)
                    if m.cls == "take" and peaceful and m.event_type == "Battles" and not _fighting(shits):
                        m.event_type, m.sub_event_type = "Strategic developments", "Non-violent transfer of territory"
                    if told_before(m, dates, published) or clause_background(m, shits, dates, text) \
                            or after_frame(m, norm, dates) or condemned(m, shits, dates):
                        continue
                    if not good and m.toll.value == 0 and any(
                            h.kind == "cue" and h.payload == "official" and h.start < m.trigger.start for h in shits):
                        continue  # a leader's or a body's undated words about an act: a statement, not news of it
                    d = event_date(m, good, para_dates, lead)
                    if d is not None and (d.precision or 1) >= 3 or d is not None and d.kind == "ago" \
                            and (d.precision or 1) >= 2:
                        if s <= d.start < e:
                            continue  # "خلال يوليو", "قبل أيام": a period or a vague past, not a dated act
                        d = None  # an inherited vague date: fall back to the publication day
                    if d is not None and published and d.date and \
                            (published - dt.date.fromisoformat(d.date)).days > RECENT_DAYS:
                        continue
                    if d is not None and published and d.date and \
                            (dt.date.fromisoformat(d.date) - published).days > 1:
                        continue  # dated after publication (a day's grace for time zones): planned, not done
                    follows = prev is not None and m.sent[0] - prev.sent[1] < 400
                    if follows:
                        inherit(m, prev)  # type: ignore[arg-type]
                    elif m.actor1 is None and m.cls in by_class:
                        inherit(m, by_class[m.cls])  # an earlier act of the same kind in the document
                    if m.actor1 is not None:
                        prev = m
                        by_class.setdefault(m.cls, m)
                    near = [h for h in group_hits if 0 <= m.trigger.start - h.start <= _GROUP_WINDOW]
                    main_group = near[-1].payload.actor if near else None  # type: ignore[attr-defined]
                    draft = _draft(doc, norm, m, shits, d, published, geo, lex, doc_country, follows, earlier,
                                   responsible, main_group, sponsors, protests)
                    if draft is not None:
                        draft.report_day = d is not None and s <= d.start < e and report_date(d, shits)
                        sent_drafts.append(draft)
                if earlier_toll is not None:
                    _carry_back(text, earlier_toll[0], sent_drafts)
                for draft in spread(text, norm, (s, e), shits, sent_drafts, geo):
                    draft.sent_no, draft.story = sent_no, getattr(seg, "story", None)
                    drafts.append(draft)
                last_draft = sent_drafts[-1] if sent_drafts else None
            para_dates.extend(good)
    return merge(doc, drafts)


def _outside_names(hits: list[Hit]) -> list[Hit]:
    """Drop trigger hits inside an actor name after its first word ("هيئة تحرير الشام", "جبهة جيش تحرير
    الشعب"): the word names the group, it tells no act. A name opening with the act ("غارات التحالف",
    "مدفعية التحالف") or made of it ("المتظاهرين") keeps its trigger. A country ending a name ("القوات
    السعودية", "تحالف دعم الشرعية في اليمن") is the actor's nationality, not the act's place."""
    names = sorted((h.nstart, h.nend) for h in hits if h.kind == "actor")
    if not names:
        return hits
    starts = [s for s, _e in names]

    def inside(h: Hit, at_end: bool) -> bool:
        for s, e in names[max(0, bisect.bisect_left(starts, h.nstart) - 4):bisect.bisect_left(starts, h.nstart)]:
            if s < h.nstart and (h.nend == e if at_end else h.nend <= e):
                return True
        return False

    return [h for h in hits if not (h.kind == "trigger" and inside(h, False) or h.kind == "country" and inside(h, True))]


def _protest_clash(m: Mention, a2: str | None) -> bool:
    """In a story of protests ("ويطالب المحتجون في غزة", "مسيرات العودة"), deadly "clashes" between a state
    force and unarmed people ("بعد مواجهات قتل فيها سبعة فلسطينيين بنيران الجيش الإسرائيلي": no armed
    group named on the other side) are the force's excessive force against the protesters."""
    return (m.cls == "clash" and m.sub_event_type == "Armed clash" and m.toll.value > 0
            and m.actor1 is not None and m.actor1.actor.kind == "state"
            and (a2 is None or a2.startswith(("Civilians", "Protesters"))))


def _lone_toll(text: str, s: int, e: int, shits: list[Hit], significant: bool) -> Toll | None:
    """The death toll of a sentence with no act of its own, or None (no killed word, a total over days or a
    war, a figure too large for one event)."""
    cues = [h for h in shits if h.kind == "cue" and h.payload in ("killed", "injured", "vague", "singular")]
    if not any(c.payload == "killed" for c in cues):
        return None
    if tally_start(text, s, e, cues) is not None:
        return None  # a total over days or a war is not the event's toll
    toll = sentence_toll(text, cues, bridge.find_numbers(text, s, e), significant)
    return toll if 0 < toll.value < MAX_EVENT_TOLL else None


def _carry_toll(text: str, s: int, e: int, shits: list[Hit], draft: Draft) -> None:
    """A death toll stated in the sentence right after an event (with none of its own) is its toll."""
    m = draft.mention
    toll = _lone_toll(text, s, e, shits, m.cls in SIGNIFICANT or m.plural)
    if toll is not None:
        m.toll = toll


def _carry_back(text: str, toll: Toll, drafts: list[Draft]) -> None:
    """A stated toll in the sentence right before an act, with no act of its own and none told just before it
    ("إذ قتل فيهما أكثر من 80 مسلحا" / "وأشارت المصادر إلى أن مسلحي الحوثي قتلوا في غارات جوية"), is the toll
    of the act's first violent mention, when no act of that sentence tells deaths of its own (as the forward
    rule) and the sentence does not open as another act ("كما شنت مقاتلات التحالف ...", "إلى ذلك": toll
    rules ``another``)."""
    if not drafts or any(d.mention.toll.value for d in drafts) or another_act(text, drafts[0].mention.sent[0]):
        return
    for d in drafts:
        m = d.mention
        if m.event_type in _VIOLENT_TYPES or m.sub_event_type == "Excessive force against protesters":
            if not m.tallied:
                m.toll = toll
            return


def _evidence_ok(m: Mention, place, shits: list[Hit], has_date: bool, follows: bool, words: int = 99) -> bool:
    """A mention is an event when its sentence anchors it: a place named there (or it follows an
    event of its paragraph), and a day, a death toll, both actors, or (strong trigger) one actor.
    Weak triggers always need an actor."""
    inside = place is not None and place.span is not None and m.sent[0] <= place.span.start < m.sent[1]
    has_place = inside or any(h.kind == "country" for h in shits) or follows
    has_actor = m.actor1 is not None or m.actor2 is not None
    both = m.actor1 is not None and m.actor2 is not None
    if m.weak and not has_actor:
        return False
    if m.definite and m.cls in _ACT_NOUNS and not (has_date or m.toll.value or inside):
        return False  # "الغارة" with no day, toll or place of its own: a reference to an act told elsewhere
    if words < 8 and not (has_date or m.toll.value):
        return False  # a keyword line ("سمات تركيا داعش سلاح الجو سوريا قصف"), not a report
    if not has_place:  # a strong trigger, a day and both sides: the story's place will do
        return not m.weak and has_date and both
    return has_date or m.toll.value > 0 or both or (not m.weak and (has_actor or inside))


def _draft(doc: Document, norm: str, m: Mention, shits: list[Hit], date: bridge.DateFound | None,
           published: dt.date | None, geo: bridge.Geocoder, lex: Lexicon, doc_country: str | None,
           follows: bool = False, earlier: list[tuple[str, Hit]] | None = None,
           responsible: Actor | None = None, main_group: Actor | None = None,
           sponsors: set[int] | None = None, protests: bool = False) -> Draft | None:
    place = place_of(m, geo, shits, doc_country, doc.text, norm, sponsors or set())
    in_sentence_date = date is not None and m.sent[0] <= date.start < m.sent[1]
    own = next((c for c in (own_country(r, norm, lex) for r in (m.actor1, m.actor2) if r) if c), None)
    words = len(doc.text[m.sent[0]:m.sent[1]].split())
    if not _evidence_ok(m, place, shits, in_sentence_date, follows or own is not None, words):
        return None
    country = country_of(m, shits, place, own or doc_country) or _demonym_country(doc.text, m, lex)
    a1 = actor_name(m.actor1, norm, lex, country, main_group) if m.actor1 else None
    a2 = None
    for ref in ([m.actor2] if m.actor2 else []) + m.alt2:  # the first candidate that is not actor1 nor its ally
        a2 = actor_name(ref, norm, lex, country, main_group)
        if _allied(a1, a2, lex) and ref.actor.inter == 1 and m.actor1 is not None and m.actor1.actor.kind != "state":
            a1, a2 = a2, None  # "المقاومة الشعبية وقوات الجيش الوطني": the state force leads the joint act
            if m.sub_event_type == "Non-state actor overtakes territory":
                m.sub_event_type = "Government regains territory"
            continue
        if a2 != a1 and not _allied(a1, a2, lex):
            break
    if _allied(a1, a2, lex):
        a2 = None  # "الجيش الوطني بمساندة من التحالف": an ally supports, it is not the opponent
    if protests and _protest_clash(m, a2):
        m.event_type, m.sub_event_type = "Protests", "Excessive force against protesters"
    if m.sub_event_type == "Excessive force against protesters":
        a2 = roles.canonical(roles.actor_named(lex, "Protesters ({country})"), country, lex)
    named_a1 = a1 is not None
    if a1 is None and m.cls in _DEFAULT_ACTOR1 and (m.cls != "attack" or a2 is not None or m.toll.value):
        a1 = roles.canonical(roles.actor_named(lex, _DEFAULT_ACTOR1[m.cls]), country, lex)
    if m.cls in ("air", "shell") and a1 is None and country in lex.countries \
            and lex.countries[country].air_default and (m.cls == "air" or country == "Syria"):
        a1 = lex.countries[country].air_default  # an unattributed strike: the usual air force there
    if a2 is None and (m.cls in _DEFAULT_ACTOR2 or (m.cls in _REMOTE and (m.toll.value > 0 or m.tallied))):
        a2 = roles.canonical(roles.actor_named(lex, {**_REMOTE, **_DEFAULT_ACTOR2}[m.cls]), country, lex)
    if responsible is not None and (a1 or "").startswith("Unidentified Armed Group") and m.actor1 is None:
        a1 = roles.canonical(responsible, country, lex)
    if a2 is None and a1 is not None and country in lex.countries:
        mil = lex.countries[country].military
        if m.cls == "evac" and a1 != mil and (m.actor1 is None or m.actor1.actor.kind == "group"):
            a2 = mil  # fighters leaving under a deal: the deal's other party is the government
        elif m.sub_event_type == "Non-violent transfer of territory" and a1 == mil and main_group is not None:
            a2 = roles.canonical(main_group, country, lex)  # the group that handed the place over
    if a1 is not None and a1 == a2 or _allied(a1, a2, lex):
        a2 = None
    if m.sub_event_type == "Disrupted weapons use" and m.cls == "shell":
        if m.actor1 is None:  # "أطلقت إسرائيل صاروخا", "قال الجيش الإسرائيلي ... إنه أطلق صاروخ": who fired
            a1 = _shooter(m, shits, lex, country) or a1
        home = next((c for c, info in lex.countries.items() if info.military == a1), None)
        if home is not None and home != country:  # a missile fired at an aircraft: where the force shot it down
            country, place = home, None
    swapped = False
    if m.rioters:
        other = a2 if (a1 or "").startswith("Protesters") else a1
        a1 = roles.canonical(roles.actor_named(lex, "Rioters ({country})"), country, lex)
        a2 = other if other != a1 and not (other or "").startswith("Protesters") else None
    if m.cls == "protest" and m.sub_event_type != "Excessive force against protesters" and not m.rioters:
        a1, a2 = roles.canonical(roles.actor_named(lex, "Protesters ({country})"), country, lex), None
    if m.cls == "agree" and (a1 is None) != (a2 is None) and country in lex.countries:
        ref = m.actor1 or m.actor2
        if ref is not None and ref.hit is not None and norm[max(0, ref.hit.nstart - 4):ref.hit.nstart].strip() in _W["agree_with"]:
            a1, a2 = lex.countries[country].military, a1 or a2  # "اتفاق مع جيش الإسلام": with the government
    if m.cls == "agree" and (a1 is None or a2 is None):
        return None  # an agreement has two parties
    if a1 is None:
        if a2 is None or a2.startswith("Civilians"):
            return None
        a1, a2, swapped = a2, None, True
    if date is not None:
        day, precision = date.date, date.precision or 1
    elif published is not None:
        day, precision = published.isoformat(), 1
    else:
        day, precision = None, None
    cited = [(h.payload, h) for h in shits if h.kind == "source" and _attributed(h, shits)]
    if not cited:  # the story's earlier attribution ("وذكر موقع ... أن") covers what follows
        cited = list(earlier or [])
    return Draft(mention=m, place=place, country=country, actor1=a1, actor2=a2, event_date=day,
                 time_precision=precision, date=date, cited=cited, target_only=swapped,
                 default_actor1=not named_a1 and not swapped and m.actor1 is None)  # type: ignore[arg-type]


_DEMONYM_HOST = _P["demonym_host"]  # "الميليشيات الإيرانية": a sponsor abroad, not the place


def _demonym_country(text: str, m: Mention, lex: Lexicon) -> str | None:
    """With no place and no country name: the first nationality adjective of the sentence ("مصادر يمنية",
    "المقاومة اليمنية") that does not qualify militias or weapons."""
    sent = normalize(text[m.sent[0]:m.sent[1]]).norm
    for w in re.finditer(r"\w+", sent):
        word = w.group()
        for cut in _W["demonym_proclitics"]:
            if word.startswith(cut) and word[len(cut):] in lex.demonyms:
                if _DEMONYM_HOST.search(sent[max(0, w.start() - 14):w.start()]) \
                        or _P["made_in"].match(sent[w.end():w.end() + 8]):
                    break
                return lex.demonyms[word[len(cut):]]
    return None


def _shooter(m: Mention, shits: list[Hit], lex: Lexicon, country: str | None) -> str | None:
    """Who fired a missile at an aircraft when the roles found no perpetrator: the last state force or
    country named before the missile in its sentence ("قال الجيش الإسرائيلي ... إنه أطلق صاروخ",
    "أطلقت إسرائيل صاروخا")."""
    for h in reversed([h for h in shits if h.start < m.trigger.start]):
        if h.kind == "actor" and h.payload.actor.kind == "state" and not h.payload.adjective:  # type: ignore[attr-defined]
            return roles.canonical(h.payload.actor, country, lex)  # type: ignore[attr-defined]
        if h.kind == "country" and h.payload.name in lex.countries:  # type: ignore[attr-defined]
            return lex.countries[h.payload.name].military  # type: ignore[attr-defined]
    return None


def _allied(a1: str | None, a2: str | None, lex: Lexicon) -> bool:
    """The two actors are allies (``allies.tsv``), never opponents in one event."""
    return a1 is not None and a2 is not None and frozenset((a1, a2)) in lex.allies


def _fighting(shits: list[Hit]) -> bool:
    """The sentence reports fighting or deaths (territory taken by force)."""
    return any((h.kind == "cue" and h.payload == "killed")
               or (h.kind == "trigger" and h.payload.cls in ("clash", "air", "shell"))  # type: ignore[attr-defined]
               for h in shits)


def _attributed(h: Hit, shits: list[Hit]) -> bool:
    return any(c.kind == "cue" and c.payload == "attribution" and 0 <= h.nstart - c.nend <= 40 for c in shits)
