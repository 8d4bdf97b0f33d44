"""Find place names in normalised Arabic text with one Aho-Corasick pass over all gazetteer keys.

A match counts only at word boundaries: before it, nothing or proclitics (و ف ب ل ك, لل for
ل + ال); after it, a non-letter. Overlaps keep the longest name. Entries whose name is also a
common word or personal name (``Entry.cue``) need a naming noun (قرية، حي، بلدة) right before them; any name right
after a person title (أبو، الشيخ، اللواء …) is dropped. ``find_toponyms(norm_text, gaz)`` →
``list[Mention]`` in text order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.geo.context import Context, read_context
from rasd.geo.gazetteer import Entry, Gazetteer

PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
LIL_PREFIXES = frozenset({"", "و", "ف"})


@dataclass(slots=True)
class Mention:
    """A place name in the normalised text: ``[start, end)`` covers the name without clitics."""

    start: int
    end: int
    key: str
    prefix: str
    context: Context
    candidates: list[Entry] = field(default_factory=list)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _allowed(entry: Entry, ctx: Context) -> bool:
    if not entry.cue:
        return True
    if entry.kind == "c_capital":  # واشنطن: a place after في or ب, else its government
        return bool(ctx.naming or ctx.weak)
    return ctx.naming


def find_toponyms(text: str, gaz: Gazetteer) -> list[Mention]:
    """All place mentions in ``text`` (already normalised with rasd.clean.normalize)."""
    found: list[Mention] = []
    n = len(text)
    hits = []
    glued: dict[int, int] = {}  # start → end of names glued to a following word or number (دير الزور24)
    for end_idx, (key, skip) in gaz.automaton.iter(text):
        raw_start = end_idx - len(key) + 1  # "لل" + key[2:] is as long as the key
        if end_idx + 1 < n and _is_word(text[end_idx + 1]):
            glued[raw_start] = max(glued.get(raw_start, 0), end_idx + 1)
            continue
        hits.append((raw_start, end_idx + 1, key, skip))
    for raw_start, end, key, skip in hits:
        if glued.get(raw_start, 0) > end:
            continue  # the start of a longer name that is glued to what follows: not this shorter name
        mstart = raw_start + skip
        j = raw_start
        while j > 0 and _is_word(text[j - 1]):
            j -= 1
        prefix = text[j:raw_start]
        if prefix not in (LIL_PREFIXES if skip else PREFIXES):
            continue
        prefix += "ل" * skip
        ctx = read_context(text, mstart, end, prefix)
        if ctx.person:
            continue
        cands = [e for e in gaz.lookup(key) if _allowed(e, ctx)]
        if cands:
            found.append(Mention(mstart, end, key, prefix, ctx, cands))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[tuple[int, int]] = []
    kept = []
    for m in found:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept
