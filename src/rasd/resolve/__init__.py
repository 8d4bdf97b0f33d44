"""Cross-source resolution: merge the reports of one event into one event.

Cross-source resolution: reports of one event from different outlets (and an outlet's
follow-ups) become one event that keeps every source, each report's evidence and ACLED-style
reconciled fatalities.

- ``score_pair(a, b) -> float`` and ``same_event(a, b) -> bool``: the pairwise decision;
- ``merge(a, b) -> Event``: one event from two reports (order-independent);
- ``merge_into(conn, event) -> str``: incremental resolution against the stored clusters, each new
  report judged against a cluster's member reports (``average_score``: average linkage).
"""

from rasd.resolve.linkage import average_score
from rasd.resolve.merge import merge, report_id
from rasd.resolve.score import same_event, score_pair
from rasd.resolve.settings import DEFAULT, ResolveSettings
from rasd.resolve.store import merge_into

__all__ = ["DEFAULT", "average_score", "ResolveSettings", "merge", "merge_into", "report_id", "same_event", "score_pair"]
