"""Shared plumbing for the NLP modules: normalise a range of the original text once (cached)
and load the TSV knowledge files under ``rasd/data`` with a per-line check."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rasd.clean.normalize import Normalized, norm, normalize
from rasd.errors import KnowledgeError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

MARKS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"  # diacritics, tatweel
_MARKS = frozenset(MARKS)
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"


@dataclass(frozen=True, slots=True)
class TextRange:
    """A normalised view of ``text[base:end]``: ``norm`` plus a map back to original offsets."""

    normalized: Normalized
    base: int
    piece: str

    @property
    def norm(self) -> str:
        return self.normalized.norm

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised ``[start, end)`` (raises on bad offsets)."""
        s, e = self.normalized.original_span(start, end)
        while e < len(self.piece) and self.piece[e] in _MARKS:  # keep trailing diacritics / tatweel
            e += 1
        return s + self.base, e + self.base


_CACHE: OrderedDict[tuple[int, str], TextRange] = OrderedDict()
_CACHE_SIZE = 32
_LOCK = threading.Lock()  # the API and dask workers call from threads


def text_range(text: str, start: int = 0, end: int | None = None) -> TextRange:
    """Normalise ``text[start:end]`` once; repeated calls on the same range hit a small cache."""
    if end is None:
        end = len(text)
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"range ({start}, {end}) outside text of length {len(text)}")
    piece = text[start:end]
    key = (start, piece)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    tr = TextRange(normalize(piece), start, piece)
    with _LOCK:
        _CACHE[key] = tr
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return tr


def load_tsv(
    name: str | Path, columns: int, check: Callable[[list[str]], str | None] | None = None,
    normalise: tuple[int, ...] = (0,), unique: bool | tuple[int, ...] = True,
) -> list[tuple[int, list[str]]]:
    """Rows of ``rasd/data/<name>`` as ``(line_no, fields)``; ``#`` comments and blank lines skipped.

    Every row must have exactly ``columns`` tab-separated fields; the fields whose index is in
    ``normalise`` are normalised with ``rasd.clean.normalize.norm``; ``check(fields)`` returns an
    error message or None; with ``unique`` the normalised first field may not repeat (a tuple of
    field indices: those fields together, e.g. ``(0, 1)`` for kind and phrase). ``name`` is a file
    name under ``rasd/data`` or a path. A bad row raises ``KnowledgeError`` naming file and line.
    """
    path = DATA_DIR / name
    key_fields = (0,) if unique is True else unique or ()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(str(path), None, f"cannot read: {exc}") from exc
    rows: list[tuple[int, list[str]]] = []
    seen: dict[str, int] = {}
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != columns:
            raise KnowledgeError(str(path), no, f"expected {columns} tab-separated fields, got {len(fields)}")
        for i in normalise:
            fields[i] = norm(fields[i])
            if not fields[i]:
                raise KnowledgeError(str(path), no, f"field {i + 1} is empty")
        if check is not None:
            problem = check(fields)
            if problem:
                raise KnowledgeError(str(path), no, problem)
        if key_fields:
            key = "\t".join(fields[i] for i in key_fields)
            if key in seen:
                shown = key.replace("\t", " ")
                raise KnowledgeError(str(path), no, f"{shown!r} repeats line {seen[key]} once normalised")
            seen[key] = no
        rows.append((no, fields))
    if not rows:
        raise KnowledgeError(str(path), None, "no entries")
    return rows
