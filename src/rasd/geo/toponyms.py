"""Find place names in normalised Arabic text with one Aho-Corasick pass over all gazetteer keys.

A match counts only at word boundaries: before it, nothing or proclitics (و ف ب ل ك, لل for
ل + ال); after it, a non-letter. Overlaps keep the longest name. Entries whose name is also a
common word or personal name (``Entry.cue``) need a place cue word before them; any name right
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
    return not entry.cue or bool(ctx.place_cue)


def find_toponyms(text: str, gaz: Gazetteer) -> list[Mention]:
    """All place mentions in ``text`` (already normalised with rasd.clean.normalize)."""
    found: list[Mention] = []
    n = len(text)
    for end_idx, (key, skip) in gaz.automaton.iter(text):
        raw_start = end_idx - len(key) + 1  # "لل" + key[2:] is as long as the key
        mstart = raw_start + skip
        end = end_idx + 1
        if end < n and _is_word(text[end]):
            continue
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
