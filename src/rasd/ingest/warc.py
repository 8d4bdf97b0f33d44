"""Read web archives (WARC, WARC.gz, ARC) with warcio: one ``Source`` per HTML (or plain-text) page.

Only ``response`` records with a 2xx status and ``resource`` records are read; requests, metadata,
images and the like are passed over silently. A record's origin is ``<path>#<WARC-Record-ID>`` (or
``#<n>``, its position, when it has none). A damaged archive yields E109 and reading stops, since
the next record boundary cannot be found.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rasd.errors import InputError
from rasd.ingest.decode import declared_charset, decode_bytes
from rasd.ingest.formats import GZIP_MAGIC, gunzip_head
from rasd.model import Source

_HTML_TYPES = ("text/html", "application/xhtml")


def _kind(content_type: str) -> str | None:
    ct = content_type.lower()
    if any(t in ct for t in _HTML_TYPES):
        return "html"
    if "text/plain" in ct:
        return "text"
    return None


def _record_origin(origin: str, record, n: int) -> str:
    rid = record.rec_headers.get_header("WARC-Record-ID") if record.rec_headers else None
    return f"{origin}#{rid.strip('<>') if rid else n}"


def _record_source(record, where: str, max_bytes: int) -> Source | InputError | None:
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = http.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    kind = _kind(content_type)
    if kind is None:
        return None
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return InputError("E105", where, f"record larger than {max_bytes:,} bytes (limit: --max-bytes / RASD_MAX_BYTES)")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        return InputError("E109", where, f"record truncated: {missing:,} of {record.length:,} bytes missing")
    try:
        declared = declared_charset(content_type.encode("latin-1", "ignore")) or declared_charset(data[:4096])
        text = decode_bytes(data, where, declared=declared)
    except InputError as e:
        return e
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Source(origin=where, kind=kind, content=text, url=url)


def _head(fh: BinaryIO) -> bytes:
    """The first bytes of the archive, decompressed if it is gzip."""
    head = fh.peek(1024)[:1024] if hasattr(fh, "peek") else b""
    return gunzip_head(head) if head.startswith(GZIP_MAGIC) else head


def read_warc(fh: BinaryIO, origin: str, max_bytes: int) -> Iterator[Source | InputError]:
    """Every HTML/text page in the archive ``fh`` (see module docstring)."""
    head = _head(fh)
    if not head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://")):
        yield InputError("E109", origin, f"does not start with a WARC header (starts {head[:12]!r})")
        return
    n = 0
    pages = 0
    try:
        for record in ArchiveIterator(fh):
            n += 1
            item = _record_source(record, _record_origin(origin, record, n), max_bytes)
            if item is None:
                continue
            pages += 1
            yield item
    except (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error) as e:
        yield InputError("E109", f"{origin}#{n + 1}", f"{type(e).__name__}: {str(e).strip()[:200]}")
        return
    if pages == 0:
        yield InputError("E101", origin, f"no HTML or text pages among {n} WARC records")
