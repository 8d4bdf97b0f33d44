"""Feed parsing: RSS and Atom entries become ``FeedItem``s oldest first; a page that is not a feed is
E108; a guid-less item is keyed by its link."""

from __future__ import annotations

import pytest

from rasd.errors import InputError
from rasd.scale.feeds import parse_feed

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>سكاي نيوز عربية</title><id>urn:feed</id>
<updated>2018-02-19T10:00:00Z</updated>
<entry><title>انفجار صاروخ قرب قطاع غزة دون إصابات</title><id>urn:a:2</id>
<link href="https://example.org/a/2"/><updated>2018-02-19T09:00:00Z</updated></entry>
<entry><title>غارات على الغوطة الشرقية</title><id>urn:a:1</id>
<link href="/a/1"/><updated>2018-02-18T09:00:00Z</updated></entry>
</feed>"""

RSS_NO_GUID = """<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>t</title><link>https://example.org/p?id=7</link><pubDate>Mon, 19 Feb 2018 00:16:11 +0400</pubDate></item>
</channel></rss>"""


def test_watch_feed_parsing_atom_oldest_first_with_absolute_links():
    title, items = parse_feed(ATOM.encode("utf-8"), "https://example.org/feed.atom", "application/atom+xml")
    assert title == "سكاي نيوز عربية"
    assert [i.guid for i in items] == ["urn:a:1", "urn:a:2"]
    assert items[0].link == "https://example.org/a/1"
    assert items[0].published == "2018-02-18T09:00:00+00:00"


def test_watch_feed_parsing_rss_item_without_guid_is_keyed_by_link():
    _, items = parse_feed(RSS_NO_GUID.encode(), "https://example.org/rss", "application/rss+xml")
    assert [(i.guid, i.link) for i in items] == [("https://example.org/p?id=7", "https://example.org/p?id=7")]
    assert items[0].published == "2018-02-18T20:16:11+00:00"


def test_watch_feed_parsing_html_page_is_not_a_feed(seed_text):
    page = f"<html><body><p>{seed_text[:500]}</p></body></html>".encode()
    with pytest.raises(InputError) as err:
        parse_feed(page, "https://example.org/", "text/html")
    assert err.value.code == "E108"
