"""data/gazetteer_cues.tsv holds the geo word lists (spatial phrases, place nouns, compass words, name
variants), and the geocoder reads its words from the file (broken lines: test_knowledge_broken_lines.py)."""

from __future__ import annotations

import pytest

from rasd.clean.normalize import norm
from rasd.geo import context
from rasd.geo.gazetteer import load
from rasd.geo.locate import geocode_text
from rasd.geo.names import name_keys
from rasd.geo.regions import direction_of
from rasd.geo.toponyms import find_toponyms


def test_cues_file_loads_every_kind() -> None:
    cues = context.load_cues()
    for kind in context.KINDS:
        if kind not in context.PAIR_KINDS:
            assert cues[kind], kind
    for kind in context.PAIR_KINDS:
        assert context.load_pairs(kind), kind
    assert context.load_pairs("compass")[norm("جنوب")] == "s"
    assert context.load_pairs("place_class")[norm("قرى")] == "town"


def test_cues_distance_reference_read_from_file() -> None:
    # ANT AL-internationalNews-1381-20180530: the forces are 15 km from Hodeidah, not in it
    text = norm("اليمن.. قوات الشرعية على بعد 15 كلم من الحديدة")
    refs = {m.key: m.context.reference for m in find_toponyms(text, load())}
    assert refs == {norm("اليمن"): False, norm("الحديدة"): True}


def test_cues_place_class_town_cue_after_plural_villages() -> None:
    # ANT BB-middleEast-188-20180313: "بلدات وقرى عفرين" names the sub-district's town
    places = geocode_text("نتيجة قصف الطيران التركي على بلدات وقرى عفرين منذ 52 يوماً")
    assert [(p.location, p.gazetteer_id) for p in places] == [("Afrin", "SY020300")]
    assert "town cue" in places[0].reason


@pytest.mark.parametrize(("word", "way"), [("جنوبي", "s"), ("بشمال", "n"), ("وشرق", "e"), ("غربي", "w"), ("شمالا", "")])
def test_cues_compass_words(word: str, way: str) -> None:
    assert direction_of(norm(word)) == way


def test_cues_name_variants_from_glue_heads_and_type_prefixes() -> None:
    assert "كفرنبل" in name_keys("كفر نبل")
    assert name_keys("ناحية الحمدانية") == [norm("الحمدانية")]
