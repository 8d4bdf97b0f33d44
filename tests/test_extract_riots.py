"""Protests turned riots (held-out BB-middleEast-739-20180716, real ANT sentences): protesters storming a
building or stoning a site are a violent demonstration, and a court stormed is a place, not a trial."""

from __future__ import annotations

from rasd.extract import extract_events
from rasd.model import Document, Segment


def _events(text: str, published: str):
    doc = Document(id="t", text=text, published=published)
    return extract_events(doc, [Segment(0, len(text), "article")])


def test_protesters_stoning_an_oil_field_riot() -> None:
    text = ("وأطلقت الشرطة الغاز المسيل للدموع على متظاهرين كانوا يرشقون حقل الزبير النفطي بالحجارة، بحسب مراسل "
            "وكالة فرانس برس.")
    evs = _events(text, "2018-07-16")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        ("Violent demonstration", "Rioters (Iraq)", "Police Forces of Iraq (2014-)")]


def test_protesters_storming_a_court_riot() -> None:
    text = ("وأوضحت الشرطة أن مئات من المتظاهرين الغاضبين حاولوا اقتحام مبنى المحكمة في مدينة السماوة، مشيرة إلى أن "
            "المحتجين حاولوا اقتحام العديد من المباني الحكومية في العديد من المحافظات ومنها البصرة.")
    evs = _events(text, "2018-07-16")
    assert evs and {e.sub_event_type for e in evs} == {"Violent demonstration"}
    assert "Al-Samawa" in {e.admin2 for e in evs}
    assert all(e.actor1 == "Rioters (Iraq)" for e in evs)


def test_a_court_ruling_is_still_no_event() -> None:
    # the court as a body (a trial, a sentence) keeps blocking: ANT, CNN Arabic 2018
    text = ("قضت محكمة أميركية، الجمعة، بالسجن مدى الحياة على رجل أدين بالمشاركة في هجوم عام 2003 على جنود أميركيين "
            "في #أفغانستان، أدى إلى مقتل اثنين منهم، وبالتآمر لتفجير السفارة الأميركية في نيجيريا.")
    assert _events(text, "2018-03-17") == []
