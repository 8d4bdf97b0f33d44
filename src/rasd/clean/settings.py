"""Settings of the clean stage, each declared once with its name, default and help.

Override for one run with ``CleanSettings(min_arabic_ratio=0.2)`` and pass it to
``to_document``/``segment``; knowledge (boilerplate patterns) lives in ``rasd/data``, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class CleanSettings:
    """Thresholds of the clean stage (see each field's ``help`` metadata)."""

    min_arabic_ratio: float = field(
        default=0.3, metadata={"help": "share of Arabic letters among all letters below which a text is E104"}
    )
    persian_min_share: float = field(
        default=0.03,
        metadata={"help": "share of letters Arabic does not use (Persian/Urdu پ چ ژ گ ک ی ٹ ڈ ڑ ں ے ہ ھ, Kurdish"
                          " ە ۆ ێ ڕ ڵ) among Arabic-script letters from which a text without ة is E104"},
    )
    arabic_teh_marbuta_min: float = field(
        default=0.005,
        metadata={"help": "share of ة among Arabic-script letters from which a text reads as Arabic however many"
                          " Persian/Urdu letters it has (Arabic typed on a Persian keyboard)"},
    )
    min_extracted_size: int = field(
        default=200, metadata={"help": "characters a main-text extraction step must yield to be accepted"}
    )
    min_usable_size: int = field(
        default=25, metadata={"help": "characters below which no extraction counts as usable (E107)"}
    )
    teaser_min_chars: int = field(
        default=80, metadata={"help": "a paragraph shorter than this is never treated as a teaser repeat"}
    )
    teaser_coverage: float = field(
        default=0.8, metadata={"help": "share of a paragraph's words found in earlier text that makes it a teaser"}
    )
    title_max_words: int = field(
        default=18, metadata={"help": "a line longer than this (in words) is never a title"}
    )
    story_break_overlap: float = field(
        default=0.25, metadata={"help": "word-set cosine with the last two paragraphs below which a lead opens a story"}
    )
    boilerplate_max_words: int = field(
        default=50, metadata={"help": "a paragraph longer than this (in words) is never boilerplate"}
    )
    lead_min_story_paras: int = field(
        default=3, metadata={"help": "paragraphs a story needs before an undated lead may open the next one"}
    )
    lead_min_words: int = field(
        default=12, metadata={"help": "words a verb-initial paragraph needs to count as a lead"}
    )
    verb_lead_weight: float = field(
        default=1.0, metadata={"help": "threshold weight of a lead opening with an announcement verb"}
    )
    generic_lead_weight: float = field(
        default=0.3, metadata={"help": "threshold weight of any other verb-initial lead"}
    )
    subheading_max_words: int = field(
        default=4, metadata={"help": "a title line of at most this many words is a sub-heading (no new story)"}
    )
    headline_body_overlap: float = field(
        default=0.1, metadata={"help": "word-set cosine a headline shares with its own first paragraph"}
    )


DEFAULT = CleanSettings()


def describe() -> list[tuple[str, object, str]]:
    """``(name, default, help)`` of every setting, for docs and ``--help``."""
    return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(CleanSettings)]
