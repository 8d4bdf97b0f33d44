"""Event extraction: Arabic news document + segments → ACLED-style events with evidence spans.

Entry point: ``extract_events(doc, segments)`` (``rasd.extract.core``). Knowledge (triggers,
actors, cue words, countries, cited sources) lives in ``rasd/data`` and is loaded by
``rasd.extract.lexicon.load``.
"""

from rasd.extract.core import extract_events

__all__ = ["extract_events"]
