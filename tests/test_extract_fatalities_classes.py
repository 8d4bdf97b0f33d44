"""Fatality counts on real ANT sentences, one test per failure class found on a random ANT sample:
a definite victim noun that refers back ("بين القتلى") is no new vague toll, a figure broken down
("عشرة منهم ... بينما قتل سبعة") is not added to its total, a lone title or infant is one death,
"عددا من القتلى" is a vague toll, "قضوا" is a death verb; a range counts its lower figure and a
large toll told again for another event of the document is counted once."""

from __future__ import annotations

import pytest

from rasd.extract import extract_events
from rasd.model import Document, Segment


def _total(text: str, published: str) -> int:
    doc = Document(id="t", text=text, published=published)
    return sum(e.fatalities for e in extract_events(doc, [Segment(0, len(text), "article")]))


# (what the case shows, source document, text, publication day, total fatalities)
CASES = [
    ("victims_referred_back_to_are_not_counted_again", "SK-middleEast-1373-20180501",
     "أفاد المرصد السوري لحقوق الإنسان بمقتل 23 مدنيا على الأقل بينهم 10 أطفال، الثلاثاء، بغارات "
     "استهدفت قرية تحت سيطرة تنظيم داعش في شمال شرق سوريا قرب الحدود مع العراق.\nوقال رامي عبد "
     'الرحمن، مدير المرصد قوله إن المرصد لم يتمكن "من تحديد هوية الطائرات التي نفذت الغارات على '
     'قرية القصر في ريف الحسكة الجنوبي".\nونقلت وكالة الصحافة الفرنسية عن عبد الرحمن قوله إن بين '
     "القتلى نازحين من العراق.",
     "2018-05-01", 23),
    ("a_toll_broken_down_is_not_added_to_its_parts", "FR-internationalNews-2040-20180628",
     "ووثق المرصد الأربعاء مقتل 17 مدنيا بينهم ستة أطفال، عشرة منهم جراء غارات روسية وسورية على "
     "ريف درعا الشرقي، بينما قتل سبعة آخرون جراء غارات روسية على بلدة الطيبة الواقعة جنوب شرق "
     "مدينة درعا قرب الحدود الأردنية.",
     "2018-06-28", 17),
    ("a_head_of_a_body_killed_is_one", "CN-middleEast-705-20180423",
     "أعلن الحوثيون، الإثنين، عن مقتل رئيس ما يسمى بالمجلس السياسي الأعلى، صالح الصماد، والذي قتل "
     'في غارة جوية للتحالف العربي لـ"دعم الشرعية في اليمن"، الخميس.',
     "2018-04-23", 1),
    ("an_accusative_number_of_dead_is_a_vague_toll", "SK-middleEast-3425-20180816",
     'دمرت طائرات عراقية غرفة عمليات تابعة لتنظيم "داعش" داخل سوريا، في غارة جوية قتلت عددا من '
     "المسلحين الذين كانوا يخططون لشن هجمات في العراق.",
     "2018-08-16", 10),  # an air strike: significant
    ("a_rising_number_of_dead_is_not_a_reference_back", "SK-middleEast-3332-20180811",
     "ارتفع عدد القتلى الفلسطينيين في أحداث غزة، يوم الجمعة، إلى 3 أشخاص، وذلك بعد إصابتهم برصاص "
     'الجيش الإسرائيلي خلال "مسيرة العودة".',
     "2018-08-11", 3),
    ("passed_away_is_a_death", "SK-middleEast-2691-20180701",
     "بلغت حصيلة القصف الجوي والصاروخي الذي تشنه القوات السورية والروسية على درعا جنوب سوريا، 60 "
     "مدنيا، قضوا خلال الـ24 ساعة الماضية.",
     "2018-07-01", 60),
    ("a_toll_told_again_for_a_second_event_is_counted_once", "FR-internationalNews-473-20180317",
     "كثف الجيش السوري الجمعة غاراته الجوية على جيوب تسيطر عليها المعارضة المسلحة في الغوطة "
     "الشرقية، موقعا 80 قتيلا مدنيا على الأقل في بلدتي كفربطنا وسقبا، وفق المرصد السوري لحقوق "
     'الإنسان.\nوقال المرصد إن خروج المدنيين من جيب تحت سيطرة "فيلق الرحمن" في الغوطة الشرقية، '
     'تزامن مع "غارات روسية كثيفة" استهدفت بلدتي كفربطنا وسقبا وتسببت بمقتل 80 مدنيا على الاقل.',
     "2018-03-17", 80),
    ("a_range_counts_its_lower_figure", "FR-middleEast-234-20180409",
     'قال الدفاع المدني إن الحصيلة تراوحت بين 40 و70 قتيلا جراء القصف بـ"الغازات السامة" على '
     "مدينة دوما، السبت.",
     "2018-04-09", 40),
]


@pytest.mark.parametrize(("case", "source", "text", "published", "total"), CASES, ids=[c[0] for c in CASES])
def test_fatality_class(case: str, source: str, text: str, published: str, total: int) -> None:
    assert _total(text, published) == total
