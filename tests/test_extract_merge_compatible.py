"""One act told several times in one document with compatible sub-types or actors (data/merge_compat.tsv)
becomes one event; explicit artillery next to air raids, and acts in different places, stay apart.
Real ANT articles (2018), run through the real segmenter."""

from __future__ import annotations

import pytest
from conftest import ant_events

from rasd.errors import KnowledgeError
from rasd.extract.compat import acts, answers, one_act, response_words


def _events(doc_id: str):
    return ant_events(doc_id)


def _subs(events, *subs: str) -> list:
    return [e for e in events if e.sub_event_type in subs]


def test_car_bomb_and_its_suicide_driver_are_one_suicide_bomb():
    # "انفجار سيارة ملغومة ... في عدن" then "الانفجار الذي سببته سيارة ... يقودها ... انتحاري"
    evs = _subs(_events("BB-middleEast-187-20180313"), "Suicide bomb", "Remote explosive/landmine/IED")
    assert len(evs) == 1
    ev = evs[0]
    assert ev.sub_event_type == "Suicide bomb" and ev.admin1 == "Aden" and ev.fatalities == 4
    triggers = {s.text for s in ev.evidence_spans if s.label == "trigger"}
    assert "انتحاري" in triggers and len([s for s in ev.evidence_spans if s.label == "sentence"]) == 2


def test_raid_and_the_shelling_it_caused_are_one_air_strike():
    # "شنت مقاتلات إسرائيلية ... غارات على ... غزة" then "ثلاثة انفجارات ... ناجمة عن القصف"
    evs = _subs(_events("AL-internationalNews-1290-20180523"), "Air/drone strike", "Shelling/artillery/missile attack")
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]
    assert evs[0].actor1 == "Military Forces of Israel (1948-)"


def test_explicit_artillery_next_to_air_raids_stays_shelling():
    # "قصفاً مدفعياً من قوات الجيش الوطني" then "عدد من الغارات": two means, two events
    evs = _events("AL-internationalNews-365-20180306")
    assert _subs(evs, "Shelling/artillery/missile attack") and _subs(evs, "Air/drone strike")


def test_bombing_told_from_both_sides_is_one_event():
    # "تفجيراً استهدف دبابة اسرائيلية" then "رداً على تفجير عبوة ناسفة استهدفت الدبابة" (actors swapped)
    evs = _subs(_events("AL-internationalNews-21-20180217"), "Remote explosive/landmine/IED")
    sentences = [s for e in evs for s in e.evidence_spans if s.label == "sentence"]
    assert len(evs) <= 2 and any("رداً على تفجير" in s.text for s in sentences)
    assert not any(len([s for s in e.evidence_spans if s.label == "sentence"]) == 1
                   and "رداً على تفجير" in e.evidence for e in evs)  # the retold blast joined the first telling


def test_one_battle_told_three_times_with_swapped_and_unnamed_sides_is_one_clash():
    # "مقتل أربعة جنود روس بنيران مسلحين" / "هاجمت عدة مجموعات مسلحة إرهابية مجموعة مدفعية للقوات السورية في
    # دير الزور" / "القوات السورية بالمشاركة مع ... الروس ... قتل 43 إرهابيا": one battle near Deir ez-Zor
    evs = _subs(_events("CN-middleEast-1031-20180527"), "Armed clash")
    assert len(evs) == 1 and evs[0].admin1 == "Deir-ez-Zor"
    assert len([s for s in evs[0].evidence_spans if s.label == "sentence"]) == 3


def test_the_other_sides_answer_is_another_act():
    # "نفذت 18 غارة جوية على المواقع الحوثية ... يوم الأربعاء" then "ورد الحوثيون بالإعلان عن ضرب سفينة حربية
    # ... بصواريخ": the coalition's raids and the Houthis' missiles stay two events
    evs = _events("BB-middleEast-622-20180615")
    assert _subs(evs, "Air/drone strike") and _subs(evs, "Shelling/artillery/missile attack")
    assert answers("ورد الحوثيون بالإعلان عن ") and answers("وأضاف البيان \"وردا على ذلك ")
    assert not answers("وأعلن الجيش الإسرائيلي في بيان أن إحدى دباباته أطلقت النار على مركز مراقبة داخل قطاع غزة، "
                       "رداً على تفجير \"")  # names the act answered: the blast told again


def test_table_pairs():
    air = ("Air/drone strike", "air", "غاره", "على")
    assert one_act(air, ("Shelling/artillery/missile attack", "shell", "هجوم صاروخي", "اسرائيلي")) is not None
    assert one_act(air, ("Shelling/artillery/missile attack", "shell", "قصفا", "مدفعيا")) is None
    assert one_act(air, ("Shelling/artillery/missile attack", "shell", "قذائف", "على")) is None
    ied = ("Remote explosive/landmine/IED", "ied", "تفجير", "")
    assert one_act(ied, ("Armed clash", "attack", "هجوم", "")) is not None
    assert one_act(ied, ("Armed clash", "attack", "اطلاق النار", "")) is None  # gunfire is not a blast
    assert one_act(ied, ("Armed clash", "clash", "اشتباكات", "")) is None
    assert one_act(("Attack", "attack_civ", "هجوم", ""), ("Armed clash", "attack", "هجوم", "")) is None  # no precise one


def test_table_checked_on_load(tmp_path):
    bad = tmp_path / "compat.tsv"
    bad.write_text("bombing\tSuicide bomb|Car bomb\tattack\t-\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="compat.tsv:1"):
        acts(bad)
    bad.write_text("response\tرد\nanswer\tردا\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="compat.tsv:2"):
        response_words(bad)
