"""Shared plumbing for the NLP modules: normalise a range of the original text once (cached)
and load the TSV knowledge files under ``rasd/data`` with a per-line check."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasd.clean import normalize as _ref
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


# fast_normalize: the same result as rasd.clean.normalize.normalize (a test checks it on the corpus),
# with numpy look-up tables over code points instead of a Python loop per character.
_SLOW = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")  # presentation forms expand: the reference path
_DROP = np.zeros(0x10000, dtype=np.uint8)  # per BMP code point: 1 deleted, 2 whitespace
_DROP[[ord(c) for c in _ref._DELETE]] = 1
_DROP[[c for c in range(0x10000) if chr(c).isspace()]] = 2
_FOLD_CP = np.arange(0x10000, dtype=np.uint32)  # per BMP code point: its folded code point
_FOLD_CP[[ord(k) for k in _ref._FOLD]] = [ord(v) for v in _ref._FOLD.values()]
_FOLD_CP[ord("A"):ord("Z") + 1] += 32
_FOLD_CP[_DROP == 2] = 0x20
if any(len(v) != 1 for v in _ref._FOLD.values()):  # the tables assume one character for one
    raise ImportError("rasd.clean.normalize folds a character to several: update rasd.nlp._text")


def fast_normalize(text: str) -> Normalized:
    """``rasd.clean.normalize.normalize(text)``, about 5x faster on news text."""
    if not text or _SLOW.search(text):
        return normalize(text)
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    bmp = np.minimum(cps, 0xFFFF)  # no deleted, folded or space character lies outside the BMP
    cls = _DROP[bmp]
    idx = np.flatnonzero(cls != 1)
    ws = cls[idx] == 2
    prev_ws = np.empty_like(ws)
    if len(ws):
        prev_ws[0] = True
        prev_ws[1:] = ws[:-1]
    kept = idx[~(ws & prev_ws)]
    folded = np.where(cps[kept] > 0xFFFF, cps[kept], _FOLD_CP[bmp[kept]]).astype("<u4")
    return Normalized(folded.tobytes().decode("utf-32-le"), tuple(kept.tolist()) + (len(text),))


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
    tr = TextRange(fast_normalize(piece), start, piece)
    with _LOCK:
        _CACHE[key] = tr
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return tr


def load_tsv(
    name: str, columns: int, check: Callable[[list[str]], str | None] | None = None,
    normalise: tuple[int, ...] = (0,), unique: bool = True,
) -> list[tuple[int, list[str]]]:
    """Rows of ``rasd/data/<name>`` as ``(line_no, fields)``; ``#`` comments and blank lines skipped.

    Every row must have exactly ``columns`` tab-separated fields; the fields whose index is in
    ``normalise`` are normalised with ``rasd.clean.normalize.norm``; ``check(fields)`` returns an
    error message or None; with ``unique`` the normalised first field may not repeat. A bad row
    raises ``KnowledgeError`` naming file and line.
    """
    path = DATA_DIR / name
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
        if unique:
            if fields[0] in seen:
                raise KnowledgeError(str(path), no, f"{fields[0]!r} repeats line {seen[fields[0]]} once normalised")
            seen[fields[0]] = no
        rows.append((no, fields))
    if not rows:
        raise KnowledgeError(str(path), None, "no entries")
    return rows
