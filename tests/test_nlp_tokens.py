"""rasd.nlp.tokens: word tokens, clitic stripping for lexicon matching, original offsets."""

from __future__ import annotations

import pytest

from rasd.nlp.tokens import tokenize


@pytest.mark.parametrize(
    ("word", "stem", "prefixes"),
    [
        ("وبالميادين", "ميادين", ("و", "ب", "ال")),
        ("للجيش", "جيش", ("لل",)),
        ("والقوات", "قوات", ("و", "ال")),
        ("فقتلوا", "قتلوا", ("ف",)),
        ("بمدينة", "مدينه", ("ب",)),
        ("وسيطرت", "سيطرت", ("و",)),
        ("وزير", "وزير", ()),
        ("لبنان", "لبنان", ()),
        ("ولبنان", "لبنان", ("و",)),
        ("وبلدة", "بلده", ("و",)),
        ("عناصرها", "عناصر", ()),
        ("لقواته", "قوات", ("ل",)),
        ("مدينتهم", "مدينه", ()),
        ("سيارة", "سياره", ()),
        ("ستة", "سته", ()),
        ("سيتمكنون", "يتمكنون", ("س",)),
    ],
)
def test_tokens_stem(word: str, stem: str, prefixes: tuple[str, ...]) -> None:
    (tok,) = tokenize(word)
    assert (tok.stem, tok.prefixes) == (stem, prefixes)


def test_tokens_offsets_point_into_original(seed_text: str) -> None:
    start = seed_text.index("وطالت الهجمات")
    end = seed_text.index("شرق دير الزور.") + len("شرق دير الزور")
    toks = tokenize(seed_text, start, end)
    assert toks[0].text == "وطالت" and toks[-1].text == "الزور"
    for t in toks:
        assert seed_text[t.start:t.end] == t.text
        assert start <= t.start < t.end <= end
    by_text = {t.text: t for t in toks}
    assert by_text["الميادين"].stem == "ميادين"
    assert by_text["للميليشيات"].stem == "ميليشيات"


def test_tokens_digits_diacritics_and_latin() -> None:
    text = "شنَّ عناصر ٥ هجمات 1,200 مرة على alarabiya"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["شنَّ", "عناصر", "٥", "هجمات", "1,200", "مرة", "على", "alarabiya"]
    assert toks[0].norm == "شن" and toks[2].norm == "5"
