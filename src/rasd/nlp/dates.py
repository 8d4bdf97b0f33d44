"""Find date expressions in Arabic news and resolve them against the publication date:
``find_dates(text, start, end, published)`` returns ``DateMention``s with offsets into the
original text; ``parse_published(value)`` reads the corpus' ISO / RFC-822 publication dates;
``date_near(text, start, end, published)`` picks the mention that dates an act in a span.

Handled, in this order of priority (an earlier match claims its characters):
1. numeric dates ``12/3/2018``, ``2018-03-12`` (day first);
2. day + month (+ year): ``12 آذار / مارس 2018``, ``السبت 19 مايو 2018`` (Levantine and
   Egyptian month names, ``data/dates_months.tsv``); a month without a day: ``في نيسان/أبريل
   الماضي``, ``مطلع آذار 2011`` (time_precision 3, day 5/15/25 for early/mid/late);
3. ``منذ/قبل N أيام|أسابيع|أشهر`` (``منذ يومين``, ``قبل نحو شهر``) and ``خلال N أيام`` (a period);
4. relative phrases from ``data/dates_relative.tsv`` (اليوم، أمس، أول من أمس، مساء أمس،
   الليلة الماضية، الأسبوع الماضي، الشهر الماضي …), where a weekday right after them wins
   (``اليوم (الخميس)`` is the Thursday);
5. weekdays (``الجمعة``, ``يوم الخميس``, ``مساء الثلاثاء``, ``الخميس الماضي``): the most recent
   such day on or before publication (publication day itself when it is that weekday; strictly
   before with الماضي; after it with المقبل);
6. years after a cue (``عام 2014``, ``في 2014``): date None, background when before the
   publication year;
7. background markers (``data/dates_background.tsv``: منذ سنوات، سابقا، في وقت سابق …).

Every other word the rules match (units, fillers, cue words, "not before" words) is in
``data/dates_words.tsv`` (``load_date_words``); the code holds only the regex glue.

``background`` is True for markers, for past years, and for any date more than
``BACKGROUND_DAYS`` before publication. Without a publication date, relative expressions keep
their kind and span but get ``date=None``. dateparser is only a cached fallback for a "day
<Latin word> year" candidate (``15 August 2018``, ``3 mars 2018`` inside Arabic text; every Arabic
month spelling is in the table): measured on this corpus, it
misses Levantine months without the ar-SY locale, misreads a same-day weekday, and fails on
يوم الجمعة, أول أمس, منذ N أيام.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.nlp._text import ARABIC_LETTERS, DATA_DIR, load_tsv, text_range
from rasd.nlp.numbers import _numbers_in_norm
from rasd.nlp.sentences import split_sentences

BACKGROUND_DAYS = 45
FUTURE_DAYS = 31  # a day-month without a year at most this far after publication is a coming date
_L = ARABIC_LETTERS
_B = rf"(?<![{_L}0-9])"  # word start
_E = rf"(?![{_L}])"  # word end
_PRE = r"(?P<pre>[وف]?[بل]?)"  # clitics before a date word (وأمس, بالأمس), left out of the span


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression over original ``[start, end)``. ``time_precision``: 1 day, 2 week,
    3 month (0 for a background marker). ``kind``: explicit, month, ago, period, relative,
    weekday, since, future, year, background."""

    start: int
    end: int
    date: dt.date | None
    time_precision: int
    kind: str
    background: bool


def _alt(phrases: Iterable[str]) -> str:
    parts = sorted({norm(p) for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) + ")"


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s)


@dataclass(frozen=True, slots=True)
class _Rules:
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    relative: dict[str, tuple[int, str, int, str]]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    day_month: re.Pattern[str]
    month_only: re.Pattern[str]
    ago: re.Pattern[str]
    rel: re.Pattern[str]
    weekday: re.Pattern[str]
    year: re.Pattern[str]
    background: re.Pattern[str]
    fallback: re.Pattern[str]
    since_start: re.Pattern[str]
    units: dict[str, tuple[str, int | None]]  # unit word → (unit, count or None when unstated)
    month_part: dict[str, int]  # مطلع → 5 …
    ambiguous_months: frozenset[str]
    filler: frozenset[str]
    count_cue: dict[str, str]  # منذ → since …
    weekday_cue: dict[str, str]


WORDS_FILE = "dates_words.tsv"
# the kinds of dates_words.tsv (what each means: the file's header) and the values they take ("-": none)
WORD_KINDS = (
    "day_word", "of", "month_word", "year_word", "era", "month_part", "ambiguous_month", "past", "next",
    "current", "unit", "count_cue", "count_past", "count_on", "count_not_before", "filler",
    "relative_not_before", "daypart", "weekday_cue", "weekday_not_before", "year_cue", "background_not_before",
    "since_start_cue", "since_start",
)
_WORD_VALUES = {
    "unit": r"(?:hour|day|week|month|year):(?:n|[1-9][0-9]*)",
    "month_part": r"[1-9]|[12][0-9]|3[01]",
    "count_cue": r"since|before|within|within_count|after",
    "weekday_cue": r"since|until",
}


def _check_word(f: list[str]) -> str | None:
    if f[0] not in WORD_KINDS:
        return f"unknown kind {f[0]!r} (one of {', '.join(WORD_KINDS)})"
    want = _WORD_VALUES.get(f[0], "-")
    if not re.fullmatch(want, f[2]):
        return f"value {f[2]!r} of a {f[0]} must match {want}"
    return None


@lru_cache(maxsize=4)
def load_date_words(path: str | None = None) -> dict[str, dict[str, str]]:
    """kind → {normalised phrase: value} from ``data/dates_words.tsv`` (or ``path``): the words the date
    rules are built of besides the month, weekday, ordinal, relative and background tables. A bad line
    (unknown kind, bad value, a repeated phrase of a kind) or a kind with no entry raises
    ``KnowledgeError`` naming file and line."""
    out: dict[str, dict[str, str]] = {k: {} for k in WORD_KINDS}
    name = path or WORDS_FILE
    for _, (kind, phrase, value) in load_tsv(name, 3, _check_word, normalise=(1,), unique=(0, 1)):
        out[kind][phrase] = value
    missing = [k for k, v in out.items() if not v]
    if missing:
        raise KnowledgeError(str(DATA_DIR / name), None, f"no entries of kind {', '.join(missing)}")
    return out


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    months = {f[0]: int(f[1]) for _, f in load_tsv(
        "dates_months.tsv", 2, lambda f: None if f[1].isdigit() and 1 <= int(f[1]) <= 12 else "month must be 1-12")}
    weekdays = {f[0]: int(f[1]) for _, f in load_tsv(
        "dates_weekdays.tsv", 2, lambda f: None if f[1] in "0123456" and len(f[1]) == 1 else "weekday must be 0-6")}

    def check_rel(f: list[str]) -> str | None:
        if not re.fullmatch(r"-?[0-9]+", f[1]):
            return "offset must be an integer"
        if f[2] not in ("day", "week", "week_start", "month", "year"):
            return "unit must be day, week, week_start, month or year"
        if f[3] not in ("1", "2", "3"):
            return "time_precision must be 1, 2 or 3"
        if f[4] not in ("relative", "since", "future", "year"):
            return "kind must be relative, since, future or year"
        return None

    ordinals = {f[0]: int(f[1]) for _, f in load_tsv(
        "dates_ordinals.tsv", 2, lambda f: None if f[1].isdigit() and 1 <= int(f[1]) <= 31 else "day must be 1-31")}
    relative = {f[0]: (int(f[1]), f[2], int(f[3]), f[4]) for _, f in load_tsv("dates_relative.tsv", 5, check_rel)}
    background = [f[0] for _, f in load_tsv("dates_background.tsv", 1)]

    w = load_date_words()
    units = {k: (v.split(":")[0], None if v.endswith(":n") else int(v.split(":")[1])) for k, v in w["unit"].items()}
    month_part = {k: int(v) for k, v in w["month_part"].items()}
    month = _alt(set(months))
    wday = _alt(set(weekdays))
    month_expr = rf"(?P<m>{month})(?:\s*[/(\-]?\s*{month}(?:\s*\))?)?"
    year = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
    day = rf"(?:(?P<d>[0-9]{{1,2}})(?![0-9])|(?P<o>{_alt(set(ordinals))}))"
    day_word, of, year_word = _alt(w["day_word"]), _alt(w["of"]), _alt(w["year_word"])
    wday_opt = rf"(?:(?:{day_word}\s+)?(?:{wday})\s*[،,\-]?\s*)?"
    numeric = re.compile(r"(?<![0-9/.\-])(?P<d>[0-9]{1,2})[/.\-](?P<mo>[0-9]{1,2})[/.\-](?P<y>(?:19|20)?[0-9]{2})(?![0-9/])")
    iso = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])")
    day_month = re.compile(
        rf"{_B}(?P<pre>[وفب]?){wday_opt}(?:{day_word}\s+)?{day}\s*(?:{of}\s+)?(?:{_alt(w['month_word'])}\s+)?"
        rf"{month_expr}{_E}(?:\s*(?:{of}\s+)?(?:{year_word}\s*)?{year}(?:\s*{_alt(w['era'])}{_E})?)?"
    )
    month_only = re.compile(
        rf"{_B}(?P<pre>[وفب]?)(?:(?P<part>{_alt(month_part)})\s+)?(?:(?P<shahr>{_alt(w['month_word'])})\s+)?"
        rf"{month_expr}{_E}(?:\s*(?:(?:{of}\s+)?(?:{year_word}\s*)?{year}"
        rf"|(?P<past>{_alt(w['past'])}){_E}|(?P<next>{_alt(w['next'] | w['current'])}){_E}))?"
    )
    cues = _alt([k for k, v in w["count_cue"].items() if v != "within_count"])
    counted = _alt([k for k, v in w["count_cue"].items() if v == "within_count"] or ["\x00"])
    ago = re.compile(  # a within_count cue takes one word, its count, before the unit ("في خمسة أيام")
        rf"{_B}{_PRE}(?:(?P<w>{cues})\s+(?P<n>(?:(?!{cues}\s)[^\s]+\s+){{0,5}}?)|(?P<wc>{counted})\s+(?P<nc>\S+\s+))"
        rf"(?P<art>ال)?(?P<u>{_alt(units)}){_E}(?!\s+(?:{wday}|{_alt(w['count_not_before'])}){_E})(?!\s*[0-9])"
        rf"(?:\s+(?P<n_after>[{_L}]+)(?=\s+(?:{_alt(w['count_past'])}){_E}))?"  # "خلال الأيام الخمسة الماضية"
        rf"(?:\s+(?P<past>{_alt(w['count_past'])}){_E}"
        rf"|\s+(?P<on>{_alt(w['count_on'])}){_E}|\s+(?P<next>{_alt(w['next'])}){_E})?"
    )
    rel = re.compile(
        rf"{_B}{_PRE}(?P<r>{_alt(list(relative))}){_E}"
        rf"(?!\s+(?:{_alt(w['relative_not_before'])}){_E})"
        rf"(?:\s*[(،,\-]?\s*(?:{day_word}\s+)?(?P<wd>{wday})\s*\)?)?"
    )
    weekday = re.compile(
        rf"{_B}{_PRE}(?:(?P<since>{_alt(w['weekday_cue'])})\s+)?(?:{_alt(w['daypart'])}\s+)?(?P<wd>{wday}){_E}"
        rf"(?!\s+{_alt(w['weekday_not_before'])})"
        rf"(?:\s+(?:(?P<past>{_alt(w['past'])})|(?P<next>{_alt(w['next'])})){_E})?"
    )
    year_re = re.compile(rf"{_B}{_PRE}(?:{_alt(w['year_cue'])})\s+{year}")
    bg = re.compile(
        rf"{_B}{_PRE}(?:{_alt(background)}){_E}"
        rf"(?!\s+(?:{of}\s+)?(?:{_alt(w['background_not_before'])}|{wday}){_E})"
    )
    fallback = re.compile(rf"{_B}{day}\s+(?P<w>[a-z]{{3,9}})\.?,?\s+{year}")
    # "منذ بدء/بداية/انطلاق X" up to four words before a past week or month
    since_start = re.compile(
        rf"{_B}{_alt(w['since_start_cue'])}\s+{_alt(w['since_start'])}(?:\s+\S+){{0,4}}\s*$"
    )
    return _Rules(months, weekdays, ordinals, relative, numeric, iso, day_month, month_only, ago, rel, weekday,
                  year_re, bg, fallback, since_start, units, month_part, frozenset(w["ambiguous_month"]),
                  frozenset(w["filler"]), w["count_cue"], w["weekday_cue"])


def parse_published(value: str | None) -> dt.date | None:
    """The local calendar date of an ISO (``2018-02-19T00:16:11+04:00``, ``2018-02-19``) or
    RFC-822 (``Mon, 19 Feb 2018 00:16:11 +0400``) publication date; None if unreadable."""
    if not value or not value.strip():
        return None
    v = value.strip()
    try:
        return dt.datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_months(d: dt.date, months: int, day: int | None = None) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    m += 1
    want = day if day is not None else d.day
    for dd in (want, 30, 29, 28):
        r = _safe_date(y, m, dd)
        if r:
            return r
    raise AssertionError("unreachable")


def _weekday_date(pub: dt.date, wd: int, mode: str) -> dt.date:
    back = (pub.weekday() - wd) % 7
    if mode == "past" and back == 0:
        back = 7
    if mode == "next":
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    return pub - dt.timedelta(days=back)


def _year_of(pub: dt.date | None, month: int, day: int) -> int | None:
    if pub is None:
        return None
    return pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1


@lru_cache(maxsize=512)
def _dateparser(candidate: str, pub: dt.date | None) -> dt.date | None:
    import dateparser  # slow import, only for the rare fallback

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    got = dateparser.parse(candidate, languages=["ar", "en", "fr"], settings=settings)
    return got.date() if got else None


def _count(middle: str) -> int | None | bool:
    """The number in the words between ``منذ/قبل`` and the unit (``نحو ثلاثة``, ``الـ24``); None when
    they are only fillers (``قبل نحو شهر``); False when other words are there."""
    value = None
    rest = middle
    for a, b, v, _approx, _kind in reversed(_numbers_in_norm(middle)):
        value = v if value is None else value
        rest = rest[:a] + " " + rest[b:]
    filler = _rules().filler
    if any(w not in filler for w in re.findall(rf"[{_L}]+", rest)) or re.search(r"[0-9]", rest):
        return False
    return value


def _is_background(d: dt.date | None, pub: dt.date | None) -> bool:
    return d is not None and pub is not None and (pub - d).days > BACKGROUND_DAYS


def _find(s: str, pub: dt.date | None) -> list[tuple[int, int, dt.date | None, int, str, bool]]:
    r = _rules()
    found: list[tuple[int, int, dt.date | None, int, str, bool]] = []
    taken = bytearray(len(s) + 1)

    def add(a: int | re.Match[str], b: int, d: dt.date | None, prec: int, kind: str, bg: bool | None = None) -> bool:
        if isinstance(a, re.Match):
            a = a.end("pre") if "pre" in a.re.groupindex else a.start()
        if any(taken[a:b]):
            return False
        taken[a:b] = b"\x01" * (b - a)
        found.append((a, b, d, prec, kind, _is_background(d, pub) if bg is None else bg))
        return True

    # 1. numeric dates
    for pat in (r.iso, r.numeric):
        for m in pat.finditer(s):
            y = int(m.group("y"))
            y = y + 2000 if y < 100 else y
            d = _safe_date(y, int(m.group("mo")), int(m.group("d")))
            if d:
                add(m, m.end(), d, 1, "explicit")
    # 2. day + month (+ year), then month alone
    for m in r.day_month.finditer(s):
        mo = r.months[_key(m.group("m"))]
        day = int(m.group("d")) if m.group("d") else r.ordinals[_key(m.group("o"))]
        y = int(m.group("y")) if m.group("y") else _year_of(pub, mo, day)
        d = _safe_date(y, mo, day) if y else None
        kind = "explicit"
        if d and pub and not m.group("y") and d.year < pub.year:
            ahead = _safe_date(pub.year, mo, day)
            if ahead and (ahead - pub).days <= FUTURE_DAYS:
                d, kind = ahead, "future"  # "بين 19 و22 آذار" a week ahead: this year's, not last year's
        if y is None or d is not None:
            add(m, m.end(), d, 1, kind)
    for m in r.month_only.finditer(s):
        name = _key(m.group("m"))
        paired = re.search(r"[/(\-]", m.group(0)) is not None
        if name in r.ambiguous_months and not (m.group("y") or m.group("shahr") or m.group("part") or paired):
            continue  # a bare "آب" is also "father", "ماي" also Theresa May
        mo = r.months[name]
        day = r.month_part[_key(m.group("part"))] if m.group("part") else 15
        d: dt.date | None = None
        kind = "month"
        if m.group("y"):
            d = _safe_date(int(m.group("y")), mo, day)
            if d and pub and (d.year, d.month) > (pub.year, pub.month):
                kind = "future"  # "في كانون الأول/ديسمبر 2018 المقبل"
        elif pub is not None:
            if m.group("next"):
                y = pub.year if mo >= pub.month else pub.year + 1
                kind = "month" if mo == pub.month else "future"
            elif m.group("past"):
                y = pub.year if mo < pub.month else pub.year - 1
            else:
                y = pub.year if mo <= pub.month else pub.year - 1
            d = _safe_date(y, mo, day)
            if d and d > pub and kind == "month":
                d = pub
        add(m, m.end(), d, 3, kind)
    # 3. منذ / قبل / خلال N units
    for m in r.ago.finditer(s):
        unit, n = r.units[_key(m.group("u"))]
        middle = (m.group("n") or m.group("nc") or "").strip()
        if m.group("art") and not m.group("n_after"):
            continue  # "منذ الأيام الأولى للحرب": a definite unit counts only with its number after it
        if m.group("n_after"):
            if middle or not isinstance(_count(m.group("n_after")), int):
                continue  # "خلال الأيام القليلة الماضية" is read with the count of the unit alone, below
            middle = m.group("n_after")
        vague = False
        if middle:
            n2 = _count(middle)
            if n2 is False:
                continue  # "قبل الهجوم بثلاثة أيام": not a count of days back from now
            if n2 is not None:
                n = n2
        if n is None:
            n, vague = (3, True)
        cue = r.count_cue[_key(m.group("w") or m.group("wc"))]
        if cue == "within_count":
            if vague or unit not in ("day", "week") or not middle:
                continue  # "في خمسة أيام من الغارات" is a period; "في أيام" / "في سنوات الحرب" is no date
            cue = "within"
        if cue == "after" and not m.group("on"):
            continue  # "بعد ثلاثة أيام على الهجوم" dates the attack; a bare "بعد ثلاثة أيام" is future
        within = cue == "within"
        if within and not middle and not m.group("past") and n == 1:
            continue  # "خلال يوم" / "خلال عام" without a number: not a date
        if within:
            prec = {"hour": 1, "day": 2, "week": 2 if n <= 1 else 3, "month": 3, "year": 3}[unit]
        else:
            prec = {"hour": 1, "day": 1 if n <= 7 and not vague else 2, "week": 2, "month": 3, "year": 3}[unit]
        d = None
        if pub is not None:
            amount = n / 2 if within else n
            if unit == "hour":
                d = pub - dt.timedelta(days=int(amount // 24))
            elif unit in ("day", "week"):
                d = pub - dt.timedelta(days=int(amount * (7 if unit == "week" else 1)))
            elif unit == "month":
                d = _shift_months(pub, -int(round(amount)) if amount >= 1 else 0)
            else:
                d = _safe_date(pub.year - int(round(amount)), pub.month, min(pub.day, 28))
        kind = "period" if within else "ago"
        if m.group("next"):
            kind, d = "future", pub

        if unit == "year" and vague:
            kind, d = "background", None
        end = m.end("past") if m.group("past") else m.end("next") if m.group("next") else m.end("u")
        add(m, end, d, prec, kind, True if kind == "background" else None)
    # 4. relative phrases (a weekday right after them wins)
    for m in r.rel.finditer(s):
        off, unit, prec, kind = r.relative[_key(m.group("r"))]
        d = None
        if m.group("wd") and unit == "day":
            if pub is not None:
                d = _weekday_date(pub, r.weekdays[_key(m.group("wd"))], "")
            add(m, m.end(), d, 1, "weekday")
            continue
        if unit in ("week", "month") and off < 0 and r.since_start.search(s, max(0, m.start() - 60), m.start()):
            off, unit, kind = 0, "day", "since"  # "منذ بدء الهجمات الأسبوع الماضي": still going on
        if m.group("wd"):  # "الأسبوع الماضي الخميس": leave the weekday to step 5
            b = m.start() + len(m.group(0)[: m.start("wd") - m.start()].rstrip(" (،,-"))
        else:
            b = m.end()
        if pub is not None:
            if unit == "day":
                d = pub + dt.timedelta(days=off)
            elif unit == "week":
                d = pub + dt.timedelta(days=7 * off)
            elif unit == "week_start":  # the Saturday that opens the (Arab) week
                d = pub - dt.timedelta(days=(pub.weekday() - 5) % 7) + dt.timedelta(days=7 * off)
            elif unit == "month":
                d = _shift_months(pub, off, 15)
                if d > pub and off == 0:
                    d = pub
            else:
                d = None
        if unit == "year":
            add(m, b, None, prec, kind, pub is not None and off < 0)
        else:
            add(m, b, d, prec, kind)
    # 5. weekdays
    for m in r.weekday.finditer(s):
        since = r.weekday_cue.get(_key(m.group("since") or "")) == "since"
        mode = "past" if m.group("past") else "next" if m.group("next") else ""
        d = _weekday_date(pub, r.weekdays[_key(m.group("wd"))], mode) if pub else None
        kind = "since" if since else "future" if mode == "next" else "weekday"
        add(m, m.end(), d, 2 if since else 1, kind)
    # 6. years after a cue
    for m in r.year.finditer(s):
        y = int(m.group("y"))
        add(m, m.end(), None, 3, "year", pub is not None and y < pub.year)
    # 7. background markers
    for m in r.background.finditer(s):
        add(m, m.end(), None, 0, "background", True)
    # fallback: "day <Latin month> year" (dateparser, en/fr)
    for m in r.fallback.finditer(s):
        if not any(taken[m.start():m.end()]) and _key(m.group("w")) not in r.months:
            d = _dateparser(m.group(0), pub)
            if d:
                add(m, m.end(), d, 1, "explicit")
    found.sort()
    return found


def find_dates(
    text: str, start: int = 0, end: int | None = None, published: dt.date | None = None
) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` in text order, resolved against ``published``."""
    tr = text_range(text, start, end)
    out = []
    for a, b, d, prec, kind, bg in _find(tr.norm, published):
        s, e = tr.span(a, b)
        out.append(DateMention(s, e, d, prec, kind, bg))
    return out


def date_near(text: str, start: int, end: int, published: dt.date | None) -> DateMention | None:
    """The date that most likely dates the act in ``text[start:end]`` (the heuristic measured on the
    dev gold): the first dated, non-future mention in the span itself (background allowed there),
    else in its sentence, else in the two sentences before; None when there is none (callers then
    use the publication date)."""
    sents = split_sentences(text)
    idx = next((i for i, (a, b) in enumerate(sents) if a <= start < b), None)
    ranges = [(start, end)]
    if idx is not None:
        ranges.append((min(start, sents[idx][0]), max(end, sents[idx][1])))
        ranges += [sents[i] for i in range(idx - 1, max(-1, idx - 3), -1)]
    for n, (a, b) in enumerate(ranges):
        for m in find_dates(text, a, b, published):
            if m.date and m.kind != "future" and (not m.background or n == 0):
                return m
    return None
