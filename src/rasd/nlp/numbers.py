"""Find numbers in Arabic text: digits (Western and Eastern, ``1,200``, ``2.5 مليون``, glued to
words), number words with gender, case and clitics (``وخمسة وعشرين``), duals of counted nouns
(``قتيلين``), vague quantities (``عشرات`` = 10, ``عدد من`` = no value) and approximation markers
(``أكثر من``, ``نحو``, ``ما لا يقل عن``). ``find_numbers(text, start, end)`` returns
``NumberMention``s with offsets into the original text; ``parse_number(s)`` reads one phrase.

Kinds: ``digits``, ``words``, ``dual``, ``plural`` (عشرات/مئات/آلاف, approx), ``vague`` (no
value), ``percent``. Digits that are part of a date or time (``12/3/2018``, ``10:30``) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.errors import KnowledgeError
from rasd.nlp._text import ARABIC_LETTERS, DATA_DIR, load_tsv, text_range

_MARKER_KINDS = ("percent", "clitic", "no_article", "half", "of", "month", "year")
_ROLES = {"unit", "ten", "tens", "hundred", "scale", "scale_value", "scale_plural"}
_L = ARABIC_LETTERS


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number over original ``[start, end)``; ``value`` is None only for kind ``vague``."""

    start: int
    end: int
    value: int | None
    approx: bool
    kind: str


@dataclass(frozen=True, slots=True)
class _Atom:
    start: int  # normalised offsets of the number word (clitics excluded)
    end: int
    word_start: int  # start of the whole word, clitics included
    index: int  # word index in the range
    value: int
    role: str
    joined: bool  # carried the conjunction و


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, tuple[int, str]]
    vague: re.Pattern[str]
    vague_values: dict[str, tuple[int | None, str]]
    approx: re.Pattern[str]
    approx_flags: dict[str, bool]
    duals: dict[str, int]
    month_after: re.Pattern[str]  # a month name right after a day number
    month_before: re.Pattern[str]  # a month name right before a year
    percent: re.Pattern[str]  # "%", "في المئة" right after a number
    clitics: frozenset[str]  # prefixes a number word may carry
    no_article: frozenset[str]  # number words that are something else with the article
    half: frozenset[str]  # "نصف" before a scale word


def _check_number(f: list[str]) -> str | None:
    if not f[1].isdigit():
        return f"value {f[1]!r} is not a whole number"
    if f[2] not in _ROLES:
        return f"role {f[2]!r} not one of {sorted(_ROLES)}"
    return None


def _alternation(phrases: list[str]) -> str:
    parts = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words = {f[0]: (int(f[1]), f[2]) for _, f in load_tsv("numbers.tsv", 3, _check_number)}
    vague_rows = load_tsv(
        "numbers_vague.tsv", 3,
        lambda f: None if (f[1] == "-" or f[1].isdigit()) and f[2] in ("plural", "vague") else "bad value or kind",
    )
    vague_values = {f[0]: (None if f[1] == "-" else int(f[1]), f[2]) for _, f in vague_rows}
    vague = re.compile(rf"(?<![{_L}])(?:[وفبل]|ب?ال|وب?ال)?({_alternation(list(vague_values))})(?![{_L}])")
    approx_rows = load_tsv("numbers_approx.tsv", 2, lambda f: None if f[1] in ("yes", "no") else "approx must be yes/no")
    approx_flags = {f[0]: f[1] == "yes" for _, f in approx_rows}
    approx = re.compile(rf"(?<![{_L}])[وفب]?({_alternation(list(approx_flags))})\s*$")
    duals: dict[str, int] = {}
    for _, (sing, safe) in load_tsv("numbers_dual.tsv", 2, lambda f: None if f[1] in ("yes", "no") else "yes/no"):
        base = sing[:-1] + "ت" if sing.endswith("ه") else sing
        duals[base + "ان"] = 2
        if safe == "yes":
            duals[base + "ين"] = 2
    m = _markers()
    months = _alternation([f[0] for _, f in load_tsv("dates_months.tsv", 2)])
    of, month, year = (_alternation(m[k]) for k in ("of", "month", "year"))
    month_after = re.compile(rf"\s*(?:(?:{of})\s+)?(?:(?:{month})\s+)?(?:{months})(?![{_L}])")
    month_before = re.compile(rf"(?:{months})\s*[/()\-]?\s*(?:(?:(?:{of})\s+)?(?:{year})\s*)?$")
    percent = re.compile(rf"\s*(?:{_alternation(m['percent'])})(?![\u0621-\u064a])")
    return _Lexicon(words, vague, vague_values, approx, approx_flags, duals, month_after, month_before, percent,
                    frozenset(m["clitic"]), frozenset(m["no_article"]), frozenset(m["half"]))


def _markers() -> dict[str, list[str]]:
    """``numbers_markers.tsv``: the normalised forms of each kind (every kind of ``_MARKER_KINDS`` once)."""
    rows = load_tsv("numbers_markers.tsv", 2, lambda f: None if f[0] in _MARKER_KINDS else
                    f"kind {f[0]!r} not one of {_MARKER_KINDS}", normalise=(1,))
    forms = {f[0]: [x.strip() for x in f[1].split("|")] for _, f in rows}
    missing = [k for k in _MARKER_KINDS if k not in forms]
    if missing or any(not x for v in forms.values() for x in v):
        raise KnowledgeError(str(DATA_DIR / "numbers_markers.tsv"), None, f"missing kinds {missing} or an empty form")
    return forms


_WORD = re.compile(rf"[{_L}]+")
# 1,200 / ١٬٢٠٠ (thousands), 2.5 / ٢٫٥ / 8,4 (decimals)
_DIGITS = re.compile(
    r"(?<![0-9.,٫٬/:])([0-9]{1,3}(?:[,٬][0-9]{3})+(?![0-9])|[0-9]+(?:[.٫,][0-9]+)?)(?![0-9]|[.٫,٬][0-9]|[/:][0-9])"
)
_DATE_OR_TIME = re.compile(r"[0-9][/:-]$|^[/:-][0-9]")


def _atom(word: str, start: int, index: int, lex: _Lexicon) -> _Atom | None:
    hit = lex.words.get(word)
    if hit is not None:
        return _Atom(start, start + len(word), start, index, hit[0], hit[1], False)
    for k in range(1, max(map(len, lex.clitics)) + 1):  # a clitic of k letters: و, ال, وال, وبال
        if len(word) - k < 2:
            break
        clitic, rest = word[:k], word[k:]
        hit = lex.words.get(rest)
        if hit is None or clitic not in lex.clitics:
            continue
        if "ال" in clitic and rest in lex.no_article:
            return None
        if clitic.startswith("وال") and hit[1] == "tens":
            return None  # "الخامس والعشرين": the tail of an ordinal
        return _Atom(start + k, start + len(word), start, index, hit[0], hit[1], clitic.startswith("و"))
    return None


def _dual_at(word: str, lex: _Lexicon) -> int | None:
    """Where the dual in ``word`` starts after its clitics ("قتيلين", "وجنديان", "الشابين"), or None."""
    if word in lex.duals:
        return 0
    return next((len(c) for c in lex.clitics if word.startswith(c) and word[len(c):] in lex.duals), None)


def _combine(atoms: list[_Atom], i: int) -> tuple[int, int]:
    """Value of the longest well-formed number starting at ``atoms[i]``; returns (value, next index)."""
    first = atoms[i]
    if first.role == "scale_plural":
        return -1, i + 1  # آلاف alone is vague (numbers_vague.tsv)
    total, cur, prev, last = 0, first.value, first.role, first.value
    if first.role in ("scale", "scale_value"):
        total, cur, prev = first.value, 0, "scale"
    k = i + 1
    while k < len(atoms):
        a = atoms[k]
        if a.index != atoms[k - 1].index + 1:
            break
        if not a.joined:
            if a.role == "ten" and prev == "unit" and 1 <= last <= 9:
                cur += 10
                prev = "teen"
            elif a.value == 100 and a.role == "hundred" and prev == "unit" and 1 <= last <= 9:
                cur += last * 100 - last
                prev = "hundred"
            elif a.role in ("scale", "scale_plural") and prev in ("unit", "ten", "teen", "tens", "hundred"):
                if a.role == "scale_plural" and not (3 <= cur <= 10):
                    break
                total += cur * a.value
                cur, prev = 0, "scale"
            else:
                break
        else:
            if prev == "scale" and a.role in ("hundred", "unit", "ten", "tens"):
                pass
            elif prev == "hundred" and a.role in ("unit", "ten", "tens"):
                pass
            elif prev == "unit" and a.role == "tens" and 1 <= last <= 9:
                pass
            elif prev == "teen" and a.role == "scale":
                pass
            else:
                break
            if a.role == "scale":
                total += cur * a.value
                cur, prev = 0, "scale"
            else:
                cur += a.value
                prev = a.role
        last = a.value
        k += 1
    return total + cur, k


def _numbers_in_norm(s: str) -> list[tuple[int, int, int | None, bool, str]]:
    """Mentions over a normalised string as (start, end, value, approx, kind)."""
    lex = _lexicon()
    found: list[tuple[int, int, int | None, bool, str]] = []
    taken = [False] * (len(s) + 1)

    def claim(a: int, b: int) -> bool:
        if any(taken[a:b]):
            return False
        for x in range(a, b):
            taken[x] = True
        return True

    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(s)]
    # 1. digits, with a scale word after them ("88 ألف", "2.5 مليون")
    for m in _DIGITS.finditer(s):
        a, b = m.span(1)
        if _DATE_OR_TIME.search(s[max(0, a - 2):a]) or _DATE_OR_TIME.search(s[b:b + 2]):
            continue
        if a > 0 and s[a - 1].isascii() and s[a - 1].isalpha():  # F16, A320
            continue
        if a > 1 and s[a - 1] == "-" and s[a - 2].isalpha():  # إف-16
            continue
        if lex.month_after.match(s, b) or (b - a == 4 and lex.month_before.search(s, max(0, a - 40), a)):
            continue  # the day or the year of a date ("30 مارس", "آذار 2018")
        raw = m.group(1)
        if re.fullmatch(r"[0-9]{1,3}(?:[,٬][0-9]{3})+", raw):
            raw = raw.replace(",", "").replace("٬", "")
        num = float(raw.replace("٫", ".").replace(",", "."))
        kind = "digits"
        nxt = re.match(rf"\s*([{_L}]+)", s[b:])
        if nxt:
            w = nxt.group(1)
            hit = lex.words.get(w)
            if hit and hit[1] in ("scale", "scale_plural"):
                num *= hit[0]
                b = b + nxt.end()
        pm = lex.percent.match(s, b)
        if pm:
            b = pm.end()
            kind = "percent"
        if claim(a, b):
            found.append((a, b, int(num), False, kind))
    # 2. number words and duals
    atoms: list[_Atom] = []
    for n, (ws, _we, w) in enumerate(words):
        if taken[ws]:
            continue
        at = _atom(w, ws, n, lex)
        if at is not None:
            atoms.append(at)
        elif (off := _dual_at(w, lex)) is not None and claim(ws + off, ws + len(w)):
            found.append((ws + off, ws + len(w), 2, False, "dual"))
    i = 0
    while i < len(atoms):
        value, j = _combine(atoms, i)
        a, b, kind = atoms[i].start, atoms[j - 1].end, "words"
        first = atoms[i]
        prev = words[first.index - 1][2] if first.index else ""
        if first.role in ("scale", "scale_value") and prev in lex.half and first.start == first.word_start:
            value, a = value // 2, words[first.index - 1][0]  # نصف مليون
        if j == i + 1 and first.role == "ten" and first.start == first.word_start and prev.startswith("ال"):
            value = -1  # "الرابع عشر": the tail of an ordinal
        if lex.month_after.match(s, b):
            value = -1  # "الثلاثين من آذار": the day of a date
        pm = lex.percent.match(s, b)
        if pm:
            b, kind = pm.end(), "percent"
        if value >= 0 and claim(a, b):
            found.append((a, b, value, False, kind))
        i = j
    # 3. vague and plural quantities on what is left (عشرات الآلاف before آلاف)
    for m in lex.vague.finditer(s):
        value, kind = lex.vague_values[re.sub(r"\s+", " ", m.group(1))]
        if claim(m.start(1), m.end(1)):
            found.append((m.start(1), m.end(1), value, True, kind))
    # 4. approximation markers just before a number
    out = []
    for a, b, value, approx, kind in sorted(found):
        if kind != "vague":
            m = lex.approx.search(s, max(0, a - 25), a)
            if m:
                approx = approx or lex.approx_flags[re.sub(r"\s+", " ", m.group(1))]
                a = m.start(1)
        out.append((a, b, value, approx, kind))
    return out


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Numbers in ``text[start:end]``, in text order, with offsets into ``text``."""
    tr = text_range(text, start, end)
    out = []
    for a, b, value, approx, kind in _numbers_in_norm(tr.norm):
        s, e = tr.span(a, b)
        if kind == "words" and text[s:s + 2] in ("وأ", "وإ"):
            s += 1  # "وأحد" normalises to "واحد" (one): the conjunction is not part of the number
        out.append(NumberMention(s, e, value, approx, kind))
    return out


def parse_number(s: str) -> int | None:
    """The value of a short phrase such as "خمسة وعشرين", "٣", "مئتي ألف", "قتيلين"; None if none."""
    tr = text_range(s)
    hits = [h for h in _numbers_in_norm(tr.norm) if h[2] is not None]
    return hits[0][2] if hits else None
