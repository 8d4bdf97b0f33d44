"""Text cues of the learned resolver: what was hit, the means, rare shared words, the day relation;
every knowledge file (cue and night-word lexicons, idf table, weights) is checked on load."""

from __future__ import annotations

import math

import pytest
from conftest import REPO

import rasd.resolve.cues as cues_mod
import rasd.resolve.features as features_mod
import rasd.resolve.learned as learned
from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.resolve.cues import cues, idf, idf_table, shared_rare_words, words
from rasd.resolve.features import day_relation
from rasd.resolve.pairs import coded_events

PAIRS = REPO / "eval" / "pairs.jsonl"


@pytest.fixture(scope="module")
def coded():
    return coded_events(PAIRS)


@pytest.mark.parametrize(("key", "target"), [("R1", "consulate"), ("Q1", "party_office"), ("V1", "hospital"),
                                             ("I3", "market"), ("W2", "fleeing"), ("BG2", "council")])
def test_resolve_cues_find_what_was_hit_in_real_evidence(coded, key, target):
    assert target in cues(coded[key].evidence, "target")


def test_resolve_cues_tell_the_basra_consulate_from_the_party_offices(coded):
    assert not cues(coded["R1"].evidence, "target") & cues(coded["Q1"].evidence, "target")


def test_resolve_cues_suffocation_is_the_chemical_cue(coded):
    assert "chemical" in cues(coded["D6"].evidence, "means")  # "70 حالة اختناق" in an air raid report
    assert "chemical" not in cues(coded["C1"].evidence, "means")  # the morning air strikes
    assert "chemical" not in cues(coded["A6"].evidence, "means")  # names the alleged gas attack elsewhere


def test_resolve_cues_words_drop_the_article_and_conjunction():
    assert words("والقنصلية الإيرانية") == ("قنصليه", "ايرانيه")


BAD_FILES = [  # (module, path attribute, bad file content, its loader, where the error must point)
    (cues_mod, "CUES_FILE", "# c\ntarget\tmarket\tسوق\nweapon\tgun\tمسدس\n", "cue_lexicon", r"CUES_FILE:3"),
    (cues_mod, "IDF_FILE", "# c\n#docs\t10\nسوق\t-1\n", "idf_table", r"IDF_FILE:3"),
    (learned, "WEIGHTS_FILE", '{"features": ["date"], "weights": [1.0], "bias": 0}', "weights", r"WEIGHTS_FILE: "),
    (features_mod, "NIGHT_FILE", "# comment\nليل\tafter\nفجر\tdawn\n", "night_words", r"NIGHT_FILE:3"),
]


@pytest.mark.parametrize(("module", "attr", "content", "loader", "where"), BAD_FILES,
                         ids=[b[1] for b in BAD_FILES])
def test_resolve_knowledge_bad_entry_names_file_and_line(tmp_path, monkeypatch, module, attr, content, loader,
                                                         where):
    bad = tmp_path / attr
    bad.write_text(content, encoding="utf-8")
    monkeypatch.setattr(module, attr, bad)
    load = getattr(module, loader)
    load.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=where):
            load()
    finally:
        load.cache_clear()


def test_resolve_idf_common_words_are_cheap_and_rare_words_dear():
    table, rare = idf_table()
    assert len(table) > 5000 and all(w == norm(w) for w in list(table)[:500])
    assert idf("في") < 0.5 < idf("سوريا") < idf("قنصليه") < rare == pytest.approx(math.log(8877))


def test_resolve_shared_rare_words_is_symmetric_and_bounded(coded):
    a, b, c = coded["R1"].evidence, coded["R3"].evidence, coded["Q1"].evidence
    assert shared_rare_words(a, a) == pytest.approx(1.0)
    assert shared_rare_words(a, b) == pytest.approx(shared_rare_words(b, a))
    assert shared_rare_words(a, b) > shared_rare_words(a, c) >= 0.0
    assert shared_rare_words("", a) == 0.0


@pytest.mark.parametrize(("ka", "kb", "relation"), [
    ("A1", "A2", "same"),
    ("A1", "A3", "night"),  # "فجر الاثنين" vs "ليل الأحد": one night
    ("B1", "C1", "stated_clash"),  # Friday vs Saturday, both stated
    ("D1", "D3", "unstated_later"),  # BBC next day, no weekday
    ("C1", "B4", "unstated_earlier"),  # the earlier report was out before Saturday's strikes
    ("H1", "H4", "apart"),
])
def test_resolve_day_relation_on_real_pairs(coded, ka, kb, relation):
    assert day_relation(coded[ka], coded[kb]) == relation == day_relation(coded[kb], coded[ka])


def test_resolve_blind_batch_errors_stay_fixed(coded):
    """Hard negatives that a frozen scorer merged on blind batches (docs/resolve.md): a bomb in an Afrin
    building vs the previous day's air strike on fleeing civilians; a shelter strike vs the hospitals
    put out of service in the Daraa campaign."""
    from rasd.resolve import same_event
    from rasd.resolve.score import features

    assert features(coded["AB1"], coded["W1"])["subtype_clash"] == 1.0
    assert not same_event(coded["AB1"], coded["W1"])
    assert features(coded["DH3"], coded["DM1"])["target_clash"] == 1.0
    assert not same_event(coded["DH3"], coded["DM1"])
    assert same_event(coded["KK1"], coded["KK3"])  # one killed vs none: no contradiction
