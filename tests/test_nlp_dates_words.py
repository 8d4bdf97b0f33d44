"""data/dates_words.tsv: the date vocabulary (units, fillers, cue words …) loads with every kind, stored
without presentation forms, and the date rules read their words from it (broken lines:
test_knowledge_broken_lines.py)."""

from __future__ import annotations

from rasd.clean.normalize import norm
from rasd.nlp import dates
from rasd.nlp._text import DATA_DIR

SHIPPED = DATA_DIR / dates.WORDS_FILE


def test_dates_words_shipped_file_has_every_kind() -> None:
    words = dates.load_date_words()
    assert set(words) == set(dates.WORD_KINDS)
    assert all(words[k] for k in dates.WORD_KINDS)
    rules = dates._rules()
    assert rules.units[norm("يومين")] == ("day", 2)
    assert rules.units[norm("أيام")] == ("day", None)
    assert rules.month_part[norm("أواخر")] == 25
    assert rules.count_cue[norm("خلال")] == "within"
    assert norm("آب") in rules.ambiguous_months


def test_dates_words_phrases_stored_without_presentation_forms() -> None:
    for line in SHIPPED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            phrase = line.split("\t")[1]
            assert not any(0xFE70 <= ord(c) <= 0xFEFF for c in phrase), line
