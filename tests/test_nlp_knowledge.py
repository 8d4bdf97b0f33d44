"""The NLP knowledge files load, are stored normalised, and a bad line fails with file and line."""

from __future__ import annotations

import pytest

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.nlp import _text, dates, numbers, tokens

FILES = ["numbers.tsv", "numbers_vague.tsv", "numbers_approx.tsv", "numbers_dual.tsv", "dates_months.tsv",
         "dates_weekdays.tsv", "dates_relative.tsv", "dates_background.tsv", "dates_ordinals.tsv", "tokens_keep.tsv"]


def test_knowledge_loaders_accept_shipped_files() -> None:
    assert numbers._lexicon().words[norm("خمسة")] == (5, "unit")
    assert dates._rules().months[norm("تشرين الثاني")] == 11
    assert norm("لبنان") in tokens._keep()


@pytest.mark.parametrize("name", FILES)
def test_knowledge_entries_normalised_and_unique(name: str) -> None:
    path = _text.DATA_DIR / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for line in lines:
        first = line.split("\t")[0]
        assert not any(0xFE70 <= ord(c) <= 0xFEFF for c in first), f"{name}: presentation forms in {first!r}"
    rows = _text.load_tsv(name, len(lines[0].split("\t")))  # raises on a repeat once normalised
    assert len(rows) == len(lines)


def test_knowledge_bad_line_names_file_and_line(tmp_path, monkeypatch) -> None:
    (tmp_path / "numbers.tsv").write_text("# header\nخمسة\t5\tunit\nستة\tsix\tunit\n", encoding="utf-8")
    monkeypatch.setattr(_text, "DATA_DIR", tmp_path)
    with pytest.raises(KnowledgeError, match=r"numbers.tsv:3: .*whole number"):
        _text.load_tsv("numbers.tsv", 3, numbers._check_number)
    (tmp_path / "numbers.tsv").write_text("خمسة\t5\tunit\nخمسه\t5\tunit\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"numbers.tsv:2: .*repeats line 1"):
        _text.load_tsv("numbers.tsv", 3)
    (tmp_path / "numbers.tsv").write_text("خمسة\t5\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"numbers.tsv:1: expected 3"):
        _text.load_tsv("numbers.tsv", 3)
