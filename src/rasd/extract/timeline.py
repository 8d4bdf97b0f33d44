"""When a mention happened, and whether it is news at all: background sentences (lead-ins, frames,
pluperfect, old years, background cues), retold or vaguely dated acts, and the event date (clause →
sentence → paragraph → lead sentence → publication day)."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from rasd.clean.normalize import norm
from rasd.extract import bridge
from rasd.extract.fatalities import tally_rules
from rasd.extract.lexicon import DATA, named_patterns
from rasd.extract.matcher import Hit
from rasd.extract.mentions import Mention
from rasd.model import Segment

_P = named_patterns(DATA / "timeline_patterns.tsv", ("pluperfect", "background_lead", "frame_lead", "after_that", "age"))
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_PLUPERFECT = _P["pluperfect"]
_BACKGROUND_LEAD = _P["background_lead"]
_FRAME_LEAD = _P["frame_lead"]  # "ويأتي ... بعد": context for other news
RECENT_DAYS = 7


def is_background(text: str, norm: str, normalized, s: int, e: int, dates: list[bridge.DateFound],
                published: dt.date | None, shits: list[Hit]) -> bool:
    """A sentence that only recalls the story's past: background lead-ins and cues, pluperfect,
    old years, background dates, unless it also names a recent day (a weekday, yesterday...)."""
    recent = any(d.date and not d.background for d in dates)
    day = any(d.date and not d.background and d.kind in ("weekday", "relative", "explicit") and d.precision == 1
              for d in dates)
    if any(_background_cue(h, norm[max(0, h.nstart - 24):h.nstart]) for h in shits) \
            and not (recent and not _old(dates, published)):
        return True
    ns, ne = _norm_range(normalized, s, e)
    sn = norm[ns:ne]
    if any(d.background for d in dates) and not recent:
        return True
    if _FRAME_LEAD.match(sn):
        return True
    if _BACKGROUND_LEAD.match(sn):
        return not recent
    if _PLUPERFECT.search(sn) and not recent:
        return True
    for y in _YEAR.findall(text[s:e]):
        if (published is None or int(y) < published.year) and not day:
            return True
    return False


def _background_cue(h: Hit, before: str) -> bool:
    """A background cue, unless it tells a person's age (``before``: the normalised text before it,
    "وشقيقه (4 أعوام)", "عمره 18 عاما")."""
    return h.kind == "cue" and h.payload == "background" and not _P["age"].search(before)


def _old(dates: list[bridge.DateFound], published: dt.date | None) -> bool:
    """Every dated expression lies more than the recent window before publication."""
    days = [(published - dt.date.fromisoformat(d.date)).days for d in dates if d.date and published]
    return bool(days) and min(days) > RECENT_DAYS


def _norm_range(normalized, s: int, e: int) -> tuple[int, int]:
    offs = normalized.offsets
    return bisect.bisect_left(offs, s), bisect.bisect_left(offs, e)


def clause_background(m: Mention, shits: list[Hit], dates: list[bridge.DateFound], text: str = "") -> bool:
    """A background cue or a period longer than a day inside the mention's own clause with no date
    there ("بعد هجوم شنته على مدى 8 أسابيع", "تعرضت سوريا، خلال الـ15 عاما، لعدد كبير من الغارات")."""
    cs, ce = m.clause
    if any(cs <= d.start < ce and d.date and not d.background for d in dates):
        return False
    return any(cs <= h.start < ce and _background_cue(h, norm(text[max(0, h.start - 30):h.start]) if text else "")
               for h in shits) \
        or bool(text) and bool(tally_rules().total.search(norm(text[cs:ce])))


def told_before(m: Mention, dates: list[bridge.DateFound], published: dt.date | None) -> bool:
    """The date expression nearest the trigger is background or older than the recent window
    ("أسقطتها ... في فبراير"): the act is retold."""
    if not dates:
        return False
    near = min(dates, key=lambda d: abs(d.start - m.trigger.start))
    if near.background or near.kind == "ago" and (near.precision or 1) >= 2:
        return True  # "قبل أيام", "منذ سنوات": a vague or distant past
    return bool(near.date and published and (published - dt.date.fromisoformat(near.date)).days > RECENT_DAYS)


_AFTER_THAT = _P["after_that"]  # "بعد أن", "ردا على": the frame of, or reason for, another act
_AFTER_THE = re.compile(r"(?:^|\s)[وف]?(?:بعد|عقب|اثر|منذ)\s+ال$")  # "بعد الهجوم": the act told before


def after_frame(m: Mention, norm: str, dates: list[bridge.DateFound]) -> bool:
    """"بعد أن سيطرت أنقرة على عفرين، وجهت تهديداتها", "ردا على هجوم دوما", "بعد الهجوم على منطقة عفرين
    أصرت على أن يتم إرسالها": an act told as the frame of (or the reason for) another, with no date of its
    own in its clause, is the story's past."""
    cs, ce = m.clause
    before = norm[max(0, m.trigger.nstart - 48):m.trigger.nstart]
    if m.definite and _AFTER_THE.search(before):  # "بعد الغارات التي نفذتها ... فجر السبت": dated, news
        cs, ce = m.sent
    return bool(_AFTER_THAT.search(before) or m.definite and _AFTER_THE.search(before)) \
        and not any(cs <= d.start < ce and d.date and not d.background for d in dates)


_CONDEMN_WINDOW = 100  # normalised characters between a condemnation and the act it names


def condemned(m: Mention, shits: list[Hit], dates: list[bridge.DateFound]) -> bool:
    """"دانت الولايات المتحدة إطلاق ميليشيات الحوثي صواريخ": an act named as the object of a
    condemnation, with no date of its own in its clause, is a reaction to news told elsewhere. A date
    told before the condemnation dates the reaction ("تبنى مجلس الأمن أمس قرارًا بتشكيل لجنة تحقيق في
    الهجمات"), not the act."""
    cs, ce = m.clause
    cues = [h for h in shits if h.kind == "cue" and h.payload == "condemn"
            and 0 <= m.trigger.nstart - h.nend <= _CONDEMN_WINDOW]
    return bool(cues) and not any(cs <= d.start < ce and d.start >= cues[0].start and d.date and not d.background
                                  for d in dates)


class Lead:
    """The lead sentence's first usable date, found on first use."""

    def __init__(self, text: str, first: Segment, published: dt.date | None) -> None:
        sents = bridge.split_sentences(text, first.start, first.end)
        end = sents[0][1] if sents else first.end  # the lead sentence
        self._args = (text, first.start, end, published)
        self._date: bridge.DateFound | None = None
        self._done = False

    def date(self) -> bridge.DateFound | None:
        if not self._done:
            self._done = True
            text, start, end, published = self._args
            found = [d for d in bridge.find_dates(text, start, end, published) if d.date and not d.background
                     and (published is None or (published - dt.date.fromisoformat(d.date)).days <= RECENT_DAYS)]
            self._date = found[0] if found else None
        return self._date


_REPORT_GAP = 40  # characters from an attribution to a day that dates the report, not the act


def report_date(d: bridge.DateFound, shits: list[Hit]) -> bool:
    """A day told right after who said it, before any act ("وفق ما أفاد المرصد السوري الأحد", "وفق بيان
    رسمي ورد الجمعة"): the day of the report, which the act may not share."""
    for h in shits:
        if h.end <= d.start <= h.end + _REPORT_GAP and (h.kind == "source" or h.kind == "cue" and h.payload == "attribution") \
                and not any(t.kind == "trigger" and h.end <= t.start < d.start for t in shits):
            return True
    return False


def event_date(m: Mention, good: list[bridge.DateFound], para: list[bridge.DateFound],
                lead: Lead) -> bridge.DateFound | None:
    """The date in the mention's clause, else the nearest before its trigger in the sentence, else the
    nearest after it; else the latest earlier one in its paragraph, else the lead's."""
    if good:
        in_clause = [d for d in good if m.clause[0] <= d.start < m.clause[1]]
        if in_clause:
            return min(in_clause, key=lambda d: abs(d.start - m.trigger.start))
        before = [d for d in good if d.start < m.trigger.start]
        return before[-1] if before else good[0]
    if para:
        return para[-1]
    return lead.date()
