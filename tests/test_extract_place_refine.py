"""Place classes of round 3 (real ANT articles): a finer place told in the next sentences about the act, a
country named as an actor is no place, a sponsor leaves the sentence's other place, an organisation's name
holds no place, and a distance reference by compass is far only with a large figure."""

from __future__ import annotations

from conftest import ant_events, ant_record

from rasd.clean.normalize import norm
from rasd.geo.gazetteer import load
from rasd.geo.locate import geocode_text
from rasd.geo.toponyms import find_toponyms


def _places(doc_id: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(e.sub_event_type, e.country, e.admin1, e.admin2) for e in ant_events(doc_id)]


def test_place_refined_by_next_sentence_with_definite_act_noun() -> None:
    # "انفجرت سيارة مفخخة، الأربعاء، في محافظة صلاح الدين" + "أن الانفجار استهدف مطعما قرب قضاء بيجي"
    assert [(e.admin1, e.admin2, e.location_ar) for e in ant_events("SK-middleEast-3659-20180912")] == [
        ("Salah Al-Din", "Beygee", "بيجي")]
    # "قصفت أحد مواقع الجيش السوري في شرق البلاد" + "إن الضربات وقعت في بلدة الهرى جنوب شرقي البوكمال"
    events = ant_events("SK-middleEast-2444-20180617")
    assert [(e.admin1, e.admin2, e.location_ar) for e in events] == [("Deir-ez-Zor", "Abu Kamal", "الهرى")]


def test_borrowed_place_refined_by_earlier_sentence() -> None:
    # the White Helmets' toll sentence names no place; two sentences before: "إن الانفجار وقع في بلدة سرمدا"
    events = ant_events("SK-middleEast-3374-20180813")
    assert {(e.admin1, e.admin2, e.location_ar) for e in events if e.country == "Syria"} == {
        ("Idleb", "Harim", "سرمدا")}


def test_country_named_as_actor_is_no_place() -> None:
    # "وبدأ تنفيذ اتفاق الإجلاء، الذي توسطت فيه روسيا حليفة الحكومة السورية": the evacuation of Harasta
    assert ("Other", "Syria", "Rural Damascus", "Duma") in _places("BB-middleEast-237-20180322")
    # "وقد أوقفت إسرائيل دخول بضائع إلى غزة الجمعة بعد مواجهات قتل فيها سبعة فلسطينيين"
    assert _places("BB-middleEast-1099-20181014") == [
        ("Excessive force against protesters", "Palestine", "Gaza Strip", None)]
    # "أعلن العراق قصف غرفة عمليات لتنظيم داعش داخل الأراضي السورية"
    assert {c for _, c, _, _ in _places("CN-middleEast-1239-20180817")} == {"Syria"}
    # "كما نص الاتفاق على أن تقوم تركيا بإخراج كافة الفصائل ..." in a story about Idlib
    assert {(c, a1) for _, c, a1, _ in _places("BB-middleEast-1008-20180930")} == {("Syria", "Idleb")}


def test_sponsor_gives_way_to_the_sentence_other_place() -> None:
    # "في غارات شنتها طائرات التحالف العربي على مواقع للمتمرين المواليين لإيران، في محافظة الحديدة"
    first = ant_events("SK-middleEast-1495-20180508")[0]
    assert (first.country, first.admin1) == ("Yemen", "Al Hudaydah")


def test_islamic_state_in_iraq_and_the_levant_names_no_place() -> None:
    text = "قال مسؤول بالتحالف الذي تقوده الولايات المتحدة ضد تنظيم الدولة الإسلامية في العراق والشام في سوريا"
    assert "Iraq" not in [p.country for p in geocode_text(text)]
    assert {c for _, c, _, _ in _places("CN-middleEast-610-20180414")} == {"Syria"}


def test_distance_by_compass_far_only_with_large_figure() -> None:
    far = norm("في القرية ذاتها الواقعة على بعد 250 كلم شمال بغداد")
    near = norm("على منشأة عسكرية تقع على بعد 15 ميلا غربي حمص")
    assert [m.context.reference for m in find_toponyms(far, load())] == [True]
    assert [m.context.reference for m in find_toponyms(near, load())] == [False]
    # FR-internationalNews-705: the PMF village 250 km north of Baghdad is not in Baghdad
    assert all(e.admin1 != "Baghdad" for e in ant_events("FR-internationalNews-705-20180412"))
    # SK-middleEast-1019: the Storm Shadow strike on a site 15 miles west of Homs
    assert any(e.admin1 == "Homs" for e in ant_events("SK-middleEast-1019-20180414"))


def test_occupied_golan_is_coded_where_it_is_held() -> None:
    # SK-middleEast-1611 and AL-internationalNews-1926: "السورية المحتلة" names the former owner
    for doc_id, phrase in (("SK-middleEast-1611-20180512", "ضد مواقعه في هضبة الجولان السورية المحتلة"),
                           ("AL-internationalNews-1926-20180713", "اقتربت من الجولان السورية المحتلة")):
        assert phrase in ant_record(doc_id)["text"]
        assert [(p.country, p.admin1) for p in geocode_text(phrase)] == [("Israel", "Northern")]
    # FR-middleEast-754: the Patriot fired at a drone over the Golan
    assert {(e.country, e.admin1) for e in ant_events("FR-middleEast-754-20180712")} >= {("Israel", "Northern")}


def test_place_of_a_visit_is_no_place_of_the_act() -> None:
    # FR-middleEast-149: "والبيان الذي لا يشير إلى زيارة للعبادي إلى محافظة نينوى يتحدث عن إطلاق نار"
    assert all(e.admin1 != "Ninewa" for e in ant_events("FR-middleEast-149-20180314"))
