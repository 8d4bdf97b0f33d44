"""Ingest: read files, folders, stdin, JSON Lines, HTML, text and WARC into ``Source`` records.

``iter_sources(paths)`` yields ``Source`` or ``InputError`` per input (see ``sources``);
``batch.run_batch(paths, store)`` runs each through ``rasd.pipeline.process`` into a ``Store``.
"""

from rasd.ingest.sources import iter_sources

__all__ = ["iter_sources"]
