"""Main text and metadata of one HTML page: the extraction fallback chain.

``extract_html(html, url)`` runs the chain (see ``extract_html``'s docstring) and returns an
``Extraction``; it never returns None: when nothing usable comes out it raises ``InputError`` E107.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html

from rasd.clean.normalize import norm
from rasd.clean.settings import DEFAULT, CleanSettings
from rasd.errors import InputError

_JSONLD = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>", re.I | re.S
)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "webpage"}


@dataclass(slots=True)
class Extraction:
    """What one page yielded: ``text`` (main text, paragraphs one a line) and metadata."""

    text: str
    method: str  # which chain step produced ``text``
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None


def strip_jsonld(html: str) -> str:
    """The page without its JSON-LD blocks (for evaluating extraction without the publisher's text)."""
    return _JSONLD.sub("", html)


def _jsonld_objects(html: str) -> list[dict]:
    out: list[dict] = []
    for block in _JSONLD.findall(html):
        try:
            data = json.loads(block.strip(), strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return out


def _is_article(obj: dict) -> bool:
    types = obj.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types)


def _jsonld_meta(objs: list[dict]) -> dict[str, str | None]:
    meta: dict[str, str | None] = {"title": None, "published": None, "sitename": None, "url": None, "body": None}
    for obj in objs:
        if not _is_article(obj):
            continue
        meta["title"] = meta["title"] or _str(obj.get("headline") or obj.get("name"))
        meta["published"] = meta["published"] or _str(obj.get("datePublished") or obj.get("dateCreated"))
        pub = obj.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict):
            meta["sitename"] = meta["sitename"] or _str(pub.get("name"))
        meta["url"] = meta["url"] or _str(obj.get("url") or obj.get("mainEntityOfPage"))
        body = _str(obj.get("articleBody"))
        if body and len(body) > len(meta["body"] or ""):
            meta["body"] = body
    return meta


def _str(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split()) if "\n" not in value else value.strip()
    return None


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment, one block element (p, div, li, h1-h3, br) a line."""
    try:
        tree = lxml_html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml_html.etree.ParserError):
        return fragment
    for bad in tree.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for el in tree.iter("br", "p", "div", "li", "h1", "h2", "h3", "blockquote"):
        el.tail = "\n" + (el.tail or "")
    return tree.text_content()


def _clean_body(text: str) -> str:
    """One paragraph a line, inner whitespace runs collapsed, entities and markup resolved."""
    for _ in range(2):  # some publishers escape their articleBody markup twice
        if "&lt;" in text or "&amp;" in text or "&quot;" in text:
            text = htmllib.unescape(text)
    if re.search(r"<(p|br|div|a|span|strong|b|i|em|blockquote)\b", text, re.I):
        text = fragment_text(text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _paragraph_baseline(html: str) -> str:
    """Readability-like last resort: the text of every <p> long enough to be prose."""
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//nav|//footer|//header|//aside|//form"):
        bad.drop_tree()
    paras = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    return "\n".join(p for p in paras if len(p) >= 60)


def _recover_lead(html: str, description: str | None, text: str) -> str:
    """The page's lead paragraph when the extraction lost it: the smallest visible element whose
    text holds the meta description (publishers copy their lead there), if the text lacks it."""
    if not description or len(description) < 60:
        return ""
    key = norm(description)[:50]
    if key in norm(text):
        return ""
    probe = description.strip()[:25]
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for bad in tree.xpath("//head|//script|//style|//noscript|//meta"):
        bad.drop_tree()
    best = ""
    for el in tree.iter("p", "div", "span", "h2", "h3", "li", "section", "article"):
        content = el.text_content()
        if probe in content and key in norm(content) and (not best or len(content) < len(best)):
            best = content
    return _clean_body(best) if best and len(best) <= 3 * len(description) else ""


def extract_html(html: str, url: str | None = None, origin: str = "<html>", *,
                 settings: CleanSettings = DEFAULT, use_jsonld_body: bool = True) -> Extraction:
    """Main text of a page, trying each step in turn; the first whose text reaches
    ``settings.min_extracted_size`` characters wins, else the longest usable one.

    1. trafilatura, ``favor_precision`` (comments and tables off), with its metadata.
    2. JSON-LD ``articleBody`` of an Article/NewsArticle object (skipped if ``use_jsonld_body`` is False).
    3. trafilatura ``baseline`` (paragraphs and article elements, no boilerplate scoring).
    4. every ``<p>`` of 60+ characters outside script/nav/header/footer/aside.

    5. lead check: if the chosen text lacks the page's lead (the meta description, found in a
       visible element but dropped, e.g. inside a "share" box), that element's text is put first.

    Metadata (title, date, site name, url) comes from trafilatura, filled in from JSON-LD.
    Raises ``InputError("E107", origin, ...)`` if no step yields ``settings.min_usable_size`` characters.
    """
    objs = _jsonld_objects(html)
    meta = _jsonld_meta(objs)
    doc = None
    try:
        doc = trafilatura.bare_extraction(html, url=url, favor_precision=True, include_comments=False,
                                          include_tables=False, with_metadata=True)
    except (ValueError, TypeError, AttributeError):  # trafilatura raises these on broken trees
        doc = None
    candidates: list[tuple[str, str]] = []
    steps = (
        ("trafilatura", lambda: _clean_body(doc.text or "") if doc is not None else ""),
        ("jsonld", lambda: _clean_body(meta["body"] or "") if use_jsonld_body else ""),
        ("baseline", lambda: _clean_body(trafilatura.baseline(html)[1] or "")),
        ("paragraphs", lambda: _paragraph_baseline(html)),
    )
    chosen: tuple[str, str] | None = None
    for name, step in steps:
        text = step()
        if len(text) >= settings.min_extracted_size:
            chosen = (name, text)
            break
        candidates.append((name, text))
    if chosen is None:
        name, text = max(candidates, key=lambda c: len(c[1]))
        if len(text) < settings.min_usable_size:
            raise InputError("E107", origin, f"{len(text)} characters of main text at best")
        chosen = (name, text)
    lead = _recover_lead(html, doc.description if doc is not None else None, chosen[1])
    if lead:
        chosen = (chosen[0] + "+lead", f"{lead}\n{chosen[1]}")
    title = (doc.title if doc is not None else None) or meta["title"]
    published = meta["published"] or (doc.date if doc is not None else None)
    sitename = (doc.sitename if doc is not None else None) or meta["sitename"]
    page_url = url or (doc.url if doc is not None else None) or meta["url"]
    return Extraction(chosen[1], chosen[0], _str(title), _str(published), _str(sitename), _str(page_url))
