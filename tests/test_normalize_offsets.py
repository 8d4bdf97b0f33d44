"""Normalisation folds Arabic variants and maps every normalised span back to the original text."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ANT

from rasd.clean.normalize import norm, normalize


def _ant_texts(n: int) -> list[str]:
    texts = []
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) == n:
                break
    return texts


@pytest.mark.parametrize("text", _ant_texts(25) if ANT.exists() else [])
def test_normalize_round_trip_on_ant_words(text):
    nz = normalize(text)
    assert len(nz.offsets) == len(nz.norm) + 1
    assert list(nz.offsets) == sorted(nz.offsets)
    for m in re.finditer(r"\w+", nz.norm):
        start, end = nz.original_span(m.start(), m.end())
        assert norm(text[start:end]) == m.group(), (m.group(), text[start:end])


def test_normalize_presentation_forms_in_seed(seed_text):
    assert "اﻷراضي" in seed_text  # U+FEF7 lam-alef ligature as published
    assert "الاراضي" in norm(seed_text)
    nz = normalize(seed_text)
    i = nz.norm.index("الاراضي")
    start, end = nz.original_span(i, i + len("الاراضي"))
    assert seed_text[start:end] == "اﻷراضي"


@pytest.mark.parametrize(("raw", "folded"), [
    ("٢٠١٩", "2019"), ("۱۴", "14"), ("أإآٱ", "اااا"), ("مستشفى", "مستشفي"), ("المدينة", "المدينه"),
    ("مؤتمر", "موتمر"), ("شنَّ", "شن"), ("قـــتل", "قتل"), ("“قسد”", '"قسد"'), ("ISIS", "isis"),
    ("a \n\t b", "a b"),
    ("مح\ufe7cمد", "محمد"),  # isolated shadda form inside a word: no space
    ("\ufdfa", "صلي الله عليه وسلم"), ("ﺑﺴﻢ", "بسم"),
])
def test_normalize_folds(raw, folded):
    assert norm(raw) == folded


def test_normalize_eastern_digits_map_back():
    text = "قتل ١٥ شخصاً"
    nz = normalize(text)
    i = nz.norm.index("15")
    assert nz.original_span(i, i + 2) == (4, 6)
    assert text[4:6] == "١٥"


def test_normalize_span_outside_raises():
    nz = normalize("نص")
    with pytest.raises(ValueError):
        nz.original_span(0, 5)
    assert nz.original_span(1, 1) == (1, 1)
