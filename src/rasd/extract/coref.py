"""Actors across sentences: demonstratives ("تلك القوات"), a perpetrator carried over from the previous
event, the group said to be behind the attacks, generic words and nationalities resolved to names."""

from __future__ import annotations

import dataclasses
import re

from rasd.extract import roles
from rasd.extract.lexicon import Actor, Lexicon
from rasd.extract.matcher import Hit
from rasd.extract.mentions import Mention
from rasd.extract.roles import ActorRef


def resolve_previous(hits: list[Hit]) -> list[Hit]:
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


def _carried(ref: ActorRef) -> ActorRef:
    """``ref`` carried to a later mention: no hit of its own, the words that named it kept as ``named``."""
    return ActorRef(ref.actor, None, ref.hit or ref.named)


def inherit(m: Mention, prev: Mention) -> None:
    """A mention with no named perpetrator continues the previous one ("وطالت الهجمات ...") when
    its target, if any, is one of the previous mention's actors. A carried actor keeps the words that
    named it (``ActorRef.named``), so the event can show them even when the earlier mention is no event."""
    if m.actor1 is not None and prev.actor1 is not None and m.actor2 is None and prev.actor2 is not None \
            and m.actor1.actor.name == prev.actor1.actor.name and m.cls == prev.cls:
        m.actor2 = _carried(prev.actor2)  # the same side goes on against the same opponent
        return
    if m.actor1 is not None or prev.actor1 is None:
        return
    names = {r.actor.name for r in (prev.actor1, prev.actor2) if r is not None}
    if m.actor2 is None or m.actor2.actor.name in names:
        m.actor1 = _carried(prev.actor1)
        if m.actor2 is None and prev.actor2 is not None:
            m.actor2 = _carried(prev.actor2)
        if m.actor2 is not None and m.actor2.actor.name == m.actor1.actor.name:
            m.actor2 = _carried(prev.actor2) if prev.actor2 is not None else None


def actor_name(ref: ActorRef, norm: str, lex: Lexicon, country: str | None, main_group: Actor | None = None) -> str | None:
    """The canonical name of an actor reference; a generic or anaphoric state force followed by a
    nationality is that country's force; "المسلحين" in a document about a named group is that group."""
    if ref.hit is not None and ref.hit.payload.generic and main_group is not None:  # type: ignore[attr-defined]
        return roles.canonical(main_group, country, lex)
    own = own_country(ref, norm, lex)
    if own is not None and "{" not in ref.actor.name:
        c = lex.countries.get(own)
        return c.military if c else ref.actor.name
    return roles.canonical(ref.actor, own or country, lex)


def own_country(ref: ActorRef, norm: str, lex: Lexicon) -> str | None:
    """A state-forces noun followed by a nationality ("جنود اسرائيليين", "النظام الإيراني") belongs to
    that country; so does a home force whose name ends in one ("قوات الجيش اليمني")."""
    if ref.hit is None or ref.actor.kind != "state":
        return None
    if not ("{" in ref.actor.name or ref.hit.payload.anaphor):  # a name holding its nationality ("الجيش اليمني")
        if ref.actor.air:
            return None  # a force that strikes abroad ("القوات السعودية") tells no place of its acts
        last = ref.hit.form.split()[-1]
        return lex.demonyms.get(last[2:] if last.startswith("ال") else last) if len(ref.hit.form.split()) > 1 else None
    nxt = re.findall(r"\w+", norm[ref.hit.nend:ref.hit.nend + 24])
    if not nxt:
        return None
    word = nxt[0][2:] if nxt[0].startswith("ال") else nxt[0]
    return lex.demonyms.get(word)


def responsible_group(hits: list[Hit], named: set[str]) -> Actor | None:
    """The armed group the document says is behind its attacks ("داعش يقف وراء الاعتداء", "نسب إلى
    حزب العمال الكردستاني"): a named group next to a responsibility cue."""
    cues = [h for h in hits if h.kind == "cue" and h.payload == "responsibility"]
    for c in cues:
        near = [h for h in hits if h.kind == "actor" and abs(h.nstart - c.nstart) <= 40
                and h.payload.actor.kind == "group" and h.payload.actor.name in named]  # type: ignore[attr-defined]
        if near:
            return min(near, key=lambda h: abs(h.nstart - c.nstart)).payload.actor  # type: ignore[attr-defined]
    return None
