"""Fatalities of a sentence by ACLED's rules: deaths only (a figure next to an injured word is not
a death toll; dead and wounded counted together give none), the figure next to a killed word (a part,
"بينهم تسعة", stands for the figure it breaks down; "إضافة إلى" adds; an updated toll replaces the
deaths it includes), vague tolls as 10 (significant attack) or 3 (limited), a lone victim as 1, 0 when
no death is reported; and where a sentence's figures turn into a total over more than a week, a
campaign or a war (``tally_start``). Word lists: ``data/cues_toll.tsv`` and ``data/cues_tally.tsv``."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.clean.normalize import norm, normalize
from rasd.errors import KnowledgeError
from rasd.extract.matcher import Hit
from rasd.nlp.numbers import parse_number

_WINDOW_AFTER = 64  # original characters between a killed word and a following figure
_WINDOW_BEFORE = 36  # between a figure and a following killed word ("30 قتيلا")
SIGNIFICANT = frozenset({"air", "shell", "chem", "suicide"})
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TALLY_FILE = DATA_DIR / "cues_tally.tsv"
TOLL_FILE = DATA_DIR / "cues_toll.tsv"
_TALLY_KINDS = ("phrase", "lead", "after", "unit", "days", "raise", "summary")
_SHORT_DAYS = 7  # a total over this many days or fewer is the toll of one event over those days
_TOLL_KINDS = ("counted", "named", "attribution", "part", "range", "range_between", "between", "count", "victims",
               "and", "also", "among", "dead", "one_dead", "none", "alive", "rose", "to",
               "met", "fate", "close", "close_gap", "another", "attribution_lead", "shared")
_END = r"(?=[\s،,.؛:)»\"]|$)"  # a form ends at a space or punctuation
_CLAUSE_END = re.compile(r"[،,؛;:]")
_HEAVY = 10  # dead and wounded counted together this many or more: heavy losses, a significant toll (10)
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
    rules = toll_rules()
    nums = [n for n in numbers if not _not_people(text, n, rules)]
    used: set[int] = set()
    total, numeric_seen, vague_seen, heavy = 0, False, False, False
    told: list[tuple[Any, int]] = []  # (value, end) of the figures counted
    claims: list[int] = []  # totals of figures told by separate attributions ("وأكد المرصد مقتل ...")
    counted: list[int] = []  # the figures added, in order
    last_end: int | None = None
    span: tuple[int, int] | None = None
    for k in killed:
        if any(0 <= i.start - k.end <= 3 and not _owns_figure(i, k, nums) for i in injured) and (
                k.form in rules.words["dead"] or _between(text, k.start, rules)) \
                or k.form.split()[-1] in rules.words["shared"] and any(
                    i.start >= k.end and text[k.end:i.start].strip() in ("", "و") and _shares_figure(text, i, nums)
                    for i in injured):
            vague_seen = True  # "العشرات بين قتيل وجريح", "70 قتيلا وجريحا", "مقتل وجرح 30": the dead
            span = span or (k.start, k.end)  # and the wounded counted together, deaths unknown
            heavy = heavy or any(n.value is not None and n.value >= _HEAVY and (
                0 <= n.start - k.end <= _WINDOW_AFTER or 0 <= k.start - n.end <= _WINDOW_BEFORE) for n in nums)
            continue
        best = None
        for n in nums:
            if k.form in rules.words["close"] and not (n.start >= k.end and _close_gap(text, k.end, n.start, rules)):
                continue  # "القضاء على 10": only a figure right after it
            if n.start >= k.end and n.start - k.end <= _WINDOW_AFTER:
                d = n.start - k.end
            elif n.end <= k.start and k.start - n.end <= _WINDOW_BEFORE:
                d = k.start - n.end
            else:
                continue
            if any(_dist(n, i) < d and not _owns_figure(i, n, nums) for i in injured):
                continue
            if best is None or d < best[0]:
                best = (d, n)
        if best is None and k.form in rules.words["fate"]:
            best = _met_figure(text, k, nums, used, rules)
        if best is not None:
            n = _total_of_part(text, best[1], nums, used, rules) if best[1].end <= k.start else best[1]
            if n.start in used or n.value is not None and any(
                    v == n.value and _next_word(text, e) == _next_word(text, n.end) for v, e in told):
                continue  # the same figure told twice ("مقتل 57 مدنيا ... وقتل 57 مدنيا"): one toll
            used.add(n.start)
            told.append((n.value, n.end))
            if n.value is None:
                vague_seen = True
                continue
            if last_end is not None and any(last_end <= p.start and p.end <= n.start
                                            and rules.part.match(norm(text[p.end:p.end + 12])) for p in numbers):
                continue  # "مقتل 17 مدنيا، عشرة منهم جراء غارات ... بينما قتل سبعة": parts of the total told
            if last_end is not None and tally_rules().raise_.search(norm(text[last_end:n.start])):
                continue  # "مقتل 40 فلسطينيا ... ليرتفع بذلك عدد القتلى إلى نحو 100": a running total, not this toll
            if last_end is not None and rules.rose.search(norm(text[last_end:n.start])):
                value = max(int(n.value), total)  # "وبمقتل الشابين يرتفع عدد القتلى إلى 10": a total including them
                total, last_end = 0, n.end
                counted.append(value)
                total += value
                span = (min(span[0], n.start) if span else n.start, max(span[1], n.end) if span else n.end)
                continue
            if last_end is not None and (rules.attribution.search(norm(text[last_end:n.start])) or (
                    rules.attribution_led.search(norm(text[last_end:n.start]))
                    and _next_word(text, last_end).strip(".،,؛\"") == _next_word(text, n.end).strip(".،,؛\""))):  # "20 شخصا ... بينما أشارت ... 30 شخصا"
                claims.append(total)  # another source's figure for the same deaths: not added
                total = 0
            low = next((p for p in nums if p.value is not None and p.end <= n.start and p.start not in used
                        and _range_low(text, p, n, rules)), None)
            if low is not None:  # "بين 40 و70 قتيلا", "40 أو 50": the lower figure (ACLED is conservative)
                used.add(low.start)
                n = low if low.value < n.value else n
            value = int(n.value) + _with_one(text, k, n, singular, rules)
            for more in _also(text, n, nums, used, injured, rules):  # "26 مقاتلا إضافة إلى تسعة مقاتلين روس"
                used.add(more.start)
                value += int(more.value)
                n = more
            total += value
            counted.append(value)
            last_end = n.end
            numeric_seen = True
            span = (min(span[0], n.start) if span else n.start, max(span[1], n.end) if span else n.end)
            continue
        definite = _definite(norm(text[max(0, k.start - 14):k.start]), rules)
        if text[k.end:k.end + 1] == "ه" and text[k.end:k.end + 2] != "هم":
            total += 1  # "مقتله", "مصرعها": one person
            numeric_seen = True
            span = span or (k.start, k.end)
        elif any(0 <= s.start - k.end <= 3 or 0 <= k.start - s.end <= 2 for s in singular) or (
                k.form in rules.words["one_dead"] and not definite  # "شخصا قتل", "أسفرت عن سقوط قتيل وعدة جرحى"
                and not any(0 <= k.start - p.end <= 3 for p in numbers)
                and not norm(text[max(0, k.start - 6):k.start]).endswith(tuple(rules.words["none"]))):  # "أي قتيل"
            total += 1
            numeric_seen = True
            span = span or (k.start, k.end)
        elif (k.form in rules.words["victims"] and not definite) or any(
                abs(v.start - k.end) <= 20 and not (definite and v.start == k.start) for v in vague):
            vague_seen = True
            span = span or (k.start, k.end)
    if numeric_seen:
        total = min([*claims, total]) if claims else total  # ACLED keeps the most conservative figure
        return Toll(total, *(span or (None, None)), numeric=True)
    if vague_seen:
        return Toll(10 if significant or heavy else 3, *(span or (None, None)))
    return Toll(0)


def another_act(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` opens by telling another act ("كما شنت ...", "إلى ذلك، ...":
    ``cues_toll.tsv`` another), so a toll told just before it is not its own."""
    head = norm(text[start:start + 24]).lstrip(" \"'«(-")
    return any(head == w or head.startswith((w + " ", w + "،", w + ",")) for w in toll_rules().words["another"])


def _close_gap(text: str, end: int, start: int, rules: TollRules) -> bool:
    """Only a ``close_gap`` word, brackets and spaces between a close killed word and a figure."""
    gap = re.sub(r"[()\[\]\s]+", " ", norm(text[end:start])).strip()
    return not gap or gap in rules.words["close_gap"]


def _next_word(text: str, end: int) -> str:
    words = text[end:end + 24].split()
    return words[0] if words else ""


def _met_figure(text: str, k: Hit, nums: list[Any], used: set[int], rules: TollRules) -> tuple[int, Any] | None:
    """The figure right after "لقي" that a far "مصرعهم" closes ("لقي 13 عنصرا من ميليشيات الحوثي الانقلابية
    مصرعهم"), as ``(distance, figure)``; None when no "لقي" opens the clause."""
    window = text[max(0, k.start - 160):k.start]
    last = _CLAUSE_END.split(window)[-1]
    if not _whole_word(rules.words["met"]).search(norm(last)):
        return None
    lo = k.start - len(last)
    figure = next((p for p in nums if lo <= p.start and p.end <= k.start and p.start not in used), None)
    return (k.start - figure.end, figure) if figure is not None else None


def _total_of_part(text: str, n: Any, nums: list[Any], used: set[int], rules: TollRules) -> Any:
    """The figure a part figure breaks down ("35 مقاتلا ... بينهم تسعة مقاتلين روس لقوا حتفهم": 35, not 9),
    else ``n`` itself."""
    if n.value is None or not norm(text[max(0, n.start - 12):n.start]).endswith(tuple(rules.words["among"])):
        return n
    whole = [p for p in nums if p.end <= n.start and p.value is not None and p.value > n.value and p.start not in used]
    return whole[-1] if whole else n


def _also(text: str, n: Any, nums: list[Any], used: set[int], injured: list[Hit], rules: TollRules) -> list[Any]:
    """Figures added to ``n`` by "إضافة إلى" / "فضلا عن" right before them (a noun may stand between:
    "بالإضافة إلى مقاتلين اثنين"), not wounded ones ("إضافة إلى أكثر من 500 جريح")."""
    out = []
    for p in nums:
        if p.value is None or p.start <= n.end or p.start - n.end > 80 or p.start in used:
            continue
        joint = rules.also.search(norm(text[n.end:p.start]))
        if joint is None or joint.group(1) and p.value > 2:  # a noun before the figure only for one or two
            break  # ("بالإضافة إلى مقاتلين اثنين"; "بالإضافة إلى أسر ستة حوثيين": captives, not dead)
        if any(n.end <= i.start <= p.end + 12 for i in injured) or rules.alive.match(norm(text[p.end:p.end + 40])):
            break  # wounded or alive ("بالإضافة إلى 191 ناجيا"): not deaths
        out.append(p)
        n = p
    return out


def _with_one(text: str, k: Hit, n: Any, singular: list[Hit], rules: TollRules) -> int:
    """1 when a lone victim noun and "و" stand between killed word ``k`` and its figure ``n`` ("قتلت سيدة
    وثلاثة من أطفالها": four dead), else 0."""
    return int(any(k.end <= s.start and s.end <= n.start and norm(text[s.end:n.start]) in rules.words["and"]
                   for s in singular))


def _owns_figure(i: Hit, n: Any, nums: list[Any]) -> bool:
    """An injured word after ``n`` (a figure or a killed word) with its own figure right after it ("قتل ليلة
    أمس 5 وجرح 4", "قتل وأصيب 6"): ``n`` is not its figure, nor counted with it."""
    return i.start >= n.end and any(0 <= p.start - i.end <= 3 or p.start <= i.start < p.end for p in nums)


def _shares_figure(text: str, i: Hit, nums: list[Any]) -> bool:
    """A figure follows the wounded word right after a killed noun, within a few words ("مقتل وجرح ما لا يقل
    عن 30 عنصرا"): the two words count it together."""
    return any(n.start >= i.end and len(text[i.end:n.start].split()) <= 4 for n in nums)


def _dist(n: Any, h: Hit) -> int:
    if h.start >= n.end:
        return h.start - n.end
    if n.start >= h.end:
        return n.start - h.end
    return 0


def _not_people(text: str, n: Any, rules: TollRules) -> bool:
    """A year, a count of things other than people ("30 غارة"), or a name ("اللواء 405")."""
    if n.value is not None and 1900 <= n.value <= 2100 and n.kind == "digits":
        return True
    return bool(rules.counted.match(norm(text[n.end:n.end + 14]))
                or rules.named.search(norm(text[max(0, n.start - 12):n.start])))


def _range_low(text: str, p: Any, n: Any, rules: TollRules) -> bool:
    """``p`` is the lower figure of a range ending in ``n`` ("40 أو 50", "بين 40 و70"; "40 و70" alone is
    two figures)."""
    joint = norm(text[p.end:n.start])
    if not rules.range_.fullmatch(joint):
        return False
    if joint.strip() not in rules.words["range_between"]:
        return True
    before = text[max(0, p.start - 12):p.start]
    return before[-1:] == " " and _between(text, p.start, rules)


def _between(text: str, at: int, rules: TollRules) -> bool:
    """"بين" right before ``at`` ("بين 40 و70", "بين قتيل وجريح")."""
    return norm(text[max(0, at - 12):at]).endswith(tuple(rules.words["between"]))


def _definite(window: str, rules: TollRules) -> bool:
    """A normalised window before a killed word ends in an article ("بين القتلى"), not after a count word
    ("عدد القتلى"): victims told before, not a new toll."""
    m = _ARTICLE_END.search(window)
    if m is None:
        return False
    head = window[:m.start(1)]
    return not (head.endswith(" ") and head[:-1].endswith(tuple(rules.words["count"])))


_ARTICLE_END = re.compile(r"(?:^|\s)([وفبك]{0,2}(?:ال|لل))$")


@dataclass(frozen=True, slots=True)
class TollRules:
    """Compiled ``cues_toll.tsv`` (its comments say what each kind is), matched on normalised text:
    ``counted`` and ``alive`` at the start of the text after a figure, ``named`` at the end of the text
    before one; ``also``, ``rose`` and ``range_`` on the whole text between two figures; ``attribution``
    (and ``attribution_led``, a connective first: another source only when both figures count the same noun)
    and ``part`` searched; ``words``: the forms of the other kinds (among, dead, one_dead, none,
    range_between, between, count, victims, and)."""

    counted: re.Pattern[str]
    named: re.Pattern[str]
    also: re.Pattern[str]
    alive: re.Pattern[str]
    rose: re.Pattern[str]
    attribution: re.Pattern[str]
    attribution_led: re.Pattern[str]
    part: re.Pattern[str]
    range_: re.Pattern[str]
    words: dict[str, frozenset[str]]


@functools.cache
def toll_rules(path: Path = TOLL_FILE) -> TollRules:
    """Read and check ``cues_toll.tsv`` (``KnowledgeError`` on a bad line)."""
    f = _kind_forms(path, _TOLL_KINDS)
    return TollRules(
        counted=re.compile(rf"^\s*(?:ال)?(?:{_alts(f['counted'])})"),
        named=re.compile(rf"(?:{_alts(f['named'])})\s*$"),
        also=re.compile(rf"^[^،,.؛]*(?:{_alts(f['also'])})\s*(\S+\s*)?$"),
        alive=re.compile(rf"^\s*(?:\S+\s+){{0,2}}?(?:ال)?(?:{_alts(f['alive'])}){_END}"),
        rose=re.compile(rf"(?:^|\s)[وفل]?(?:{_alts(f['rose'])})\s.*(?:{_alts(f['to'])})\s*$"),
        attribution=re.compile(rf"[،,.]\s*[وف]?(?:{_alts(f['attribution'])})\b"),
        attribution_led=re.compile(rf"[،,.]\s*[وف]?(?:{_alts(f['attribution_lead'])})\s+[وف]?"
                                   rf"(?:{_alts(f['attribution'])})\b"),
        part=re.compile(rf"\s*(?:{_alts(f['part'])})(?=[\s،,.]|$)"),
        range_=re.compile(rf"\s*(?:{_alts(f['range'])})\s*"),
        words={k: frozenset(v) for k, v in f.items()})


@dataclass(frozen=True, slots=True)
class TallyRules:
    """Compiled ``cues_tally.tsv``, matched on normalised text: ``total`` finds a running-total phrase
    or a period ("خلال سبعة أيام"; group ``days`` holds a short unit, group ``after`` a reference lead),
    ``raise_`` a running total told after the event's own toll ("ليرتفع عدد القتلى"), ``summary`` a
    toll that sums up what was told ("وبلغت حصيلة القتال")."""

    total: re.Pattern[str]
    raise_: re.Pattern[str]
    summary: re.Pattern[str]


def _alts(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@functools.cache
def _whole_word(forms: frozenset[str]) -> re.Pattern[str]:
    """Any of ``forms`` as a whole word, a glued و/ف allowed before it (compiled once per word set)."""
    return re.compile(rf"(?<!\S)[وف]?(?:{_alts(list(forms))})(?!\S)")


def _kind_forms(path: Path, kinds: tuple[str, ...]) -> dict[str, list[str]]:
    """The normalised forms of each kind in a ``kind<TAB>forms`` file (forms |-separated, several lines a
    kind allowed); ``KnowledgeError`` on an unknown kind, an empty or repeated form, or a kind with no line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise KnowledgeError(str(path), None, f"cannot read: {err}") from err
    forms: dict[str, list[str]] = {k: [] for k in kinds}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or cols[0] not in forms:
            raise KnowledgeError(str(path), n, f"expected 'kind<TAB>forms' with kind in {kinds}")
        for raw in cols[1].split("|"):
            form = norm(raw)
            if not form:
                raise KnowledgeError(str(path), n, f"empty form {raw!r}")
            if form in forms[cols[0]]:
                raise KnowledgeError(str(path), n, f"{cols[0]} form {raw!r} repeats once normalised")
            forms[cols[0]].append(form)
    for k, v in forms.items():
        if not v:
            raise KnowledgeError(str(path), None, f"no {k!r} line")
    return forms


@functools.cache
def tally_rules(path: Path = TALLY_FILE) -> TallyRules:
    """Read and check ``cues_tally.tsv`` (``KnowledgeError`` on a bad line)."""
    forms = _kind_forms(path, _TALLY_KINDS)
    clitic = r"(?<!\S)[وفبلك]{0,2}(?:ال)?"
    unit = rf"(?:{_alts(forms['unit'])}|(?P<days>{_alts(forms['days'])})){_END}"
    period = rf"{clitic}(?:{_alts(forms['lead'])}|(?P<after>{_alts(forms['after'])}))\s+(?:\S+\s+){{0,2}}?{unit}"
    total = re.compile(rf"{clitic}(?:{_alts(forms['phrase'])}){_END}|{period}")
    return TallyRules(total, re.compile(rf"{clitic}(?:{_alts(forms['raise'])}){_END}"),
                      re.compile(rf"{clitic}(?:{_alts(forms['summary'])}){_END}"))


def _total(rules: TallyRules, sent: str, pos: int, killed_after: list[int], running: bool = False) -> re.Match[str] | None:
    """The first tally phrase in normalised ``sent`` from ``pos``. A period of a week or less ("خلال
    يومين", "خلال خمسة أيام") is no tally: its figure is the toll of an event over those days, unless
    the sentence sums up ("وبلغت حصيلة القتال لأكثر من 3 أيام": the fighting told, added up). A
    reference lead ("بعد أسابيع من إطلاق الحملة") is one only when a killed word follows it (an earlier
    event's toll retold); ``killed_after``: the normalised offsets of the sentence's killed words. After a
    running total's "ليرتفع" (``running``) any period is one ("ليرتفع عدد القتلى إلى 305 خلال 3 أيام")."""
    for m in rules.total.finditer(sent, pos):
        if m.group("after") is not None:
            if any(k >= m.end() for k in killed_after):
                return m
            continue
        if m.group("days") is not None and _days(sent, m) <= _SHORT_DAYS and not running \
                and not rules.summary.search(sent):
            continue
        return m
    return None


def _days(sent: str, m: re.Match[str]) -> int:
    """The number of days a period match states: the number before its unit ("خلال خمسة أيام") or the
    number word right after it ("في الأيام التسعة الماضية"); 0 when none is told ("خلال يومين", "منذ أيام")."""
    value = parse_number(m.group())
    if value is None:
        after = sent[m.end():m.end() + 12].split()[:1]
        value = parse_number(after[0]) if after and (after[0].isalpha() or after[0].startswith("ال")) else None
    return value or 0


def tally_start(text: str, start: int, end: int, cues: list[Hit]) -> tuple[int, bool] | None:
    """Where a sentence's death figures turn into a total (over more than a week, a campaign, a war), as
    ``(offset, running)``: a running total's "ليرتفع" (``running``: the event's own toll precedes it),
    else the start of the clause holding the period phrase; ``None`` when the figures are the event's own."""
    killed = [c for c in cues if c.payload == "killed"]
    if not killed:
        return None
    rules = tally_rules()
    sent = normalize(text[start:end])
    killed_after = [bisect.bisect_left(sent.offsets, c.start - start) for c in killed]
    r = rules.raise_.search(sent.norm)
    if r is not None and _total(rules, sent.norm, r.start(), killed_after, running=True) is not None:
        return start + int(sent.offsets[r.start()]), True
    t = _total(rules, sent.norm, 0, killed_after)
    if t is None:
        return None
    head = _CLAUSE_END.split(sent.norm[:t.start()])
    clause = t.start() - len(head[-1])
    return start + int(sent.offsets[clause]), False
