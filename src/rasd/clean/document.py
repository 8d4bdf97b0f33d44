"""Turn one raw ``Source`` into a ``Document``: main text of HTML pages, checks on plain text.

``to_document(source)`` is the clean stage's first entry point. For ``kind == "text"`` the text is
kept exactly as given (so every offset stays true to the input); for ``kind == "html"`` the main
text comes from ``rasd.clean.html.extract_html`` and the page title, if the body does not already
open with it, becomes the document's first line.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

from rasd.clean.html import extract_html
from rasd.clean.language import persian_urdu_reason
from rasd.clean.normalize import norm
from rasd.clean.settings import DEFAULT, CleanSettings
from rasd.errors import InputError
from rasd.model import Document, Source

_ARABIC_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+")
_TITLE_SEP = re.compile(r"\s+[-|–—:]{1,2}\s+")


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among all letters of ``text`` (0.0 when it has no letters)."""
    letters = len(_ANY_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def document_id(source: Source, text: str) -> str:
    """``Source.id`` if given; else the origin's file name (without suffixes) when the origin is a
    plain path; else ``doc-`` plus 16 hex digits of the text's hash."""
    if source.id:
        return source.id
    origin = source.origin or ""
    if origin and "#" not in origin and "://" not in origin and not origin.startswith("<"):
        name = PurePath(origin).name
        stem = name.split(".")[0] if not name.startswith(".") else name
        if stem and stem != "-":
            return stem
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean_title(title: str | None, sitename: str | None) -> str | None:
    """The page title without a trailing or leading site name ("headline - اليوم السابع")."""
    if not title:
        return None
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p.strip()]
    if len(parts) > 1 and sitename:
        site = norm(sitename)
        if norm(parts[-1]) == site or site in norm(parts[-1]):
            parts = parts[:-1]
        elif norm(parts[0]) == site:
            parts = parts[1:]
    return " - ".join(parts) or None


def _opens_with(text: str, headline: str) -> bool:
    """Whether the body's first line already is (nearly) the headline."""
    first = text.lstrip().split("\n", 1)[0]
    head_words = set(_WORD.findall(norm(headline)))
    first_words = set(_WORD.findall(norm(first)))
    if not head_words:
        return True
    return len(head_words & first_words) / len(head_words) >= 0.6 and len(first_words) <= 2 * len(head_words)


def check_text(text: str, origin: str, settings: CleanSettings = DEFAULT) -> None:
    """Raise E101 for empty/whitespace text, E104 when too few letters are Arabic or the text is
    Persian/Urdu (``rasd.clean.language``)."""
    if not text or not text.strip():
        raise InputError("E101", origin, "only whitespace" if text else "")
    ratio = arabic_ratio(text)
    if ratio < settings.min_arabic_ratio:
        raise InputError(
            "E104", origin, f"only {ratio:.0%} of the letters are Arabic script (needs {settings.min_arabic_ratio:.0%})"
        )
    persian = persian_urdu_reason(text, settings)
    if persian:
        raise InputError("E104", origin, persian)


def to_document(source: Source, settings: CleanSettings = DEFAULT) -> Document:
    """The ``Document`` of one ``Source`` (kind ``text`` or ``html``); raises ``InputError``
    (E101 empty, E104 not Arabic, E107 no main text in the HTML, E108 unknown kind)."""
    origin = source.origin or "<input>"
    title, published, site, url = source.title, source.published, source.source, source.url
    if source.kind == "text":
        text = source.content
    elif source.kind == "html":
        if not source.content or not source.content.strip():
            raise InputError("E101", origin, "empty page")
        ext = extract_html(source.content, source.url, origin, settings=settings)
        title = title or ext.title
        published = published or ext.published
        site = site or ext.sitename
        url = url or ext.url
        text = ext.text
        headline = clean_title(ext.title, ext.sitename)
        if headline and not _opens_with(text, headline):
            text = f"{headline}\n\n{text}"
    else:
        raise InputError("E108", origin, f"unknown source kind {source.kind!r}")
    check_text(text, origin, settings)
    return Document(
        id=document_id(source, text), text=text, source=site, url=url, title=title,
        published=published, origin=source.origin,
    )
