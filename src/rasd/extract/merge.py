"""Within-document merge: mentions of the same event (day, place, sub-type, actor pair) become one
``Event`` keeping every evidence span; a summary mention ("شن التنظيم سلسلة هجمات أودت بحياة 5")
is folded into the specific attacks it sums up, its toll distributed so the total stays right; one act
told in adjacent sentences as compatible sub-types ("عبوة ناسفة" / "الهجوم", "غارة" / "القصف") or with
its sides swapped becomes one event (``_fold_compatible``, ``data/merge_compat.tsv``). Before grouping,
each mention's country and place are made to agree (``settle_place``), a toll told again for the next act
is counted once (``_toll_once``), and an inherited actor keeps the words that named it (``_earlier_names``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from rasd.clean.normalize import norm
from rasd.extract import bridge
from rasd.extract.compat import Act, answers, one_act, violent
from rasd.extract.lexicon import Lexicon, load
from rasd.extract.matcher import Hit
from rasd.extract.mentions import Mention
from rasd.extract.types import SUB_TYPES, interaction
from rasd.model import Document, Event, Place, Span


@dataclass(slots=True)
class Draft:
    """A mention with its place, country, canonical actors, date and cited sources."""

    mention: Mention
    place: Place | None
    country: str | None
    actor1: str | None
    actor2: str | None
    event_date: str | None
    time_precision: int | None
    date: object = None
    cited: list[tuple[str, Hit]] = field(default_factory=list)
    fatalities: int = 0
    target_only: bool = False  # actor1 is the target named alone (no perpetrator in the text)
    default_actor1: bool = False  # actor1 was not named in the text (a class default)
    sent_no: int = -1  # the sentence's number in the document's article text (adjacency)
    story: object = None  # the story (Segment.story) the sentence belongs to
    report_day: bool = False  # its date is the report's ("أفاد المرصد الأحد"), not told of the act itself
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # evidence outside its own words:
    # the earlier naming of an actor it inherited, the summary toll it got a share of


    def key(self) -> tuple:
        p = self.place
        where = (p.location or p.admin3 or p.admin2 or p.admin1) if p else None
        return (self.event_date, self.country, where, self.mention.sub_event_type, self.actor1, self.actor2)


def settle_place(d: Draft) -> None:
    """Make a mention's country and place agree (the one place this is enforced, before grouping): a place
    the gazetteer puts below a country's level sets the country; a bare country other than the mention's is
    not its place (a country named in a coordinated clause is an actor, a sponsor or an ally, while the
    act's own clause set the country): the place becomes the mention's country itself."""
    p = d.place
    if p is None or not p.country or p.country == d.country:
        return
    if d.country is not None and p.admin1 is None and p.admin2 is None and p.location in (None, p.country):
        d.place = bridge.country_place(d.country)
    else:
        d.country = p.country


def _toll_once(drafts: list[Draft]) -> None:
    """A toll counted once per act: a toll carried from the sentence after an act ("فيما أفاد مصدر بمقتل
    سبعة ...") that the next act of its kind states again with its own words ("... قصف مواقع ... أسفر عن
    مقتل سبعة") is that act's: the earlier act keeps none of it (nor its span)."""
    for d in drafts:
        t, m = d.mention.toll, d.mention
        if not t.value or t.start is None or t.end is None or m.sent[0] <= t.start < m.sent[1]:
            continue  # no toll, or the act's own sentence states it
        if any(e is not d and e.story == d.story and 0 <= e.mention.sent[0] - t.end < _TOLD_AGAIN
               and e.mention.event_type == m.event_type and e.mention.toll.value == t.value
               and e.mention.toll.start is not None and e.mention.sent[0] <= e.mention.toll.start < e.mention.sent[1]
               for e in drafts):
            d.mention = dataclasses.replace(m, toll=type(t)(0))


def _earlier_names(drafts: list[Draft]) -> None:
    """An actor a mention inherited from an earlier one ("وطالت الهجمات ...": no name of its own) keeps
    as evidence the words that last named that actor before its trigger, in any mention of the document."""
    named = sorted({(h.start, h.end, r.actor) for d in drafts
                    for r in (d.mention.actor1, d.mention.actor2, *d.mention.alt2) if r is not None
                    for h in (r.hit, r.named) if h is not None}, key=lambda x: (x[0], x[1]))
    for d in drafts:
        m = d.mention
        for ref, label, final in ((m.actor1, "actor1", d.actor1), (m.actor2, "actor2", d.actor2)):
            if ref is None or ref.hit is not None or not _gives(ref.actor.name, final):
                continue
            before = [(s, e) for s, e, actor in named if actor == ref.actor and s < m.trigger.start]
            if before and (*before[-1], label) not in d.spans:
                d.spans.append((*before[-1], label))


def _gives(name: str, final: str | None) -> bool:
    """The lexicon actor ``name`` (a template: "Islamic State ({country})", "{military}") can have given the
    event's actor ``final`` (a default or a swap may have replaced it)."""
    if final is None:
        return False
    if "{" not in name:
        return name == final
    if name.startswith("{"):
        return final.startswith(("Military Forces of", "Police Forces of", "International Coalition"))
    return final.startswith(name.split("{")[0])


def inter_of(name: str | None, lex: Lexicon) -> int | None:
    """The inter code of a canonical actor name (templates matched on their fixed part)."""
    if name is None:
        return None
    for a in lex.actors:
        if a.name == name:
            return a.inter
    for c in lex.countries.values():
        if name in (c.military, c.police):
            return 1
    for a in lex.actors:
        if "{country}" in a.name and name.startswith(a.name.split("{country}")[0]):
            return a.inter
    if name.startswith(("Military Forces of", "Police Forces of")):
        return 1
    return None


def _fold_summaries(drafts: list[Draft]) -> list[Draft]:
    """Drop plural summary mentions ("سلسلة هجمات") followed, in later sentences, by at least two
    mentions of the same actors (the attacks they sum up); the largest stated summary toll (a
    number before a vague one) is spread over those mentions when theirs add up to less."""
    folded: list[Draft] = []
    parts: list[Draft] = []
    for s in drafts:
        if not s.mention.plural:
            continue
        later = [d for d in drafts if 0 < d.mention.sent[0] - s.mention.sent[0] < 1500
                 and d.mention.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
                 and d.mention.cls != "take"
                 and ({d.actor1, d.actor2} == {s.actor1, s.actor2} or d.actor1 == s.actor1
                      or s.default_actor1 and d.mention.event_type == s.mention.event_type)]
        last = later[-1].mention.sent if later else None
        later = [d for d in later if not d.mention.plural or d.mention.sent == last]
        if len(later) >= 2:
            folded.append(s)
            parts.extend(d for d in later if all(d is not p for p in parts))
    if not folded:
        return drafts
    parts = [p for p in parts if all(p is not f for f in folded)]
    numeric = [f for f in folded if f.mention.toll.numeric]
    told = max(numeric or folded, key=lambda f: f.fatalities)
    extra = told.fatalities - sum(p.fatalities for p in parts)
    t = told.mention.toll
    for i in range(max(0, extra)):
        part = parts[i % len(parts)]
        part.fatalities += 1
        if t.start is not None and t.end is not None and (t.start, t.end, "fatalities") not in part.spans:
            part.spans.append((t.start, t.end, "fatalities"))  # its share of "أودت بحياة 5 عناصر"
    return [d for d in drafts if all(d is not f for f in folded)]


def _fold_partial(groups: dict[tuple, list[Draft]]) -> dict[tuple, list[Draft]]:
    """Fold a group into a fuller report of the same event in the document:
    1. a target named alone (no perpetrator) into the event where it is the target, days apart at most;
    2. a group missing the second actor, or dated only by the publication day (no date in its story), or
       whose place is not named in its sentences (or only as a governorate of the other's), into one
       with the same sub-type and actor1; shelling told in other sentences folds into an air strike
       ("هجوم صاروخي" and "الغارة" for one raid)."""

    def stated(g: list[Draft]) -> bool:
        return any(d.date is not None and d.mention.sent[0] <= d.date.start < d.mention.sent[1]  # type: ignore[attr-defined]
                   for d in g)

    def anchored(g: list[Draft]) -> bool:  # a place below the country named in the group's own sentences
        return any(d.place is not None and d.place.span is not None and d.place.admin1 is not None
                   and d.mention.sent[0] <= d.place.span.start < d.mention.sent[1] for d in g)

    def admin1(g: list[Draft]) -> str | None:
        return g[0].place.admin1 if g[0].place else None

    def fine(g: list[Draft]) -> bool:
        return any(d.place is not None and d.place.admin2 is not None for d in g)

    def days(a: str | None, b: str | None) -> int:
        if a is None or b is None:
            return 0
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)

    def sents(g: list[Draft]) -> set[tuple[int, int]]:
        return {d.mention.sent for d in g}

    keys = list(groups)
    for k in keys:
        g = groups.get(k)
        if g is None or not all(d.target_only for d in g):
            continue
        near = [o for o in keys if o != k and o in groups and o[4] is not None and o[1] == k[1]
                and SUB_TYPES[o[3]] == SUB_TYPES[k[3]] and days(o[0], k[0]) <= 3
                and not (anchored(g) and anchored(groups[o]) and o[2] != k[2])]
        for other in near:
            if other[5] == k[4]:
                groups[other].extend(groups.pop(k))
                break
        else:
            for other in near:  # "X launched attacks" + "N of Y were killed": X against Y
                if other[5] is None and other[4] != k[4]:
                    merged = groups.pop(other) + groups.pop(k)
                    for d in merged:
                        d.actor1, d.actor2 = other[4], k[4]
                    groups[other[:5] + (k[4],)] = merged
                    break
    keys = list(groups)
    for k in keys:
        if k not in groups:
            continue
        date, country, where, sub, a1, a2 = k
        g = groups[k]
        for other in keys:
            if other == k or other not in groups:
                continue
            od, oc, ow, osub, oa1, oa2 = other
            go = groups[other]
            same_sub = osub == sub or (sub == "Shelling/artillery/missile attack" and osub == "Air/drone strike"
                                       and not sents(g) & sents(go))
            unnamed = (a1 or "").startswith("Unidentified Armed Group") and oa1 is not None  # later identified
            if oc != country or (oa1 != a1 and not unnamed) or not same_sub:
                continue
            if ow != where and where is not None and anchored(g) and (
                    fine(g) or admin1(g) is not None and admin1(g) != admin1(go)):
                continue
            same_date = od == date or (_undated(g, go) and stated(go)) \
                or (not stated(g) and stated(go) and (ow == where or not anchored(g))
                    and (all(d.mention.definite for d in g) or osub != sub))
            # dated by publication only; or "الاتفاق" told again later with no date or place of its own
            if same_date and (oa2 == a2 or a2 is None):
                go.extend(groups.pop(k))
                break
    return groups


def merge(doc: Document, drafts: list[Draft]) -> list[Event]:
    """One ``Event`` per key, in text order, with every mention's evidence spans."""
    lex = load()
    for d in drafts:
        settle_place(d)
    _toll_once(drafts)
    _earlier_names(drafts)
    for d in drafts:
        d.fatalities = d.mention.toll.value
    drafts = _fold_summaries(drafts)
    groups: dict[tuple, list[Draft]] = {}
    for d in drafts:
        groups.setdefault(d.key(), []).append(d)
    groups = _fold_partial(groups)
    for k in list(groups):  # the same act told from either side ("X evacuated from Y" / "Y let X leave")
        swapped = k[:4] + (k[5], k[4])
        if k in groups and swapped != k and swapped in groups and k[5] is not None:
            groups[swapped].extend(groups.pop(k))
    groups, picks = _fold_compatible(groups, doc.text)
    told: set[int] = set()
    for group in groups.values():  # in text order: a large toll told again for another event is the same deaths
        toll = _group_fatalities(group)
        if toll >= REPEATED_TOLL and toll in told and any(d.mention.toll.numeric for d in group):
            for d in group:
                d.fatalities = 0
        told.add(toll)
    events = []
    for key, group in groups.items():
        events.append(_event(doc, key, group, lex, picks.get(key)))
    return events


def _group_fatalities(group: list[Draft]) -> int:
    """One event's toll: the largest stated figure among its mentions, else the largest vague estimate."""
    numeric = [d.fatalities for d in group if d.mention.toll.numeric or d.fatalities != d.mention.toll.value]
    return max(numeric) if numeric else max(d.fatalities for d in group)


_UNNAMED = "Unidentified Armed Group"
_TAKEN = {True: "Government regains territory", False: "Non-state actor overtakes territory"}  # by state forces?
_TOLD_AGAIN = 300  # characters from a carried toll to the next sentence that restates it
REPEATED_TOLL = 15  # a stated toll this large (above the vague 10 and 12) told for two events: one toll told twice
_NEXT_WORD = re.compile(r"\S*\s+(\S+)")


def _named(g: list[Draft]) -> set[str]:
    """The actors a group names (an unidentified attacker names no one)."""
    return {a for d in g for a in (d.actor1, d.actor2) if a is not None and not a.startswith(_UNNAMED)}


def _within(na: set[str], nb: set[str], allies: frozenset[frozenset[str]]) -> bool:
    """Every actor of ``na`` is in ``nb`` or an ally of one there ("الجنود الروس" / "القوات السورية": one side)."""
    return all(a in nb or any(frozenset((a, b)) in allies for b in nb) for a in na)


def _as_target(g: list[Draft], o: list[Draft]) -> bool:
    """A target named alone ("غارة على المواقع الحوثية") is the other side's target, not its attacker."""
    if not all(d.target_only for d in g):
        return True
    return _named(g) <= {d.actor2 for d in o} | {d.actor1 for d in o if d.target_only}


def _same_place(g: list[Draft], o: list[Draft]) -> bool:
    """Same place, or one side's place unknown (or only its country), or the other's district or province
    ("دمشق" / "الكسوة"). A group already merged is placed by its finest place: a country-level report that
    took in the strikes near one town does not take in those near another ("قرب الرمادي" / "قرب طوز
    خورماتو")."""
    a = next((d for d in g if d.place is not None and d.place.admin1 is not None), g[0])
    b = next((d for d in o if d.place is not None and d.place.admin1 is not None), o[0])
    if a.country != b.country:
        return False
    if a.place is None or b.place is None or a.place.admin1 is None or b.place.admin1 is None:
        return True  # one side's place unknown, or known only as the country
    pa, pb = a.place, b.place
    wa = pa.location or pa.admin3 or pa.admin2 or pa.admin1
    wb = pb.location or pb.admin3 or pb.admin2 or pb.admin1
    return wa == wb or pa.admin3 is None and wa in (pb.admin2, pb.admin1) \
        or pb.admin3 is None and wb in (pa.admin2, pa.admin1)  # a district itself, not its namesake town


def _same_day(g: list[Draft], o: list[Draft]) -> bool:
    """Same day, or one side told no date of its own (publication day, or the report's day)."""
    return g[0].event_date == o[0].event_date or _undated(g, o) or _undated(o, g)


def _undated(g: list[Draft], o: list[Draft]) -> bool:
    """``g`` tells no date of its own: none (publication day), or the day of its report when ``o``'s act
    falls on that day or the day before ("أفاد المرصد الأحد" / "هاجموا السبت")."""
    if all(d.date is None for d in g):
        return True
    if not all(d.date is None or d.report_day for d in g) or g[0].event_date is None or o[0].event_date is None:
        return False
    lag = (dt.date.fromisoformat(g[0].event_date) - dt.date.fromisoformat(o[0].event_date)).days
    return 0 <= lag <= 1


def _described(d: Draft, text: str) -> tuple[str, str, str, str]:
    """A mention as the compatibility table reads it: sub-type, trigger class and form, next word."""
    t = d.mention.trigger
    after = _NEXT_WORD.match(text, t.end, t.end + 40)  # past the rest of the trigger's word ("قصفاً")
    return d.mention.sub_event_type, d.mention.cls, t.form, norm(after.group(1)) if after else ""


def _listed(d: Draft, e: Draft, act: Act, text: str) -> bool:
    """Two means told in one sentence ("ضرباته الجوية وقصفه", "القصف التركي ... جراء غارة"): separate
    acts, unless the vague one is a definite noun after the precise one ("غارات ... واستهدف القصف")."""
    if d.sent_no != e.sent_no or d.mention.sub_event_type == e.mention.sub_event_type:
        return False
    vague, precise = (d, e) if not act.specific(*_described(d, text)[:2]) else (e, d)
    return not (vague.mention.definite and vague.mention.trigger.start > precise.mention.trigger.start)


def _fold_compatible(groups: dict[tuple, list[Draft]], text: str) -> tuple[dict[tuple, list[Draft]], dict[tuple, tuple]]:
    """One act told in the same or adjacent sentences of a story as compatible sub-types ("عبوة ناسفة" /
    "الهجوم"; "غارة" / "قصف", ``data/merge_compat.tsv``) or as the same sub-type with the actors swapped
    or one unidentified: same place (or one unknown), same day (or one undated), named actors of one
    side among the other's. The merged event keeps the most specific sub-type, the fullest actor pair,
    the place named in its sentence and the stated date. Returns the groups and, per merged key, the
    drafts giving (sub-type, actors, place, date)."""
    picks: dict[tuple, tuple] = {}
    act_of: dict[tuple, Act | None] = {}
    allies = load().allies
    keys = list(groups)
    for i, k in enumerate(keys):
        if k not in groups:
            continue
        for o in keys[i + 1:]:
            if o not in groups:
                continue
            g, go = groups[k], groups[o]
            if not any(d.story == e.story and d.sent_no >= 0 and abs(d.sent_no - e.sent_no) <= 1
                       for d in g for e in go):
                continue
            acts = {one_act(_described(d, text), _described(e, text)) for d in g for e in go
                    if d.mention.sub_event_type != e.mention.sub_event_type}
            if None in acts or len(acts) > 1 or not acts and not violent(k[3]):
                continue
            act = next(iter(acts), None)
            if act is not None and act.apart and any(_listed(d, e, act, text) for d in g for e in go):
                continue
            if act is not None and act.together and not any(d.sent_no == e.sent_no for d in g for e in go):
                continue  # a takeover and a fight told apart may be two acts (two fronts)
            if any(answers(text[x.mention.sent[0]:x.mention.trigger.start]) for x in go):
                continue  # "ورد الحوثيون بـ...": the other side's answer is another act
            na, nb = _named(g), _named(go)
            if not (_within(na, nb, allies) or _within(nb, na, allies)) or not _as_target(g, go) or not _as_target(go, g) \
                    or not _same_place(g, go) or not _same_day(g, go):
                continue
            merged = g + groups.pop(o)
            groups[k] = merged
            act_of[k] = act = act or act_of.get(k) or act_of.get(o)
            picks[k] = _picks(merged, act)
    return groups, picks


def _picks(group: list[Draft], act: Act | None) -> tuple[Draft, Draft, Draft, Draft]:
    """The drafts giving a merged event its sub-type (most specific), actors (most named, perpetrator
    named in the text), place (named in its sentence, finest) and date (stated)."""
    def anchored(d: Draft) -> bool:
        return d.place is not None and d.place.span is not None and d.mention.sent[0] <= d.place.span.start < d.mention.sent[1]

    kind = min(group, key=lambda d: act.rank(d.mention.sub_event_type)) if act is not None \
        and all(d.mention.sub_event_type in act.order for d in group) else group[0]
    actors = max(group, key=lambda d: (len(_named([d])), not d.default_actor1 and not d.target_only, d is kind))
    place = max(group, key=lambda d: (d.place is not None and d.place.admin1 is not None, anchored(d),
                                      d.place is not None and d.place.admin2 is not None,
                                      d.place is not None and d.place.admin3 is not None, d is kind))
    date = next((d for d in group if d.date is not None), group[0])
    return kind, actors, place, date


def _span(doc: Document, start: int, end: int, label: str) -> Span:
    if not (0 <= start <= end <= len(doc.text)):
        raise ValueError(f"span ({start}, {end}) outside document {doc.id}")
    return Span(start, end, label, doc.text[start:end])


def _event(doc: Document, key: tuple, group: list[Draft], lex: Lexicon,
           picks: tuple[Draft, Draft, Draft, Draft] | None = None) -> Event:
    kind, first, placed, dated = picks or (group[0],) * 4
    m = kind.mention
    spans: list[Span] = []
    for d in group:
        dm = d.mention
        spans.append(_span(doc, dm.sent[0], dm.sent[1], "sentence"))
        spans.append(_span(doc, dm.trigger.start, dm.trigger.end, "trigger"))
        alone = "actor1" if d.target_only and d.actor1 == first.actor1 else "actor2"  # the side named alone leads
        for ref, label in ((dm.actor1, "actor1"), (dm.actor2, alone)):
            if ref is not None and ref.hit is not None:
                spans.append(_span(doc, ref.hit.start, ref.hit.end, label))
        if d.place is not None and d.place.span is not None:
            spans.append(_span(doc, d.place.span.start, d.place.span.end, "place"))
        if dm.toll.start is not None and dm.toll.end is not None and dm.toll.value:
            spans.append(_span(doc, dm.toll.start, dm.toll.end, "fatalities"))
        if d.date is not None:
            spans.append(_span(doc, d.date.start, d.date.end, "date"))  # type: ignore[attr-defined]
        for _source, h in d.cited:
            spans.append(_span(doc, h.start, h.end, "source"))
        spans.extend(_span(doc, start, end, label) for start, end, label in d.spans)
    seen: set[tuple[int, int, str]] = set()
    spans = [s for s in spans if (s.start, s.end, s.label) not in seen and not seen.add((s.start, s.end, s.label))]
    fatalities = _group_fatalities(group)
    cited = [name for d in group for name, _h in d.cited]
    source = "; ".join(dict.fromkeys([x for x in [doc.source, *cited] if x])) or None
    inter1, inter2 = inter_of(first.actor1, lex), inter_of(first.actor2, lex)
    sub = m.sub_event_type
    takers = {inter_of(d.actor1, lex) for d in group if not d.target_only and d.mention.cls == "take"}
    if sub in _TAKEN.values() and takers and takers <= {1, 2, 3, 4}:  # who took it, by the final actors
        sub = _TAKEN[1 in takers]
    p = placed.place
    where = (p.location if p else None) or placed.country or "unknown place"
    note = (f"{sub} ({m.event_type}): {first.actor1 or 'unknown actor'}"
            f"{' vs ' + first.actor2 if first.actor2 else ''} in {where}; {fatalities} fatalit{'y' if fatalities == 1 else 'ies'}")
    if any(d.mention.unconfirmed for d in group):
        note += "; unconfirmed claim"
    ev = Event(
        doc_id=doc.id, event_type=m.event_type, sub_event_type=sub,
        actor1=first.actor1, inter1=inter1, actor2=first.actor2, inter2=inter2,
        interaction=interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if (first.actor2 or "").startswith("Civilians") else None,
        country=placed.country,
        admin1=p.admin1 if p else None, admin2=p.admin2 if p else None, admin3=p.admin3 if p else None,
        location=p.location if p else None, location_ar=p.location_ar if p else None,
        latitude=p.latitude if p else None, longitude=p.longitude if p else None,
        geo_precision=p.geo_precision if p else None,
        event_date=dated.event_date, time_precision=dated.time_precision, fatalities=fatalities,
        source=source, notes=note, evidence=doc.text[m.sent[0]:m.sent[1]], evidence_spans=spans,
        published=doc.published,
    )
    ev.id = hashlib.sha1(f"{doc.id}|{key!r}".encode()).hexdigest()
    ev.doc_ids = [doc.id]
    return ev
