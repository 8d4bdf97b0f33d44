"""Number the stories of a document: where one glued story ends and the next begins.

``assign_stories(paras, patterns, settings)`` sets ``Para.story`` (0, 1, …) on the kept paragraphs
(``title``/``article``) and ``Para.reason`` on each one that opens a story. A new story starts at:

* ``headline``: a title line of more than ``subheading_max_words`` words whose body does not
  continue with a connective and either shares few words with the story before it while sharing
  some with the headline, or would open a story by itself (a sub-heading or an inline link to
  another article does not);
* ``dateline``: "بيروت (رويترز) -", "دبي، الإمارات العربية المتحدة (CNN)--";
* ``after-background``: a paragraph without a connective after a background closer ("يذكر أن…");
* ``dated-lead`` / ``lead`` / ``verb-lead``: a lead without a connective (a weekday between
  commas, an announcement verb, any verb-initial opening) whose word-set cosine with the last two
  paragraphs is below ``story_break_overlap`` × its strength × the document's connective share.

A headline without a body of its own (e.g. repeated under the share bar) joins the story whose
words it shares most.
"""

from __future__ import annotations

from rasd.clean.paragraphs import Para, content_set, cosine
from rasd.clean.patterns import Patterns
from rasd.clean.settings import CleanSettings

KEPT = ("title", "article")


def lead_strength(p: Para, pats: Patterns, settings: CleanSettings) -> tuple[str, float, int]:
    """How much ``p`` looks like a news lead: ``(name, strength, min_paras)``; ``min_paras`` is how
    long the story before it must be. A weekday between commas (``dated_lead``) → strength 1 after
    any story; an announcement verb (``lead``) → ``verb_lead_weight``; another verb-initial opening
    of ``lead_min_words`` words or more (first word without the article, not a function word of
    ``not_lead``) → ``generic_lead_weight``; else strength 0."""
    if pats.match("dated_lead", p.norm):
        return "dated-lead", 1.0, 1
    if pats.match("lead", p.norm):
        return "lead", settings.verb_lead_weight, settings.lead_min_story_paras
    if len(p.words) < settings.lead_min_words:
        return "", 0.0, 0
    first = p.words[0]
    if first.startswith(("ال", "لل")) or not 3 <= len(first) <= 7 or pats.match("not_lead", p.norm):
        return "", 0.0, 0
    return "verb-lead", settings.generic_lead_weight, settings.lead_min_story_paras


def overlap(p: Para, story_paras: list[Para]) -> float:
    """Word-set cosine between ``p`` and the last two paragraphs of the story before it (1.0 when
    there is no story yet, so that nothing breaks)."""
    if not story_paras:
        return 1.0
    window = set().union(*(content_set(q.words) for q in story_paras[-2:]))
    return cosine(content_set(p.words), window)


def connective_share(kept: list[Para], pats: Patterns) -> float:
    """Share of the document's later article paragraphs that open with a connective (و…, كما…).
    Wire-style stories chain almost every paragraph with one, so a paragraph without one stands
    out; feature-style writing often starts paragraphs bare, so a bare start says less."""
    later = [p for p in kept[1:] if p.kind == "article"]
    if len(later) < 3:
        return 1.0
    return sum(bool(pats.match("continuation", p.norm)) for p in later) / len(later)


def break_reason(p: Para, prev: Para | None, body: Para | None, story_paras: list[Para],
                 pats: Patterns, settings: CleanSettings, style: float = 1.0) -> str:
    """Why a new story starts at kept paragraph ``p`` ("" when it does not; see the module
    docstring). ``prev`` is the kept paragraph before it, ``body`` the first article paragraph from
    ``p`` on, ``story_paras`` the article paragraphs of the current story, ``style`` the
    document's connective share."""
    if prev is None:
        return "first"
    threshold = settings.story_break_overlap
    if p.kind == "title":
        if prev.kind == "title" or len(p.words) <= settings.subheading_max_words:
            return ""
        if body is None or pats.match("dateline", body.norm):
            return "headline"
        if (not pats.match("continuation", body.norm) and overlap(body, story_paras) < threshold
                and cosine(content_set(p.words), content_set(body.words)) >= settings.headline_body_overlap):
            return "headline"  # a headline shares words with its own lead; an inline link does not
        if break_reason(body, prev, body, story_paras, pats, settings, style):
            return "headline"  # the body under it opens a story by itself
        return ""
    if prev.kind == "title":
        return ""  # the body under its headline
    if pats.match("dateline", p.norm):
        return "dateline"
    if pats.match("continuation", p.norm):
        return ""
    if pats.match("background", prev.norm):
        return "after-background"
    name, strength, min_paras = lead_strength(p, pats, settings)
    if name != "dated-lead":
        strength *= style
    if strength and story_paras and len(story_paras) >= min_paras:
        if overlap(p, story_paras) < threshold * strength:
            return name
    return ""


def assign_stories(paras: list[Para], pats: Patterns, settings: CleanSettings) -> None:
    """Set ``story`` and ``reason`` on the kept paragraphs of ``paras`` (in place)."""
    kept = [p for p in paras if p.kind in KEPT]
    story = -1
    story_paras: list[Para] = []  # article paragraphs of the current story
    prev: Para | None = None  # previous kept paragraph
    style = connective_share(kept, pats)
    for i, p in enumerate(kept):
        body = next((q for q in kept[i:] if q.kind == "article"), None)
        p.reason = break_reason(p, prev, body, story_paras, pats, settings, style)
        if p.reason:
            story += 1
            story_paras = []
        p.story = story
        if p.kind == "article":
            story_paras.append(p)
        prev = p
    _attach_orphan_titles(kept)


def _attach_orphan_titles(kept: list[Para]) -> None:
    bodies: dict[int, set[str]] = {}
    for p in kept:
        if p.kind == "article" and p.story is not None:
            bodies.setdefault(p.story, set()).update(content_set(p.words))
    if not bodies:
        return
    for p in kept:
        if p.kind == "title" and p.story not in bodies:
            words = content_set(p.words)
            p.story = max(bodies, key=lambda k: (len(words & bodies[k]), -k))
    order = {old: new for new, old in enumerate(sorted({p.story for p in kept}))}
    for p in kept:
        p.story = order[p.story]
