"""Normalise Arabic for matching, keeping a map back to the original offsets.

Arabic normalisation for matching, with a map from every normalised character back to
its offset in the original text.

Folds: alef forms (أ إ آ ٱ → ا), alef maqsura → yeh (ى → ي), teh marbuta → heh (ة → ه),
hamza carriers (ؤ → و, ئ → ي), tatweel and diacritics dropped, Eastern Arabic and Persian
digits → ASCII, presentation forms (U+FBxx/U+FExx, e.g. ﻷ) expanded by NFKC, curly quotes
→ straight, all whitespace runs → one space. Latin is lower-cased.

``normalize(text)`` returns a ``Normalized`` whose ``offsets[i]`` is the original index of
``norm[i]``; ``offsets`` has one extra entry (``len(text)``) so end offsets map too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

_DIACRITICS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640", "\u06DF", "\u06E1"}
_DELETE = _DIACRITICS | {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"}

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و", "ک": "ك",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
    "،": "،", "–": "-", "—": "-",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[_d] = str(_i)

_WS = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus ``offsets`` back into the original (len(norm) + 1 entries)."""

    norm: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` to the original ``[start, end)``.

        Raises ``ValueError`` on offsets outside the text (never returns None).
        """
        if not (0 <= start <= end <= len(self.norm)):
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {len(self.norm)}")
        if start == end:
            o = self.offsets[start]
            return o, o
        # end: one past the original index of the last normalised character
        return self.offsets[start], self.offsets[end - 1] + 1


def _fold_char(ch: str) -> str:
    if ch in _DELETE:
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    cp = ord(ch)
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:  # Arabic presentation forms
        # isolated diacritic forms (U+FE70–FE7F) decompose to space + mark: drop the space
        return "".join(_fold_char(c) for c in unicodedata.normalize("NFKC", ch).strip())
    if ch.isascii():
        return ch.lower()
    return ch


def _normalize_loop(text: str) -> Normalized:
    """The reference implementation: one character at a time (handles presentation forms)."""
    out: list[str] = []
    offsets: list[int] = []
    prev_space = True  # strip leading whitespace
    for i, ch in enumerate(text):
        if _WS.match(ch):
            if not prev_space:
                out.append(" ")
                offsets.append(i)
                prev_space = True
            continue
        folded = _fold_char(ch)
        for f in folded:
            out.append(f)
            offsets.append(i)
        if folded:
            prev_space = False
    offsets.append(len(text))
    return Normalized("".join(out), tuple(offsets))


def norm(text: str) -> str:
    """Just the normalised string (for lexicon entries and keys)."""
    return normalize(text).norm.strip()


# The fast path: numpy look-up tables over code points instead of a Python loop per character.
# It gives exactly what ``_normalize_loop`` gives (tests/test_normalize_offsets.py checks it on the
# corpus); texts with presentation forms (which expand to several characters) take the loop.
_SLOW = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")
_DROP = np.zeros(0x10000, dtype=np.uint8)  # per BMP code point: 1 deleted, 2 whitespace
_DROP[[ord(c) for c in _DELETE]] = 1
_DROP[[c for c in range(0x10000) if chr(c).isspace()]] = 2
_FOLD_CP = np.arange(0x10000, dtype=np.uint32)  # per BMP code point: its folded code point
_FOLD_CP[[ord(k) for k in _FOLD]] = [ord(v) for v in _FOLD.values()]
_FOLD_CP[ord("A"):ord("Z") + 1] += 32
_FOLD_CP[_DROP == 2] = 0x20
assert all(len(v) == 1 for v in _FOLD.values()), "the tables assume one character for one"


@lru_cache(maxsize=256)
def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep the offset map (see module docstring).

    Cached: the stages that read one document (extract, geo) share its normalised text.
    """
    if not text or _SLOW.search(text):
        return _normalize_loop(text)
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
