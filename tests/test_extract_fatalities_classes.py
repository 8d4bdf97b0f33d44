"""Fatality counts on real ANT sentences, one test per failure class found on a random ANT sample:
a definite victim noun that refers back ("بين القتلى") is no new vague toll, a figure broken down
("عشرة منهم ... بينما قتل سبعة") is not added to its total, a lone title or infant is one death,
"عددا من القتلى" is a vague toll, "قضوا" is a death verb; a range counts its lower figure and a
large toll told again for another event of the document is counted once."""

from __future__ import annotations

from rasd.extract import extract_events
from rasd.model import Document, Segment


def _total(text: str, published: str) -> int:
    doc = Document(id="t", text=text, published=published)
    return sum(e.fatalities for e in extract_events(doc, [Segment(0, len(text), "article")]))


def test_victims_referred_back_to_are_not_counted_again() -> None:  # SK-middleEast-1373-20180501
    text = ("أفاد المرصد السوري لحقوق الإنسان بمقتل 23 مدنيا على الأقل بينهم 10 أطفال، الثلاثاء، بغارات استهدفت "
            "قرية تحت سيطرة تنظيم داعش في شمال شرق سوريا قرب الحدود مع العراق.\n"
            "وقال رامي عبد الرحمن، مدير المرصد قوله إن المرصد لم يتمكن \"من تحديد هوية الطائرات التي نفذت الغارات "
            "على قرية القصر في ريف الحسكة الجنوبي\".\n"
            "ونقلت وكالة الصحافة الفرنسية عن عبد الرحمن قوله إن بين القتلى نازحين من العراق.")
    assert _total(text, "2018-05-01") == 23


def test_a_toll_broken_down_is_not_added_to_its_parts() -> None:  # FR-internationalNews-2040-20180628
    text = ("ووثق المرصد الأربعاء مقتل 17 مدنيا بينهم ستة أطفال، عشرة منهم جراء غارات روسية وسورية على ريف درعا "
            "الشرقي، بينما قتل سبعة آخرون جراء غارات روسية على بلدة الطيبة الواقعة جنوب شرق مدينة درعا قرب الحدود "
            "الأردنية.")
    assert _total(text, "2018-06-28") == 17


def test_a_head_of_a_body_killed_is_one() -> None:  # CN-middleEast-705-20180423
    text = ("أعلن الحوثيون، الإثنين، عن مقتل رئيس ما يسمى بالمجلس السياسي الأعلى، صالح الصماد، والذي قتل في غارة "
            "جوية للتحالف العربي لـ\"دعم الشرعية في اليمن\"، الخميس.")
    assert _total(text, "2018-04-23") == 1


def test_an_accusative_number_of_dead_is_a_vague_toll() -> None:  # SK-middleEast-3425-20180816
    text = ("دمرت طائرات عراقية غرفة عمليات تابعة لتنظيم \"داعش\" داخل سوريا، في غارة جوية قتلت عددا من المسلحين "
            "الذين كانوا يخططون لشن هجمات في العراق.")
    assert _total(text, "2018-08-16") == 10  # an air strike: significant


def test_a_rising_number_of_dead_is_not_a_reference_back() -> None:  # SK-middleEast-3332-20180811
    text = ("ارتفع عدد القتلى الفلسطينيين في أحداث غزة، يوم الجمعة، إلى 3 أشخاص، وذلك بعد إصابتهم برصاص الجيش "
            "الإسرائيلي خلال \"مسيرة العودة\".")
    assert _total(text, "2018-08-11") == 3


def test_passed_away_is_a_death() -> None:  # SK-middleEast-2691-20180701
    text = ("بلغت حصيلة القصف الجوي والصاروخي الذي تشنه القوات السورية والروسية على درعا جنوب سوريا، 60 مدنيا، "
            "قضوا خلال الـ24 ساعة الماضية.")
    assert _total(text, "2018-07-01") == 60


def test_a_toll_told_again_for_a_second_event_is_counted_once() -> None:  # FR-internationalNews-473-20180317
    text = ("كثف الجيش السوري الجمعة غاراته الجوية على جيوب تسيطر عليها المعارضة المسلحة في الغوطة الشرقية، موقعا "
            "80 قتيلا مدنيا على الأقل في بلدتي كفربطنا وسقبا، وفق المرصد السوري لحقوق الإنسان.\n"
            "وقال المرصد إن خروج المدنيين من جيب تحت سيطرة \"فيلق الرحمن\" في الغوطة الشرقية، تزامن مع \"غارات روسية "
            "كثيفة\" استهدفت بلدتي كفربطنا وسقبا وتسببت بمقتل 80 مدنيا على الاقل.")
    assert _total(text, "2018-03-17") == 80


def test_a_range_counts_its_lower_figure() -> None:  # FR-middleEast-234-20180409
    text = ("قال الدفاع المدني إن الحصيلة تراوحت بين 40 و70 قتيلا جراء القصف بـ\"الغازات السامة\" على مدينة دوما، "
            "السبت.")
    assert _total(text, "2018-04-09") == 40
