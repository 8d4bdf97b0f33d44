"""Real ANT corpus sentences (2018), each extracted as a one-paragraph article: event types, actors,
fatalities, and what is not an event (threats, denials, plans)."""

from __future__ import annotations

import pytest

from rasd.extract import extract_events
from rasd.model import Document, Segment


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


CODED = [
    # (sentence, published, sub_event_type, actor1, actor2 or None to skip, fatalities, event_date or None)
    ("قتلت عبوة ناسفة زرعتها ميليشيا الحوثي الانقلابية، الثلاثاء، ثلاثة مدنيين، بالقرب من ميناء الحيمة "
     "العسكري بمديرية التحيتا، جنوبي محافظة الحديدة غرب اليمن.", "2018-05-23",
     "Remote explosive/landmine/IED", "Houthi Movement", "Civilians (Yemen)", 3, "2018-05-22"),
    ("نفذت مقاتلات تحالف دعم الشرعية في اليمن غارات جوية ضد مواقع للحوثيين في صنعاء، مستهدفة قيادات "
     "انقلابية من الصفين الأول والثاني.", "2018-05-08",
     "Air/drone strike", "Military Forces of Saudi Arabia (2015-)", "Houthi Movement", 0, None),
    ("قُتل 12 عنصراً من ميليشيات الحوثي في مواجهات مع أبناء قبائل \"قيفة\" بمحافظة البيضاء وسط اليمن خلال "
     "اشتباكات اندلعت بين أبناء القبائل وعناصر من الميليشيات بعد أن فجروا منازل عدد من المواطنين.", "2018-05-08",
     "Armed clash", "Houthi Movement", None, 12, None),
    ("اختطفت ميليشيا الحوثي أكثر من 180 موظفاً، أثناء توجههم إلى عدن لاستلام رواتبهم.", "2018-05-25",
     "Abduction/forced disappearance", "Houthi Movement", "Civilians (Yemen)", 0, None),
    ("أعلن مصدر أمني أن #المخابرات_اللبنانية اعتقلت، اليوم الأربعاء، رجلا تعتقد أنه كان "
     "#مسؤولا_ماليا_في_داعش في سوريا.", "2018-02-21",
     "Arrests", "Police Forces of Lebanon (2016-)", None, 0, "2018-02-21"),
    # injured soldiers are not fatalities; "جنود إسرائيليين" are Israel's forces
    ("وأصيب أربعة جنود إسرائيليين، السبت، بتفجير عبوة ناسفة قرب السياج الحدودي مع #غزة.", "2018-02-18",
     "Remote explosive/landmine/IED", "Unidentified Armed Group (Palestine)", "Military Forces of Israel (1948-)",
     0, "2018-02-17"),
    # "بمقتل 7 عناصر من تنظيم القاعدة": victims of the strike; "أميركية" names the perpetrator
    ("أفاد زعماء قبال يمنيون، الخميس، بمقتل 7 عناصر من تنظيم القاعدة في محافظة مأرب وسط البلاد، بغارة أميركية "
     "شنتها طائرة من دون طيار.", "2018-03-22",
     "Air/drone strike", "Military Forces of the United States (2017-2021)", "Al Qaeda", 7, "2018-03-22"),
    # security forces dispersed the march
    ("وفي النجف، سارت تظاهرة صباحا لكن قوات الأمن عملت على تفريقها في حين لوحظ انتشار كثيف لسرايا السلام في "
     "شوارع المدينة.", "2018-07-15", "Protest with intervention", "Protesters (Iraq)", None, 0, None),
    # protesters fighting the police: one riot, the injured are not fatalities
    ("وفي محافظة ذي قار، كبرى مدنها الناصرية، قال معاون مدير صحة المحافظة عبد الحسن الجابري إن مواجهات اندلعت "
     "الأحد بين متظاهرين وقوات الشرطة أمام مقر المحافظة ما أسفر عن سقوط 15 جريحا من المتظاهرين و25 في صفوف "
     "الشرطة.", "2018-07-15", "Violent demonstration", "Rioters (Iraq)", "Police Forces of Iraq (2014-)", 0,
     "2018-07-15"),
]


@pytest.mark.parametrize(("text", "published", "sub", "actor1", "actor2", "fatalities", "date"), CODED)
def test_extract_sentence_coded(text, published, sub, actor1, actor2, fatalities, date):
    events = _events(text, published)
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    ev = events[0]
    assert ev.sub_event_type == sub
    assert ev.actor1 == actor1
    if actor2 is not None:
        assert ev.actor2 == actor2
    assert ev.fatalities == fatalities
    if date is not None:
        assert ev.event_date == date and ev.time_precision == 1
    assert ev.notes.startswith(sub)


NOT_EVENTS = [
    # threat (and pluperfect)
    ("وكان وزير الدفاع الإسرائيلي قد هدد باستهداف هذه المنظومة في حال تسليمها لنظام بشار الأسد.", "2018-05-07"),
    # denial
    ("نفى الرئيس الأمريكي، دونالد ترامب، ما جاء في كتاب جديد يقول إنه أمر وزارة الدفاع بالترتيب لاغتيال الرئيس "
     "السوري بشار الأسد.", "2018-09-05"),
    ("ولم يصدر تعليق من الجيش التركي الذي نفى من قبل اتهامات بإصابة مدنيين في العملية التي يقوم بها في عفرين.",
     "2018-02-17"),
    ("كما أن وزير الاستخبارات الإسرائيلي، إسرائيل كاتز، الأربعاء نفى، اتفاقاً لوقف إطلاق النار في قطاع غزة "
     "أعلنته الفصائل الفلسطينية لوضع حد لأسوأ مواجهة منذ حرب العام 2014.", "2018-05-30"),
    # reports of a strike, denied ("لا علم لي بذلك")
    ("وردا على تقارير تحدثت عن غارة إسرائيلية، قال متحدث باسم الجيش الاسرائيلي ليلا \"لا علم لي بذلك\".",
     "2018-04-14"),
    # minefields as a state of affairs, not an explosion
    ("وسكان قرية الزهاري يقولون إن حقول ألغام ميليشيات الحوثي تحد من حركتهم، وتمنعهم من ممارسة حياتهم الطبيعة "
     "خوفا منها.", "2018-06-25"),
    # an expected (planned) protest
    ("ومن المتوقع خروج مظاهرة للاحتجاج على حملة القصف التي يشنها تحالف تقوده السعودية ضد الحوثيين في اليمن، "
     "وذلك قبالة مقر الحكومة بوسط لندن، حيث يجتمع بن سلمان مع ماي وعدد من الوزراء.", "2018-03-07"),
]


@pytest.mark.parametrize(("text", "published"), NOT_EVENTS)
def test_extract_sentence_not_an_event(text, published):
    assert _events(text, published) == []


def test_extract_sentence_plan_inside_arrest_is_not_a_bombing():
    text = ("وفي واقعة منفصلة، أعلن #الأمن_العام_اللبناني، اليوم الأربعاء، اعتقال سوري آخر ينتمي لداعش كان قد "
            "خطط لاستهداف حافلة عسكرية بعملية انتحارية.")
    subs = [e.sub_event_type for e in _events(text, "2018-02-21")]
    assert subs == ["Arrests"]


def test_extract_sentence_no_publication_date_no_event_date():
    text = "قتلت عبوة ناسفة زرعتها ميليشيا الحوثي الانقلابية، الثلاثاء، ثلاثة مدنيين في محافظة الحديدة غرب اليمن."
    doc = Document(id="t", text=text, published=None)
    (ev,) = extract_events(doc, [Segment(0, len(text), "article")])
    assert ev.event_date is None and ev.time_precision is None


def test_extract_sentence_teaser_and_title_never_create_events():
    text = "قتلت عبوة ناسفة زرعتها ميليشيا الحوثي الانقلابية، الثلاثاء، ثلاثة مدنيين في محافظة الحديدة غرب اليمن."
    doc = Document(id="t", text=text, published="2018-05-23")
    for kind in ("teaser", "title", "boilerplate"):
        assert extract_events(doc, [Segment(0, len(text), kind)]) == []
