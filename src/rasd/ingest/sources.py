"""``iter_sources``: every input the user named, as ``Source`` records or ``InputError``s, in order.

For each path (see ``walk.expand_paths``):

1. a file larger than ``max_bytes`` that is read whole (text, HTML, JSON) is refused (E105)
   from its size alone, without reading it;
2. the format comes from the name (``formats.split_name``), else from the first bytes;
   an unknown suffix is E108;
3. ``.gz`` files are decompressed on the fly (a corrupt stream is E100);
4. the format's reader yields the sources (``readers``, ``warc``).

Nothing here raises for bad input: each problem is yielded in the input's place.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rasd.errors import InputError
from rasd.ingest.formats import GZIP_MAGIC, SUPPORTED, gunzip_head, has_suffix, sniff, split_name
from rasd.ingest.readers import read_document, read_json, read_jsonl
from rasd.ingest.settings import MAX_BYTES
from rasd.ingest.walk import STDIN, expand_paths
from rasd.ingest.warc import read_warc
from rasd.model import Source

STDIN_ORIGIN = "<stdin>"


def _read_stream(fh: BinaryIO, origin: str, fmt: str | None, max_bytes: int) -> Iterator[Source | InputError]:
    if fmt is None:  # no telling suffix: sniff, looking inside gzip
        head = fh.peek(4096)[:4096]
        if head.startswith(GZIP_MAGIC) and not gunzip_head(head).startswith(b"WARC/"):
            with gzip.GzipFile(fileobj=fh) as gz:  # type: ignore[arg-type]
                yield from _guarded(gz, origin, None, max_bytes)  # type: ignore[arg-type]
            return
        fmt = "warc" if head.startswith(GZIP_MAGIC) else sniff(head)
    if fmt == "warc":
        yield from read_warc(fh, origin, max_bytes)
    elif fmt == "jsonl":
        yield from read_jsonl(fh, origin, max_bytes)
    elif fmt == "json":
        yield from read_json(fh, origin, max_bytes)
    else:
        yield from read_document(fh, origin, fmt, max_bytes)


def _guarded(fh: BinaryIO, origin: str, fmt: str | None, max_bytes: int) -> Iterator[Source | InputError]:
    """``_read_stream`` turning read failures of the underlying file into E100."""
    try:
        yield from _read_stream(fh, origin, fmt, max_bytes)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield InputError("E100", origin, f"corrupt gzip stream ({e})")
    except OSError as e:
        yield InputError("E100", origin, e.strerror or str(e))


def _read_path(path: Path, max_bytes: int) -> Iterator[Source | InputError]:
    origin = str(path)
    fmt, gz = split_name(path.name)
    if fmt == "unsupported":
        yield InputError("E108", origin, f"file type '{path.suffix}' (rasd reads {SUPPORTED})")
        return
    try:
        size = path.stat().st_size
    except OSError as e:
        yield InputError("E100", origin, e.strerror or str(e))
        return
    if size == 0:
        yield InputError("E101", origin, "file is empty (0 bytes)")
        return
    if fmt in ("text", "html", "json") and not gz and size > max_bytes:
        yield InputError("E105", origin, f"{size:,} bytes, limit {max_bytes:,} (--max-bytes / RASD_MAX_BYTES)")
        return
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        yield InputError("E100", origin, e.strerror or str(e))
        return
    with raw:
        if gz and fmt != "warc":
            with gzip.GzipFile(fileobj=raw) as fh:
                yield from _guarded(fh, origin, fmt, max_bytes)  # type: ignore[arg-type]
        else:
            yield from _guarded(raw, origin, fmt if has_suffix(path.name) else None, max_bytes)


def _peekable(fh: BinaryIO) -> BinaryIO:
    """``fh`` itself if it can ``peek`` (sniffing needs it), else a buffered reader over it."""
    return fh if hasattr(fh, "peek") else io.BufferedReader(fh)  # type: ignore[arg-type]


def iter_sources(
    paths: Iterable[str | Path], *, max_bytes: int | None = None, stdin: BinaryIO | None = None,
    exclude: Collection[Path] = (),
) -> Iterator[Source | InputError]:
    """Yield a ``Source`` per document (or an ``InputError`` per bad input) from files, folders
    (recursive, sorted, hidden names skipped) and ``-`` (standard input, or ``stdin`` if given).
    Files in ``exclude`` (absolute paths; e.g. the database being written) are passed over."""
    limit = MAX_BYTES.value() if max_bytes is None else max_bytes
    skip = {Path(p).absolute() for p in exclude}
    for item in expand_paths(paths):
        if isinstance(item, Path) and skip and item.absolute() in skip:
            continue
        if isinstance(item, InputError):
            yield item
        elif item == STDIN:
            yield from _guarded(_peekable(stdin if stdin is not None else sys.stdin.buffer), STDIN_ORIGIN, None, limit)
        else:
            yield from _read_path(item, limit)  # type: ignore[arg-type]
