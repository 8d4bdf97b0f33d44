"""rasd.nlp.sentences: Arabic sentence boundaries on real text, offsets into the original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.nlp.sentences import split_sentences


def _texts(path: Path, n: int) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line)["text"])
            if len(out) == n:
                break
    return out


def test_sentences_seed_page(seed_text: str) -> None:
    spans = split_sentences(seed_text)
    texts = [seed_text[a:b] for a, b in spans]
    assert any(t.startswith("وذكر موقع") and t.endswith("في ريف دير الزور الشرقي.") for t in texts)
    # "دير الزور.. هجمات" is a headline with a pause, not two sentences
    assert 'دير الزور.. هجمات جديدة لتنظيم الدولة وخسائر لـ "قسد"' in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال د. محمد إن 2.5 مليون شخص نزحوا. وأضاف أن القصف استمر.",
         ["قال د. محمد إن 2.5 مليون شخص نزحوا.", "وأضاف أن القصف استمر."]),
        ('وقال المتحدث: "الباغوز تحررت". وأضاف أن العمليات مستمرة!',
         ['وقال المتحدث: "الباغوز تحررت".', "وأضاف أن العمليات مستمرة!"]),
        ("هل انتهت الحرب؟ لا أحد يعرف؛ القتال مستمر", ["هل انتهت الحرب؟", "لا أحد يعرف؛", "القتال مستمر"]),
        ("حررت قرى الجنينة والجيعة...على الضفة الشرقية لنهر الفرات", ["حررت قرى الجنينة والجيعة...على الضفة الشرقية لنهر الفرات"]),
        ("نقلت alarabiya.net الخبر.\n\nوفي سياق آخر، قتل 3", ["نقلت alarabiya.net الخبر.", "وفي سياق آخر، قتل 3"]),
        ("بلغت المسافة 1.200 كيلومتر", ["بلغت المسافة 1.200 كيلومتر"]),
        ('ففي إحدى الرسائل التي وردت بتقرير "بي.بي.سي"، قال السفير', ['ففي إحدى الرسائل التي وردت بتقرير "بي.بي.سي"، قال السفير']),
        ("بحسب مفوضية الانتخابات.وأضاف المصدر", ["بحسب مفوضية الانتخابات.", "وأضاف المصدر"]),
        ("في أول زيارة له للسعودية. .\nوقال في مؤتمر صحفي", ["في أول زيارة له للسعودية. .", "وقال في مؤتمر صحفي"]),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_sentences_range_and_offsets() -> None:
    text = "مقدمة. الجملة الأولى. الجملة الثانية. خاتمة"
    start = text.index("الجملة الأولى")
    end = text.index("خاتمة")
    spans = split_sentences(text, start, end)
    assert [text[a:b] for a, b in spans] == ["الجملة الأولى.", "الجملة الثانية."]
    assert all(start <= a < b <= end for a, b in spans)
    with pytest.raises(ValueError):
        split_sentences(text, 5, 1000)


def test_sentences_cover_corpus_text_trimmed(ant_path: Path) -> None:
    for text in _texts(ant_path, 200):
        spans = split_sentences(text)
        for (a, b), (c, _d) in zip(spans, spans[1:], strict=False):
            assert b <= c
            assert text[a:b] == text[a:b].strip()
        joined = "".join(text[a:b] for a, b in spans)
        assert len(joined.replace(" ", "")) >= 0.95 * len("".join(text.split()))
