"""Continuous monitoring: follow folders and RSS/Atom feeds, process each new item once.

Each poll of a target:

1. folder: every file (recursively, hidden and partial downloads skipped) whose key
   ``path|mtime_ns|size`` is not yet in ``watch_items`` and which has not changed for
   ``settle`` seconds goes through ``rasd.ingest.batch.run_batch`` (one transaction per
   document, inputs already stored skipped by hash); the file is marked done afterwards.
2. feed: the feed is fetched and parsed; each entry whose guid is not yet ``done`` in
   ``watch_items`` has its link fetched and its page processed as ``kind="html"``.
3. A feed item's document and its ``done`` mark (or its recorded failure, of processing or of
   storing, and its ``failed`` mark) commit in one transaction (``rasd.scale.writer``), so a
   restart re-fetches nothing already stored; a file interrupted
   half-way is read again and its stored documents are skipped by content hash.
4. A feed that fails to fetch or parse is retried with exponential backoff
   (``interval * 2**failures``, at most ``max_backoff``); the error is logged, never fatal.
   A page that fails ``max_item_attempts`` times is recorded in ``errors`` and not retried.
5. A ``KnowledgeError`` / ``ConfigError`` (a broken data file or setting) is nobody's input's
   fault: it stops the watcher (``warm_up`` meets it before the first poll).

Example::

    with Watcher(["inbox/", "https://example.org/rss"], "rasd.db", interval=60) as w:
        w.run()
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.batch import BatchResult, run_batch
from rasd.model import content_hash
from rasd.pipeline import check_knowledge
from rasd.scale.feeds import fetch, page_source, parse_feed
from rasd.scale.outcome import Failure, process_safely
from rasd.scale.writer import DUPLICATE, FAILED, count, write_outcome
from rasd.store import Store

log = logging.getLogger(__name__)

WATCH_SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_items (
    target   TEXT NOT NULL,              -- the watched folder or feed URL
    item     TEXT NOT NULL,              -- folder: 'relpath|mtime_ns|size'; feed: entry guid
    status   TEXT NOT NULL,              -- done | retry | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    detail   TEXT,                       -- last error, or the link / file processed
    seen_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (target, item)
);
"""
SKIP_SUFFIXES = (".part", ".tmp", ".crdownload", ".swp", "~")


class WatchState:
    """The ``watch_items`` table: which folder files and feed guids are already handled.

    It lives in the store's own database and connection (``store.conn``), so marking an item
    done commits in the same transaction as its document.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conn.executescript(WATCH_SCHEMA)

    def status(self, target: str, item: str) -> tuple[str, int] | None:
        row = self.conn.execute(
            "SELECT status, attempts FROM watch_items WHERE target = ? AND item = ?", (target, item)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def mark(self, target: str, item: str, status: str, detail: str = "") -> int:
        """Record ``status`` for an item; returns its attempt count (retries add one)."""
        self.conn.execute(
            "INSERT INTO watch_items (target, item, status, attempts, detail) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (target, item) DO UPDATE SET status = excluded.status, detail = excluded.detail, "
            "attempts = watch_items.attempts + excluded.attempts, "
            "seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            (target, item, status, 1 if status == "retry" else 0, detail),
        )
        return self.status(target, item)[1]


@dataclass(slots=True)
class Target:
    """A watched folder or feed, with its backoff state."""

    spec: str
    kind: str  # folder | feed
    failures: int = 0
    next_due: float = 0.0

    @classmethod
    def parse(cls, spec: str) -> Target:
        if spec.startswith(("http://", "https://", "file://")):
            return cls(spec, "feed")
        path = Path(spec)
        if not path.is_dir():
            raise InputError("E100", spec, "not a folder or a feed URL (http://, https://, file://)")
        return cls(str(path.resolve()), "folder")


@dataclass(slots=True)
class WatchStats(BatchResult):
    """Running totals of a watcher: ``BatchResult``'s counts (``skipped``: already stored; failures
    are counted, their errors live in the ``errors`` table, not in memory) plus polls and feed errors."""

    polls: int = 0
    feed_errors: int = 0

    @property
    def duplicates(self) -> int:
        return self.skipped

    @property
    def total_seen(self) -> int:
        return self.total


class Watcher:
    """Polls its targets and writes new items to ``db_path`` (steps in the module docstring)."""

    def __init__(
        self,
        targets: list[str],
        db_path: str | Path,
        *,
        interval: float = 60.0,
        extract: bool = True,
        max_backoff: float = 3600.0,
        settle: float = 1.0,
        timeout: float = 20.0,
        max_item_attempts: int = 5,
        resolve: bool = True,
    ) -> None:
        self.resolve = resolve  # merge each new report into the stored events it repeats (rasd.resolve)
        self.targets = [Target.parse(t) for t in targets]
        self.interval = interval
        self.extract = extract
        self.max_backoff = max_backoff
        self.settle = settle
        self.timeout = timeout
        self.max_item_attempts = max_item_attempts
        self.stats = WatchStats()
        with ExitStack() as stack:
            self.store = stack.enter_context(Store(db_path))
            self.state = WatchState(self.store.conn)
            self._stack = stack.pop_all()  # closed by ``close``; closed here only if the above failed

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    # one poll -----------------------------------------------------------------------------

    def poll_once(self, *, force: bool = False) -> WatchStats:
        """Poll every target that is due (all of them if ``force``); returns running totals."""
        now = time.monotonic()
        for target in self.targets:
            if force or target.next_due <= now:
                self._poll(target)
        self.stats.polls += 1
        return self.stats

    def _poll(self, target: Target) -> None:
        try:
            if target.kind == "folder":
                self._poll_folder(target)
            else:
                self._poll_feed(target)
        except (InputError, OSError, sqlite3.OperationalError) as err:
            target.failures += 1
            self.stats.feed_errors += 1
            delay = min(self.interval * 2 ** target.failures, self.max_backoff)
            target.next_due = time.monotonic() + delay
            log.warning("watch: %s failed (%s); retrying in %.1fs", target.spec, err, delay)
            return
        target.failures = 0
        target.next_due = time.monotonic() + self.interval

    def _poll_folder(self, target: Target) -> None:
        root = Path(target.spec)
        for path in sorted(root.rglob("*")):
            if path.name.startswith(".") or path.name.endswith(SKIP_SUFFIXES):
                continue
            try:
                if not path.is_file():
                    continue
                st = path.stat()
            except FileNotFoundError:  # removed since the listing: not an error of the folder
                continue
            if time.time() - st.st_mtime < self.settle:
                continue  # still being written: next poll
            key = f"{path.relative_to(root)}|{st.st_mtime_ns}|{st.st_size}"
            if self.state.status(target.spec, key) is not None:
                continue
            done = run_batch([str(path)], self.store, extract=self.extract, resolve=self.resolve)
            self.stats.added += done.added
            self.stats.skipped += done.skipped
            self.stats.failed += done.failed
            if done.interrupted:  # Ctrl-C inside the batch: the file is not done
                raise KeyboardInterrupt
            with self.store.atomic():
                self.state.mark(target.spec, key, "done", str(path))
            log.info("watch: %s processed", path)

    def _poll_feed(self, target: Target) -> None:
        fetched = fetch(target.spec, timeout=self.timeout)
        title, items = parse_feed(fetched.body, fetched.url, fetched.content_type)
        for item in items:
            seen = self.state.status(target.spec, item.guid)
            if seen is not None and seen[0] in ("done", "failed"):
                continue
            try:
                src = page_source(item, title, timeout=self.timeout)
            except InputError as err:
                with self.store.atomic():
                    attempts = self.state.mark(target.spec, item.guid, "retry", str(err))
                log.warning("watch: %s (attempt %d)", err, attempts)
                if attempts >= self.max_item_attempts:
                    mark = self._marker(target, item.guid, item.link, str(err))
                    count(self.stats, write_outcome(self.store, Failure.from_error(err, item.link), also=mark))
                continue
            raw = content_hash(src.content)
            if self.store.has_hash(raw):  # the same page under another guid: nothing to do
                with self.store.atomic():
                    self.state.mark(target.spec, item.guid, "done", item.link)
                count(self.stats, DUPLICATE)
                continue
            outcome = process_safely(src, extract=self.extract)
            why = str(outcome.error) if isinstance(outcome, Failure) else "storing failed (see the errors table)"
            mark = self._marker(target, item.guid, item.link, why)
            count(self.stats, write_outcome(self.store, outcome, source_hash=raw, also=mark, resolve=self.resolve,
                                            note=log.warning))
            log.info("watch: %s processed", item.link)

    def _marker(self, target: Target, guid: str, link: str, why: str) -> Callable[[str], int]:
        """What ``write_outcome`` calls inside its transaction: the item is ``failed`` (with ``why``)
        when the write recorded a failure, of processing or of storing, else ``done``."""
        def mark(status: str) -> int:
            if status == FAILED:
                return self.state.mark(target.spec, guid, "failed", why)
            return self.state.mark(target.spec, guid, "done", link)

        return mark

    # the loop -----------------------------------------------------------------------------

    def warm_up(self) -> None:
        """Run the pipeline once on the bundled sample article (nothing stored), so knowledge files
        load, and are checked, now and the first real item is not slowed by it."""
        check_knowledge(self.extract)  # a broken knowledge file raises here (KnowledgeError)
        if self.resolve:
            from rasd.resolve.similarity import embed

            embed("رصد")  # load the sentence encoder now, not on the first item that needs it

    def run(self, stop: threading.Event | None = None, *, max_polls: int | None = None,
            warm: bool = True) -> WatchStats:
        """Poll until ``stop`` is set (or ``max_polls`` polls), sleeping until the next target is due
        (after ``warm_up`` unless ``warm`` is False)."""
        stop = stop or threading.Event()
        if warm:
            self.warm_up()
        while not stop.is_set():
            self.poll_once()
            if max_polls is not None and self.stats.polls >= max_polls:
                break
            wait = min(t.next_due for t in self.targets) - time.monotonic()
            stop.wait(max(wait, 0.0))
        return self.stats
