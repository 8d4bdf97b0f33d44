"""A tiny HTTP server on 127.0.0.1 serving an RSS feed and article pages from memory.

Used by the watch tests and by ``rasd bench --watch-latency`` to exercise the watcher against
real HTTP without the internet: ``add_article`` publishes a page and appends it to the feed.
"""

from __future__ import annotations

import html
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(slots=True)
class Article:
    guid: str
    title: str
    text: str
    published: str | None = None  # ISO
    html: bytes | None = None  # a saved page to serve as is, instead of wrapping ``text``


def article_html(title: str, text: str) -> str:
    """Wrap an article's text in minimal news-page HTML (one <p> per line)."""
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.splitlines() if p.strip())
    t = html.escape(title)
    return (
        f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{t}</title></head>\n'
        f"<body><header><nav><a href=\"/\">الرئيسية</a></nav></header>\n"
        f"<main><article><h1>{t}</h1>\n{paras}\n</article></main>\n"
        f"<footer>جميع الحقوق محفوظة</footer></body></html>\n"
    )


class LoopbackSite:
    """Serves ``/feed.xml`` (RSS 2.0, newest first) and ``/a/<n>.html``; counts every request."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.hits: Counter[str] = Counter()
        self.broken: dict[str, int] = {}  # path -> HTTP status to answer instead
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                body, ctype, status = site._route(self.path)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LoopbackSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()

    @property
    def feed_url(self) -> str:
        return f"{self.base}/feed.xml"

    def link(self, n: int) -> str:
        return f"{self.base}/a/{n}.html"

    def add_article(self, article: Article) -> str:
        """Publish a page and put it at the top of the feed; returns its link."""
        with self._lock:
            self.articles.append(article)
            return self.link(len(self.articles) - 1)

    def _route(self, path: str) -> tuple[bytes, str, int]:
        with self._lock:
            self.hits[path] += 1
            if path in self.broken:
                return b"error", "text/plain", self.broken[path]
            if path == "/feed.xml":
                return self._feed().encode("utf-8"), "application/rss+xml; charset=utf-8", 200
            if path.startswith("/a/") and path.endswith(".html") and path[3:-5].isdigit():
                n = int(path[3:-5])
                if n < len(self.articles):
                    a = self.articles[n]
                    page = a.html if a.html is not None else article_html(a.title, a.text).encode("utf-8")
                    return page, "text/html; charset=utf-8", 200
        return b"not found", "text/plain", 404

    def _feed(self) -> str:
        items = []
        for n in reversed(range(len(self.articles))):
            a = self.articles[n]
            when = datetime.fromisoformat(a.published) if a.published else datetime(2018, 1, 1, tzinfo=UTC)
            items.append(
                f"<item><title>{html.escape(a.title)}</title><link>{self.link(n)}</link>"
                f'<guid isPermaLink="false">{html.escape(a.guid)}</guid>'
                f"<pubDate>{format_datetime(when)}</pubDate></item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>loopback news</title><link>{self.base}/</link><description>test</description>"
            + "".join(items)
            + "</channel></rss>\n"
        )
