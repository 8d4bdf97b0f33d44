"""Readers for single-document files (text, HTML), JSON files and JSON Lines of documents.

Every reader takes an open binary stream, the input's ``origin`` and the byte limit, and yields
``Source`` or ``InputError`` — it never raises for bad input, so a batch can go on.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from rasd.errors import InputError
from rasd.ingest.decode import check_binary, declared_charset, decode_bytes
from rasd.model import Source

# JSON Lines field names, first match wins
TEXT_FIELDS = ("text", "content", "body", "article")
HTML_FIELDS = ("html", "raw_html")
DATE_FIELDS = ("published", "date", "published_at", "date_published", "datePublished", "pubdate",
               "date_extracted")
SOURCE_FIELDS = ("source", "outlet", "site")

_SKIP_CHUNK = 1 << 20
_WHOLE_PAGE = re.compile(r"\A\ufeff?\s*(<!doctype html|<html[\s>])", re.IGNORECASE)


def read_limited(fh: BinaryIO, origin: str, max_bytes: int) -> bytes:
    """Read all of ``fh`` but never more than ``max_bytes`` + 1 bytes; E105 if it is larger."""
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("E105", origin, f"more than {max_bytes:,} bytes (limit: --max-bytes / RASD_MAX_BYTES)")
    return data


def read_document(fh: BinaryIO, origin: str, kind: str, max_bytes: int) -> Iterator[Source | InputError]:
    """One text or HTML document from ``fh`` (``kind`` is ``"text"`` or ``"html"``)."""
    try:
        data = read_limited(fh, origin, max_bytes)
        declared = declared_charset(data[:4096]) if kind == "html" else None
        text = decode_bytes(data, origin, declared=declared)
    except InputError as e:
        yield e
        return
    if not text.strip():
        yield InputError("E101", origin, "only whitespace after decoding")
        return
    if kind == "text" and _WHOLE_PAGE.match(text):  # a saved web page named .txt
        kind = "html"
    yield Source(origin=origin, kind=kind, content=text)


def _bounded_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``; ``bytes`` is None for a line longer than ``max_bytes`` (skipped
    without holding it in memory)."""
    n = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                chunk = fh.readline(_SKIP_CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, line


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, ""):
            return value
    return None


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _names(obj: dict[str, Any], shown: int = 6, width: int = 30) -> str:
    """The first field names of ``obj``, each cut to ``width`` characters, for an error message."""
    names = [k if len(k) <= width else k[: width - 1] + "…" for k in list(obj)[:shown]]
    more = f", … {len(obj) - shown:,} more" if len(obj) > shown else ""
    return (", ".join(names) or "none") + more


def source_from_json(obj: Any, origin: str) -> Source:
    """A ``Source`` from one decoded JSON document; ``InputError`` (E106 / E101) if it is not one."""
    if not isinstance(obj, dict):
        raise InputError("E106", origin, f"expected a JSON object, got {type(obj).__name__}")
    text = _first(obj, TEXT_FIELDS)
    kind = "text"
    if text is None:
        text = _first(obj, HTML_FIELDS)
        kind = "html"
    if text is None:
        present = [k for k in TEXT_FIELDS + HTML_FIELDS if k in obj]
        if present:
            raise InputError("E101", origin, f"field '{present[0]}' is empty")
        raise InputError("E106", origin, f"no 'text' or 'html' field (fields: {_names(obj)})")
    if not isinstance(text, str):
        raise InputError("E106", origin, f"'{kind}' field is a {type(text).__name__}, not a string")
    if not text.strip():
        raise InputError("E101", origin, f"'{kind}' field holds only whitespace")
    return Source(
        origin=origin,
        kind=kind,
        content=text,
        id=_opt_str(obj.get("id")),
        title=_opt_str(obj.get("title")),
        published=_opt_str(_first(obj, DATE_FIELDS)),
        source=_opt_str(_first(obj, SOURCE_FIELDS)),
        url=_opt_str(obj.get("url")),
    )


def _parse_line(raw: bytes, origin: str) -> Source:
    text = decode_bytes(raw, origin)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError("E106", origin, f"{e.msg.removesuffix(' at')} at column {e.colno}") from e
    return source_from_json(obj, origin)


def read_jsonl(fh: BinaryIO, origin: str, max_bytes: int) -> Iterator[Source | InputError]:
    """One ``Source`` per non-blank line, origin ``<origin>#L<n>``; bad lines become errors."""
    head = fh.peek(4096)[:4096] if hasattr(fh, "peek") else b""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 JSON Lines: decode the whole file
        try:
            text = decode_bytes(read_limited(fh, origin, max_bytes), origin)
        except InputError as e:
            yield e
            return
        lines: Iterator[tuple[int, bytes | None]] = (
            (i, line.encode("utf-8")) for i, line in enumerate(text.splitlines(), 1)
        )
    else:
        try:
            check_binary(head, origin)
        except InputError as e:
            yield e
            return
        lines = _bounded_lines(fh, max_bytes)
    for n, raw in lines:
        where = f"{origin}#L{n}"
        if raw is None:
            yield InputError("E105", where, f"line longer than {max_bytes:,} bytes (limit: --max-bytes / RASD_MAX_BYTES)")
            continue
        if n == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            yield _parse_line(raw, where)
        except InputError as e:
            yield e


def read_json(fh: BinaryIO, origin: str, max_bytes: int) -> Iterator[Source | InputError]:
    """The documents of a JSON file: an array of objects (origin ``<origin>#[<i>]``, counted from 0)
    or one object; a file of one object per line (JSON Lines named ``.json``) is read as JSON Lines."""
    try:
        data = read_limited(fh, origin, max_bytes)
        text = decode_bytes(data, origin)
    except InputError as e:
        yield e
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data" and text.lstrip().startswith("{"):  # JSON Lines after all
            yield from read_jsonl(io.BufferedReader(io.BytesIO(text.encode("utf-8"))), origin, max_bytes)
            return
        yield InputError("E106", origin, f"{e.msg.removesuffix(' at')} at line {e.lineno} column {e.colno}")
        return
    if isinstance(obj, list):
        if not obj:
            yield InputError("E101", origin, "the JSON array is empty")
        for i, item in enumerate(obj):
            try:
                yield source_from_json(item, f"{origin}#[{i}]")
            except InputError as e:
                yield e
        return
    try:
        yield source_from_json(obj, origin)
    except InputError as e:
        yield e
