"""Split a document into paragraphs and measure how alike two paragraphs' words are.

Paragraphs of a document (its non-blank lines) with their normalised words, and the word-set
measures the segmenter compares them with."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rasd.clean.normalize import norm

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Para:
    """One non-blank line: ``doc.text[start:end]``, its normalised form and words, and what the
    segmenter decided about it."""

    start: int
    end: int
    norm: str
    words: list[str]
    kind: str = "article"
    story: int | None = None
    reason: str = ""  # why a new story starts here ("" if none)


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line, surrounding whitespace excluded."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line)
    return spans


def paragraphs(text: str) -> list[Para]:
    """Every non-blank line of ``text`` as a ``Para``."""
    out = []
    for start, end in line_spans(text):
        n = norm(text[start:end])
        out.append(Para(start, end, n, _WORD.findall(n)))
    return out


def _stem(word: str) -> str:
    if len(word) > 4 and word[0] in "وف":
        word = word[1:]
    if len(word) > 4 and word.startswith("ال"):
        word = word[2:]
    return word


def content_set(words: list[str]) -> set[str]:
    """Content words, with a leading و/ف and the article ال stripped, of 3+ letters."""
    return {w for w in (_stem(x) for x in words) if len(w) > 2}


def cosine(a: set[str], b: set[str]) -> float:
    """Cosine of two word sets (0.0 if either is empty)."""
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def shingles(words: list[str], n: int = 3) -> set[tuple[str, ...]]:
    """Word ``n``-grams (the whole list when shorter)."""
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
