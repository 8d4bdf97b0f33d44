"""The fatality word lists (``cues_toll.tsv``, ``cues_tally.tsv``) and the number markers
(``numbers_markers.tsv``) load (normalised on load), and a bad line fails naming file and line."""

from __future__ import annotations

import pytest

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.extract.fatalities import TALLY_FILE, TOLL_FILE, tally_rules, toll_rules
from rasd.nlp import _text, numbers


@pytest.mark.parametrize("path", [TOLL_FILE, TALLY_FILE, _text.DATA_DIR / "numbers_markers.tsv"])
def test_fatality_lists_have_no_presentation_forms(path) -> None:  # they are normalised on load
    for line in path.read_text(encoding="utf-8").splitlines():
        assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in line), line


def test_toll_rules_read_the_shipped_file() -> None:
    rules = toll_rules()
    assert rules.counted.match(norm("غارات جوية")) and rules.named.search(norm("قائد اللواء "))
    assert norm("قتلى") in rules.words["victims"] and norm("حصيلة") in rules.words["count"]
    # matched on normalised text: "عدة أيّام" (a shadda) counts days (SK-middleEast-1730-20180515)
    assert rules.counted.match(norm(" أيّام، وأعلن"))


@pytest.mark.parametrize(("content", "where"), [
    ("counted\tساعة\nnamed\tرقم\nattribution\tقال\npart\tمنهم\nrange\tو\nrange_between\tو\nbetween\tبين\n"
     "count\tعدد\nvictims\tقتلى\nvictim\tجثث\n", ":10: expected"),  # an unknown kind
    ("counted\tساعة|ساعه\n", ":1: counted form"),  # the same form twice once normalised
    ("counted\tساعة\n", "no 'named' line"),  # a kind missing
])
def test_toll_rules_bad_file_names_file_and_line(tmp_path, content: str, where: str) -> None:
    bad = tmp_path / "cues_toll.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"cues_toll.tsv{where}" if where.startswith(":") else where):
        toll_rules(bad)


def test_tally_rules_read_the_shipped_file() -> None:
    assert tally_rules().total.search(norm("منذ بدء الحرب"))


def test_number_markers_bad_line_names_file_and_line(tmp_path, monkeypatch) -> None:
    (tmp_path / "numbers_markers.tsv").write_text("# markers\npercent\t%\nhalves\tنصف\n", encoding="utf-8")
    monkeypatch.setattr(_text, "DATA_DIR", tmp_path)
    with pytest.raises(KnowledgeError, match=r"numbers_markers.tsv:3: kind 'halves'"):
        numbers._markers()
