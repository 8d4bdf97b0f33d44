"""Make the match keys of an Arabic place name: normalised, with its spelling variants.

Match keys of Arabic place names: normalise a name and add its systematic spelling variants
(prefix words such as مركز/ناحية dropped, البوكمال/البو كمال/أبو كمال, the article on admin names)."""

from __future__ import annotations

import re

from rasd.clean.normalize import norm
from rasd.geo.context import load_cues

_KURDISH = re.compile(r"[ەۆێڕڵڤپچژگ]")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z0-9]")
_NON_ARABIC = re.compile(r"[^\u0621-\u064a ]")
# name_keys reads two cue kinds of gazetteer_cues.tsv: ``glue_head`` (first words news glues to the next:
# كفرنبل، معرةالنعمان، تلرفعت) and ``type_prefix`` (type words stripped off a name's front: مركز X)


def name_keys(name: str, admin: bool = False, strip: bool = True) -> list[str]:
    """Normalised match keys of one Arabic name (empty for non-Arabic or Kurdish-script names).

    Compounds with a common head (كفر نبل) also get their glued form (كفرنبل), and a final alef its
    alef-maqsura spelling (سوا / سوى). ``admin=True`` also adds the article form of a one-word name (عشارة → العشارة) or of a name whose
    adjective has it (غارية الشرقية → الغارية الشرقية), as gazetteers often drop the article news uses.
    """
    if not name or not _ARABIC.search(name) or _KURDISH.search(name) or _LATIN.search(name):
        return []
    parts = [p for p in re.split(r"[/،,]", name) if p.strip()]
    if len(parts) > 1:
        return sorted({k for p in parts for k in name_keys(p, admin, strip)})
    n = norm(re.sub(r"\(.*?\)", " ", name))
    n = " ".join(_NON_ARABIC.sub(" ", n).split())
    out = {n}
    cues = load_cues()
    for p in sorted(w + " " for w in cues["type_prefix"]) if strip else ():
        if n.startswith(p) and len(n) > len(p) + 2:
            out = {n[len(p):]}  # the type word (محافظة، مدينة) is read as a cue, not as part of the name
    for k in list(out):
        if k.startswith("البو") and len(k) > 5:
            rest = k[4:].strip()
            out.update({"البو" + rest, "البو " + rest, "ابو " + rest})
        words = k.split(" ")
        if len(words) == 2 and words[0] in cues["glue_head"] and not words[1].startswith("ال"):
            out.add(words[0] + words[1])
        if k.endswith("ا") and len(words[-1]) > 2:
            out.add(k[:-1] + "ي")  # final alef written as alef maqsura (بيت سوا / بيت سوى)
        elif k.endswith("ي") and name.rstrip().endswith("ى") and len(words[-1]) > 2:
            out.add(k[:-1] + "ا")
        # the article news adds: عشارة → العشارة; غارية الشرقية → الغارية الشرقية (the adjective is definite)
        if admin and not k.startswith("ال") and (len(words) == 1 or words[-1].startswith("ال")):
            out.add("ال" + k)
    return sorted(k for k in out if len(k.replace(" ", "")) >= 3)
