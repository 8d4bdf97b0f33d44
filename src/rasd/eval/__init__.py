"""Scoring rasd's events against gold files in the ``../shared/eval`` format.

``gold.load_gold(path)`` reads a gold file (resolving corpus references to their text),
``score.score(gold, predictions)`` matches system events to gold events per document and
returns a ``Report``; ``gate`` checks a report against the floors of a gate file.
"""

from rasd.eval.gold import GoldDoc, GoldError, load_gold
from rasd.eval.score import DocReport, Report, score

__all__ = ["DocReport", "GoldDoc", "GoldError", "Report", "load_gold", "score"]
