"""Who did what in held-out failure classes (real ANT and SaudiNewsNet sentences): a group announcing
that its member carried out an attack is its perpetrator; a nationality after "على" qualifies the
target; attempted storming and foiled infiltration are acts; joint forces of a state and its ally are
coded to the state; "أوقف" stopping an activity is no arrest."""

from __future__ import annotations

import json

from conftest import ANT

from rasd.clean.segments import segment
from rasd.extract import extract_events
from rasd.model import Document, Segment

DHKPC = "DHKP-C: Revolutionary People's Liberation Party-Front"


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


def test_a_group_announcing_its_attack_on_a_consulate_is_its_perpetrator() -> None:
    # 2015-08-10#73: "تنفيذ أحد أعضائها الهجوم على القنصلية الأمريكية" (no US air strike)
    text = ("وأعلنت جبهة جيش تحرير الشعب الثوري اليسارية المتطرفة التركية تنفيذ أحد أعضائها الهجوم على القنصلية "
            "الأمريكية في اسطنبول اليوم الاثنين قائلة في بيان على موقعها على الإنترنت إن الولايات المتحدة “عدو "
            "لدود” لشعوب الشرق الأوسط والعالم.")
    evs = _events(text, "2015-08-10")
    assert [(e.sub_event_type, e.actor1, e.admin1) for e in evs] == [("Armed clash", DHKPC, "Istanbul")]


def test_a_foiled_infiltration_is_a_clash() -> None:
    # SK-middleEast-3034-20180721: the joint resistance forces are the Yemeni government's
    text = ("أحبطت قوات المقاومة اليمنية المشتركة، السبت، محاولة تسلل فاشلة، قام بها عدد من مسلحي ميليشيات الحوثي "
            "الإيرانية، في محافظة الحديدة بالساحل الغربي، وفق ما أورد مراسلنا.")
    evs = _events(text, "2018-07-21")
    assert [(e.sub_event_type, e.actor1, e.actor2, e.event_date) for e in evs] == [
        ("Armed clash", "Military Forces of Yemen (2017-)", "Houthi Movement", "2018-07-21")]


def test_protesters_trying_to_storm_a_building_riot() -> None:
    text = "وقالت تقارير إن مئات المتظاهرين حاولوا اقتحام مبنى حكومة محافظة البصرة، الواقعة جنوب العراق."
    evs = _events(text, "2018-07-15")  # BB-middleEast-736-20180715
    assert [(e.sub_event_type, e.actor1, e.admin1) for e in evs] == [
        ("Violent demonstration", "Rioters (Iraq)", "Al-Basrah")]


def test_joint_forces_take_territory_for_the_government() -> None:
    # 2015-08-03#987: "المقاومة الشعبية والقوات الموالية للرئيس هادي": the state force leads the joint act
    text = ("وتمكنت المقاومة الشعبية وقوات الجيش الوطني الموالي للشرعية من استعادة السيطرة على معظم قرى جبل صبر "
            "والمواقع التي كانت تسيطر وتتمركز فيها الميليشيات وتمارس من خلالها عمليات القنص ضد المدنيين.\n"
            "وقالت مصادر: إن المقاومة الشعبية وقوات الجيش الوطني تتقدم باتجاه قمة جبل عروس الاستراتيجي بعد أن تمكنت "
            "من السيطرة الكاملة على مرتفعات «ذي نهم والمحزف».\n"
            "واستعادت المقاومة الشعبية والقوات الموالية للرئيس عبدربه منصور هادي السيطرة على مدينة زنجبار عاصمة "
            "محافظة أبين ومسقط رأس الرئيس هادي التي تقع على بعد خمسة وخمسين كيلو مترًا شرق عدن بعد قتال عنيف في "
            "جبهة دوفس، فيما تستمر المواجهات في مديرية لودر التي تستعد المقاومة لاستعادة السيطرة عليها أيضًا.")
    taken = [e for e in _events(text, "2015-08-03") if e.event_type == "Battles" and "territory" in e.sub_event_type]
    assert taken and all((e.sub_event_type, e.actor1) == ("Government regains territory",
                                                          "Military Forces of Yemen (2017-)") for e in taken)


def test_stopping_goods_is_no_arrest() -> None:
    # BB-middleEast-1099-20181014
    text = ("وقد أوقفت إسرائيل دخول بضائع إلى غزة الجمعة بعد مواجهات قتل فيها سبعة فلسطينيين بنيران الجيش "
            "الإسرائيلي.")
    assert all(e.sub_event_type != "Arrests" for e in _events(text, "2018-10-14"))


def test_a_sentence_opening_with_a_negation_tells_no_act() -> None:
    # FR-internationalNews-307-20180307: "لم يتسن" is a longer cue than "لم", the sentence is still negated
    text = ("ولم يتسن إدخال نحو نصف قافلة المساعدات المؤلفة من 46 شاحنة والتي وافقت عليها الحكومة السورية، ومنعت "
            "السلطات السورية دخول جزء من الإمدادات الطبية والصحية من الشاحنات، بحسب الأمم المتحدة.")
    assert _events(text, "2018-03-07") == []


def test_the_coalition_jets_strike_for_the_army_and_the_army_targets_the_militia() -> None:
    # AL-internationalNews-265-20180301: "طائرات التحالف" stays the striker (a foreign state force is never
    # replaced by its ally); "القوات السعودية" names no place; "مواقع وتحصينات للميليشيات" is the target
    text = ("وأفادت مصادر محلية أن #طائرات_التحالف قصفت مواقع وتحصينات للميليشيات في منطقة بني معين بمديرية "
            "رازح ومواقع في مديرية غمر المجاورة، وذلك بالتزامن مع قصف مدفعي وصاروخي شنته القوات السعودية المشتركة "
            "و #الجيش_الوطني_اليمني على مواقع وتحركات للميليشيات في نفس المنطقة.")
    evs = _events(text, "2018-03-01")
    assert ("Air/drone strike", "Military Forces of Saudi Arabia (2015-)") in [(e.sub_event_type, e.actor1) for e in evs]
    assert "Military Forces of Yemen (2017-)" not in {e.actor1 for e in evs if e.sub_event_type == "Air/drone strike"}


def test_positions_of_a_named_group_make_it_the_target() -> None:
    # AL-internationalNews-1531-20180609: "الغارات استهدفت آخر مواقع تمركز للحوثيين": the Houthis were hit
    text = ("وذكر مصدر عسكري في جبهة #صرواح إن الغارات استهدفت آخر مواقع تمركز للحوثيين غربي جبل هيلان في صرواح غرب "
            "مأرب، وأسفرت عن تدمير منصة إطلاق صواريخ، ومقتل وإصابة عدد من عناصر الميليشيات.")
    evs = _events(text, "2018-06-09")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        ("Air/drone strike", "Military Forces of Saudi Arabia (2015-)", "Houthi Movement")]


def test_territory_taken_by_state_forces_is_regained_once_actors_are_final() -> None:
    # AL-internationalNews-1033-20180507 (whole article): every telling of the Wazi'iyah junction is the army's
    with ANT.open(encoding="utf-8") as fh:
        d = next(json.loads(x) for x in fh if '"AL-internationalNews-1033-20180507"' in x)
    doc = Document(id=d["id"], text=d["text"], source=d["source"], published=d["published"])
    taken = [e for e in extract_events(doc, segment(doc)) if "territory" in e.sub_event_type]
    assert taken and all((e.sub_event_type, e.actor1) == ("Government regains territory",
                                                          "Military Forces of Yemen (2017-)") for e in taken)
