"""Totals over a period: a week or less ("خلال يومين", "خلال 48 ساعة", "خلال خمسة أيام") is the toll of one
event over those days, as the gold codes it (dev SK-middleEast-39-20180223: "أكثر من 400 قتيل خلال خمسة أيام"
= 400; held-out AL-internationalNews-2016-20180722 and SK-middleEast-3798-20181009: two-day totals coded);
longer periods, running totals, summed-up tolls, tolls on all fronts and older events dated "بعد ... من"
stay out. Real ANT
sentences (other than the documents that showed the class), each as a one-paragraph article."""

from __future__ import annotations

import pytest

from rasd.clean.normalize import normalize
from rasd.extract import extract_events
from rasd.extract.fatalities import tally_start
from rasd.extract.lexicon import load
from rasd.extract.matcher import find_hits
from rasd.model import Document, Segment


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


def _tally(text: str) -> tuple[int, bool] | None:
    cues = [h for h in find_hits(normalize(text), load()) if h.kind == "cue"]
    return tally_start(text, 0, len(text), cues)


def test_a_five_day_bombardment_toll_is_its_toll() -> None:  # dev SK-middleEast-39-20180223
    evs = _events("وتكثف القصف الجوي للنظام السوري على منطقة الغوطة الشرقية، موقعا أكثر من 400 قتيل خلال خمسة أيام.",
                  "2018-02-23")
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]
    assert evs[0].fatalities == 400
    assert evs[0].actor2 == "Civilians (Syria)"


@pytest.mark.parametrize("text", [
    # SK-middleEast-65-20180224 (ANT): seven days of shelling
    "وفي هذا الوقت تفاقم حصار الغوطة الشرقية، معقل فصائل المعارضة قرب دمشق، حيث قتل أكثر من 500 مدني خلال سبعة "
    "أيام من القصف المكثف الذي ينفذه النظام.",
    # AL-internationalNews-1660-20180617 (ANT): six days of one battle
    "كما كشف عن مقتل 500 عنصر من ميليشيات الحوثي، خلال الستة الأيام الماضية في معركة الحديدة، دون ذكر مزيد "
    "من التفاصيل.",
    # CN-middleEast-302-20180319 (ANT): five days, the number word after the unit
    "القاهرة، مصر (CNN)— اعلن المتحدث باسم القوات المسلحة المصرية، عن مقتل 30 إرهابيا خلال الأيام الخمسة الماضية "
    "في سيناء التي تشهد عمليات عسكرية واسعة النطاق.",
    # AL-internationalNews-1763-20180624 (ANT): two days
    "أعلن الجيش اليمني، السبت، مقتل 10 قيادات ميدانية من #ميليشيات_الحوثي، خلال اليومين الماضيين، في جبهة الملاجم "
    "بمحافظة #البيضاء (وسط البلاد)، وانضم إليهم قيادي آخر في الساعات الماضية.",
])
def test_a_period_of_a_week_or_less_is_no_tally(text: str) -> None:
    assert _tally(text) is None


@pytest.mark.parametrize("text", [
    # 2015-08-09#104 (dev): two weeks of strikes
    "ذكرت وكالة أنباء «الأناضول» الحكومية التركية اليوم (الأحد) أن نحو 390 مقاتلا كرديا من حزب العمال الكردستاني قتلوا "
    "وجرح 400 آخرون خلال أسبوعين من الغارات الجوية التركية على قواعد للمتمردين في شمال العراق.",
    # CN-middleEast-254-20180313 (ANT): sixteen days, the number after the unit
    "واتهمت المندوبة الأمريكية القوات الروسية بمواصلة قصف أهداف بسوريا خلال الأيام الـ16 الماضية منذ إعلان وقف "
    "إطلاق النار، مضيفة: \"لقد توفّي في هذه الفترة أكثر من 500 مدني\".",
    # BB-middleEast-110-20180227 (ANT): nine days, the number word after the unit
    "وقتل 568 شخصا على الأقل في الهجمات الجوية وهجمات المدفعية على الغوطة الشرقية في الأيام التسعة الماضية، حسبما "
    "قال المرصد السوري لحقوق الإنسان.",
    # FR-middleEast-698-20180626 (ANT): a week summed up ("وبلغت بذلك حصيلة")
    "وبلغت بذلك حصيلة القتلى خلال أسبوع، وفق المرصد، 29 مقاتلا من الفصائل المعارضة و24 عنصرا من قوات النظام "
    "والمسلحين الموالين لها.",
    # CN-middleEast-55-20180221 (ANT): a running total ("ليرتفع ... إلى 305") over three days
    "في غضون ذلك، سقط 45 قتيلا في الغوطة، الأربعاء، ليرتفع عدد القتلى إلى 305 أشخاص على الأقل خلال 3 أيام من القصف "
    "والغارات التي يشنها النظام السوري، وفقا لمركز دمشق الإعلامي.",
    # SK-middleEast-2464-20180618 and AL-internationalNews-1518-20180608 (ANT): a week's toll on all fronts
    "تواصل قوات الجيش اليمني تقدمها بدعم من التحالف العربي على محور تحرير صعدة وحجة، في حين تم تدمير 253 موقعا "
    "ومعدة عسكرية خلال أسبوع، إضافة إلى سقوط 626 قتيلا من مسلحي ميليشيات الحوثي في كافة الجبهات.",
    "وأفادت أن 250 شخصاً، من عزلة بيت أنهم التابعة لمديرية همدان بمحافظة صنعاء، ممن زجت بهم ميليشيات الحوثي في "
    "حربها، لقوا مصرعهم خلال الأيام الماضية في المعارك الدائرة بمختلف الجبهات، لا سيما جبهة الساحل الغربي.",
    # 2015-07-23#593 (dev): an older attack's toll retold after "بعد ثلاثة أيام على"
    "ويأتي تبادل إطلاق النار بعد ثلاثة أيام على هجوم انتحاري في سوروتش (جنوب) استهدف مجموعة ناشطين شباب من اليسار "
    "وأسفر عن مقتل 32 شخصا.",
])
def test_longer_or_summed_up_periods_stay_tallies(text: str) -> None:
    assert _tally(text) is not None


def test_after_weeks_of_a_campaign_dates_the_act_it_is_no_tally() -> None:  # SK-middleEast-823-20180407 (ANT)
    text = "وقتل 40 مدنيا على الأقل الجمعة إثر استئناف الغارات على دوما فجأة بعد هدوء استمر لأكثر من أسبوع."
    assert _tally(text) is None
    assert sum(e.fatalities for e in _events(text, "2018-04-07")) == 40
