"""Event mentions of one sentence: triggers grouped by clause, stance and background filters
(threats, plans, denials, negation, "وكان … قد", old years), classification by ACLED's
distinctions, actors and roles, and the sentence's death toll."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasd.extract import roles
from rasd.extract.fatalities import SIGNIFICANT, Toll, sentence_toll
from rasd.extract.lexicon import Lexicon, Trigger
from rasd.extract.matcher import Hit
from rasd.extract.roles import ActorRef
from rasd.extract.types import SUB_TYPES

STANCE = frozenset({"plan", "condemn", "conditional"})  # block triggers shortly after them
SENTENCE_STANCE = frozenset({"threat", "warning", "call", "denial"})  # block every later trigger
_NO_CIVILIANS = frozenset({"agree", "take", "evac", "withdraw", "protest", "riot", "disrupt", "loot", "base", "clash"})
_STANCE_WINDOW = 48  # normalised characters before a trigger in which a stance cue blocks it
_NEG_WINDOW = 10
_MODAL = re.compile(r"(?:^|\s)(?:قد|لن|لم|كي|لكي|حتي|ان) [يتن]\S*\s*$|(?:^|\s)قد\s*$")
_RELATIVE = re.compile(r"(?:^|\s)(?:التي|الذي|الذين|اللذين|اللتين)\s+(?:(?:سبق|كان|كانت|كانوا|له|لها|لهم|و)\s*)*[وف]?$")
_CLAUSE_CUT = re.compile(r"[،؛;,:]|\s(?=(?:بعد|عقب|اثر|إثر|فيما|بينما|حيث|في حين)\s)")
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
    toll: Toll = field(default_factory=lambda: Toll(0))
    plural: bool = False
    unconfirmed: bool = False
    weak: bool = False


def clauses(text: str, s: int, e: int, triggers: list[Hit], norm: str) -> list[tuple[int, int]]:
    cuts = {m.start() for m in _CLAUSE_CUT.finditer(text, s, e)}
    for t in triggers:
        ws = t.nstart
        while ws > 0 and norm[ws - 1].isalnum():
            ws -= 1
        if norm[ws:t.nstart].startswith("و") and t.start > s + 1:
            cuts.add(t.start - (t.nstart - ws))
    bounds = [s, *sorted(c for c in cuts if s < c < e), e]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def blocked(norm: str, trigger: Hit, cues: list[Hit]) -> bool:
    """A trigger under a threat, plan, warning, call, denial, condemnation, condition or negation."""
    for c in cues:
        if c.nend > trigger.nstart:
            continue
        d = trigger.nstart - c.nend
        if c.payload in SENTENCE_STANCE:
            return True
        if c.payload in STANCE and d <= _STANCE_WINDOW:
            return True
        if c.payload == "negation" and d <= _NEG_WINDOW:
            return True
    before = norm[max(0, trigger.nstart - 30):trigger.nstart]
    if trigger.payload.cls in ("take", "agree") and _RELATIVE.search(before):  # type: ignore[attr-defined]
        return True  # "التي تسيطر عليها", "الذي سبق له وسيطر": a description, not an act
    if trigger.payload.cls == "arrest" and norm[trigger.nend:trigger.nend + 1] in ("ه", "ي"):  # type: ignore[attr-defined]
        return True  # "بعد توقيفه": an arrest already told
    return bool(_MODAL.search(norm[max(0, trigger.nstart - 20):trigger.nstart]))


_BARE_SHELL = frozenset({"قصف", "قصفت", "قصفوا", "يقصف", "قصفا"})


def _pick(triggers: list[Hit], killed: bool) -> list[Hit]:
    classes = {t.payload.cls for t in triggers}  # type: ignore[attr-defined]
    drop: set[str] = {"attack", "clash"} if killed and "protest" in classes else set()
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
    if "judicial" in kinds:
        return []
    live = [t for t in triggers if not blocked(norm, t, cues)]
    if "air" not in kinds and not any(t.payload.cls == "shell" for t in triggers):  # type: ignore[attr-defined]
        live = [t for t in live if t.payload.cls != "disrupt"]  # type: ignore[attr-defined]
    if not live:
        return []
    actors = roles.usable_actor_hits([h for h in hits if h.kind == "actor"], named, [t.nend for t in triggers])
    killed = [c for c in cues if c.payload in ("killed", "injured")]  # their nouns are victims
    out: list[Mention] = []
    for cs, ce in clauses(text, sent[0], sent[1], live, norm):
        in_clause = [t for t in live if cs <= t.start < ce]
        clause_kinds = {c.payload for c in cues if cs <= c.start < ce}
        for t in _pick(in_clause, "killed" in kinds):
            trig: Trigger = t.payload  # type: ignore[assignment]
            m = Mention(sent, (cs, ce), t, trig.cls, trig.event_type, trig.sub_event_type, weak=trig.weak)
            usable = actors
            if trig.cls in _NO_CIVILIANS:
                usable = [a for a in actors if a.payload.actor.kind != "civilians"]  # type: ignore[attr-defined]
            m.actor1, m.actor2 = roles.assign(norm, t, usable, killed)
            m.plural = any(c.payload == "plural" and abs(c.nstart - t.nstart) <= 12 for c in cues)
            m.unconfirmed = "unconfirmed" in kinds
            _classify(m, kinds, clause_kinds)
            out.append(m)
    if out:
        first = out[0]
        first.toll = sentence_toll(text, [c for c in cues if c.payload in ("killed", "injured", "vague", "singular")],
                                   numbers, first.cls in SIGNIFICANT or first.plural)
    return out


def _set(m: Mention, sub: str) -> None:
    m.sub_event_type = sub
    m.event_type = SUB_TYPES[sub]


def _classify(m: Mention, kinds: set[str], clause_kinds: set[str]) -> None:
    """ACLED's distinctions: air strike vs shelling, attack on civilians vs clash, who took territory."""
    a1 = m.actor1.actor if m.actor1 else None
    a2 = m.actor2.actor if m.actor2 else None
    if (m.cls == "shell" and m.trigger.form in _BARE_SHELL or m.cls == "attack") and "air" in clause_kinds:
        _set(m, "Air/drone strike")
    elif m.cls == "attack" and a1 is not None and a1.air:
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
        if "killed" in kinds and a1 is not None and a1.kind in ("state", "group"):
            _set(m, "Excessive force against protesters")
            m.actor2 = None  # filled with Protesters (country) by the caller
        elif "intervention" in kinds:
            _set(m, "Protest with intervention")
    elif m.cls == "disrupt":  # an intercepted strike is coded as the strike, on the interceptor
        _set(m, "Air/drone strike")
        m.actor1, m.actor2 = None, m.actor1 or m.actor2
