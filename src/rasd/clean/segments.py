"""Split a ``Document`` into segments: stories' titles and bodies kept, boilerplate and teasers dropped.

``segment(doc)`` returns segments in text order, one per non-blank paragraph run, each with
``text == doc.text[start:end]``. Kinds: ``title`` and ``article`` (kept), ``boilerplate`` and
``teaser`` (dropped, kept for audit). Glued stories come out as separate ``article`` segments;
``Segment.story`` numbers the story each kept segment belongs to.

Rules, per paragraph (a non-blank line):
  * boilerplate: a short paragraph matching a ``boilerplate`` pattern (rasd/data/boilerplate.tsv),
    a line equal to the site name, or a 1–3 word unpunctuated first line (site/section label);
  * teaser: a paragraph whose word 3-grams mostly occur in earlier kept text (a repeat, often
    truncated), or an exact repeat of an earlier paragraph;
  * title: a short line without final punctuation;
  * article: everything else.
A new story starts at a title line, at a dateline, after a background paragraph ("يذكر أن …") when
the next paragraph does not continue with a connective, or at an announcement lead ("أعلنت …")
that does not continue the story and shares few words with the paragraphs before it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rasd.clean.normalize import norm
from rasd.clean.patterns import Patterns, load_patterns
from rasd.clean.settings import DEFAULT, CleanSettings
from rasd.model import Document, Segment

KEPT = ("title", "article")
_WORD = re.compile(r"\w+")
_FINAL_PUNCT = ".!?؟…:;،,"
_CLOSERS = "\"'”’»)]"
_BOILERPLATE_MAX_WORDS = 40
_LEAD_MIN_STORY_PARAS = 3
_LEAD_MIN_WORDS = 12
_GENERIC_LEAD_WEIGHT = 0.3
_VERB_LEAD_WEIGHT = 1.0
_SUBHEADING_MAX_WORDS = 4


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    norm: str
    words: list[str]
    kind: str = "article"
    story: int | None = None
    reason: str = ""  # why a new story starts here ("" if none)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line, surrounding whitespace excluded."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line)
    return spans


def _stem(word: str) -> str:
    if len(word) > 4 and word[0] in "وف":
        word = word[1:]
    if len(word) > 4 and word.startswith("ال"):
        word = word[2:]
    return word


def _content_set(words: list[str]) -> set[str]:
    return {w for w in (_stem(x) for x in words) if len(w) > 2}


def _cosine(a: set[str], b: set[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _shingles(words: list[str], n: int = 3) -> set[tuple[str, ...]]:
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _is_title(p: _Para, settings: CleanSettings) -> bool:
    if not 2 <= len(p.words) <= settings.title_max_words:
        return False
    tail = p.norm.rstrip(_CLOSERS + " ")
    return bool(tail) and tail[-1] not in _FINAL_PUNCT and not p.norm.endswith(":")


def _classify(paras: list[_Para], doc: Document, pats: Patterns, settings: CleanSettings) -> None:
    site = norm(doc.source) if doc.source else None
    seen_shingles: set[tuple[str, ...]] = set()
    seen_paras: set[str] = set()
    in_related_list = False
    for i, p in enumerate(paras):
        short = len(p.words) <= _BOILERPLATE_MAX_WORDS
        if short and (pats.match("related", p.norm) or pats.match("boilerplate", p.norm)):
            p.kind = "boilerplate"
        elif site and p.norm == site:
            p.kind = "boilerplate"
        elif i == 0 and len(p.words) <= 3 and len(paras) > 1 and not _has_punct(p.norm):
            p.kind = "boilerplate"  # site or section label above the story
        elif p.norm in seen_paras:
            p.kind = "teaser"
        else:
            sh = _shingles(p.words)
            covered = len(sh & seen_shingles) / len(sh) if sh else 0.0
            if len(p.norm) >= settings.teaser_min_chars and covered >= settings.teaser_coverage:
                p.kind = "teaser"
            elif _is_title(p, settings) and not pats.match("continuation", p.norm):
                p.kind = "title"
            else:
                p.kind = "article"
        if p.kind == "title" and in_related_list:
            p.kind = "boilerplate"  # a link in a "read also" list
        in_related_list = (p.kind == "boilerplate" and (in_related_list or bool(pats.match("related", p.norm))))
        if p.kind in KEPT:
            seen_shingles |= _shingles(p.words)
            seen_paras.add(p.norm)


def _has_punct(text: str) -> bool:
    return any(ch in _FINAL_PUNCT for ch in text)


def _lead_strength(p: _Para, pats: Patterns) -> tuple[str, float, int]:
    """How much ``p`` looks like a news lead: ``(name, strength, min_paras)``. The strength scales
    the overlap threshold of a story break; ``min_paras`` is how long the story before it must be.

    A lead naming the weekday (``dated_lead``) → strength 1, after any story; an announcement verb
    (``lead``) → 1, after 3 paragraphs; another verb-initial opening (first word without the article,
    not a function word of ``not_lead``) → 0.3, after 3 paragraphs; else strength 0.
    """
    if pats.match("dated_lead", p.norm):
        return "dated-lead", 1.0, 1
    if pats.match("lead", p.norm):
        return "lead", _VERB_LEAD_WEIGHT, _LEAD_MIN_STORY_PARAS
    if not p.words or len(p.words) < _LEAD_MIN_WORDS:
        return "", 0.0, 0
    first = p.words[0]
    if first.startswith(("ال", "لل")) or not 3 <= len(first) <= 7 or pats.match("not_lead", p.norm):
        return "", 0.0, 0
    return "verb-lead", _GENERIC_LEAD_WEIGHT, _LEAD_MIN_STORY_PARAS


def _overlap(p: _Para, story_paras: list[_Para]) -> float:
    """Word-set cosine between ``p`` and the last two paragraphs of the story before it (1.0 when
    there is no story yet, so that nothing breaks)."""
    if not story_paras:
        return 1.0
    window = set().union(*(_content_set(q.words) for q in story_paras[-2:]))
    return _cosine(_content_set(p.words), window)


def break_reason(p: _Para, prev: _Para | None, body: _Para | None, story_paras: list[_Para],
                 pats: Patterns, settings: CleanSettings) -> str:
    """Why a new story starts at kept paragraph ``p`` ("" when it does not). ``prev`` is the kept
    paragraph before it, ``body`` the first article paragraph from ``p`` on, ``story_paras`` the
    article paragraphs of the current story."""
    if prev is None:
        return "first"
    threshold = settings.story_break_overlap
    if p.kind == "title":
        # a headline opens a story unless it is a sub-heading or an inline link: a short line
        # (≤ 4 words), or one whose body continues with a connective or shares many words with
        # the story before it
        if prev.kind == "title" or len(p.words) <= _SUBHEADING_MAX_WORDS:
            return ""
        if body is None or pats.match("dateline", body.norm):
            return "headline"
        if not pats.match("continuation", body.norm) and _overlap(body, story_paras) < threshold:
            return "headline"
        return ""
    if prev.kind == "title":
        return ""  # the body under its headline
    if pats.match("dateline", p.norm):
        return "dateline"
    if pats.match("continuation", p.norm):
        return ""
    if pats.match("background", prev.norm):
        return "after-background"
    name, strength, min_paras = _lead_strength(p, pats)
    if strength and story_paras and len(story_paras) >= min_paras:
        if _overlap(p, story_paras) < threshold * strength:
            return name
    return ""


def _assign_stories(paras: list[_Para], pats: Patterns, settings: CleanSettings) -> None:
    kept = [p for p in paras if p.kind in KEPT]
    story = -1
    story_paras: list[_Para] = []  # article paragraphs of the current story
    prev: _Para | None = None  # previous kept paragraph
    for i, p in enumerate(kept):
        body = next((q for q in kept[i:] if q.kind == "article"), None)
        p.reason = break_reason(p, prev, body, story_paras, pats, settings)
        if p.reason:
            story += 1
            story_paras = []
        p.story = story
        if p.kind == "article":
            story_paras.append(p)
        prev = p
    _attach_orphan_titles(kept)


def _attach_orphan_titles(kept: list[_Para]) -> None:
    """A headline with no body of its own (e.g. repeated under the share bar) joins the story
    whose words it shares most; story numbers are then made consecutive again."""
    bodies: dict[int, set[str]] = {}
    for p in kept:
        if p.kind == "article" and p.story is not None:
            bodies.setdefault(p.story, set()).update(_content_set(p.words))
    if not bodies:
        return
    for p in kept:
        if p.kind == "title" and p.story not in bodies:
            words = _content_set(p.words)
            p.story = max(bodies, key=lambda k: (len(words & bodies[k]), -k))
    order = {old: new for new, old in enumerate(sorted({p.story for p in kept}))}
    for p in kept:
        p.story = order[p.story]


def segment(doc: Document, settings: CleanSettings = DEFAULT, patterns: Patterns | None = None) -> list[Segment]:
    """All segments of ``doc`` in text order (kept and dropped; see the module docstring)."""
    pats = patterns or load_patterns()
    paras = []
    for start, end in paragraphs(doc.text):
        n = norm(doc.text[start:end])
        paras.append(_Para(start, end, n, _WORD.findall(n)))
    _classify(paras, doc, pats, settings)
    _assign_stories(paras, pats, settings)
    segs: list[Segment] = []
    run: list[_Para] = []

    def flush() -> None:
        if run:
            s, e = run[0].start, run[-1].end
            segs.append(Segment(s, e, run[0].kind, doc.text[s:e], run[0].story))
            run.clear()

    for p in paras:
        if run and (p.kind != run[-1].kind or p.story != run[-1].story or p.kind == "title"):
            flush()
        run.append(p)
    flush()
    return segs


def article_segments(doc: Document, settings: CleanSettings = DEFAULT) -> list[Segment]:
    """Only the kept segments (``title`` and ``article``) of ``doc``."""
    return [s for s in segment(doc, settings) if s.kind in KEPT]
