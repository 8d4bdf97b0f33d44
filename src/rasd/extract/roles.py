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
    r"تجمعات|معاقل|اهداف|قياديا|قيادي|جنود|ضباط|الي|لصالح|مخيم|مقرا|مستودعات|منصات|قواعد|قاعده|دوريه|رتلا|رتل)\s+(?:من\s+)?$"
)
_SPEAKER_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:باسم|مصادر|مصدر|مسؤول|مسؤولون|مسؤولين|قيادي|قياديون|ناطق|بيان|اعلام|"
                             r"قال|قالت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|اعلن|اعلنت|اوضح|اوضحت|تابعه|تابعة|ل?وسائل)"
                             r"(?:\s+(?:في|من|عن|ل|تابعه|تابعة|مقرب|مقربه))?\s+[لب]?$")
_VICTIM_WINDOW = 40  # normalised characters after a killed word in which an actor is the victim
_VSO_GAP = re.compile(r"^\s*(?:(?!(?:علي|ضد|في|من|الي|عن|مع|بين|ضمن|داخل|قرب|نحو|باتجاه)\s)\S+\s+)?$")
_SUPPORTER_BEFORE = re.compile(r"(?:تدعمها|يدعمها|تدعمه|يدعمه|المدعومه من|المدعوم من|المدعومين من|بدعم من|بدعم|"
                               r"الموالية ل|الموالين ل|الموالي ل|حليفه|حلفاء|بالتعاون مع|بمساندة|بمساعده)\s*\S*\s*$")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor: ``actor`` from the lexicon and the hit that named it (None for defaults)."""

    actor: Actor
    hit: Hit | None


def usable_actor_hits(hits: list[Hit], named: set[str], trigger_ends: list[int]) -> list[Hit]:
    """Actor hits that may count: anaphors only when their actor is named elsewhere in the
    document, adjectives only right after a trigger."""
    out = []
    for h in hits:
        alias: ActorAlias = h.payload  # type: ignore[assignment]
        if alias.anaphor and alias.actor.name not in named:
            continue
        if alias.adjective and not any(0 <= h.nstart - e <= 24 for e in trigger_ends):
            continue
        out.append(h)
    return out


def assign(norm: str, trigger: Hit, actors: list[Hit], killed: list[Hit]) -> tuple[ActorRef | None, ActorRef | None]:
    """(actor1, actor2) among the sentence's actor hits, for the mention whose trigger is ``trigger``."""
    agents: list[Hit] = []
    speakers: list[Hit] = []
    victims: list[Hit] = []
    targets: list[Hit] = []
    rest: list[Hit] = []
    for h in actors:
        alias: ActorAlias = h.payload  # type: ignore[assignment]
        before = norm[max(0, h.nstart - 60):h.nstart]
        word_start = h.nstart
        while word_start > 0 and norm[word_start - 1].isalnum():
            word_start -= 1
        before = norm[max(0, word_start - 60):word_start]
        gap = norm[trigger.nend:word_start] if word_start >= trigger.nend else None
        victim = any(0 <= word_start - k.nend <= _VICTIM_WINDOW for k in killed)
        if _SUPPORTER_BEFORE.search(before):
            continue
        if _SPEAKER_BEFORE.search(before) and not alias.adjective:
            speakers.append(h)
            continue
        if alias.adjective or (gap is not None and _VSO_GAP.match(gap) and alias.actor.kind not in ("civilians",)
                               and trigger.payload.cls not in ("arrest",)):  # type: ignore[attr-defined]
            agents.append(h)
        elif victim:
            victims.append(h)
        elif _TARGET_BEFORE.search(before):
            targets.append(h)
        elif _AGENT_BEFORE.search(before):
            agents.append(h)
        else:
            rest.append(h)
    ordered = agents + rest + victims + targets + speakers
    seen: set[str] = set()
    uniq: list[Hit] = []
    for h in ordered:
        name = h.payload.actor.name  # type: ignore[attr-defined]
        if name not in seen:
            seen.add(name)
            uniq.append(h)
    a1: Hit | None = None
    a2: Hit | None = None
    for h in uniq:
        kind = h.payload.actor.kind  # type: ignore[attr-defined]
        if a1 is None and (h in agents or ((h in rest or h in speakers) and kind not in ("civilians",))):
            a1 = h
        elif a2 is None and h is not a1 and h not in speakers and (h in victims or h in targets or a1 is not None):
            a2 = h
    if a2 is None:
        a2 = next((h for h in victims + targets if h is not a1), None)
    if a1 is None and a2 is None and uniq:
        a2 = uniq[0]
    return (ActorRef(a1.payload.actor, a1) if a1 else None,  # type: ignore[attr-defined]
            ActorRef(a2.payload.actor, a2) if a2 else None)  # type: ignore[attr-defined]


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
    if country is None:
        return None
    c = lex.countries.get(country)
    if name == "{military}":
        return c.military if c else f"Military Forces of {country}"
    if name == "{police}":
        return c.police if c else f"Police Forces of {country}"
    return name.replace("{country}", country)
