"""Diplomatic reactions name acts told elsewhere: concern, a Security Council discussion, a fact-finding
inquiry or sanctions about an act are no new event (real ANT sentences, 2018, as one-paragraph articles)."""

from __future__ import annotations

import pytest

from rasd.extract import extract_events
from rasd.model import Document, Segment


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


REACTIONS = [
    # concern about an act (BB-middleEast-182-20180313, SK-middleEast-1435-20180505)
    ("وعبر غوتيريس أيضا عن قلقه من قصف المعارضة لأحياء سكنية في دمشق الذي خلف عشرات القتلى.", "2018-03-13"),
    ("وأعاقت الولايات المتحدة مرتين صدور بيانات كان يفترض أن يعبر المجلس فيها عن قلقه إزاء أعمال العنف في قطاع "
     "غزة حيث قتل نحو خمسين شخصا برصاص القوات الإسرائيلية خلال مسيرات \"العودة\".", "2018-05-05"),
    # a meeting to discuss an act (CN-middleEast-527-20180408)
    ("قرر مجلس الأمن الدولي عقد اجتماع طارئ، الإثنين، لمناقشة قضية الهجوم الكيماوي المشتبه به للنظام السوري على "
     "مدينة دوما الواقعة في غوطة دمشق الشرقية، وفقا لما أعلنته سفيرة أمريكا لدى الأمم المتحدة، نيكي هايلي.",
     "2018-04-08"),
    # a fact-finding inquiry (SK-middleEast-870-20180409)
    ("قالت منظمة حظر الأسلحة الكيميائية، الاثنين، إن لجنة لتقصي الحقائق تجمع معلومات عن أحدث هجوم في دوما "
     "السورية، وهي آخر جيب للمعارضة في الغوطة الشرقية.", "2018-04-09"),
    # sanctions on someone for past acts (SK-middleEast-3664-20180912)
    ("فرضت وزارة الخزانة الأميركية، عقوبات على قائد ميليشيا ليبية شن هجمات مسلحة ضد المنشآت في منطقة الهلال "
     "النفطي في البلاد، بحسب ما ذكر بيان صدر الأربعاء.", "2018-09-12"),
]


@pytest.mark.parametrize("text,published", REACTIONS)
def test_a_reaction_to_an_act_is_no_new_event(text: str, published: str) -> None:
    assert _events(text, published) == []


def test_an_act_told_without_a_reaction_stays_an_event() -> None:
    # BB-middleEast-436-20180502: the act itself, told as news
    text = "قُتل إثنا عشر شخصا على الأقل في هجوم انتحاري استهدف مقر المفوضية العليا للانتخابات في العاصمة الليبية طرابلس."
    assert [e.sub_event_type for e in _events(text, "2018-05-02")] == ["Suicide bomb"]
