"""rasd.nlp._text.fast_normalize gives exactly rasd.clean.normalize.normalize's result
(normalised text and offset map) on real articles and on the awkward characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.clean.normalize import normalize
from rasd.nlp._text import fast_normalize


@pytest.mark.parametrize(
    "text",
    ["  \u064b a  \u0640 b\n\n\u200f c", "ABC أإآ ى ة ؤ ئ ٣٤ ۵ «x» ﻷ ﻻ", "\u00a0\u2009x\u3000y", "", "\u064b\u064b",
     "  ", "😀 x\U0001F600 ي", "شنَّ عناصر\r\n\t١٬٢٠٠"],
)
def test_fast_normalize_edge_cases(text: str) -> None:
    assert fast_normalize(text) == normalize(text)


def test_fast_normalize_corpus(ant_path: Path, seed_text: str) -> None:
    assert fast_normalize(seed_text) == normalize(seed_text)
    with ant_path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % 40:
                continue
            text = json.loads(line)["text"]
            assert fast_normalize(text) == normalize(text), n
