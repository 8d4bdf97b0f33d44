"""rasd.clean.normalize.normalize's numpy fast path gives exactly the reference loop's result
(normalised text and offset map) on real articles and on the awkward characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.clean.normalize import _normalize_loop, normalize


@pytest.mark.parametrize(
    "text",
    ["  \u064b a  \u0640 b\n\n\u200f c", "ABC أإآ ى ة ؤ ئ ٣٤ ۵ «x» ﻷ ﻻ", "\u00a0\u2009x\u3000y", "", "\u064b\u064b",
     "  ", "😀 x\U0001F600 ي", "شنَّ عناصر\r\n\t١٬٢٠٠"],
)
def test_normalize_fast_path_edge_cases(text: str) -> None:
    assert normalize(text) == _normalize_loop(text)


def test_normalize_fast_path_corpus(ant_path: Path, seed_text: str) -> None:
    assert normalize(seed_text) == _normalize_loop(seed_text)
    with ant_path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % 40:
                continue
            text = json.loads(line)["text"]
            assert normalize(text) == _normalize_loop(text), n
