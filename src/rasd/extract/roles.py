"""Actors of one event mention and their roles: which named actor did it (actor1) and to whom
(actor2), from the words around each actor in the sentence ("شن X هجوماً على Y", "استهدف X Y",
"مقتل 5 من عناصر Y", "غارات روسية"), then defaults by event class (unnamed gunmen, civilians)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.extract.lexicon import DATA, Actor, ActorAlias, Lexicon, named_patterns
from rasd.extract.matcher import Hit

_NAMES = ("agent_before", "target_before", "speaker_before", "resumed", "control_before", "agent_near",
          "source_before", "adj_gap", "complementizer", "subject_after_that", "passive_death", "vso_gap",
          "supporter_before", "own_suffix_after", "own_suffix_trigger", "aimed", "target_of")
_P = named_patterns(DATA / "roles_patterns.tsv", _NAMES)
_AGENT_BEFORE, _TARGET_BEFORE, _SPEAKER_BEFORE, _RESUMED, _CONTROL_BEFORE, _AGENT_NEAR, _SOURCE_BEFORE, \
    _ADJ_GAP, _COMPLEMENTIZER, _SUBJECT_AFTER_THAT, _PASSIVE_DEATH, _VSO_GAP, _SUPPORTER_BEFORE, \
    _OWN_AFTER, _OWN_TRIGGER, _AIMED, _TARGET_OF = (_P[n] for n in _NAMES)
_COORD = re.compile(r"\s*و\s*$")  # "مقاتلات التحالف و الجيش اليمني": two actors, not one name
_PART_OF = re.compile(r"\s+من\s+$")  # "مسلحين من تنظيم الدولة": some of the actor named next
_VICTIM_WINDOW = 40  # normalised characters after a killed word in which an actor is the victim
_ANNOUNCE_WINDOW = 60  # normalised characters from a speaker to the act it announces ("أعلن الأمن العام اعتقال")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor: ``actor`` from the lexicon and the hit that named it (None for defaults and for an
    actor carried over from an earlier mention); ``named``: for a carried actor, the hit that named it in
    the earlier mention, kept even when that mention never became an event."""

    actor: Actor
    hit: Hit | None
    named: Hit | None = None


def usable_actor_hits(hits: list[Hit], named: set[str], trigger_ends: list[int], norm: str) -> list[Hit]:
    """Actor hits that may count: anaphors only when their actor is named elsewhere in the
    document, adjectives only right after a trigger."""
    out = []
    for i, h in enumerate(hits):
        alias: ActorAlias = h.payload  # type: ignore[assignment]
        if "{" in alias.actor.name and alias.actor.kind == "state" and i + 1 < len(hits) \
                and 0 <= hits[i + 1].nstart - h.nend <= 3 and not _COORD.match(norm[h.nend:hits[i + 1].nstart]) \
                and "{" not in hits[i + 1].payload.actor.name \
                and not hits[i + 1].payload.adjective:  # type: ignore[attr-defined]
            continue  # "مقاتلات التحالف": the generic noun belongs to the named actor after it
        if alias.anaphor and alias.actor.name not in named:
            continue
        if alias.actor.kind == "unidentified" and i + 1 < len(hits) and _PART_OF.match(norm[h.nend:hits[i + 1].nstart]) \
                and hits[i + 1].payload.actor.kind in ("state", "group") \
                and (not hits[i + 1].payload.anaphor or hits[i + 1].payload.actor.name in named):  # type: ignore[attr-defined]
            continue  # "14 مسلحا من قوات النظام السوري": fighters of the named actor
        if alias.adjective and not any(_ADJ_GAP.match(norm[e:h.nstart]) for e in trigger_ends if e <= h.nstart):
            continue
        out.append(h)
    return out


def assign(norm: str, trigger: Hit, actors: list[Hit], killed: list[Hit],
           clause: tuple[int, int] | None = None) -> tuple[ActorRef | None, list[ActorRef]]:
    """(actor1, candidates for actor2, best first) among the sentence's actor hits, for the mention
    whose trigger is ``trigger``. actor1: a perpetrator (after شن/برصاص, right after a verb trigger),
    else a named actor with no role marker, else a speaker. actor2: victims and targets, the trigger's
    clause first."""
    def in_clause(h: Hit) -> bool:
        return clause is None or clause[0] <= h.start < clause[1]

    tiers: dict[str, list[Hit]] = {"agent": [], "rest": [], "victim": [], "target": [], "speaker": []}
    for h in actors:
        alias: ActorAlias = h.payload  # type: ignore[assignment]
        if h.nstart < trigger.nend and h.nend > trigger.nstart:
            tiers["rest"].append(h)  # the trigger word itself names the actor ("المتظاهرين")
            continue
        word_start = h.nstart
        while word_start > 0 and norm[word_start - 1].isalnum():
            word_start -= 1
        before = norm[max(0, word_start - 60):word_start]
        gap = norm[trigger.nend:word_start] if word_start >= trigger.nend else None
        if _CONTROL_BEFORE.search(before):
            continue
        if _SUPPORTER_BEFORE.search(before):
            if (alias.actor.air or alias.actor.name == "{coalition}") and trigger.payload.cls == "air":  # type: ignore[attr-defined]
                tiers["agent"].append(h)  # "بإسناد من طيران التحالف الذي استهدف بعدة غارات": its jets struck
            continue
        if _SOURCE_BEFORE.search(before) or _AGENT_NEAR.search(before):
            tiers["agent"].append(h)  # "من مواقع قوات الأسد": fired from its positions
            continue
        announces = h.nend <= trigger.nstart <= h.nend + _ANNOUNCE_WINDOW \
            and not _COMPLEMENTIZER.search(norm[h.nend:trigger.nstart])  # "أعلن الأمن العام، اليوم، اعتقال ..."
        if _SPEAKER_BEFORE.search(before) and not alias.adjective:
            own = _OWN_AFTER.match(norm[trigger.nend:trigger.nend + 1]) or _OWN_TRIGGER.search(trigger.form.split()[0])
            resumed = announces or own and h.nend <= trigger.nstart or _RESUMED.match(norm[h.nend:h.nend + 16])
            # the speaker did it: "قال الجيش إنه استعاد", "قال الجيش إن ضرباته ..."
            tiers["agent" if resumed else "speaker"].append(h)
        elif alias.adjective and _AIMED.search(norm[trigger.nstart:h.nstart]):
            tiers["target"].append(h)  # "الهجوم على القنصلية الأمريكية": the target's nationality
        elif alias.adjective or (gap is not None and _VSO_GAP.match(gap) and alias.actor.kind != "civilians"
                                 and trigger.payload.cls != "arrest"):  # type: ignore[attr-defined]
            tiers["agent"].append(h)
        elif trigger.payload.cls == "arrest" and h.nstart >= trigger.nend:  # type: ignore[attr-defined]
            tiers["target"].append(h)  # "القبض على عشرات من عناصر داعش": who was taken
        elif any(0 <= word_start - k.nend <= _VICTIM_WINDOW and not _beyond_act(norm, k, trigger, word_start)
                 for k in killed) \
                or any(0 <= k.nstart - h.nend <= 24 and _PASSIVE_DEATH.match(k.form) for k in killed):
            tiers["victim"].append(h)
        elif _TARGET_BEFORE.search(before) or norm[word_start:h.nstart].endswith("ل") and _TARGET_OF.search(before):
            tiers["target"].append(h)  # "مواقع تمركز للحوثيين": whose positions were hit
        elif _AGENT_BEFORE.search(before) or _SUBJECT_AFTER_THAT.search(before) and h.nend <= trigger.nstart \
                and alias.actor.kind != "civilians":
            tiers["agent"].append(h)
        elif alias.actor.kind == "civilians" and gap is not None and _VSO_GAP.match(gap) \
                and trigger.payload.cls not in ("protest", "riot"):  # type: ignore[attr-defined]
            tiers["target"].append(h)  # "جرى قصف مستشفى ولادة": the object of the act
        else:
            tiers["rest"].append(h)

    def first(hs: list[Hit]) -> Hit | None:
        return min(hs, key=lambda h: not in_clause(h), default=None)

    def nearest(hs: list[Hit]) -> Hit | None:
        return min(hs, key=lambda h: (not in_clause(h), abs(h.nstart - trigger.nstart)), default=None)

    a1 = nearest(tiers["agent"]) or first([h for h in tiers["rest"] if h.payload.actor.kind != "civilians"])  # type: ignore[attr-defined]
    victims = tiers["victim"] + tiers["target"]
    if a1 is None and any(h.payload.actor.kind == "civilians" for h in victims):  # type: ignore[attr-defined]
        # civilians were hit: the armed actor named as a target is the one who fired
        a1 = first([h for h in victims if h.payload.actor.kind in ("state", "group")])  # type: ignore[attr-defined]
    order = {"victim": 0, "target": 1, "rest": 2, "agent": 3}
    cands = [(not in_clause(h), order[t], h) for t in order for h in tiers[t] if h is not a1
             and (t != "rest" or a1 is not None)]
    cands.sort(key=lambda c: (c[0], c[1]))
    seen = {a1.payload.actor.name} if a1 else set()  # type: ignore[attr-defined]
    second: list[ActorRef] = []
    for _c, _o, h in cands:
        if h.payload.actor.name not in seen:  # type: ignore[attr-defined]
            seen.add(h.payload.actor.name)  # type: ignore[attr-defined]
            second.append(ActorRef(h.payload.actor, h))  # type: ignore[attr-defined]
    return (ActorRef(a1.payload.actor, a1) if a1 else None), second  # type: ignore[attr-defined]


def _beyond_act(norm: str, k: Hit, trigger: Hit, word_start: int) -> bool:
    """The actor follows the act, which follows the killed word across a clause break ("قتل مسلحان ... وأصيب
    أربعة آخرون، في هجوم شنته اليوم المقاومة الشعبية"): it is the act's, not among the dead."""
    return k.nend <= trigger.nstart < word_start and any(c in norm[k.nend:trigger.nstart] for c in "،,؛")


def actor_named(lex: Lexicon, name: str) -> Actor:
    """The lexicon actor with this (template) name."""
    for a in lex.actors:
        if a.name == name:
            return a
    raise KeyError(name)


def canonical(actor: Actor, country: str | None, lex: Lexicon) -> str | None:
    """Fill the country template of an actor's name; None when the country is needed but unknown."""
    name = actor.name
    if "{" not in name:
        return name
    if country is None and name != "{coalition}":
        return None
    c = lex.countries.get(country)
    if name == "{military}":
        return c.military if c else f"Military Forces of {country}"
    if name == "{police}":
        return c.police if c else f"Police Forces of {country}"
    if name == "{coalition}":
        return "Military Forces of Saudi Arabia (2015-)" if country in ("Yemen", "Saudi Arabia") else \
            "International Coalition Against the Islamic State"
    return name.replace("{country}", country)
