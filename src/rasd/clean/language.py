"""Tell Arabic from Persian, Urdu and Kurdish, which share its script: the second half of the E104 check.

Persian and Urdu add letters Arabic does not have (پ چ ژ گ ک ی, and ٹ ڈ ڑ ں ے ہ ھ in Urdu), Kurdish
(Sorani) adds ە ۆ ێ ڕ ڵ, and none of them writes the Arabic teh marbuta ة. Some Arabic sites type the
Persian yeh/keheh (ی ک) or heh (ھ) throughout, and Arabic text quotes Persian names, so these letters
alone do not decide: a text is refused only when they are frequent (``persian_min_share`` of its
Arabic-script letters) *and* ة is rare (below ``arabic_teh_marbuta_min``), which Arabic prose of
more than a line never is. Calibrated on every article of ANT, SaudiNewsNet and the Arabic HTML pages
(none refused; see tests/test_ingest_language.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rasd.clean.settings import DEFAULT, CleanSettings

# letters of the Arabic script that Persian and/or Urdu use and standard Arabic does not
PERSIAN_URDU_LETTERS = "پچژگکیٹڈڑںےہھ"
# letters only Kurdish (Sorani) adds; it shares the Persian ones too
KURDISH_LETTERS = "ەۆێڕڵ"
TEH_MARBUTA = "ة"
ARABIC_SCRIPT_LETTER = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")


@dataclass(frozen=True, slots=True)
class ScriptLetters:
    """Counts over the Arabic-script letters of one text."""

    letters: int  # Arabic-script letters
    non_arabic: Counter[str]  # each Persian/Urdu/Kurdish letter → how often it occurs
    teh_marbuta: int

    @property
    def non_arabic_share(self) -> float:
        """Share of the Arabic-script letters that Arabic does not use."""
        return self.non_arabic.total() / self.letters if self.letters else 0.0

    @property
    def teh_marbuta_share(self) -> float:
        return self.teh_marbuta / self.letters if self.letters else 0.0

    @property
    def language(self) -> str:
        """Which language the non-Arabic letters point to."""
        kurdish = sum(self.non_arabic[c] for c in KURDISH_LETTERS)
        return "Kurdish (Sorani)" if kurdish >= 0.2 * self.non_arabic.total() else "Persian/Urdu"


def script_letters(text: str) -> ScriptLetters:
    """Count ``text``'s Arabic-script letters, those Arabic does not use, and its ة."""
    letters = ARABIC_SCRIPT_LETTER.findall(text)
    foreign = Counter(c for c in letters if c in PERSIAN_URDU_LETTERS or c in KURDISH_LETTERS)
    return ScriptLetters(len(letters), foreign, letters.count(TEH_MARBUTA))


def persian_urdu_reason(text: str, settings: CleanSettings = DEFAULT) -> str | None:
    """Why ``text`` is Persian, Urdu or Kurdish rather than Arabic (the E104 detail), or None if it
    reads as Arabic."""
    counts = script_letters(text)
    share, teh = counts.non_arabic_share, counts.teh_marbuta_share
    if share < settings.persian_min_share or teh >= settings.arabic_teh_marbuta_min:
        return None
    top = ", ".join(f"{c} {n}" for c, n in counts.non_arabic.most_common(4))
    return (
        f"{counts.language} text, not Arabic: {share:.0%} of its Arabic-script letters are letters Arabic does"
        f" not use ({top}; limit {settings.persian_min_share:.0%}) and {teh:.1%} are ة"
        f" (Arabic text has at least {settings.arabic_teh_marbuta_min:.1%})"
    )
