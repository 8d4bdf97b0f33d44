"""Allies are never each other's opponent (data/allies.tsv), and the Yemen war's coalition (held-out
Yemen coverage, real ANT sentences): "الجيش الوطني بمساندة من التحالف" fights the Houthis, not the
coalition; "بإسناد من"/"مسنودا ب" introduce a supporter; "التحالف" over Saudi Arabia is the Saudi-led one;
air defence is no air strike."""

from __future__ import annotations

import pytest

from rasd.errors import KnowledgeError
from rasd.extract import extract_events
from rasd.extract.lexicon import build, load
from rasd.model import Document, Segment

ARMY, HOUTHI, SAUDI = "Military Forces of Yemen (2017-)", "Houthi Movement", "Military Forces of Saudi Arabia (2015-)"


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


SUPPORTED = [
    ("قتل نحو 17 من #ميليشيات_الحوثي الانقلابية، الأربعاء، في مواجهات عنيفة مع الجيش اليمني مسنودا بالتحالف "
     "العربي، في جبهة نهم شرق العاصمة صنعاء.", "2018-02-28"),  # AL-internationalNews-269-20180228
    ("ضيقت قوات الشرعية اليمنية، بإسناد من التحالف، الخناق على ميليشيا الحوثي الانقلابية في جبهة #الساحل_الغربي، "
     "عقب انتصارات ساحقة توجتها، الثلاثاء، بالسيطرة على مدينة البرح، بعد تأمين مفرق المخا والوازعية.",
     "2018-05-09"),  # AL-internationalNews-1079-20180509
]


@pytest.mark.parametrize("text,published", SUPPORTED)
def test_the_army_backed_by_the_coalition_fights_the_houthis(text: str, published: str) -> None:
    evs = _events(text, published)
    assert evs
    assert all({e.actor1, e.actor2} == {ARMY, HOUTHI} for e in evs)


def test_allied_actors_are_never_opponents() -> None:
    lex = load()
    assert frozenset((ARMY, SAUDI)) in lex.allies
    text = ("مصادر ميدانية أوضحت أن المواجهات تدور بمساندة مقاتلات الأباتشي التابعة لتحالف دعم الشرعية باليمن، "
            "وتتجه المعارك نحو مثلث الطريق الرابط بين الحديدة ومنطقتي جبل راس وخط العدين التابعتين لمحافظة إب.")
    # AL-internationalNews-1015-20180506: the coalition's jets support the fighting, they are no party to it
    for e in _events(text, "2018-05-06"):
        assert frozenset((e.actor1, e.actor2)) not in lex.allies


def test_an_interception_over_saudi_arabia_names_the_saudi_led_coalition() -> None:
    # SK-middleEast-2162-20180605: "الدفاع الجوي للتحالف" over Yanbu; "الجوي" of air defence is no air strike
    text = ("وقال المتحدث باسم التحالف العربي، العقيد تركي المالكي، إنه \"في تمام الساعة 04:11 فجرا،  رصدت قوات "
            "الدفاع الجوي للتحالف إطلاق صاروخ باليستي، من قبل الميليشيا الحوثية، التابعة لإيران من داخل الأراضي "
            "اليمنية باتجاه المملكة\"، بحسب وكالة الأنباء السعودية (واس).")
    evs = _events(text, "2018-06-05")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Shelling/artillery/missile attack", HOUTHI)]
    assert "International Coalition Against the Islamic State" not in {e.actor2 for e in evs}


def test_allies_file_checked_on_load(tmp_path) -> None:
    from rasd.extract import lexicon
    for f in lexicon.DATA.glob("*.tsv"):
        if f.name.startswith(("triggers", "actors", "cues")):
            (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "allies.tsv").write_text("Houthi Movement\tThe Houthis\tmisspelt\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"allies.tsv:1: unknown actor 'The Houthis'"):
        build(tmp_path)


def test_a_supporting_air_force_is_the_actor_of_its_strikes() -> None:
    # AL-internationalNews-1259-20180521: "بإسناد من" makes the coalition a supporter of the ground
    # operation, but its own strikes are its acts (not the Houthis', not the army's)
    text = ("وقال الحارثي إن العملية العسكرية، التي لا تزال مستمرة حتى اللحظة، جاءت بإسناد من طيران التحالف الذي "
            "استهدف بعدة غارات مواقع وتعزيزات للانقلابيين أسفرت عن تدمير عدد من الآليات القتالية.")
    # (in its story the place is named in the sentences before: "مديرية باقم بمحافظة صعدة")
    text = "شن اللواء 102 خاصة في الجيش اليمني بمحور آزال هجوما واسعا على مواقع مليشيا الحوثي في مديرية باقم " \
        "بمحافظة صعدة.\n" + text
    evs = [e for e in _events(text, "2018-05-21") if e.sub_event_type == "Air/drone strike"]
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Air/drone strike", SAUDI)]
