"""Split Arabic text into sentences, as offsets into the original text.

Split Arabic text into sentences: ``split_sentences(text, start, end)`` returns trimmed
``(start, end)`` offsets into the original text.

A sentence ends at a newline, or after ``. ! ? ؟ ؛`` followed by whitespace (closing quotes and
brackets stay with the sentence). A dot does not end a sentence when it is part of a number
(``2.5``, ``1.200``), a run of dots (``دير الزور.. هجمات``, ``...``), an abbreviation made of one
letter (``د.``, ``م.``, ``U.S.``), a dotted abbreviation (``بي.بي.سي``, ``أ.ف.ب``), or a domain
(``alarabiya.net``). A full stop glued to the next word (``الانتخابات.وأضاف``) does end one; a
stray run of punctuation (``. .``) joins the sentence before it. Scrape debris right after a
terminator (a slash, invisible marks: ``بغداد./ وقال``, ``بغداد./وقالت``, ``الحوثيين.\u200f``) goes with
the sentence it closes, and the next word starts a new one.
"""

from __future__ import annotations

import re

from rasd.nlp._text import ARABIC_LETTERS

# A terminator run plus closing quotes/brackets; the sentence ends after it.
_END = re.compile(r"[.!?؟؛]+[\"'”’»)\]]*")
_LINE = re.compile(r"\n")
_WORD_BEFORE = re.compile(rf"([{ARABIC_LETTERS}A-Za-z]+)$")
_WORD_AFTER = re.compile(rf"[{ARABIC_LETTERS}]+")
_ARABIC = re.compile(rf"[{ARABIC_LETTERS}]")
_SPACE = frozenset(" \t\r\n\u00a0\u200f\u200e\u2009\u202f")
# Debris a scraped page leaves after a full stop: slashes, bars and invisible format marks.
_DEBRIS = re.compile(r"[/|\\\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+")


def _debris_end(text: str, m: re.Match[str], limit: int) -> int | None:
    """Where the sentence ends when scrape debris follows its terminator ("بغداد./ وقال"): after the
    debris, when a space, the end or an Arabic word comes next; None when there is no such debris."""
    if not m.group().startswith((".", "!", "?", "؟", "؛")):
        return None
    d = _DEBRIS.match(text, m.end(), limit)
    if d is None:
        return None
    stop = d.end()
    nxt = text[stop] if stop < limit else ""
    return stop if not nxt or nxt in _SPACE or _ARABIC.match(nxt) else None


def _one_letter_before(text: str, m: re.Match[str]) -> bool:
    w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
    return bool(w and len(w.group(1)) == 1)  # د. / م. / U.S.


def _ends_sentence(text: str, m: re.Match[str], limit: int) -> bool:
    run = m.group()
    stop = m.end()
    nxt = text[stop] if stop < limit else ""
    dots = run.rstrip("\"'”’»)]")
    if dots.count(".") >= 2 and set(dots) == {"."}:
        return nxt in ("", "\n")  # ellipsis / "..": a pause, unless it closes the paragraph
    if not nxt or nxt in _SPACE:
        if dots == ".":
            w = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if w and len(w.group(1)) == 1:  # د. / م. / U.S.
                return False
        return True
    if dots == "." and _ARABIC.match(nxt):
        # "الشرقية.وأضاف": a missing space after a full stop between two Arabic words, but not
        # the dotted abbreviations "بي.بي.سي", "أ.ف.ب" (short parts)
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        after = _WORD_AFTER.match(text, stop)
        return bool(before and after and len(before.group(1)) >= 3 and len(after.group(0)) >= 3
                    and _ARABIC.match(before.group(1)[-1]))
    if dots != "." and not dots.startswith("."):
        return not nxt.isdigit() and not nxt.isascii()
    return False


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and (text[s].isspace() or text[s] in "\u200f\u200e\ufeff"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "\u200f\u200e\ufeff"):
        e -= 1
    return (s, e) if s < e else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``, whitespace-trimmed."""
    if end is None:
        end = len(text)
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"range ({start}, {end}) outside text of length {len(text)}")
    cuts: list[int] = []
    for m in _END.finditer(text, start, end):
        if (cut := _debris_end(text, m, end)) is not None:
            if not (m.group() == "." and _one_letter_before(text, m)):
                cuts.append(cut)
        elif _ends_sentence(text, m, end):
            cuts.append(m.end())
    cuts.extend(m.end() for m in _LINE.finditer(text, start, end))
    cuts.sort()
    out: list[tuple[int, int]] = []
    prev = start
    for c in cuts + [end]:
        if c <= prev:
            continue
        span = _trim(text, prev, c)
        if span and out and not any(ch.isalnum() for ch in text[span[0]:span[1]]) \
                and "\n" not in text[out[-1][1]:span[0]]:
            out[-1] = (out[-1][0], span[1])  # a stray ". ." joins the sentence before it
        elif span:
            out.append(span)
        prev = c
    return out
