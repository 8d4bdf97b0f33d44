"""``rasd watch``: feeds and pages served from loopback, built from real ANT articles; folders of
real article files. Restarting the watcher re-processes nothing; feed errors back off."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import HTML_PAGES

from rasd.scale.loopback import Article, LoopbackSite
from rasd.scale.watch import Watcher


@pytest.fixture(scope="module")
def ant_articles(ant_path: Path) -> list[Article]:
    """Distinct conflict articles from the ANT corpus (first 12 with the keyword flag)."""
    out: list[Article] = []
    with ant_path.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["conflict_keyword_match"] and len(r["text"]) > 400:
                out.append(Article(r["id"], r["title"], r["text"], r["published"]))
            if len(out) == 12:
                break
    return out


def rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_watch_feed_new_items_once_across_restart(tmp_path, ant_articles):
    db = tmp_path / "w.db"
    with LoopbackSite() as site:
        for a in ant_articles[:3]:
            site.add_article(a)
        with Watcher([site.feed_url], db, interval=0.01) as w:
            stats = w.poll_once()
            assert (stats.added, stats.failed) == (3, 0)
            assert w.poll_once(force=True).added == 3  # second poll: nothing new
        assert {site.hits[f"/a/{n}.html"] for n in range(3)} == {1}

        for a in ant_articles[3:5]:
            site.add_article(a)
        with Watcher([site.feed_url], db, interval=0.01) as w:  # restart
            stats = w.poll_once()
        assert (stats.added, stats.duplicates, stats.failed) == (2, 0, 0)
        assert {site.hits[f"/a/{n}.html"] for n in range(5)} == {1}, "an old item was fetched again"

    urls = {r[0] for r in rows(db, "SELECT url FROM documents")}
    assert urls == {site.link(n) for n in range(5)}
    titles = {r[0] for r in rows(db, "SELECT title FROM documents")}
    assert titles == {a.title for a in ant_articles[:5]}
    assert rows(db, "SELECT count(*), min(status), max(status) FROM watch_items") == [(5, "done", "done")]


def test_watch_feed_errors_back_off_then_recover(tmp_path, ant_articles):
    db = tmp_path / "w.db"
    with LoopbackSite() as site:
        site.add_article(ant_articles[5])
        site.broken["/feed.xml"] = 503
        with Watcher([site.feed_url], db, interval=1.0, max_backoff=5.0) as w:
            target = w.targets[0]
            delays = []
            for _ in range(4):
                before = time.monotonic()
                w.poll_once(force=True)
                delays.append(round(target.next_due - before))
            assert delays == [2, 4, 5, 5]  # interval * 2**failures, capped at max_backoff
            assert w.stats.feed_errors == 4 and w.stats.added == 0
            del site.broken["/feed.xml"]
            assert w.poll_once(force=True).added == 1
            assert target.failures == 0


def test_watch_feed_page_that_keeps_failing_is_recorded_once(tmp_path, ant_articles):
    db = tmp_path / "w.db"
    with LoopbackSite() as site:
        site.add_article(ant_articles[6])
        site.add_article(ant_articles[7])
        site.broken["/a/0.html"] = 404
        with Watcher([site.feed_url], db, interval=0.01, max_item_attempts=2) as w:
            for _ in range(4):
                w.poll_once(force=True)
            assert (w.stats.added, w.stats.failed) == (1, 1)
        assert site.hits["/a/0.html"] == 2
    assert rows(db, "SELECT code, origin FROM errors") == [("E100", site.link(0))]
    assert sorted(rows(db, "SELECT status, attempts FROM watch_items")) == [("done", 0), ("failed", 2)]


def test_watch_feed_saved_pages_arabic_kept_english_failed_once(tmp_path):
    """Real saved pages: an Arabic news page with its boilerplate is stored; an English one is
    E104, marked failed and never fetched again."""
    arabic = (HTML_PAGES / "trafilatura" / "assabah.com.tn.article.html").read_bytes()
    english = gzip.decompress(sorted((HTML_PAGES / "article-extraction-benchmark" / "html").glob("*.html.gz"))[0]
                              .read_bytes())
    db = tmp_path / "w.db"
    with LoopbackSite() as site:
        site.add_article(Article("ar-1", "assabah", "", html=arabic))
        site.add_article(Article("en-1", "english", "", html=english))
        with Watcher([site.feed_url], db, interval=0.01) as w:
            w.poll_once()
            w.poll_once(force=True)
            assert (w.stats.added, w.stats.failed) == (1, 1)
        assert (site.hits["/a/0.html"], site.hits["/a/1.html"]) == (1, 1)
    assert rows(db, "SELECT url FROM documents") == [(site.link(0),)]
    assert rows(db, "SELECT code, origin FROM errors") == [("E104", site.link(1))]
    assert sorted(rows(db, "SELECT item, status FROM watch_items")) == [("ar-1", "done"), ("en-1", "failed")]


def test_watch_folder_new_and_changed_files_once(tmp_path, ant_articles):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "w.db"
    old = time.time() - 60

    def put(name: str, article: Article, when: float = old) -> Path:
        path = inbox / name
        path.write_text(article.text, encoding="utf-8")
        os.utime(path, (when, when))
        return path

    put("a.txt", ant_articles[8])
    put("b.txt", ant_articles[9])
    (inbox / "c.txt.part").write_text(ant_articles[10].text, encoding="utf-8")  # download in progress
    with Watcher([str(inbox)], db, interval=0.01) as w:
        assert w.poll_once().added == 2
    with Watcher([str(inbox)], db, interval=0.01) as w:  # restart: nothing re-processed
        assert w.poll_once().total_seen == 0
        put("c.txt", ant_articles[10])
        fresh = inbox / "d.txt"
        fresh.write_text(ant_articles[11].text, encoding="utf-8")  # just written: waits to settle
        stats = w.poll_once(force=True)
        assert (stats.added, stats.duplicates) == (1, 0)
        os.utime(fresh, (old, old))
        assert w.poll_once(force=True).added == 2
        put("b.txt", ant_articles[9], old + 1)  # same content, new mtime: seen again, stored once
        stats = w.poll_once(force=True)
        assert (stats.added, stats.duplicates) == (2, 1)
    assert rows(db, "SELECT count(*) FROM documents") == [(4,)]


def test_watch_feed_server_speaking_no_http_is_a_feed_error(tmp_path):
    """A server that answers garbage (http.client's BadStatusLine, not an OSError) backs the feed off
    like any fetch failure instead of ending the watcher."""
    import socketserver
    import threading

    class Garbage(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.recv(65536)
            self.request.sendall(b"not http at all\r\n\r\n")

    with socketserver.TCPServer(("127.0.0.1", 0), Garbage) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
            with Watcher([url], tmp_path / "w.db", interval=1.0) as w:
                stats = w.poll_once()
                assert (stats.feed_errors, stats.total_seen) == (1, 0)
                assert w.targets[0].failures == 1
        finally:
            server.shutdown()
            thread.join()


def test_watch_feed_item_the_database_refuses_is_failed_not_done(tmp_path, ant_articles):
    """A page processed fine but refused by the database (here a trigger) is recorded as E200 and its
    item marked ``failed`` in the same transaction, never ``done``; it is not fetched again."""
    db = tmp_path / "w.db"
    with LoopbackSite() as site:
        site.add_article(ant_articles[0])
        with Watcher([site.feed_url], db, interval=0.01) as w:
            w.store.conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON documents"
                                 " BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END")
            w.poll_once()
            w.poll_once(force=True)
            assert (w.stats.added, w.stats.failed) == (0, 1)
        assert site.hits["/a/0.html"] == 1
    assert rows(db, "SELECT item, status FROM watch_items") == [(ant_articles[0].guid, "failed")]
    ((code, reason),) = rows(db, "SELECT code, reason FROM errors")
    assert code == "E200" and "refused by a test trigger" in reason
