"""Actor names and roles in failure classes of the dev3 sets, each checked on real sentences of other
documents (ANT 2018, SaudiNewsNet 2015): the Yemeni popular resistance is coded as the government's forces;
a generic force noun joined by "و" to a named actor is its own actor ("بين قوات الجيش وميليشيات الحوثي");
"N مسلحا من X" are X's fighters; civilians right after the act are its target ("قصف مستشفى")."""

from __future__ import annotations

from rasd.extract import extract_events
from rasd.model import Document, Segment

YEMEN = "Military Forces of Yemen (2017-)"
HOUTHI = "Houthi Movement"


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


def _actors(text: str, published: str) -> list[set[str]]:
    return [{a for a in (e.actor1, e.actor2) if a} for e in _events(text, published)]


def test_the_popular_resistance_is_the_yemeni_government() -> None:
    # 2015-08-09#969 and 2015-07-23#928 (dev3a); 2015-08-03#987 (held-out v1) codes it the same way
    assert _actors("قتل مسلحان من مليشيات الحوثي وأصيب أربعة آخرون، في هجوم شنته اليوم المقاومة الشعبية على تجمع "
                   "للميليشيا بمدينة الحديدة.", "2015-08-09") == [{YEMEN, HOUTHI}]
    assert _actors("قتل اليوم القيادي ابو يحي الحوثي في منطقة العلم بعدن ، بعد هجوم كاسح للمقاومة الشعبية اليمنية.",
                   "2015-07-23") == [{YEMEN, HOUTHI}]


def test_a_generic_force_joined_to_a_named_actor_is_its_own_actor() -> None:
    # AL-internationalNews-120-20180220: "قوات الجيش" is not part of the Houthis' name
    assert _actors("وتدور معارك مستمرة بين قوات الجيش وميليشيات الحوثي في عدد من جبهات محافظة الجوف اليمنية "
                   "الثلاثاء.", "2018-02-20") == [{YEMEN, HOUTHI}]
    # SK-middleEast-431-20180320 (dev3b): the coalition's jets and the army, allies: the coalition strikes
    evs = _events("وفي ميدي المجاورة، قصفت مقاتلات التحالف و الجيش اليمني مواقع عدة في المنطقة.", "2018-03-20")
    assert [e.actor1 for e in evs] == ["Military Forces of Saudi Arabia (2015-)"]


def test_gunmen_of_a_named_actor_are_that_actor() -> None:
    # BB-middleEast-718-20180710 (dev3a): the 14 dead were the army's (and the rebels'), not unidentified men
    evs = _events("أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم الانتحاري الذي قتل 14 مسلحا من قوات النظام السوري "
                  "والمعارضة المسلحة على حد سواء، في جنوبي سوريا، يوم الثلاثاء.", "2018-07-10")
    assert [(e.actor1, e.actor2) for e in evs] == [("Islamic State (Syria)", "Military Forces of Syria (2000-)")]


def test_civilians_right_after_the_act_are_its_target() -> None:
    # CN-middleEast-96-20180225 (held-out v1): the bombed hospital
    evs = _events("وقال الدكتور حمزة حسن إنه \"لم يتغير شيء، الغارات الجوية مستمرة وجرى قصف مستشفى ولادة في مدينة سقبا "
                  "بالغوطة الشرقية\".", "2018-02-25")
    assert [(e.actor1, e.actor2) for e in evs] == [("Military Forces of Syria (2000-)", "Civilians (Syria)")]


def test_terrorist_elements_are_an_unidentified_armed_group() -> None:
    # CN-middleEast-140-20180301 (held-out v1) and CN-middleEast-302-20180319 (dev3a): Sinai statements
    evs = _events("أعلن المتحدث باسم القوات المسلحة المصرية، الخميس، مقتل ضابطين وإصابة ضابط وضابط صف آخرين، خلال "
                  "العمليات التي يقوم بها الجيش المصري في سيناء، لافتا إلى إلقاء القبض على 86 عنصرا إرهابيا ومطلوبا "
                  "جنائيا خلال ذلك.", "2018-03-01")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        ("Arrests", "Military Forces of Egypt (2014-)", "Unidentified Armed Group (Egypt)")]
    evs = _events("وأضاف المتحدث في بيانه أنه تم \"القضاء على عدد (30) عنصر تكفيري مسلح خلال تبادل لإطلاق النار مع قوة "
                  "المداهمات بمناطق العمليات، بشمال ووسط سيناء عثر بحوزتهم على أسلحة نارية.", "2018-03-19")
    assert [(e.actor1, e.fatalities) for e in evs] == [("Unidentified Armed Group (Egypt)", 30)]


def test_the_combined_joint_task_force_is_the_international_coalition() -> None:
    # 2015-07-26#62 (dev3b) and 18 other SaudiNewsNet reports quote "قوة المهام المشتركة" for the coalition's strikes
    from rasd.clean.normalize import normalize
    from rasd.extract.lexicon import load
    from rasd.extract.matcher import find_hits

    text = "وقال بيان لقوة المهام المشتركة اليوم : إن خمس غارات قرب الرمادي قصفت وحدات تكتيكية."
    names = [h.payload.actor.name for h in find_hits(normalize(text), load()) if h.kind == "actor"]
    assert names == ["International Coalition Against the Islamic State"]
