"""Event detection on dev3a/dev3b failure classes, checked on real ANT and SaudiNewsNet sentences:
acts named as charges, frame sentences ("وجاء الهجوم بعد", "ويتزامن القصف"), acts about to happen
("على وشك"), investigations of acts, a deal told as a place's past, a TV channel named "المسيرة",
launch sites as objects, and shelling words that tell what the air strikes did (one act, not two)."""

from __future__ import annotations

import pytest

from rasd.clean.normalize import norm
from rasd.extract import extract_events
from rasd.extract.timeline import _FRAME_LEAD
from rasd.model import Document, Segment


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


# 1. an act named as a charge ("متهم باغتصاب وقتل"): an accusation, not news of the act
CHARGES = [
    ("ألقت الشرطة العراقية القبض على شاب متهم باغتصاب وقتل فتاة مراهقة أثناء وجوده في ألمانيا طالبا اللجوء "
     "قبل عودته إلى كردستان.", "2018-06-09"),  # BB-middleEast-605-20180609 (dev3b)
    ("وطالبت مجموعة من الراهبات في الهند باعتقال أسقف متهم باغتصاب إحدى راهبات الكنيسة عدة مرات خلال فترة "
     "عامين.", "2018-09-12"),  # ANT
]


@pytest.mark.parametrize("text,published", CHARGES)
def test_an_act_named_as_a_charge_is_no_event(text: str, published: str) -> None:
    assert [e for e in _events(text, published) if e.sub_event_type == "Sexual violence"] == []


# 2. frame sentences: the act is context for other news, told elsewhere
FRAMES = [
    ("وجاء الهجوم بعد التوصل إلى اتفاق ومصالحة بين الحكومة والمعارضة المسلحة في محافظة درعا بعد نجاح الجيش "
     "السوري في استعادة السيطرة على مناطق كبيرة بالمحافظة.", "2018-07-10"),  # BB-middleEast-718 (dev3a)
    ("ويتزامن القصف الإسرائيلي مع تقدم تحققه القوات الحكومية بدعم روسي في محافظة درعا في جنوب البلاد قرب "
     "هضبة الجولان المحتلة.", "2018-07-09"),  # FR-middleEast-742-20180709 (dev3a)
    ("وتزامن التقدم البري مع ضربات جوية مكثفة، ما أثار قلق مبعوث الأمم المتحدة الخاص إلى سوريا، ستافان دي "
     "ميستورا، الذي حذر، الأربعاء، من نشوب معركة شاملة في جنوب غرب البلاد.", "2018-06-28"),  # SK-2632 (dev3b)
]


@pytest.mark.parametrize("text,published", FRAMES)
def test_a_frame_sentence_tells_no_new_act(text: str, published: str) -> None:
    assert _events(text, published) == []


def test_came_in_a_statement_is_no_frame() -> None:
    # "وجاء في بيان" introduces what was said (ANT): the act it reports may be news
    text = ("وجاء في بيان الجيش «قتل ثلاثة من عسكريينا الشجعان نتيجة هجوم نفذته المنظمة الانفصالية الإرهابية» في "
            "إشارة إلى حزب العمال الكردستاني")
    assert _FRAME_LEAD.match(norm(text)) is None
    assert _FRAME_LEAD.match(norm(FRAMES[0][0])) is not None


# 3. an act about to happen ("على وشك استعادة") is not done
ABOUT_TO = [
    ("وإثر عملية عسكرية واتفاق تسوية مع الفصائل المعارضة، باتت القوات الحكومية السورية على وشك استعادة كل "
     "المحافظة الجنوبية.", "2018-07-09"),  # FR-middleEast-742-20180709 (dev3a)
    ("وباتت قوات النظام على وشك استعادة كامل الجنوب السوري بعد سيطرتها على الجزء الأكبر من محافظتي درعا "
     "والقنيطرة.", "2018-07-20"),  # ANT
]


@pytest.mark.parametrize("text,published", ABOUT_TO)
def test_an_act_about_to_happen_is_no_takeover(text: str, published: str) -> None:
    assert [e for e in _events(text, published) if "territory" in e.sub_event_type] == []


# 4. an investigation into acts (a commission, a demand for an inquiry) is no news of them
INQUIRIES = [
    ("تبنى مجلس الأمن بالإجماع أمس قرارًا يحمل رقم 2235 بتشكيل لجنة تحقيق في الهجمات الكيمياوية في سوريا.",
     "2015-08-08"),  # 2015-08-08#512 (dev3a, SaudiNewsNet)
    ("وقال \"نطالب القضاء العراقي بفتح تحقيق فوري وعاجل في حادثة مقتل متظاهر في البصرة، تعرض لإطلاق نار وإصابة "
     "في الكتف توفي على إثرها\".", "2018-09-04"),  # BB-middleEast-974-20180904 (dev3b)
]


@pytest.mark.parametrize("text,published", INQUIRIES)
def test_an_inquiry_into_acts_is_no_event(text: str, published: str) -> None:
    assert _events(text, published) == []


# 5. "التي شهدت توقيع اتفاق": a place's past, not a new deal
def test_a_place_that_saw_a_deal_is_no_agreement() -> None:
    text = ("ويسيطر تنظيم ما يعرف باسم \"جيش خالد بن الوليد، الموالي لتنظيم داعش على مناطق على حدود قرية زينون، "
            "التي شهدت توقيع اتفاق مصالحة بين الحكومة ومسلحي المعارضة الذين وافقوا على تسليم أسلحتهم الثقيلة "
            "والخروج من القرية.")  # BB-middleEast-718-20180710 (dev3a)
    assert [e for e in _events(text, "2018-07-10") if e.sub_event_type == "Agreement"] == []


# 6. the Houthis' TV channel "المسيرة" (quoted) is no march
def test_a_quoted_channel_named_march_is_no_protest() -> None:
    text = ("ووجهت سلطات الحديدة نداء للتبرع بالدم في حين أعلن تلفزيون \"المسيرة\" التابع للحوثيين أن حصيلة "
            "القتلى بلغت \"30 قتيلا في الغارة الجوية التي استهدفت مدخل مستشفى الثورة\".")  # FR-middleEast-871 (dev3b)
    assert [e for e in _events(text, "2018-08-02") if e.event_type == "Protests"] == []


# 7. shelling words that tell what the air strikes did: one act (and two towns stay two events)
def test_strikes_that_shelled_are_air_strikes_only() -> None:
    text = ("وقال بيان لقوة المهام المشتركة اليوم : إن خمس غارات قرب الرمادي قصفت وحدات تكتيكية ودبابات وناقلة جنود "
            "مدرعة تابعة للتنظيم، بالاضافة إلى تدمير نقطة تفتيش ومبنى وموقع إطلاق قذائف المورتر، وناقلة جنود "
            "أخرى مدرعة، فضلا عن قصف أربع غارات لمراكز تجمع تابعة لتنظيم داعش الإرهابي قرب طوز خورماتو.")
    evs = _events(text, "2015-07-26")  # 2015-07-26#62 (dev3b, SaudiNewsNet)
    assert sorted((e.sub_event_type, e.admin2) for e in evs) == [
        ("Air/drone strike", "Al-Ramadi"), ("Air/drone strike", "Tooz Khurmato")]


@pytest.mark.parametrize("text,published", [
    ("وأضاف البيان أن التحالف شن أيضا 13 غارة جوية في سوريا تركزت خمس منها قرب عين العرب وقصفت وحدات تكتيكية "
     "تابعة للتنظيم ودمرت مواقع قتالية.", "2015-07-26"),  # 2015-07-26#62 (dev3b)
    ("وذكرت مصادر محلية إن التحالف قصف بست غارات جوية تعزيزات للحوثيين في \"عقبة القناع\" اليوم الخميس.",
     "2018-03-01"),  # ANT (day added: the corpus sentence is dated by its story)
])
def test_a_strike_counted_by_its_raids_is_one_air_strike(text: str, published: str) -> None:
    assert {e.sub_event_type for e in _events(text, published)} == {"Air/drone strike"}


def test_artillery_named_after_the_verb_stays_shelling() -> None:
    # ANT: the resistance's artillery shelled, the coalition's aircraft struck: two acts
    text = ("وقصفت مدفعية قوات المقاومة مواقع ميليشيات الحوثي في مديرية حيس اليوم الخميس، التي استهدفت أيضا بغارة "
            "من طائرات التحالف.")
    assert "Shelling/artillery/missile attack" in {e.sub_event_type for e in _events(text, "2018-03-01")}


# 8. a date told before the condemnation or inquiry dates the reaction, not the act
def test_a_date_before_the_inquiry_does_not_date_the_act() -> None:
    text = ("تبنى مجلس الأمن بالإجماع أمس قرارًا يحمل رقم 2235 بتشكيل لجنة تحقيق في الهجمات الكيمياوية في سوريا، "
            "وينص القرارعلى تشكيل لجنة خبراء سيكـَلفون بتحديد هوية المسؤولين عن هجمات كيمياوية بغاز الكلور وقعت "
            "أخيرًا في سوريا.")  # 2015-08-08#512 (dev3a, SaudiNewsNet)
    assert _events(text, "2015-08-08") == []


# 9. "بعد الهجوم" (a definite act noun after "بعد") with no date in the sentence: the act told before
def test_after_the_attack_with_no_date_is_the_story_past() -> None:
    text = ("وشاركت المقاتلة البريطانية في \"تدريبات مكثفة\" من دون أن تنضم إلى جبهات القتال وفق عبد الله التي "
            "أوضحت \"بعد الهجوم على منطقة عفرين أصرت على أن يتم إرسالها إلى هناك\".")  # FR-middleEast-181 (dev3b)
    assert _events(text, "2018-03-19") == []


def test_after_the_strikes_with_a_dawn_date_is_news() -> None:
    # dev CN-middleEast-610-20180414: the strikes are dated in the sentence ("فجر السبت")
    text = ("بعد الغارات التي نفذتها أمريكا وبريطانيا وفرنسا ضد أهداف بالبرنامج الكيماوي السوري، فجر السبت، "
            "قال الرئيس الأمريكي إن المهمة أنجزت.")
    assert [e.actor1 for e in _events(text, "2018-04-14")] == ["Military Forces of the United States (2017-2021)"]


# 10. a missile fired at an aircraft: the force that fired it disrupted a weapon, no strike
@pytest.mark.parametrize("text,published", [
    ("أطلقت إسرائيل صاروخا الجمعة على طائرة بدون طيار اقتربت من الجولان السورية المحتلة، قرب بحيرة طبريا.",
     "2018-07-13"),  # AL-internationalNews-1926-20180713 (dev3a)
    ("قال الجيش الإسرائيلي، الجمعة، إنه أطلق صاروخ باتريوت على طائرة بدون طيار\" درون\" اقتربت من الحدود مع "
     "سوريا، وفق ما ذكر مراسل \"سكاي نيوز\" في القدس.", "2018-07-13"),  # SK-middleEast-2886-20180713 (dev3b)
])
def test_a_missile_fired_at_a_drone_is_a_disrupted_weapon(text: str, published: str) -> None:
    evs = _events(text, published)
    assert [(e.sub_event_type, e.actor1, e.country) for e in evs] == [
        ("Disrupted weapons use", "Military Forces of Israel (1948-)", "Israel")]


# 11. territory taken after fighting told in the same sentence: one takeover, the fight is part of it
@pytest.mark.parametrize("text,published,sub", [
    ("أحرز الجيش الوطني اليمني تقدما ميدانيا في جبهة علب شمال محافظة صعدة المحاذية للسعودية بعد السيطرة على "
     "مرتفعات استراتيجية في مديرية #باقم إثر معارك شهدتها مع ميليشيات الحوثي.", "2018-03-31",
     "Government regains territory"),  # AL-internationalNews-702-20180331 (dev3a)
    ("استرجع تنظيم \"الدولة الإسلامية\" المتطرف السيطرة على بعض المناطق في البوكمال السورية (شرق) إثر هجوم شنه "
     "الجمعة، هو الأعنف منذ سيطرة قوات النظام عليها في تشرين الثاني/نوفمبر.", "2018-06-08",
     "Non-state actor overtakes territory"),  # FR-middleEast-607-20180608 (dev3a)
])
def test_a_takeover_after_fighting_is_one_event(text: str, published: str, sub: str) -> None:
    assert [e.sub_event_type for e in _events(text, published)] == [sub]


# 12. acts told relative to an older month, over "days" of a past campaign, or in a draft resolution
@pytest.mark.parametrize("text,published", [
    ("وفي الشهر التالي، قالت إسرائيل إنها أسقطت طائرة سورية اخترقت مجالها الجوي.", "2018-09-02"),  # BB-913 (dev3a)
    ("وفي غضون أيام تمكن الجيش من تحرير المنطقة النفطية، عبر قصف طائرات القوات الجوية مواقع تمركز الجماعات "
     "الإرهابية في منطقة العمليات العسكرية من رأس لانوف، وحتى مشارف مدينة سرت.", "2018-09-12"),  # SK-3664 (dev3b)
    ("وبحسب مسودة القرار، فإن 5.6 مليون شخص في نحو 1.244 منطقة في سوريا بحاجة ماسة للمساعدة، إلا أن الهدنة "
     "تستثني تنظيمات الدولة الإسلامية والقاعدة وجبهة النصرة.", "2018-02-23"),  # BB-middleEast-78 (dev3a)
])
def test_a_past_campaign_or_a_draft_is_no_event(text: str, published: str) -> None:
    assert _events(text, published) == []


def test_within_days_of_an_abduction_is_background() -> None:
    # ANT (Qatari hunters abducted in Iraq, retold): "في غضون أيام من اختطاف" recalls the story's past
    text = ("وفي غضون أيام من اختطاف الصيادين القطريين، تأكدت الحكومة في الدوحة أنه من شبه المؤكد أنهم محتجزون لدى "
            "ميليشيات شيعية على علاقة بإيران في العراق.")
    assert _events(text, "2018-04-30") == []
