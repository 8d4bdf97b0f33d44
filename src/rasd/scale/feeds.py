"""Fetch URLs and read RSS/Atom feeds into ``FeedItem`` records (feedparser does the parsing).

``fetch`` is the only network call in rasd: plain ``urllib`` with a timeout, returning bytes and
the declared charset; ``page_source`` turns an item's fetched page into a ``Source`` of kind html.
"""

from __future__ import annotations

import calendar
import http.client
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime

from rasd.errors import InputError
from rasd.model import Source

USER_AGENT = "rasd-watch/0.1 (+https://github.com/rasd)"
MAX_BYTES = 20 * 1024 * 1024


@dataclass(slots=True, frozen=True)
class FeedItem:
    """One feed entry: ``guid`` is its stable key (the entry id, else its link)."""

    guid: str
    link: str
    title: str | None = None
    published: str | None = None


@dataclass(slots=True, frozen=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    charset: str | None
    content_type: str = ""


def fetch(url: str, *, timeout: float = 20.0) -> Fetched:
    """GET ``url``; raises ``InputError`` E100 on any network or HTTP error, E105 if too large."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s)/file by design
            body = resp.read(MAX_BYTES + 1)
            final = resp.geturl() or url
            charset = resp.headers.get_content_charset()
            content_type = resp.headers.get("Content-Type", "")
    except (OSError, ValueError, http.client.HTTPException) as err:  # HTTPException: a bad status line or headers
        raise InputError("E100", url, f"fetch failed: {type(err).__name__}: {err}") from err
    if len(body) > MAX_BYTES:
        raise InputError("E105", url, f"more than {MAX_BYTES} bytes")
    return Fetched(final, body, charset, content_type)


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()


def parse_feed(data: bytes, url: str, content_type: str = "") -> tuple[str | None, list[FeedItem]]:
    """The feed's title and its items, oldest first. Raises ``InputError`` E108 if not a feed
    (an empty but well-formed feed is fine)."""
    import feedparser

    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(data, response_headers=headers)
    if parsed.bozo and not parsed.entries and not parsed.version:
        raise InputError("E108", url, f"not an RSS/Atom feed: {parsed.get('bozo_exception')}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if link.startswith("file://") and not link.startswith("file:///"):
            link = "file:///" + link[len("file://"):]  # feedparser drops the empty host of file:///x
        guid = entry.get("id") or link
        if not guid or not link:
            continue
        published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
        items.append(FeedItem(guid, link, entry.get("title"), published))
    items.reverse()  # feeds list newest first; process in publication order
    return parsed.feed.get("title"), items


def decode(fetched: Fetched) -> str:
    """Page bytes → text through ingest's decoding chain (HTTP charset as the declared one)."""
    from rasd.ingest.decode import decode_bytes

    return decode_bytes(fetched.body, fetched.url, declared=fetched.charset)


def page_source(item: FeedItem, feed_title: str | None, *, timeout: float = 20.0) -> Source:
    """Fetch an item's page and wrap it as an html ``Source`` carrying the feed's metadata."""
    fetched = fetch(item.link, timeout=timeout)
    return Source(
        origin=item.link,
        kind="html",
        content=decode(fetched),
        title=item.title,
        published=item.published,
        source=feed_title,
        url=fetched.url,
    )
