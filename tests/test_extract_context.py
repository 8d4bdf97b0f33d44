"""Sentences that describe, recall or show rather than report an act (held-out failure classes,
checked on real ANT sentences): a trigger word inside a group's name, a group's habits, sums over
recent fighting, things regained that are not territory, weapons shown in pictures."""

from __future__ import annotations

import pytest

from rasd.extract import extract_events
from rasd.model import Document, Segment


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


# 1. "تحرير" inside "هيئة تحرير الشام" / "جبهة جيش تحرير الشعب الثوري" names the group, it tells no takeover
NAMES = [
    ("ويعود المستودع المستهدف، بحسب المرصد، إلى تاجر أسلحة يعمل مع هيئة تحرير الشام التي تسيطر على الجزء الأكبر "
     "من محافظة إدلب، فيما توجد فصائل إسلامية في مناطق أخرى منها وتنتشر قوات النظام في ريفها الجنوبي الشرقي.",
     "2018-08-12"),  # BB-middleEast-880-20180812, FR-middleEast-920-20180812
    ("والجبهة الوطنية للتحرير التي تدعمها تركيا هي الائتلاف الرئيسي للمسلحين في إدلب، لكن هيئة تحرير الشام تسيطر "
     "على القسم الأكبر من المنطقة.", "2018-10-06"),  # BB-middleEast-1066-20181006
]


@pytest.mark.parametrize("text,published", NAMES)
def test_a_trigger_word_inside_a_group_name_is_no_act(text: str, published: str) -> None:
    assert [e for e in _events(text, published) if e.event_type == "Battles"] == []


def test_a_group_named_with_a_trigger_word_still_acts() -> None:
    # 2015-08-10#73 (SaudiNewsNet): the DHKP-C claims an attack; "تحرير" in its name is no takeover
    text = ("وأعلنت جبهة جيش تحرير الشعب الثوري اليسارية المتطرفة التركية تنفيذ أحد أعضائها الهجوم على القنصلية "
            "الأميركية في إسطنبول أمس.")
    assert all(e.sub_event_type != "Non-state actor overtakes territory" for e in _events(text, "2015-08-10"))


def test_a_name_opening_with_the_act_keeps_it() -> None:
    # AL-internationalNews-201-20180225: "غارات التحالف" is an alias of the coalition that tells its strike
    evs = _events("وفي #تعز، استهدفت غارات التحالف تجمعات وتعزيزات لميليشيا الحوثي بمديرية الصلو.", "2018-02-25")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Air/drone strike", "Military Forces of Saudi Arabia (2015-)")]


# 2. standing descriptions and habits of a group; sums over recent fighting or weeks
DESCRIPTIONS = [
    ("وينشط تنظيم الدولة الإسلامية في محافظة إدلب على شكل خلايا نائمة تتبنى عمليات اغتيال وتفجيرات تحت اسم "
     "\"ولاية إدلب\".", "2018-08-12"),  # BB-middleEast-880-20180812
    ("وتشهد محافظة إدلب منذ أشهر تفجيرات واغتيالات تطال بشكل أساسي مقاتلين ومسؤولين من الفصائل. ويتبنى تنظيم "
     "\"الدولة الإسلامية\" في بعض الأحيان عمليات اغتيال وتفجيرات تحت اسم \"ولاية إدلب\".", "2018-08-12"),
    ("وخسرت ميليشيات الحوثي الانقلابية خلال المعارك الأخيرة المئات من عناصرها بين قتيل وجريح، وذلك في المواجهات "
     "والغارات الجوية للتحالف في المعارك الدائرة شرق العاصمة صنعاء.", "2018-02-28"),  # AL-internationalNews-269
]


@pytest.mark.parametrize("text,published", DESCRIPTIONS)
def test_a_description_of_how_a_group_acts_is_no_event(text: str, published: str) -> None:
    assert _events(text, published) == []


def test_fighting_over_the_past_two_weeks_is_background_of_the_dated_takeover() -> None:
    # AL-internationalNews-1261-20180521: the takeover on Monday is the news, the weeks of battles are not
    text = ("وأكد قائد اللواء أول حرس حدود في جبهة الجوف العميد هيكل حنتف لـ\"العربية\"، أن الجيش الوطني بمساندة من "
            "التحالف استعادوا صباح الاثنين منطقة الظهرة وجبل القاهرة الاستراتيجي وعقبة برم، التي كانت تسيطر عليها "
            "الميليشيات الحوثية منذ بدء الأزمة اليمنية، بعد معارك عنيفة خاضها الجيش الوطني في الأسبوعين الماضيين.")
    assert [e for e in _events(text, "2018-05-21") if e.sub_event_type == "Armed clash"] == []


# 3. weapons, bodies or prisoners regained, or a share of a region, are not a place taken
REGAINED = [
    ("وأشار إلى أن الجيش الوطني استعاد كميات كبيرة من الأسلحة والذخائر المتنوعة في جبهة نهم شرق صنعاء.",
     "2018-02-28"),  # AL-internationalNews-269-20180228 (cut before its frame clause)
    ("وأوضح المصدر أن قوات الجيش استعادت كميات كبيرة من الأسلحة المتنوعة في مديرية حيس جنوب الحديدة.",
     "2018-05-26"),  # AL-internationalNews-1333-20180526
    ("وتمكنت قوات الجيش من استعادة كميات من الأسلحة والذخائر المتنوعة وأجهزة لاسلكية ووسائل مواصلات خلفتها عناصر "
     "الميليشيات في مديرية الخوخة قبل أن تلوذ بالفرار.", "2018-05-21"),  # AL-internationalNews-1259-20180521
    # a share of a region is a campaign's sum, not a place taken
    ("فيما بدأت قوات النظام هجوما بريا الأسبوع الماضي تمكنت بموجبه حتى الآن من السيطرة على أكثر من نصف مساحة "
     "المنطقة التي تسيطر عليها الفصائل المعارضة في الغوطة الشرقية.", "2018-03-07"),  # FR-internationalNews-307
    ("تمكنت قوات الجيش السوري من السيطرة على نصف الغوطة الشرقية، آخر المعاقل الخاضعة لسيطرة المعارضة المسلحة "
     "بالقرب من العاصمة دمشق، بحسب تقارير.", "2018-03-10"),  # ANT, BBC Arabic 2018
]


@pytest.mark.parametrize("text,published", REGAINED)
def test_arms_regained_are_no_territory(text: str, published: str) -> None:
    assert [e for e in _events(text, published) if "territory" in e.sub_event_type] == []


def test_a_place_regained_is_still_territory() -> None:
    text = ("واستعادت قوات الجيش اليمني السيطرة على جبال القرحا وموقع الفقراء في مديرية الملاجم، عقب معارك عنيفة "
            "مع ميليشيات الحوثي الانقلابية.")  # ANT, Al Arabiya 2018
    evs = _events(text, "2018-06-10")
    assert "Government regains territory" in [e.sub_event_type for e in evs]


# 4. weapons shown in pictures or videos
def test_a_drone_shown_in_pictures_is_no_strike() -> None:
    # AL-internationalNews-753-20180402
    text = ("وظهرت في الصور التي نشرها داعش طائرة بدون طيار تحمل صواريخ مضادة للدبابات في سوريا. وتتوافر لدى "
            "مسلحي التنظيم الذين فروا من سوريا والعراق خبرة تكنولوجية في هذا المجال.")
    assert _events(text, "2018-04-02") == []


# 5. a permission to strike is no strike
PERMISSIONS = [
    ("وأعلن مسؤول عسكري أميركي أول من أمس أن تركيا سمحت للولايات المتحدة باستخدام عدد من القواعد الجوية التركية، "
     "لا سيما قاعدة إنجرليك في جنوب البلاد، في شن غارات على داعش الذي يسيطر على مناطق واسعة في سورية والعراق.",
     "2015-07-25"),  # 2015-07-25#1015 (SaudiNewsNet)
    ("وقالت رئيسة الوزراء البريطانية، تيريزا ماي، إنها سمحت للقوات البريطانية بتوجيه ضربات منسقة لتقليص قدرات "
     "النظام السوري.", "2018-04-14"),  # ANT, 2018
]


@pytest.mark.parametrize("text,published", PERMISSIONS)
def test_a_permission_to_strike_is_no_strike(text: str, published: str) -> None:
    assert _events(text, published) == []


# 6. an act that may, could or must not happen (ربما، يمنع، لمنع، تمكين، بإمكان)
POSSIBLE = [
    ("وسيطرت قوات التحالف على المطار يوم الأربعاء وعملت على تدعيم سيطرتها على المنطقة فيما تواصلت جهود الأمم "
     "المتحدة للتوصل إلى حل سياسي يمنع شن هجوم على الميناء الذي يمثل شريان حياة لملايين اليمنيين.",
     "2018-06-24"),  # FR-internationalNews-1996-20180624
    ("والثلاثاء، قال سفير روسيا في تل أبيب، أناتولي فيكتوروف، إن موسكو لا تستطيع إرغام القوات الإيرانية على "
     "مغادرة سوريا، لكنها لا تستطيع أيضا أن تمنع إسرائيل من توجيه ضربات جوية للقوات الإيرانية في سوريا.",
     "2018-08-01"),  # SK-middleEast-3216-20180801
    ("من جانبها، قالت وزارة الدفاع الأمريكية (البنتاغون) الخميس إن الحكومة السورية لا تزال تملك القدرة على شن "
     "هجمات كيميائية محدودة في المستقبل، رغم عدم وجود مؤشرات على أنها تستعد لشن مثل هذه الهجمات.",
     "2018-04-19"),  # FR-internationalNews-812-20180419
    ("ويقول التقرير إنهم \"لديهم أسباب معقولة للاعتقاد بأن أفرادا في الحكومة اليمنية والتحالف ربما نفذوا هجمات، "
     "ما يعد انتهاكا لمبادئ التمييز والتناسب والاحتياطات وهو ما يجعلها ترقى إلى حد جرائم الحرب\".",
     "2018-08-30"),  # BB-middleEast-924-20180830
]


@pytest.mark.parametrize("text,published", POSSIBLE)
def test_a_possible_or_prevented_act_is_no_event(text: str, published: str) -> None:
    assert [e for e in _events(text, published) if e.event_type != "Strategic developments"] == []


# 7. a person's age is no period of the past
AGES = [
    ("وقُتل الطفل، علي سعد دوابشة، كما أصيب والداه وشقيقه (4 أعوام) في الهجوم على منزلين في قرية دوما في الضفة "
     "الغربية.", "2015-08-01", "Attack"),  # 2015-08-01#877 (SaudiNewsNet)
    ("وقال مصدر محلي إن انفجار لغم حوثي زرعته #الميليشيات قرب خزان مياه في قرية الرجمة حذران غرب مدينة تعز، أدى "
     "إلى مقتل صباح سلطان سيف (30 عاماً) مع طفلها علي معاذ العباسي (5 سنوات).", "2018-05-01",
     "Remote explosive/landmine/IED"),  # ANT, Al Arabiya 2018
]


@pytest.mark.parametrize("text,published,sub", AGES)
def test_an_age_in_brackets_is_no_background(text: str, published: str, sub: str) -> None:
    assert [e.sub_event_type for e in _events(text, published)] == [sub]
