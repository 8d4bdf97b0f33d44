"""Split a ``Document`` into segments: stories' titles and bodies kept, boilerplate and teasers dropped.

``segment(doc)`` returns segments in text order, each with ``text == doc.text[start:end]``;
consecutive paragraphs (non-blank lines) of one kind and one story form one segment. Kinds:
``title`` and ``article`` (kept), ``boilerplate`` and ``teaser`` (dropped, kept for audit).
Glued stories come out as separate ``article`` segments; ``Segment.story`` numbers the story of
each kept segment (see ``rasd.clean.stories``).

Per paragraph, first rule that applies:
  * boilerplate: ≤ ``boilerplate_max_words`` words matching a ``boilerplate``/``related`` pattern
    (rasd/data/boilerplate.tsv); the site name alone; a 1–3 word unpunctuated first line (site or
    section label); a headline line in a list under a bare "read also" heading;
  * teaser: an exact repeat of an earlier kept paragraph, or one (≥ ``teaser_min_chars``) whose
    word 3-grams mostly (``teaser_coverage``) occur in earlier kept text: a repeat, often truncated;
  * title: 2–``title_max_words`` words, no final punctuation, no opening connective;
  * article: the rest.
Then a trailing list of other stories' teasers ("- headline snippet…" items closing the page,
each unrelated to the story before and to each other) becomes ``teaser`` too.
"""

from __future__ import annotations

import re

from rasd.clean.normalize import norm
from rasd.clean.paragraphs import Para, content_set, cosine, paragraphs, shingles
from rasd.clean.patterns import Patterns, load_patterns
from rasd.clean.settings import DEFAULT, CleanSettings
from rasd.clean.stories import KEPT, assign_stories, overlap
from rasd.model import Document, Segment

__all__ = ["KEPT", "article_segments", "segment"]

_FINAL_PUNCT = ".!?؟…:;،,"
_BULLET = re.compile(r"^[-•▪*]\s")
_CLOSERS = "\"'”’»)]"


def _is_title(p: Para, pats: Patterns, settings: CleanSettings) -> bool:
    if not 2 <= len(p.words) <= settings.title_max_words or pats.match("continuation", p.norm):
        return False
    tail = p.norm.rstrip(_CLOSERS + " ")
    return bool(tail) and tail[-1] not in _FINAL_PUNCT


def _is_label(p: Para) -> bool:
    return len(p.words) <= 3 and not any(ch in _FINAL_PUNCT for ch in p.norm)


def classify(paras: list[Para], doc: Document, pats: Patterns, settings: CleanSettings) -> None:
    """Set ``kind`` on every paragraph (in place; see the module docstring)."""
    site = norm(doc.source) if doc.source else None
    seen_shingles: set[tuple[str, ...]] = set()
    seen_paras: set[str] = set()
    in_related_list = False
    for i, p in enumerate(paras):
        short = len(p.words) <= settings.boilerplate_max_words
        if short and (pats.match("related", p.norm) or pats.match("boilerplate", p.norm)):
            p.kind = "boilerplate"
        elif (site and p.norm == site) or (i == 0 and len(paras) > 1 and _is_label(p)):
            p.kind = "boilerplate"  # site or section label
        elif p.norm in seen_paras:
            p.kind = "teaser"
        else:
            sh = shingles(p.words)
            covered = len(sh & seen_shingles) / len(sh) if sh else 0.0
            if len(p.norm) >= settings.teaser_min_chars and covered >= settings.teaser_coverage:
                p.kind = "teaser"
            elif _is_title(p, pats, settings):
                p.kind = "boilerplate" if in_related_list else "title"
            else:
                p.kind = "article"
        in_related_list = p.kind == "boilerplate" and (in_related_list or bool(pats.match("related", p.norm)))
        if p.kind in KEPT:
            seen_shingles |= shingles(p.words)
            seen_paras.add(p.norm)


def drop_teaser_list(paras: list[Para], settings: CleanSettings) -> None:
    """Mark as ``teaser`` a trailing run of 2+ list items that share few words with the story
    above them and with each other (links to other articles, as trafilatura renders them)."""
    kept = [p for p in paras if p.kind in KEPT]
    run: list[Para] = []
    for p in reversed(kept):
        if not _BULLET.match(p.norm):
            break
        run.insert(0, p)
    body = [p for p in kept[: len(kept) - len(run)] if p.kind == "article"]
    if len(run) < 2 or not body:
        return
    limit = settings.story_break_overlap
    sets = [content_set(p.words) for p in run]
    apart = all(cosine(a, b) < limit for i, a in enumerate(sets) for b in sets[i + 1 :])
    if apart and all(overlap(p, body) < limit for p in run):
        for p in run:
            p.kind = "teaser"


def segment(doc: Document, settings: CleanSettings = DEFAULT, patterns: Patterns | None = None) -> list[Segment]:
    """All segments of ``doc`` in text order, kept and dropped (see the module docstring)."""
    pats = patterns or load_patterns()
    paras = paragraphs(doc.text)
    classify(paras, doc, pats, settings)
    drop_teaser_list(paras, settings)
    assign_stories(paras, pats, settings)
    segs: list[Segment] = []
    run: list[Para] = []
    for p in paras + [None]:
        if run and (p is None or p.kind != run[-1].kind or p.story != run[-1].story or p.kind == "title"):
            s, e = run[0].start, run[-1].end
            segs.append(Segment(s, e, run[0].kind, doc.text[s:e], run[0].story))
            run = []
        if p is not None:
            run.append(p)
    return segs


def article_segments(doc: Document, settings: CleanSettings = DEFAULT) -> list[Segment]:
    """Only the kept segments (``title`` and ``article``) of ``doc``."""
    return [s for s in segment(doc, settings) if s.kind in KEPT]
