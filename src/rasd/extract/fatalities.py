"""Fatalities of a sentence by ACLED's rules: deaths only (a figure next to an injured word is not
a death toll), the figure next to a killed word, vague tolls as 10 (significant attack) or 3
(limited), a lone victim noun as 1, 0 when no death is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rasd.extract.matcher import Hit

_WINDOW_AFTER = 64  # original characters between a killed word and a following figure
_WINDOW_BEFORE = 36  # between a figure and a following killed word ("30 قتيلا")
_NOT_PEOPLE = re.compile(r"^\s*(?:ال)?(?:ساعه|ساعة|يوم|ايام|أيام|يوما|اسبوع|أسبوع|اسابيع|أسابيع|شهر|اشهر|أشهر|عام|"
                         r"اعوام|أعوام|سنه|سنة|سنوات|كم|كيلومتر|كيلومترا|متر|مترا|%|في المئة|بالمئة|دقيقة|دقائق|"
                         r"غاره|غارة|غارات|هجمه|هجمة|هجمات|صاروخ|صواريخ|قذيفه|قذيفة|قذائف|طائرة|طائرات|قرية|قرى|"
                         r"مليون|ألف|الف|مرة|مرات|عاما|عامًا|سنة|من عمر|من العمر)")
SIGNIFICANT = frozenset({"air", "shell", "chem", "suicide"})


@dataclass(frozen=True, slots=True)
class Toll:
    value: int
    start: int | None = None
    end: int | None = None
    numeric: bool = False


def sentence_toll(text: str, cues: list[Hit], numbers: list[Any], significant: bool) -> Toll:
    """The death toll stated in one sentence (``cues``: its killed/injured/vague/singular cue hits)."""
    killed = [h for h in cues if h.payload == "killed"]
    if not killed:
        return Toll(0)
    injured = [h for h in cues if h.payload == "injured"]
    singular = [h for h in cues if h.payload == "singular"]
    vague = [h for h in cues if h.payload == "vague"]
    nums = [n for n in numbers if not _not_people(text, n)]
    used: set[int] = set()
    total, numeric_seen, vague_seen = 0, False, False
    span: tuple[int, int] | None = None
    for k in killed:
        best = None
        for n in nums:
            if n.start >= k.end and n.start - k.end <= _WINDOW_AFTER:
                d = n.start - k.end
            elif n.end <= k.start and k.start - n.end <= _WINDOW_BEFORE:
                d = k.start - n.end
            else:
                continue
            if any(_dist(n, i) < d for i in injured):
                continue
            if best is None or d < best[0]:
                best = (d, n)
        if best is not None:
            n = best[1]
            if n.start in used:
                continue
            used.add(n.start)
            if n.value is None:
                vague_seen = True
                continue
            total += int(n.value)
            numeric_seen = True
            span = (min(span[0], n.start) if span else n.start, max(span[1], n.end) if span else n.end)
            continue
        if text[k.end:k.end + 1] == "ه" and text[k.end:k.end + 2] != "هم":
            total += 1  # "مقتله", "مصرعها": one person
            numeric_seen = True
            span = span or (k.start, k.end)
        elif any(0 <= s.start - k.end <= 3 for s in singular):
            total += 1
            numeric_seen = True
            span = span or (k.start, k.end)
        elif k.form in {"قتلي", "شهداء", "جثث", "ضحايا"} or any(abs(v.start - k.end) <= 20 for v in vague):
            vague_seen = True
            span = span or (k.start, k.end)
    if numeric_seen:
        return Toll(total, *(span or (None, None)), numeric=True)
    if vague_seen:
        return Toll(10 if significant else 3, *(span or (None, None)))
    return Toll(0)


def _dist(n: Any, h: Hit) -> int:
    if h.start >= n.end:
        return h.start - n.end
    if n.start >= h.end:
        return n.start - h.end
    return 0


def _not_people(text: str, n: Any) -> bool:
    if n.value is not None and 1900 <= n.value <= 2100 and n.kind == "digits":
        return True
    return bool(_NOT_PEOPLE.match(text[n.end:n.end + 14]))
