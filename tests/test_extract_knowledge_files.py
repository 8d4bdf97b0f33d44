"""The word lists moved out of rasd.extract.roles and rasd.extract.core (data/roles_patterns.tsv,
core_patterns.tsv, core_words.tsv) are normalised and checked on load: a missing, repeated or unknown
name, or a regex that does not compile, raises KnowledgeError naming file and line."""

from __future__ import annotations

import pytest

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.extract import core, roles
from rasd.extract.lexicon import DATA, named_patterns, named_words


def _copy(tmp_path, name: str, edit=lambda s: s):
    p = tmp_path / name
    p.write_text(edit((DATA / name).read_text(encoding="utf-8")), encoding="utf-8")
    return p


def test_shipped_files_load_with_every_name() -> None:
    assert set(roles._P) == set(roles._NAMES)
    assert core._W["demonym_proclitics"][-1] == ""  # "-": the word without a proclitic is tried last
    assert all(w == norm(w) for ws in core._W.values() for w in ws if w)


def test_patterns_match_normalised_text() -> None:
    # "بمساندة" and "الموالية ل" were written with teh marbuta, which normalised text never holds
    assert roles._SUPPORTER_BEFORE.search(norm("تدور بمساندة مقاتلات "))
    assert roles._SUPPORTER_BEFORE.search(norm("الميليشيات الموالية لإيران "))
    assert core._DEMONYM_HOST.search(norm("الأسلحة") + " ")


def test_the_dateline_matches_the_original_text() -> None:
    assert core._DATELINE.match("بيروت، لبنان (رويترز) -- قتل")
    assert core._DATELINE.match("دمشق (أ ف ب) - قتل")


@pytest.mark.parametrize("edit,message", [
    (lambda s: s.replace("\nvso_gap\t", "\nvso_gaps\t"), r"roles_patterns.tsv:\d+: unknown name 'vso_gaps'"),
    (lambda s: s.replace("\nvso_gap\t", "\n#vso_gap\t"), r"roles_patterns.tsv: missing vso_gap"),
    (lambda s: s + "adj_gap\t^$\tagain\n", r"roles_patterns.tsv:\d+: 'adj_gap' given twice"),
    (lambda s: s.replace("\nadj_gap\t^", "\nadj_gap\t(^"), r"roles_patterns.tsv:\d+: bad regex"),
])
def test_roles_patterns_checked_on_load(tmp_path, edit, message) -> None:
    with pytest.raises(KnowledgeError, match=message):
        named_patterns(_copy(tmp_path, "roles_patterns.tsv", edit), roles._NAMES)


def test_core_words_checked_on_load(tmp_path) -> None:
    path = _copy(tmp_path, "core_words.tsv", lambda s: s.replace("agree_with\tمع\t", "agree_with\t\u064b\t"))
    with pytest.raises(KnowledgeError, match=r"core_words.tsv:\d+: empty form"):
        named_words(path, ("demonym_proclitics", "agree_with"))


def test_mention_and_timeline_lists_load() -> None:
    from rasd.extract import mentions, timeline
    assert "عمليات اغتيال" in mentions._ASSASSINATION and "سلاح الجو" in mentions._AIR_WORDS
    assert mentions._CLAUSE_CUT.search("قتل جنديان إثر هجوم")  # matched on the original text, hamza and all
    assert timeline._PLUPERFECT.search(norm("وكان التنظيم قد سيطر على المدينة"))
    assert set(timeline._P) == {"pluperfect", "background_lead", "frame_lead", "after_that", "age"}


def test_raw_word_lists_keep_their_letters(tmp_path) -> None:
    path = _copy(tmp_path, "mention_words.tsv")
    words = named_words(path, ("clause_cut", "assassination", "air_words", "bare_shell"), raw=frozenset({"clause_cut"}))
    assert "إثر" in words["clause_cut"]
    with pytest.raises(KnowledgeError, match=r"mention_words.tsv:\d+: empty word"):
        named_words(_copy(tmp_path, "mention_words.tsv", lambda s: s.replace("بعد|عقب", "بعد||عقب")),
                    ("clause_cut", "assassination", "air_words", "bare_shell"), raw=frozenset({"clause_cut"}))
