"""Stand-ins for ``rasd.nlp.dates`` while it is missing: publication dates and a few common date
expressions (weekdays, أمس/اليوم, "19 مايو 2018", years). Replaced as soon as nlp provides them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rasd.clean.normalize import normalize

_DAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8,
    "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "اذار": 3,
    "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10,
    "تشرين الثاني": 11, "كانون الاول": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_RE = re.compile(
    rf"(?P<dmy>\b(?P<d>\d{{1,2}}) (?:من )?(?:شهر )?(?P<m>{_MONTH_RE})(?: (?P<y>\d{{4}}))?)"
    rf"|(?P<day>(?:يوم )?(?:[وف]?)(?P<wd>{'|'.join(_DAYS)})\b)"
    r"|(?P<rel>\b[وف]?(?:امس|اليوم|البارحه)\b)"
    r"|(?P<year>\b(?:عام|سنه|العام) (?P<yy>(?:19|20)\d\d)\b)"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: dt.date | None
    time_precision: int | None
    kind: str
    background: bool


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def find_dates(text: str, start: int, end: int, published: dt.date | None) -> list[DateMention]:
    n = normalize(text[start:end])
    out: list[DateMention] = []
    for m in _RE.finditer(n.norm):
        s, e = n.original_span(m.start(), m.end())
        s, e = s + start, e + start
        if m.group("dmy"):
            year = int(m.group("y")) if m.group("y") else (published.year if published else None)
            if year is None:
                continue
            try:
                d = dt.date(year, _MONTHS[m.group("m")], int(m.group("d")))
            except ValueError:
                continue
            bg = bool(published and (published - d).days > 30)
            out.append(DateMention(s, e, d, 1, "absolute", bg))
        elif m.group("day") and published:
            back = (published.weekday() - _DAYS[m.group("wd")]) % 7
            out.append(DateMention(s, e, published - dt.timedelta(days=back), 1, "weekday", False))
        elif m.group("rel") and published:
            delta = 0 if "اليوم" in m.group("rel") else 1
            out.append(DateMention(s, e, published - dt.timedelta(days=delta), 1, "relative", False))
        elif m.group("year"):
            y = int(m.group("yy"))
            bg = published is None or y < published.year
            out.append(DateMention(s, e, None, 3, "year", bg))
    return out
