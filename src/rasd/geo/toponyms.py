"""Find place names in normalised Arabic text with one Aho-Corasick pass over all gazetteer keys.

A match counts only at word boundaries: before it, nothing or proclitics (و ف ب ل ك, لل for
ل + ال); after it, a non-letter. Overlaps keep the longest name. A name that is also a common
word or personal name (``Entry.cue``) counts after a naming noun (قرية، حي، بلدة); after a
locative word (في، قرب، منطقة) it is only *conditional*, as is any small village named without a
naming noun: the disambiguator keeps a conditional reading only when the document's other places
support it. Fixed phrases (على الأقل) are not names. Any name right after a person title, first name or verb of saying is dropped.
``find_toponyms(norm_text, gaz)`` → ``list[Mention]`` in text order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasd.geo.context import Context, load_cues, may_be_named, read_context
from rasd.geo.gazetteer import Entry, Gazetteer
from rasd.nlp.tokens import load_clitics


@lru_cache(maxsize=1)
def _prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """Proclitic runs allowed before a name, and before لل (``data/clitics.tsv``); "" always is."""
    c = load_clitics()
    return frozenset({"", *c["proclitic_run"]}), frozenset({"", *c["before_lil"]})


@dataclass(slots=True)
class Mention:
    """A place name in the normalised text: ``[start, end)`` covers the name without clitics."""

    start: int
    end: int
    key: str
    prefix: str
    context: Context
    candidates: list[Entry] = field(default_factory=list)
    conditional: frozenset[int] = frozenset()  # idx of candidates kept only if the document supports them
    regions: int = 0  # how many governorates the name's readings span before any pruning (> 1: ambiguous)
    strict: bool = False  # conditional readings need district-level support (see disambiguate.prune_conditional)


@lru_cache(maxsize=1)
def _phrases() -> dict[str, tuple[str, ...]]:
    """First word → fixed phrases that start with a place name but are not places (على الأقل)."""
    out: dict[str, list[str]] = {}
    for ph in load_cues()["phrase"]:
        out.setdefault(ph.split(" ")[0], []).append(ph)
    return {k: tuple(v) for k, v in out.items()}


SMALL_KINDS = {"town", "village", "landmark", "neighbourhood"}


def _locative(ctx: Context) -> bool:
    return bool(ctx.weak or ctx.place_cue or ctx.near or ctx.outskirts or ctx.direction or ctx.rural
                or ctx.landmark or ctx.coord)


HOME = ("Syria", "Iraq")
# sites a foreign power holds or runs: a country adjective after their name is the owner, not the country
# they lie in (قاعدة حميميم الروسية في سوريا، السفارة الأمريكية)
OWNED_KINDS = frozenset({"airbase", "base", "airport", "camp", "prison", "oilfield", "gasfield", "plant", "refinery"})


def owned(entry: Entry, ctx: Context) -> bool:
    """The adjective after the name names the site's owner (قاعدة حميميم الروسية), not its country."""
    return entry.kind in OWNED_KINDS or bool(ctx.landmark)


def _status(entry: Entry, ctx: Context, key: str = "", locative: bool | None = None) -> str:
    """"ok", "conditional" (needs support from the document's other places) or "no". ``locative``:
    ``_locative(ctx)`` when the caller has it already."""
    if locative is None:
        locative = _locative(ctx)
    if ctx.affiliation and (entry.kind == "country" or entry.country not in HOME or key in load_cues()["seat"]):
        return "no"  # الميليشيات التابعة لإيران، الموالية لدمشق: a sponsor or a government, not a place
    if ctx.nisba and entry.country != ctx.nisba and entry.kind != "country" and not owned(entry, ctx):
        return "no"  # السفيرة الأمريكية: the adjective names another country than this reading's
    if ctx.adjectival and entry.kind not in ("admin1", "country", "c_admin1", "region", "c_region") \
            and entry.src != "curated":
        return "no"  # الوضع القائم، الطبقة الوسطى: a definite noun and its adjective
    if entry.cue:
        if entry.kind == "c_capital":  # واشنطن: a place after في or ب, else its government
            return "ok" if ctx.naming or ctx.weak else "no"
        if ctx.naming:
            return "ok"
        return "conditional" if locative and entry.cue == 1 else "no"
    if entry.kind in SMALL_KINDS and entry.pop < 20000 and entry.src != "curated" and not ctx.naming:
        return "conditional"  # a village named without قرية/بلدة must sit among the document's places
    return "ok"


BIG_KINDS = {"admin1", "admin2", "country", "c_admin1", "c_capital"}


def _shadow(entries: list[Entry], ctx: Context, status: dict[int, str]) -> None:
    """A governorate's or district's name said bare means that unit (or its town), not a village of
    the same name elsewhere (القنيطرة is not حي القنيطرة in Dar'a): without a naming noun, small
    readings outside the big readings' governorates are dropped."""
    if ctx.naming:
        return
    big = {e.adm1 or e.id for e in entries if e.kind in BIG_KINDS or (e.kind == "c_city" and e.pop >= 100000)}
    if not big:
        return
    for e in entries:
        if e.kind in SMALL_KINDS and e.adm1 not in big and e.src != "curated":
            status[e.idx] = "no"


@lru_cache(maxsize=2)
def _key_phrases(gaz: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Key → the fixed phrases that start with its first word (على → على الأقل …), for keys that have any."""
    phrases = _phrases()
    return {k: phrases[w] for k in gaz.by_key if (w := k.split(" ", 1)[0]) in phrases}


@lru_cache(maxsize=2)
def _naming_only(gaz: Gazetteer) -> frozenset[str]:
    """Keys all of whose readings are very common words (``cue == 2``, no capital): ``_status`` says "no"
    to every one of them unless a naming noun comes right before."""
    return frozenset(k for k in gaz.by_key if all(e.cue == 2 and e.kind != "c_capital" for e in gaz.lookup(k)))


def find_toponyms(text: str, gaz: Gazetteer) -> list[Mention]:
    """All place mentions in ``text`` (already normalised with rasd.clean.normalize). Hashtag
    underscores count as spaces (#مطار_التيفور), which keeps every offset.

    Overlaps keep the longest name (ties: the first): the hits are tried longest first, and a hit
    that overlaps a name already kept is dropped before its context is read.
    """
    text = text.replace("_", " ")
    n = len(text)
    hits = []
    needs_naming = _naming_only(gaz)
    prefixes, lil_prefixes = _prefixes()
    glued: dict[int, int] = {}  # start → end of names glued to a following word or number (دير الزور24)
    for end_idx, (key, skip, size) in gaz.automaton.iter(text):
        end = end_idx + 1
        raw_start = end - size  # "لل" + key[2:] is as long as the key
        if end < n and text[end].isalnum():
            glued[raw_start] = end  # hits come in order of their end: the last one is the longest
            continue
        if raw_start and text[raw_start - 1].isalnum():
            # the word's proclitics: at most two letters (three read means too many)
            j = raw_start - 1
            low = raw_start - 3
            while j > low and j > 0 and text[j - 1].isalnum():
                j -= 1
            prefix = text[j:raw_start]
            if prefix not in (lil_prefixes if skip else prefixes):
                continue
        else:
            prefix = ""
        if key in needs_naming and not may_be_named(text, raw_start + skip, prefix + "ل" * skip):
            continue  # a very common word (على) counts only after a naming noun
        hits.append((raw_start + skip, end, raw_start, key, skip, prefix))
    hits = [h for h in hits if glued.get(h[2], 0) <= h[1]]  # not the start of a longer name glued to what follows
    hits.sort(key=lambda h: (h[0] - h[1], h[0]))
    phrases = _key_phrases(gaz)
    taken = bytearray(n)
    kept = []
    for mstart, end, _, key, skip, prefix in hits:
        if taken.find(1, mstart, end) != -1:
            continue
        if key in phrases and text.startswith(phrases[key], mstart):
            continue
        prefix += "ل" * skip
        ctx = read_context(text, mstart, end, prefix)
        if ctx.person:
            continue
        m = _mention(gaz, mstart, end, key, prefix, ctx)
        if m is not None:
            taken[mstart:end] = b"\x01" * (end - mstart)
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _mention(gaz: Gazetteer, mstart: int, end: int, key: str, prefix: str, ctx: Context) -> Mention | None:
    """The mention of ``key`` with the readings its context allows, or None when it allows none."""
    entries = gaz.lookup(key)
    locative = _locative(ctx)
    status = {e.idx: _status(e, ctx, key, locative) for e in entries}
    _shadow(entries, ctx, status)
    cands = [e for e in entries if status[e.idx] != "no"]
    if not cands:
        return None
    cond = frozenset(i for i, st in status.items() if st == "conditional")
    strict = not locative or any(e.cue for e in cands if e.idx in cond)
    return Mention(mstart, end, key, prefix, ctx, cands, cond, len({e.adm1 for e in cands}), strict)
