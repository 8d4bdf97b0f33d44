"""Actors of one event mention and their roles: which named actor did it (actor1) and to whom
(actor2), from the words around each actor in the sentence ("شن X هجوماً على Y", "استهدف X Y",
"مقتل 5 من عناصر Y", "غارات روسية"), then defaults by event class (unnamed gunmen, civilians)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.extract.lexicon import Actor, ActorAlias, Lexicon
from rasd.extract.matcher import Hit

_AGENT_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:شن|شنت|شنوا|شنه|شنها|نفذ|نفذت|نفذه|نفذها|نفذوا|قام|قامت|اقدم|اقدمت|تبني|تبنت|تبناه|"
    r"من قبل|برصاص|بنيران|نيران|علي يد|علي ايدي|بواسطه|يد|يشنها|تشنها|ارتكبها|ارتكبه|ارتكب|ارتكبت|"
    r"اطلقها|اطلقتها|بقياده)(?:\s+\S+){0,3}\s*$"
)
_TARGET_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:علي|ضد|استهدف|استهدفت|استهدفوا|استهدفه|استهدفها|صفوف|مواقع|موقع|مقر|مقرات|نقاط|حواجز|"
    r"تجمعات|معاقل|اهداف|تعرضت|تعرض|تعرضوا|قياديا|قيادي|جنود|ضباط|الي|لصالح|مخيم|مقرا|مستودعات|منصات|قواعد|قاعده|دوريه|رتلا|رتل)\s+(?:من\s+)?$"
)
_SPEAKER_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:باسم|مصادر|مصدر|ناطق|بيان|اعلام|"
                             r"قال|قالت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اعلن|اعلنت|اوضح|اوضحت|ل?وسائل|"
                             r"(?:مصادر|مصدر|اخري)\s+(?:\S+\s+)?تابعه)"
                             r"(?:\s+(?:في|من|عن|ل|تابعه|مقرب|مقربه))?\s+[لب]?$")
_RESUMED = re.compile(r"\s*(?:\S+\s+)?[وف]?ب?(?:انه|انها|انهم)\s")  # "قال الجيش إنه استعاد": the speaker acted
_CONTROL_BEFORE = re.compile(r"(?:(?:التي|الذي)\s+(?:ت|ي)سيطر\s+(?:عليها|عليه)|الخاضعه\s+لسيطره|الخاضع\s+لسيطره|"
                             r"تحت\s+سيطره|مناطق\s+سيطره|معاقل|معقل|لسيطره)\s*[\"']?\s*$")  # who holds a place, not who acts
_AGENT_NEAR = re.compile(r"(?:^|\s)[وف]?(?:برصاص|بنيران|نيران|قبل|يد|ايدي|بواسطه|شنه|شنها|شنته|نفذه|نفذها|نفذته|"
                         r"ارتكبه|ارتكبها|ارتكبته|اطلقها|اطلقته)\s+$")  # the perpetrator, even next to a death
_SOURCE_BEFORE = re.compile(r"(?:^|\s)من\s+(?:مواقع|مناطق\s+سيطره|مناطق|مراكز|نقاط)\s+$")
_ADJ_GAP = re.compile(r"^\s*(?:\S+\s+)?$")  # "غارات روسية", "هجمات جوية روسية"
_COMPLEMENTIZER = re.compile(r"(?:^|\s)[وف]?ب?(?:ان|انه|انها)\s")
_SUBJECT_AFTER_THAT = re.compile(r"(?:^|\s)[وف]?ب?ان\s+$")  # "قالت مصادر إن طائرات روسية قصفت": the subject
_PASSIVE_DEATH = re.compile(r"^(?:قتلوا|قتل|قتلا|لقي|لقوا|لقيت|قضوا|سقطوا|اصيب|اصيبوا|اصيبت)")  # "أربعة عناصر أمن قتلوا"
_VICTIM_WINDOW = 40  # normalised characters after a killed word in which an actor is the victim
_VSO_GAP = re.compile(r"^\s*(?:(?!(?:علي|ضد|في|من|الي|عن|مع|بين|ضمن|داخل|قرب|نحو|باتجاه)\s)\S+\s+)?$")
_SUPPORTER_BEFORE = re.compile(r"(?:تدعمها|يدعمها|تدعمه|يدعمه|المدعومه من|المدعوم من|المدعومين من|بدعم من|بدعم|"
                               r"الموالية ل|الموالين ل|الموالي ل|حليفه|حلفاء|بالتعاون مع|بمساندة|بمساعده)\s*\S*\s*$")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor: ``actor`` from the lexicon and the hit that named it (None for defaults)."""

    actor: Actor
    hit: Hit | None


def usable_actor_hits(hits: list[Hit], named: set[str], trigger_ends: list[int], norm: str) -> list[Hit]:
    """Actor hits that may count: anaphors only when their actor is named elsewhere in the
    document, adjectives only right after a trigger."""
    out = []
    for i, h in enumerate(hits):
        alias: ActorAlias = h.payload  # type: ignore[assignment]
        if "{" in alias.actor.name and alias.actor.kind == "state" and i + 1 < len(hits) \
                and 0 <= hits[i + 1].nstart - h.nend <= 3 and "{" not in hits[i + 1].payload.actor.name \
                and not hits[i + 1].payload.adjective:  # type: ignore[attr-defined]
            continue  # "مقاتلات التحالف": the generic noun belongs to the named actor after it
        if alias.anaphor and alias.actor.name not in named:
            continue
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
        if _SUPPORTER_BEFORE.search(before) or _CONTROL_BEFORE.search(before):
            continue
        if _SOURCE_BEFORE.search(before) or _AGENT_NEAR.search(before):
            tiers["agent"].append(h)  # "من مواقع قوات الأسد": fired from its positions
            continue
        announces = h.nend <= trigger.nstart <= h.nend + 45 \
            and not _COMPLEMENTIZER.search(norm[h.nend:trigger.nstart])  # "أعلن الأمن العام، اليوم، اعتقال ..."
        if _SPEAKER_BEFORE.search(before) and not alias.adjective:
            own = norm[trigger.nend:trigger.nend + 1] in ("ه",) or trigger.form.split()[0].endswith(("ته", "تها"))
            resumed = announces or own and h.nend <= trigger.nstart or _RESUMED.match(norm[h.nend:h.nend + 16])
            # the speaker did it: "قال الجيش إنه استعاد", "قال الجيش إن ضرباته ..."
            tiers["agent" if resumed else "speaker"].append(h)
        elif alias.adjective or (gap is not None and _VSO_GAP.match(gap) and alias.actor.kind != "civilians"
                                 and trigger.payload.cls != "arrest"):  # type: ignore[attr-defined]
            tiers["agent"].append(h)
        elif trigger.payload.cls == "arrest" and h.nstart >= trigger.nend:  # type: ignore[attr-defined]
            tiers["target"].append(h)  # "القبض على عشرات من عناصر داعش": who was taken
        elif any(0 <= word_start - k.nend <= _VICTIM_WINDOW for k in killed) \
                or any(0 <= k.nstart - h.nend <= 24 and _PASSIVE_DEATH.match(k.form) for k in killed):
            tiers["victim"].append(h)
        elif _TARGET_BEFORE.search(before):
            tiers["target"].append(h)
        elif _AGENT_BEFORE.search(before) or _SUBJECT_AFTER_THAT.search(before) and h.nend <= trigger.nstart \
                and alias.actor.kind != "civilians":
            tiers["agent"].append(h)
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
        return "Military Forces of Saudi Arabia (2015-)" if country == "Yemen" else \
            "International Coalition Against the Islamic State"
    return name.replace("{country}", country)
