"""Turn raw bytes into text: reject binary content, detect the encoding, decode.

``decode_bytes`` is one fallback chain:

1. a byte-order mark decides (UTF-8-BOM, UTF-16 LE/BE, UTF-32 LE/BE);
2. binary content is rejected (E102): a known binary magic number, or NUL bytes (unless the
   whole input is BOM-less UTF-16 text);
3. strict UTF-8;
4. the charset the container declared (HTML ``<meta charset>``, HTTP ``Content-Type``), strictly;
5. charset-normalizer, restricted to the encodings Arabic news comes in (windows-1256,
   ISO-8859-6, the Latin code pages for English pages) — the best-scoring candidate wins,
   with ties broken towards the candidate whose text holds more Arabic letters;
6. nothing fits: E103.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from rasd.errors import InputError
from rasd.ingest.settings import SNIFF_BYTES

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

# encodings charset-normalizer may choose from (Python codec names)
CANDIDATES: tuple[str, ...] = ("cp1256", "iso8859_6", "cp720", "cp1252", "iso8859_1")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_DECLARED = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def _printable_share(text: str) -> float:
    """Share of characters that are not control characters (C0 except tab/newlines, DEL, C1)."""
    if not text:
        return 0.0
    return 1.0 - len(_CONTROL.findall(text)) / len(text)


def declared_charset(head: bytes) -> str | None:
    """The charset named in an HTML ``<meta>`` or a Content-Type value, if Python knows it."""
    m = _DECLARED.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _bom(data: bytes) -> tuple[str, bytes] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, data[len(bom):]
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Text if ``data`` is UTF-16 without a BOM (NULs only as the high byte of ASCII)."""
    if len(data) % 2:
        return None
    head = data[: SNIFF_BYTES.value()]
    nul_even = head[0::2].count(0)
    nul_odd = head[1::2].count(0)
    enc = "utf-16-le" if nul_odd > nul_even else "utf-16-be"  # ASCII's zero byte is the high byte
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    if "\x00" not in text and _printable_share(text[:4096]) > 0.97:
        return text
    return None


def check_binary(data: bytes, origin: str) -> None:
    """Raise E102 if ``data`` (the first bytes of an input) is not text."""
    head = data[: SNIFF_BYTES.value()]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError("E102", origin, f"looks like {what}")
    if b"\x00" in head:
        raise InputError("E102", origin, f"NUL bytes in the first {len(head)} bytes")


def decode_bytes(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode ``data`` following the chain in the module docstring; raise ``InputError``.

    Text that decodes but is mostly control characters is binary after all (E102)."""
    text = _decode(data, origin, declared)
    sample = text[:4096]
    if _printable_share(sample) < 0.9:
        raise InputError("E102", origin, "mostly control characters, not text")
    return text


def _decode(data: bytes, origin: str, declared: str | None) -> str:
    if not data.strip():
        raise InputError("E101", origin, "no content" if not data else "only whitespace")
    bom = _bom(data)
    if bom:
        enc, body = bom
        try:
            return body.decode(enc)
        except UnicodeDecodeError as e:
            raise InputError("E103", origin, f"invalid {enc} after its byte-order mark at byte {e.start}") from e
    if b"\x00" in data[: SNIFF_BYTES.value()]:
        text = _bomless_utf16(data)
        if text is not None:
            return text
    check_binary(data, origin)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError("E102", origin, f"NUL byte at offset {nul:,}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    text = _detect(data)
    if text is None:
        raise InputError("E103", origin, "not UTF-8 and no known encoding fits")
    return text


def _detect(data: bytes) -> str | None:
    matches = from_bytes(data, cp_isolation=list(CANDIDATES), preemptive_behaviour=False)
    best: tuple[float, float, str] | None = None
    for m in matches:
        text = str(m)
        if "\x00" in text or _printable_share(text[:4096]) < 0.95:
            continue
        # lower chaos is better; among near-equal chaos prefer more Arabic
        key = (-round(m.chaos, 2), _arabic_share(text), text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None
    return best[2]
