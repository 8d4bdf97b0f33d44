"""Decide which reader an input needs: by file name first, by its first bytes when the name says nothing.

Formats: ``text`` (.txt), ``html`` (.html/.htm/.xhtml), ``jsonl`` (.jsonl/.ndjson), ``json`` (.json:
an array of documents or one document), ``warc`` (.warc/.warc.gz/.arc); any but ``warc`` may be
gzip-compressed (``.html.gz``).
"""

from __future__ import annotations

import re
import zlib

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".arc": "warc",
}

GZIP_MAGIC = b"\x1f\x8b"


def _supported() -> str:
    """The suffixes of ``SUFFIXES``, grouped by format (``.txt/.text, .html/.htm/.xhtml, …``)."""
    groups: dict[str, list[str]] = {}
    for suffix, fmt in SUFFIXES.items():
        groups.setdefault(fmt, []).append(suffix)
    return ", ".join("/".join(group) for group in groups.values()) + " (and .gz of each)"


SUPPORTED = _supported()  # for help texts and E108: derived, never a second list

_JSON_ARRAY = re.compile(rb"\[\s*[{\]]")
_HTML_START = re.compile(rb"^\s*(<!doctype|<html|<head|<body|<meta|<div|<p[\s>]|<!--)", re.IGNORECASE)


def split_name(name: str) -> tuple[str | None, bool]:
    """``(format or None, gzipped)`` from a file name; ``None`` when the suffix is unknown or absent."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    dot = lower.rfind(".")
    if dot <= 0:
        return None, gz
    return SUFFIXES.get(lower[dot:], "unsupported"), gz


def has_suffix(name: str) -> bool:
    base = name.lower().removesuffix(".gz")
    return base.rfind(".") > 0


def sniff(head: bytes) -> str:
    """The format of an input from its first bytes (already decompressed)."""
    body = head.lstrip(b"\xef\xbb\xbf")
    if body.startswith(b"WARC/"):
        return "warc"
    start = body.lstrip()
    if _JSON_ARRAY.match(start):  # "[{" or "[]", not a text opening with a bracket ("[فيديو] ...")
        return "json"
    if start.startswith(b"{"):  # one object per line, unless the first line opens a pretty-printed one
        return "json" if start.split(b"\n", 1)[0].strip() == b"{" else "jsonl"
    if _HTML_START.match(body):
        return "html"
    return "text"


def gunzip_head(head: bytes, size: int = 64) -> bytes:
    """The first ``size`` decompressed bytes of gzip data ``head`` (empty if it is not gzip)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
    except zlib.error:
        return b""
