"""Watch latency: time from a new feed item being published to its events showing in /api/events.

1. Articles are read from a corpus (``rasd.ingest.iter_sources``) and published one at a time,
   each wrapped in minimal HTML, on a loopback site (``rasd.scale.loopback``) whose RSS feed a
   ``Watcher`` polls every ``interval`` seconds in a background thread; each item is published
   after a random pause (0..interval, seeded), so it lands at a random phase of the poll cycle.
2. After publishing, ``GET /api/events?page_size=1`` (``rasd.api.create_app`` through FastAPI's
   TestClient) is polled until its ``total`` grows: that item's events are visible.
3. An item the watcher finishes without any event is counted apart (no latency to measure).

Example::

    print(measure_watch_latency("ant.jsonl", items=100).summary())
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasd.model import Source
from rasd.scale.loopback import Article, LoopbackSite
from rasd.scale.watch import Watcher

POLL_API = 0.005  # seconds between /api/events polls


@dataclass(slots=True)
class LatencyResult:
    interval: float
    latencies: list[float] = field(default_factory=list)  # seconds, one per item with events
    without_events: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def worst(self) -> float:
        return max(self.latencies) if self.latencies else float("nan")

    def summary(self) -> str:
        return (f"watch latency (feed poll every {self.interval:g}s): new item → events in /api/events, "
                f"{len(self.latencies)} items: median {self.median * 1000:.0f} ms, worst {self.worst * 1000:.0f} ms "
                f"({self.without_events} items produced no event)")


def _articles(corpus: str | Path) -> Iterator[Article]:
    from rasd.ingest import iter_sources

    for src in iter_sources([str(corpus)]):
        if isinstance(src, Source) and src.kind == "text" and len(src.content) > 300:
            yield Article(src.id or src.origin, src.title or src.content[:60], src.content, src.published)


def _done(db: Path, guid: str) -> bool:
    """Has the watcher finished with ``guid`` (done or failed)? False while its table is not there yet."""
    from rasd.api.queries import open_ro

    try:
        with open_ro(db) as con:
            row = con.execute("SELECT 1 FROM watch_items WHERE item = ? AND status IN ('done', 'failed')",
                              (guid,)).fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None


def measure_watch_latency(corpus: str | Path, *, items: int = 100, interval: float = 0.1,
                          max_items_tried: int | None = None, timeout: float = 60.0) -> LatencyResult:
    """Publish articles of ``corpus`` until ``items`` of them produced events (steps above)."""
    with warnings.catch_warnings():  # starlette's TestClient warns about its httpx backend on import
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from rasd.api import create_app

    result = LatencyResult(interval)
    rng = random.Random(1)
    limit = max_items_tried or 4 * items
    with tempfile.TemporaryDirectory(prefix="rasd-latency-") as tmp, LoopbackSite() as site:
        db = Path(tmp) / "watch.db"
        ready = threading.Event()
        stop = threading.Event()
        failure: list[BaseException] = []

        def watch() -> None:
            try:
                with Watcher([site.feed_url], db, interval=interval) as watcher:
                    watcher.warm_up()  # as ``rasd watch`` does before its first poll
                    ready.set()
                    watcher.run(stop, warm=False)
            except BaseException as err:  # noqa: BLE001 - surfaced in the caller
                failure.append(err)
                ready.set()

        thread = threading.Thread(target=watch, name="rasd-watch", daemon=True)
        thread.start()
        ready.wait()
        try:
            with TestClient(create_app(db)) as client:

                def total() -> int:
                    resp = client.get("/api/events", params={"page_size": 1})
                    resp.raise_for_status()
                    return int(resp.json()["total"])

                for n, article in enumerate(_articles(corpus)):
                    if len(result.latencies) >= items or n >= limit or failure:
                        break
                    before = total()
                    time.sleep(rng.uniform(0, interval))
                    t0 = time.perf_counter()
                    site.add_article(article)
                    while True:
                        if total() > before:
                            result.latencies.append(time.perf_counter() - t0)
                            break
                        if _done(db, article.guid) and total() == before:
                            result.without_events += 1
                            break
                        if time.perf_counter() - t0 > timeout or failure:
                            raise RuntimeError(f"item {article.guid} not processed within {timeout}s")
                        time.sleep(POLL_API)
        finally:
            stop.set()
            thread.join()
    if failure:
        raise RuntimeError(f"watcher failed: {failure[0]!r}") from failure[0]
    return result
