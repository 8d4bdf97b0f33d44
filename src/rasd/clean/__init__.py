"""The clean stage: raw ``Source`` → ``Document`` (main text, checks) → ``Segment`` list.

Entry points: ``document.to_document(source)``, ``segments.segment(doc)``,
``segments.article_segments(doc)``, ``normalize.normalize(text)`` / ``normalize.norm(text)``.
See docs/clean.md.
"""
