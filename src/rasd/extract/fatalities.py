"""Fatalities of a sentence by ACLED's rules: deaths only (a figure next to an injured word is not
a death toll), the figure next to a killed word, vague tolls as 10 (significant attack) or 3
(limited), a lone victim noun as 1, 0 when no death is reported."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.clean.normalize import norm, normalize
from rasd.errors import KnowledgeError
from rasd.extract.matcher import Hit

_WINDOW_AFTER = 64  # original characters between a killed word and a following figure
_WINDOW_BEFORE = 36  # between a figure and a following killed word ("30 قتيلا")
_NOT_PEOPLE = re.compile(r"^\s*(?:ال)?(?:ساعه|ساعة|يوم|ايام|أيام|يوما|اسبوع|أسبوع|اسابيع|أسابيع|شهر|اشهر|أشهر|عام|"
                         r"اعوام|أعوام|سنه|سنة|سنوات|كم|كيلومتر|كيلومترا|متر|مترا|%|في المئة|بالمئة|دقيقة|دقائق|"
                         r"غاره|غارة|غارات|هجمه|هجمة|هجمات|صاروخ|صواريخ|قذيفه|قذيفة|قذائف|طائرة|طائرات|قرية|قرى|"
                         r"مليون|ألف|الف|مرة|مرات|عاما|عامًا|سنة|من عمر|من العمر|موقعا|موقعاً|مواقع|معدة|معدات|آلية|آليات|"
                         r"دبابة|دبابات|عربة|عربات|مدرعة|مدرعات|منزل|منازل|مبنى|مبان|مباني|حالة|حالات|طن|أطنان|"
                         r"مشاة|ضربة|ضربات|طلعة|طلعات|مسيرة|مسيرات|عبوة|عبوات|لغم|ألغام|الغام)")
_NAMED_BY_NUMBER = re.compile(r"(?:اللواء|لواء|الفرقة|فرقة|الكتيبة|كتيبة|الفوج|رقم|القرار|المادة|الطريق|طريق|"
                              r"الدولي|السريع|عيار|القطاع|قطاع|المنطقة|المحور)\s*$")  # "اللواء 405": a name
SIGNIFICANT = frozenset({"air", "shell", "chem", "suicide"})
TALLY_FILE = Path(__file__).resolve().parents[1] / "data" / "cues_tally.tsv"
_TALLY_KINDS = ("phrase", "lead", "unit", "raise")
_END = r"(?=[\s،,.؛:)»\"]|$)"  # a form ends at a space or punctuation
_ATTRIBUTION = re.compile(r"[،,.]\s*[وف]?(?:أكد|اكد|أكدت|قال|قالت|أفاد|افاد|أفادت|ذكر|ذكرت|أعلن|اعلن|أعلنت|"
                          r"بحسب|حسب|وفق|وفقا|أشار|اشار|أشارت|أحصى|احصى|وثق|وثقت)\b")
_CLAUSE_END = re.compile(r"[،,؛;:]")
_PART_OF = re.compile(r"\s*منهم(?=[\s،,.]|$)")  # "عشرة منهم": the figures after it break down the toll
_RANGE = re.compile(r"\s*(?:و|أو|او|-|–|إلى|الى)\s*")  # between two figures of one range
_DEFINITE = re.compile(r"(?:^|\s)(?<!عدد\s)(?<!عددا\s)(?<!اعداد\s)(?<!أعداد\s)(?<!حصيلة\s)(?<!حصيله\s)"
                       r"[وفبك]{0,2}(?:ال|لل)$")  # "بين القتلى" (not "عدد القتلى"): victims told before
MAX_EVENT_TOLL = 1000  # a figure in the thousands is a war's or a campaign's total, never one event's toll


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
    told: list[tuple[Any, int]] = []  # (value, end) of the figures counted
    claims: list[int] = []  # totals of figures told by separate attributions ("وأكد المرصد مقتل ...")
    last_end: int | None = None
    span: tuple[int, int] | None = None
    for k in killed:
        if "بين" in text[max(0, k.start - 6):k.start] and any(0 <= i.start - k.end <= 3 for i in injured):
            vague_seen = True  # "العشرات بين قتيل وجريح": dead and wounded counted together, deaths unknown
            continue
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
            if n.start in used or n.value is not None and any(
                    v == n.value and _next_word(text, e) == _next_word(text, n.end) for v, e in told):
                continue  # the same figure told twice ("مقتل 57 مدنيا ... وقتل 57 مدنيا"): one toll
            used.add(n.start)
            told.append((n.value, n.end))
            if n.value is None:
                vague_seen = True
                continue
            if last_end is not None and any(last_end <= p.start and p.end <= n.start and _PART_OF.match(text, p.end)
                                            for p in numbers):
                continue  # "مقتل 17 مدنيا، عشرة منهم جراء غارات ... بينما قتل سبعة": parts of the total told
            if last_end is not None and _ATTRIBUTION.search(text[last_end:n.start]):
                claims.append(total)  # another source's figure for the same deaths: not added
                total = 0
            low = next((p for p in nums if p.value is not None and p.end <= n.start and p.start not in used
                        and _RANGE.fullmatch(text[p.end:n.start]) and (text[p.end:n.start].strip() not in ("و", "إلى", "الى")
                                                                      or text[:p.start].endswith("بين "))), None)
            if low is not None:  # "بين 40 و70 قتيلا", "40 أو 50": the lower figure (ACLED is conservative)
                used.add(low.start)
                n = low if low.value < n.value else n
            total += int(n.value)
            last_end = n.end
            numeric_seen = True
            span = (min(span[0], n.start) if span else n.start, max(span[1], n.end) if span else n.end)
            continue
        definite = _DEFINITE.search(text[max(0, k.start - 14):k.start]) is not None
        if text[k.end:k.end + 1] == "ه" and text[k.end:k.end + 2] != "هم":
            total += 1  # "مقتله", "مصرعها": one person
            numeric_seen = True
            span = span or (k.start, k.end)
        elif any(0 <= s.start - k.end <= 3 or 0 <= k.start - s.end <= 2 for s in singular):  # "شخصا قتل"
            total += 1
            numeric_seen = True
            span = span or (k.start, k.end)
        elif (k.form in {"قتلي", "شهداء", "جثث", "ضحايا"} and not definite) or any(
                abs(v.start - k.end) <= 20 and not (definite and v.start == k.start) for v in vague):
            vague_seen = True
            span = span or (k.start, k.end)
    if numeric_seen:
        total = min([*claims, total]) if claims else total  # ACLED keeps the most conservative figure
        return Toll(total, *(span or (None, None)), numeric=True)
    if vague_seen:
        return Toll(10 if significant else 3, *(span or (None, None)))
    return Toll(0)


def _next_word(text: str, end: int) -> str:
    words = text[end:end + 24].split()
    return words[0] if words else ""


def _dist(n: Any, h: Hit) -> int:
    if h.start >= n.end:
        return h.start - n.end
    if n.start >= h.end:
        return n.start - h.end
    return 0


def _not_people(text: str, n: Any) -> bool:
    if n.value is not None and 1900 <= n.value <= 2100 and n.kind == "digits":
        return True
    return bool(_NOT_PEOPLE.match(text[n.end:n.end + 14]) or _NAMED_BY_NUMBER.search(text[max(0, n.start - 12):n.start]))


@dataclass(frozen=True, slots=True)
class TallyRules:
    """Compiled ``cues_tally.tsv``: ``total`` finds a period or running-total phrase in normalised
    text, ``raise_`` a running total told after the event's own toll ("ليرتفع عدد القتلى")."""

    total: re.Pattern[str]
    raise_: re.Pattern[str]


def _alts(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@functools.cache
def tally_rules(path: Path = TALLY_FILE) -> TallyRules:
    """Read and check ``cues_tally.tsv`` (``KnowledgeError`` on a bad line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise KnowledgeError(str(path), None, f"cannot read: {err}") from err
    forms: dict[str, list[str]] = {k: [] for k in _TALLY_KINDS}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or cols[0] not in forms:
            raise KnowledgeError(str(path), n, f"expected 'kind<TAB>forms' with kind in {_TALLY_KINDS}")
        for raw in cols[1].split("|"):
            form = norm(raw)
            if not form:
                raise KnowledgeError(str(path), n, f"empty form {raw!r}")
            forms[cols[0]].append(form)
    for k, v in forms.items():
        if not v:
            raise KnowledgeError(str(path), None, f"no {k!r} line")
    clitic = r"(?<!\S)[وفبلك]{0,2}(?:ال)?"
    period = rf"{clitic}(?:{_alts(forms['lead'])})\s+(?:\S+\s+){{0,2}}?(?:{_alts(forms['unit'])}){_END}"
    total = re.compile(rf"{clitic}(?:{_alts(forms['phrase'])}){_END}|{period}")
    return TallyRules(total, re.compile(rf"{clitic}(?:{_alts(forms['raise'])}){_END}"))


def tally_start(text: str, start: int, end: int, cues: list[Hit]) -> tuple[int, bool] | None:
    """Where a sentence's death figures turn into a total (over days, a campaign, a war), as
    ``(offset, running)``: a running total's "ليرتفع" (``running``: the event's own toll precedes it),
    else the start of the clause holding the period phrase; ``None`` when the figures are the event's own."""
    if not any(c.payload == "killed" for c in cues):
        return None
    rules = tally_rules()
    sent = normalize(text[start:end])
    r = rules.raise_.search(sent.norm)
    if r is not None and rules.total.search(sent.norm, r.start()):
        return start + int(sent.offsets[r.start()]), True
    t = rules.total.search(sent.norm)
    if t is None:
        return None
    head = _CLAUSE_END.split(sent.norm[:t.start()])
    clause = t.start() - len(head[-1])
    return start + int(sent.offsets[clause]), False
