"""The pipeline: one raw input in, one document with its segments and events out.

Stages run in this order, each a plain function over the dataclasses in ``rasd.model``:

1. ``clean.document.to_document``  Source → Document (HTML main text via trafilatura; checks)
2. ``clean.segments.segment``      Document → Segments (boilerplate, teasers, glued stories)
3. ``extract.extract_events``      Document + Segments → Events (nlp + geo inside)

``process`` raises ``InputError`` for inputs that cannot be processed; callers (ingest batches,
``rasd extract``) record the error and go on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.model import Document, Event, Segment, Source


@dataclass(slots=True)
class Processed:
    """One input after every stage: its document, the document's segments and its events."""

    document: Document
    segments: list[Segment]
    events: list[Event] = field(default_factory=list)


def process(source: Source, *, extract: bool = True) -> Processed:
    """Run every stage on one input (see module docstring for the order)."""
    from rasd.clean.document import to_document
    from rasd.clean.segments import segment

    doc = to_document(source)
    segs = segment(doc)
    events: list[Event] = []
    if extract:
        from rasd.extract import extract_events

        events = extract_events(doc, segs)
    return Processed(doc, segs, events)
