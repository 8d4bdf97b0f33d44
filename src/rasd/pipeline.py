"""The pipeline: one raw input in, one document with its segments and events out.

Stages run in this order, each a plain function over the dataclasses in ``rasd.model``:

1. ``clean.document.to_document``  Source → Document (HTML main text via trafilatura; checks)
2. ``clean.segments.segment``      Document → Segments (boilerplate, teasers, glued stories)
3. ``extract.extract_events``      Document + Segments → Events (nlp + geo inside)

``process`` raises ``InputError`` for inputs that cannot be processed; callers (ingest batches,
``rasd extract``) record the error and go on. Two such checks live here, between the stages: a
document whose cleaned text is longer than the ``max_chars`` setting is refused (E105) before
segmenting, and a document with no article segment (only boilerplate: share lines, "send this to
a friend") is refused (E101) before extraction. A ``KnowledgeError`` (a broken data file) is not an
input's fault: it propagates, and batches stop on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from rasd.errors import InputError
from rasd.model import Document, Event, Segment, Source


@dataclass(slots=True)
class Processed:
    """One input after every stage: its document, the document's segments and its events."""

    document: Document
    segments: list[Segment]
    events: list[Event] = field(default_factory=list)


def check_length(origin: str, n_chars: int, max_chars: int | None = None) -> None:
    """E105 when a document's text of ``n_chars`` characters is longer than ``max_chars`` (default:
    the ``max_chars`` setting, ``RASD_MAX_CHARS``)."""
    from rasd.ingest.settings import MAX_CHARS

    limit = MAX_CHARS.value() if max_chars is None else max_chars
    if n_chars > limit:
        raise InputError("E105", origin, f"text of {n_chars:,} characters exceeds the per-document limit "
                         f"of {limit:,} (--max-chars / RASD_MAX_CHARS)")


def check_article(doc: Document, segs: list[Segment]) -> None:
    """E101 when no segment is article text (everything is title, boilerplate or teaser)."""
    if not any(s.kind == "article" for s in segs):
        kinds = ", ".join(sorted({s.kind for s in segs})) or "nothing"
        raise InputError("E101", doc.origin or doc.id,
                         f"no article text after removing boilerplate (segments: {kinds})")


def process(source: Source, *, extract: bool = True, max_chars: int | None = None) -> Processed:
    """Run every stage on one input (see module docstring for the order and the checks)."""
    from rasd.clean.document import to_document
    from rasd.clean.segments import segment

    if source.kind == "text":  # plain text is the document's text as it is: refuse it before cleaning
        check_length(source.origin or "<input>", len(source.content), max_chars)
    doc = to_document(source)
    check_length(doc.origin or doc.id, len(doc.text), max_chars)
    segs = segment(doc)
    check_article(doc, segs)
    events: list[Event] = []
    if extract:
        from rasd.extract import extract_events

        events = extract_events(doc, segs)
    return Processed(doc, segs, events)


_checked: set[bool] = set()


def check_knowledge(extract: bool = True) -> None:
    """Load and check the knowledge files the pipeline reads, once per process, by running it on the
    bundled sample article (nothing stored): a broken file raises ``KnowledgeError`` here, before
    the first real input, instead of failing that input. Batches call it before their first input.
    Any other exception here (a bug in rasd) is left for the inputs to meet: each records it (E200)."""
    from rasd.errors import FATAL_ERRORS

    if extract in _checked:
        return
    _checked.add(extract)
    sample = sorted((resources.files("rasd") / "sample").iterdir(), key=lambda p: p.name)[0]
    try:
        process(Source("<knowledge check>", "text", sample.read_text(encoding="utf-8")), extract=extract,
                max_chars=1 << 30)
    except FATAL_ERRORS:
        _checked.discard(extract)
        raise
    except Exception:  # noqa: BLE001, S110 - any other failure (a bug) is met, and recorded, by the inputs
        pass
