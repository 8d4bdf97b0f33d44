"""Arabic normalisation for matching, with a map from every normalised character back to
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


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep the offset map (see module docstring)."""
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
