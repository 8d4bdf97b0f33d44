"""Find lexicon entries in a document's normalised text at word boundaries (Aho-Corasick), allowing
Arabic proclitics before a form (hashtag underscores read as spaces) (و ف ب ل ك ال, and لل for forms with the article) and pronoun
suffixes after it; every hit carries original-text offsets."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.clean.normalize import Normalized
from rasd.extract.lexicon import Lexicon

_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
_ARTICLE_PREFIXES = frozenset({"ال", "وال", "بال", "فال", "كال", "وبال", "وكال"})
_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})  # لل + form without its article: للنظام
_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "هن", "كم", "نا"})


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon entry found in the text: ``start``/``end`` are original offsets,
    ``nstart``/``nend`` normalised ones (the form itself, clitics excluded)."""

    start: int
    end: int
    nstart: int
    nend: int
    kind: str  # trigger, actor, cue, country, source
    payload: object
    form: str


def _word_start(s: str, i: int) -> int:
    while i > 0 and s[i - 1].isalnum():
        i -= 1
    return i


def _word_end(s: str, i: int) -> int:
    n = len(s)
    while i < n and s[i].isalnum():
        i += 1
    return i


def _prefix_ok(prefix: str, form: str, lam: bool) -> bool:
    if lam:
        return prefix in _LAM_PREFIXES
    if prefix in _PREFIXES:
        return True
    return not form.startswith("ال") and prefix in _ARTICLE_PREFIXES


def find_hits(normalized: Normalized, lex: Lexicon) -> list[Hit]:
    """Every entry of ``lex`` in the normalised text, at word boundaries, sorted by position;
    a hit overlapping an earlier (or, at the same start, longer) hit of the same kind is dropped."""
    s = normalized.norm.replace("_", " ").replace("#", " ")  # hashtags: #قطاع_غزة reads as قطاع غزة
    auto = lex.automaton
    assert auto is not None
    raw: list[Hit] = []
    for end_idx, (form, entries, lam) in auto.iter(s):
        nend = end_idx + 1
        nstart = nend - len(form)
        prefix = s[_word_start(s, nstart):nstart]
        if not _prefix_ok(prefix, form, lam):
            continue
        suffix = s[nend:_word_end(s, nend)]
        if suffix not in _SUFFIXES:
            continue
        start, end = normalized.original_span(nstart, nend)
        for kind, payload in entries:
            raw.append(Hit(start, end, nstart, nend, kind, payload, form[1:] if lam else form))
    raw.sort(key=lambda h: (h.nstart, -(h.nend - h.nstart)))
    kept: list[Hit] = []
    reach: dict[str, int] = {}
    for h in raw:  # leftmost-longest per kind: a hit overlapping a kept one of its kind is dropped
        if h.nstart < reach.get(h.kind, -1) and not _same_span(kept, h):
            continue
        kept.append(h)
        reach[h.kind] = max(reach.get(h.kind, -1), h.nend)
    return kept


def _same_span(kept: list[Hit], h: Hit) -> bool:
    """True when ``h`` covers exactly the span of an already kept hit of its kind (one form, two entries)."""
    for k in reversed(kept[-6:]):
        if k.kind == h.kind and k.nstart == h.nstart and k.nend == h.nend:
            return True
    return False
