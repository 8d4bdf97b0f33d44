"""Event mentions of one sentence: triggers grouped by clause, stance and background filters
(threats, plans, denials, negation, "وكان … قد", old years), classification by ACLED's
distinctions, actors and roles, and the sentence's death toll."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rasd.clean.patterns import load_patterns
from rasd.errors import KnowledgeError
from rasd.extract import roles
from rasd.extract.fatalities import MAX_EVENT_TOLL, SIGNIFICANT, Toll, sentence_toll, tally_start
from rasd.extract.lexicon import DATA, Lexicon, Trigger, named_words
from rasd.extract.matcher import Hit
from rasd.extract.roles import ActorRef
from rasd.extract.types import SUB_TYPES

STANCE = frozenset({"plan", "conditional"})  # block triggers shortly after them (a condemned act is real)
SENTENCE_STANCE = frozenset({"threat", "warning", "call", "denial", "opinion"})  # block every later trigger
_NO_CIVILIANS = frozenset({"agree", "take", "evac", "withdraw", "protest", "riot", "disrupt", "loot", "base", "clash"})
_STANCE_WINDOW = 48  # normalised characters before a trigger in which a stance cue blocks it
_NEG_WINDOW = 10
_PATTERN_NAMES = ("modal", "relative", "weapon_store", "arms", "not_territory", "led_to", "relative_loose",
                  "take_object", "displayed", "court_place", "attempt", "stopped", "negated_start", "launched",
                  "gunfire", "held_by", "not_march", "on_prep", "charged")
_PATTERNS = load_patterns(Path(str(resources.files("rasd") / "data" / "mention_patterns.tsv")), _PATTERN_NAMES)
for _name in _PATTERN_NAMES:
    if len(_PATTERNS.by_kind[_name]) != 1:
        raise KnowledgeError(_PATTERNS.path, None, f"pattern {_name!r} must appear exactly once")
_MODAL, _RELATIVE, _WEAPON_STORE, _ARMS, _NOT_TERRITORY, _LED_TO, _RELATIVE_LOOSE, _TAKE_OBJECT, _DISPLAYED, \
    _COURT_PLACE, _ATTEMPT, _STOPPED, _NEGATED_START, _LAUNCHED, _GUNFIRE, _HELD_BY, _NOT_MARCH, _ON_PREP, \
    _CHARGED = (
    _PATTERNS.by_kind[n][0].regex for n in _PATTERN_NAMES)
_WORDS = named_words(DATA / "mention_words.tsv", ("clause_cut", "assassination", "air_words", "bare_shell"),
                     raw=frozenset({"clause_cut"}))
_CLAUSE_CUT = re.compile(r"[،؛;,:]|\s(?=(?:" + "|".join(map(re.escape, _WORDS["clause_cut"])) + r")\s)")
_SPECIFIC = frozenset({"air", "shell", "ied", "suicide", "grenade", "chem", "attack_civ", "abduct", "clash", "sexual"})
_FAMILY_DROP = {  # class present in a clause → classes it absorbs there
    "suicide": {"ied", "attack", "clash"},
    "chem": {"air", "shell", "attack", "ied"},
    "grenade": {"ied", "attack"},
    "air": {"attack"},
    "shell": {"attack"},
    "ied": {"attack"},
    "attack_civ": {"attack", "clash"},
    "abduct": {"attack"},
    "clash": {"attack"},
    "sexual": {"attack"},
}


@dataclass(slots=True)
class Mention:
    """One event mention before merging: its sentence, clause and the parts found there."""

    sent: tuple[int, int]
    clause: tuple[int, int]
    trigger: Hit
    cls: str
    event_type: str
    sub_event_type: str
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    alt2: list[ActorRef] = field(default_factory=list)  # further candidates for actor2, best first
    toll: Toll = field(default_factory=lambda: Toll(0))
    tallied: bool = False  # its sentence told deaths only as a total (people died, the figure is not its toll)
    plural: bool = False
    unconfirmed: bool = False
    weak: bool = False
    rioters: bool = False  # protesters turned rioters: actor1 becomes Rioters (country)
    definite: bool = False  # the trigger noun carries the article ("الاتفاق"): it may refer back


def clauses(text: str, s: int, e: int, triggers: list[Hit], norm: str) -> list[tuple[int, int]]:
    cuts = {m.start() for m in _CLAUSE_CUT.finditer(text, s, e)}
    for t in triggers:
        ws = t.nstart
        while ws > 0 and norm[ws - 1].isalnum():
            ws -= 1
        if norm[ws:t.nstart].startswith("و") and t.start > s + 1:
            cuts.add(t.start - (t.nstart - ws))
    bounds = [s, *sorted(c for c in cuts if s < c < e), e]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def blocked(norm: str, trigger: Hit, cues: list[Hit], sent_start: int = -10) -> bool:
    """A trigger under a threat, plan, warning, call, denial, condemnation, condition or negation."""
    for c in cues:
        if c.payload == "denial":
            return True  # a denial anywhere in the sentence ("... قال المتحدث: لا علم لي بذلك")
        if c.nstart >= trigger.nstart:
            continue
        d = max(0, trigger.nstart - c.nend)
        if c.payload in SENTENCE_STANCE:
            return True
        if c.payload in STANCE and d <= _STANCE_WINDOW:
            return True
        if c.payload == "negation" and d <= _NEG_WINDOW:
            return True
    before = norm[max(0, trigger.nstart - 30):trigger.nstart]
    trig: Trigger = trigger.payload  # type: ignore[assignment]
    if any(c.payload == "plan" and 0 <= c.nstart - trigger.nend <= 24 and not _ATTEMPT.match(c.form) for c in cues):
        return True  # "هجوم الحكومة المتوقع": an expected act
    if (trig.cls == "protest" and trig.weak or trig.cls == "agree") and _RELATIVE_LOOSE.search(before):
        return True  # "البصرة التي شهدت مؤخرا احتجاجات", "قرية زينون، التي شهدت توقيع اتفاق": a description
    if _CHARGED.search(before):
        return True  # "شاب متهم باغتصاب وقتل فتاة": an act named as a charge
    if (trig.cls in ("take", "agree") or trig.weak) and _RELATIVE.search(before):
        return True  # "التي تسيطر عليها", "الذي سبق له وسيطر": a description, not an act
    suffix = norm[trigger.nend:trigger.nend + 1]
    if trig.cls == "arrest" and suffix in ("ه", "ي"):
        return True  # "بعد توقيفه": an arrest already told
    if trig.cls in ("shell", "ied") and _WEAPON_STORE.search(before):
        return True  # "منصات صواريخ", "مستودعات قذائف": weapons as objects, not fired
    if trig.cls in ("shell", "ied", "air", "chem") and _ARMS.search(norm[max(0, trigger.nstart - 64):trigger.nstart]):
        return True  # "تزويد الحوثيين بالصواريخ", "برنامج الصواريخ": arms supplied or developed, not fired
    if trig.cls in ("take", "arrest") and norm[max(0, trigger.nstart - 1):trigger.nstart] == "ل" \
            and not _LED_TO.search(norm[max(0, trigger.nstart - 14):trigger.nstart - 1]):
        return True  # "لاستعادة", "للقبض على": an aim, not an act (but "أدت لاعتقال" is one)
    if trig.cls == "take" and _HELD_BY.match(norm[trigger.nend:trigger.nend + 10]):
        return True  # "مواقع سيطر عليها المتشددون": who holds a place, not a takeover
    if trig.cls == "protest" and _NOT_MARCH.search(before):
        return True  # "الطائرات المسيرة" (drones), "تلفزيون المسيرة" (a channel): not a march
    on = _ON_PREP.search(norm[trigger.nend:trigger.nend + 160])
    if trig.cls == "take" and on and _NOT_TERRITORY.match(norm[trigger.nend + on.start():trigger.nend + on.end() + 30]):
        return True  # "سيطرت على طائرة مسيرة", "السيطرة على الحريق": an object or a fire, not territory
    if trig.cls == "take" and _TAKE_OBJECT.match(norm[trigger.nend:trigger.nend + 40]):
        return True  # "استعاد كميات من الأسلحة", "استعادة جثث": an object or people regained, not territory
    if trig.cls in ("shell", "ied", "air", "chem") and _DISPLAYED.search(norm[max(0, sent_start):trigger.nstart]):
        return True  # "وظهرت في الصور التي نشرها داعش طائرة بدون طيار": a weapon shown, not used
    if trig.cls == "take" and suffix == "ه" and not trigger.form.endswith("ه"):
        return True  # "سيطرة"/"سيطرته" (ة folds to ه): the noun "control", a state, not an act
    if trig.cls == "arrest" and _STOPPED.match(norm[trigger.nend:trigger.nend + 30]):
        return True  # "أوقفت إسرائيل دخول بضائع": an activity stopped, no one arrested
    if sent_start >= 0 and _NEGATED_START.match(norm[sent_start:sent_start + 8]):
        return True  # "ولم يتسن إدخال ...": the sentence is negated (the cue may be a longer one)
    if any(c.payload == "negation" and c.nstart <= sent_start + 3 for c in cues):
        return True  # "ولم يذكر المصدر ...", "لم تسجل اشتباكات": the sentence is negated
    return bool(_MODAL.search(norm[max(0, trigger.nstart - 20):trigger.nstart]))


_NO_TOLL = frozenset({"agree", "arrest", "evac", "loot", "disrupt", "base", "withdraw"})  # acts that kill no one
_ASSASSINATION = frozenset(_WORDS["assassination"])
_AIR_WORDS = frozenset(_WORDS["air_words"])  # "by air", not an aircraft hit
_BARE_SHELL = frozenset(_WORDS["bare_shell"])


def _norm_start(norm: str, hits: list[Hit], triggers: list[Hit]) -> int:
    """Normalised offset where the sentence starts (just after the previous sentence end or newline)."""
    i = min(h.nstart for h in hits) if hits else 0
    while i > 0 and norm[i - 1] not in ".!?؟\n":
        i -= 1
    while i < len(norm) and norm[i] in " \"'":
        i += 1
    return i


_STRIKE_GAP = 64  # normalised characters from "غارات" to the "قصفت" whose subject they are
_OBJECT_GAP = 16  # normalised characters from "قصف" to the strikes it counts ("قصف أربع غارات")
_ARTILLERY = ("مدفع", "بالمدفع", "هاون", "بقذائف", "قذائف", "راجمات")


def _strikes_shelled(live: list[Hit], actors: list[Hit], norm: str) -> list[Hit]:
    """A bare shelling word that tells what the air strikes did ("خمس غارات قرب الرمادي قصفت وحدات
    تكتيكية", "13 غارة جوية ... وقصفت وحدات", "فضلا عن قصف أربع غارات لمراكز") is the strikes' act,
    not a second one by artillery: dropped. A named shooter or artillery after the verb ("وقصفت
    المدفعية", "وقصفت قوات النظام") keeps it."""
    airs = [t for t in live if t.payload.cls == "air"]  # type: ignore[attr-defined]
    if not airs:
        return live
    out = []
    for t in live:
        if t.payload.cls == "shell" and t.form in _BARE_SHELL:  # type: ignore[attr-defined]
            after = norm[t.nend:t.nend + 24].split()
            own = bool(after) and after[0].startswith(_ARTILLERY) or any(0 <= a.nstart - t.nend <= 3 for a in actors)
            verb = t.form == "قصفت" and not own and any(
                0 <= t.nstart - a.nend <= _STRIKE_GAP
                and not any(a.nend <= o.nstart and o.nend <= t.nstart and o is not a for o in live) for a in airs)
            counts = t.form == "قصف" and any(0 <= a.nstart - t.nend <= _OBJECT_GAP for a in airs)
            if verb or counts:
                continue
        out.append(t)
    return out


_AIRCRAFT = ("طايره", "طايرات", "مسيره", "مسيرات")
_FIRED_GAP = 14  # normalised characters from "صاروخ" to the aircraft it was fired at ("صاروخا الجمعة على طائرة")


def _fired_at_aircraft(live: list[Hit], norm: str) -> list[tuple[Hit, Hit]]:
    """A missile fired at an aircraft ("أطلق صاروخ باتريوت على طائرة بدون طيار"، "أطلقت إسرائيل صاروخا
    الجمعة على طائرة بدون طيار اقتربت من الجولان"): (missile, aircraft) pairs. The missile's act is a
    disrupted weapons use by whoever fired it, the aircraft its object, not a strike."""
    out = []
    for t in live:
        if t.payload.cls != "shell":  # type: ignore[attr-defined]
            continue
        for a in live:
            gap = norm[t.nend:a.nstart]
            if a.payload.cls == "air" and a.form.startswith(_AIRCRAFT) and 0 <= a.nstart - t.nend <= _FIRED_GAP + 12 \
                    and re.search(r"(?:^|\s)(?:علي|باتجاه|نحو)\s+$", gap) and len(gap) <= _FIRED_GAP + 8:  # type: ignore[attr-defined]
                out.append((t, a))
                break
    return out


def _pick(triggers: list[Hit], protesters_killed: bool) -> list[Hit]:
    classes = {t.payload.cls for t in triggers}  # type: ignore[attr-defined]
    drop: set[str] = {"attack", "clash"} if protesters_killed and "protest" in classes else set()
    for c in classes:
        drop |= _FAMILY_DROP.get(c, set())
    best: dict[str, Hit] = {}
    for t in triggers:
        trig: Trigger = t.payload  # type: ignore[assignment]
        if trig.cls in drop:
            continue
        old = best.get(trig.cls)
        if old is None or (old.payload.weak, -(old.nend - old.nstart)) > (trig.weak, -(t.nend - t.nstart)):  # type: ignore[attr-defined]
            best[trig.cls] = t
    return sorted(best.values(), key=lambda h: h.start)


def sentence_mentions(text: str, norm: str, sent: tuple[int, int], hits: list[Hit], numbers: list,
                      named: set[str], lex: Lexicon) -> list[Mention]:
    """Mentions of one sentence (``hits``: every lexicon hit inside it, in order)."""
    triggers = [h for h in hits if h.kind == "trigger"]
    cues = [h for h in hits if h.kind == "cue"]
    kinds = {c.payload for c in cues}
    if any(c.payload == "judicial" and not _COURT_PLACE.search(norm[max(0, c.nstart - 12):c.nstart]) for c in cues):
        return []  # courts and charges; but "اقتحام مبنى المحكمة": the court is where it happened
    ns = _norm_start(norm, hits, triggers)
    idioms = [c for c in cues if c.payload == "idiom"]  # "فض الاشتباك", "هجوم لاذع": not acts of violence
    live = [t for t in triggers if not blocked(norm, t, cues, ns)
            and not any(i.start <= t.start < i.end or t.start <= i.start < t.end for i in idioms)]
    if "air" not in kinds and not any(t.payload.cls == "shell" for t in triggers):  # type: ignore[attr-defined]
        live = [t for t in live if t.payload.cls != "disrupt"]  # type: ignore[attr-defined]
    if not live:
        return []
    sources = [h for h in hits if h.kind == "source"]
    actors = [h for h in hits if h.kind == "actor" and not any(x.start <= h.start < x.end for x in sources)]
    live = _strikes_shelled(live, actors, norm)
    fired_at = _fired_at_aircraft(live, norm)
    live = [t for t in live if all(t is not a for _m, a in fired_at)]
    actors = roles.usable_actor_hits(actors, named, [t.nend for t in triggers], norm)
    killed = [c for c in cues if c.payload in ("killed", "injured")]  # their nouns are victims
    out: list[Mention] = []
    for cs, ce in clauses(text, sent[0], sent[1], live, norm):
        in_clause = [t for t in live if cs <= t.start < ce]
        clause_kinds = {c.payload for c in cues if cs <= c.start < ce}
        protesters = any(a.payload.actor.kind == "protesters" for a in actors)  # type: ignore[attr-defined]
        for t in _pick(in_clause, "killed" in kinds and protesters):
            trig: Trigger = t.payload  # type: ignore[assignment]
            m = Mention(sent, (cs, ce), t, trig.cls, trig.event_type, trig.sub_event_type, weak=trig.weak,
                        definite=norm[max(0, t.nstart - 2):t.nstart] == "ال")
            usable = actors
            if trig.cls in _NO_CIVILIANS:
                usable = [a for a in usable if a.payload.actor.kind != "civilians"]  # type: ignore[attr-defined]
            elif trig.cls in ("abduct", "attack_civ"):  # victims of a one-sided act are civilians when named
                civ = [a for a in usable if a.payload.actor.kind == "civilians"]  # type: ignore[attr-defined]
                usable = [a for a in usable if a.payload.actor.kind != "civilians"][:1] + civ[:1] if civ else usable  # type: ignore[attr-defined]
            m.actor1, second = roles.assign(norm, t, usable, killed, (cs, ce))
            m.actor2, m.alt2 = (second[0], second[1:]) if second else (None, [])
            m.plural = any(c.payload == "plural" and abs(c.nstart - t.nstart) <= 12 for c in cues)
            m.unconfirmed = "unconfirmed" in kinds
            violent = any(x.payload.cls in ("attack", "clash", "shell") for x in triggers)  # type: ignore[attr-defined]
            air_after = any(c.payload == "air" and c.form in _AIR_WORDS and 0 <= c.nstart - t.nend <= 30 for c in cues)
            _classify(m, kinds, clause_kinds, violent, air_after, norm)
            if any(t is x for x, _a in fired_at):
                _set(m, "Disrupted weapons use")  # "أطلق صاروخ باتريوت على طائرة بدون طيار": shot down
                m.weak = False  # the aircraft it was fired at makes the missile word an act
            if m.cls == "attack" and m.sub_event_type == "Attack" and not kinds & {"killed", "injured"} \
                    and trig.form not in _ASSASSINATION:
                continue  # an "attack" on civilians that harmed no one is too vague to code
            out.append(m)
    if any(m.rioters for m in out):  # protesters who fought: the riot is the event
        out = [m for m in out if not (m.cls == "protest" and m.sub_event_type == "Peaceful protest")]
    if any(m.cls == "abduct" for m in out):  # a raid to abduct: the abduction is the event
        out = [m for m in out if not (m.cls == "attack" and m.sub_event_type == "Attack")]
    violent = [m for m in out if m.cls not in _NO_TOLL
               and not (m.cls == "protest" and m.sub_event_type != "Excessive force against protesters")]
    tally = tally_start(text, sent[0], sent[1], cues)
    if tally is not None:  # a total over days or a war: what it sums up is not one event, its figure no toll
        cut, running = tally
        out = [m for m in out if m.trigger.start < cut]
        violent = [m for m in violent if m.trigger.start < cut]
        for m in violent:
            m.tallied = True
        before = [t.end for t in triggers if t.start < cut]  # the figures after the last act told are the total's
        bound = cut if running or not before else min(cut, max(before))
        cues = [c for c in cues if c.start < bound]
        numbers = [n for n in numbers if n.start < bound]
    if violent:  # the sentence's toll goes to the violent mention whose trigger is nearest the first killed word
        out_all, out = out, violent
        first = out[0]
        toll = sentence_toll(text, [c for c in cues if c.payload in ("killed", "injured", "vague", "singular")],
                             numbers, first.cls in SIGNIFICANT or first.plural)
        dead = [c for c in cues if c.payload == "killed"]
        if toll.value and dead:
            first = min(out, key=lambda m: (abs(m.trigger.start - dead[0].start), m.trigger.start))
            if toll.numeric is False:
                toll = sentence_toll(text, [c for c in cues if c.payload in ("killed", "injured", "vague", "singular")],
                                     numbers, first.cls in SIGNIFICANT or first.plural)
        first.toll = toll if toll.value < MAX_EVENT_TOLL else Toll(0)  # thousands: a war's total
        out = out_all
    return out


def _set(m: Mention, sub: str) -> None:
    m.sub_event_type = sub
    m.event_type = SUB_TYPES[sub]


def _classify(m: Mention, kinds: set[str], clause_kinds: set[str], violent: bool, air_after: bool = False,
              norm: str = "") -> None:
    """ACLED's distinctions: air strike vs shelling, attack on civilians vs clash, who took territory."""
    a1 = m.actor1.actor if m.actor1 else None
    a2 = m.actor2.actor if m.actor2 else None
    if m.cls == "shell" and m.trigger.form in _BARE_SHELL and "air" in clause_kinds or m.cls == "attack" and air_after:
        _set(m, "Air/drone strike")
    elif m.cls in ("attack", "clash") and "protesters" in {a.kind for a in (a1, a2) if a is not None}:
        _set(m, "Violent demonstration")  # protesters fighting the police: a riot
        m.rioters = True
    elif m.cls == "attack" and a1 is not None and a1.air and not _GUNFIRE.search(m.trigger.form):
        _set(m, "Air/drone strike")
    elif m.cls == "ied" and "thrown" in kinds:
        _set(m, "Grenade")
    elif m.cls in ("attack", "clash") and a2 is not None and a2.kind == "civilians":
        _set(m, "Attack")
    elif m.cls == "attack" and a2 is not None and a2.kind != "civilians" and m.sub_event_type == "Attack":
        _set(m, "Armed clash")
    elif m.cls == "take":
        if "peaceful" in kinds:
            _set(m, "Non-violent transfer of territory")
        elif a1 is not None and a1.kind == "state" and a1.inter == 1:
            _set(m, "Government regains territory")
        elif a1 is not None:
            _set(m, "Non-state actor overtakes territory")
    elif m.cls == "protest":
        if "killed" in clause_kinds and violent and a1 is not None and a1.kind in ("state", "group"):
            _set(m, "Excessive force against protesters")
            m.actor2 = None  # filled with Protesters (country) by the caller
        elif "violent" in clause_kinds:
            _set(m, "Violent demonstration")  # "متظاهرين كانوا يرشقون حقل الزبير بالحجارة": a riot
            m.rioters, m.weak = True, False  # the violent act names what happened: no weak protest word
        elif "intervention" in kinds:
            _set(m, "Protest with intervention")
    elif m.cls == "disrupt":  # an intercepted strike is coded as the strike: launcher on interceptor
        _set(m, "Air/drone strike" if "air" in clause_kinds else "Shelling/artillery/missile attack")
        refs = [r for r in [m.actor1, m.actor2, *m.alt2] if r is not None and r.hit is not None]
        launcher = [r for r in refs if _LAUNCHED.search(norm[max(0, r.hit.nstart - 30):r.hit.nstart])]
        others = [r for r in refs if r not in launcher]
        m.actor1 = launcher[0] if launcher else None
        m.actor2 = others[0] if others else None
        m.alt2 = []
