"""Classes of geocoding error, each fixed as a class: a feature named after a city (جبل القاهرة in Yemen),
a country named as a sponsor (التابعة لإيران), a Turkish town named next to a Syrian one (سروج / كوباني),
organisation names holding a place (قوات سوريا الديمقراطية), datelines, owners' adjectives (قاعدة حميميم
الروسية), and compass parts of a country or city (جنوب سوريا → درعا, جنوب دمشق → Rural Damascus district)."""

from __future__ import annotations

import json

import pytest
from conftest import ANT

from rasd.geo.locate import DocumentGeocoder, geocode_text
from rasd.model import Document


def _ant(*ids: str) -> dict[str, str]:
    out = {}
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in ids:
                out[d["id"]] = d["text"]
    return out


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return _ant("AL-internationalNews-1261-20180521", "CN-middleEast-1114-20180605", "BB-middleEast-263-20180329",
                "CN-middleEast-715-20180424", "SK-middleEast-3846-20181013", "AL-internationalNews-1811-20180629",
                "BB-middleEast-473-20180509")


def _geo(texts: dict[str, str], doc_id: str) -> tuple[str, DocumentGeocoder]:
    text = texts[doc_id]
    return text, DocumentGeocoder(Document(id=doc_id, text=text))


def test_geo_feature_named_after_a_city_is_not_that_city(texts: dict[str, str]) -> None:
    text, geo = _geo(texts, "AL-internationalNews-1261-20180521")  # وجبل القاهرة ... في محافظة الجوف (Yemen)
    assert "Egypt" not in {p.country for p in geo.places}
    start = text.index("وجبل القاهرة")
    p = geo.place_for(start, start + 60)
    assert p is not None and p.country == "Yemen"
    assert {p.country for p in geocode_text("قصف للحوثيين على جبل القاهرة في مدينة تعز اليمنية")} == {"Yemen"}


@pytest.mark.parametrize(("doc_id", "phrase"), [("CN-middleEast-1114-20180605", "التابعة لإيران"),
                                                 ("BB-middleEast-263-20180329", "المدعومة من تركيا")])
def test_geo_sponsor_country_is_not_a_place(texts: dict[str, str], doc_id: str, phrase: str) -> None:
    text, geo = _geo(texts, doc_id)  # الميليشيا الحوثية التابعة لإيران، المعارضة السورية المدعومة من تركيا
    start = text.index(phrase)
    assert not [p for p in geo.places if start <= p.span.start < start + len(phrase)]


@pytest.mark.parametrize("text", ["هاجمت الميليشيات التابعة لإيران مواقع في ريف دير الزور",
                                  "قصفت القوات الموالية لروسيا بلدة في ريف حماة",
                                  "هاجمت الفصائل المدعومة من قبل تركيا قرية في ريف عفرين"])
def test_geo_sponsor_phrases(text: str) -> None:
    places = geocode_text(text)
    assert places and {p.country for p in places} == {"Syria"}


def test_geo_allegiance_word_before_a_syrian_unit_keeps_the_place() -> None:
    # التابعة لناحية جنديرس: "belonging to the sub-district", a place, not a sponsor
    assert any(p.location_ar == "جنديرس" for p in geocode_text("قرية الحمام التابعة لناحية جنديرس"))


@pytest.mark.parametrize("text", [
    "قتل 32 شخصا في تفجير انتحاري استهدف ناشطين في سروج، وكانوا يستعدون للعبور إلى كوباني. وقالت السلطات التركية إن الانتحاري تركي.",
    "أعلنت أنقرة أن انتحاريا فجر نفسه في سروج. ودانت تركيا الهجوم. وكان الناشطون في طريقهم إلى مدينة عين العرب (كوباني) السورية.",
    "قتل 32 شخصا في تفجير في بلدة سروج الحدودية التركية قرب كوباني",
])
def test_geo_turkish_town_next_to_a_syrian_one(text: str) -> None:
    geo = DocumentGeocoder(Document(id="t", text=text))
    p = geo.place_for(0, text.index("سروج") + 30)
    assert p is not None and (p.country, p.location) == ("Turkey", "Suruc")


def test_geo_place_gone_to_ranks_after_place_of_the_act() -> None:
    text = "فجر انتحاري نفسه وسط ناشطين كانوا متجهين إلى كوباني في مدينة سروج التركية"
    p = DocumentGeocoder(Document(id="t", text=text)).place_for(0, len(text))
    assert p is not None and p.country == "Turkey"


def test_geo_organisation_names_hold_no_place(texts: dict[str, str]) -> None:
    _, geo = _geo(texts, "SK-middleEast-3846-20181013")
    text = texts["SK-middleEast-3846-20181013"]
    sdf = [i for i in range(len(text)) if text.startswith("قوات سوريا الديمقراطية", i)]
    assert sdf and not any(p.span.start in {i + len("قوات ") for i in sdf} for p in geo.places)
    assert not geocode_text("قوات حماة الديار")


def test_geo_dateline_and_owner_adjective(texts: dict[str, str]) -> None:
    text, geo = _geo(texts, "CN-middleEast-715-20180424")  # دبي، الإمارات العربية المتحدة (CNN) – … قاعدة حميميم الروسية
    assert "United Arab Emirates" not in {p.country for p in geo.places}
    assert geo.datelines and geo.datelines[0].country == "United Arab Emirates"
    base = [p for p in geo.places if p.location == "Hmeimim Airbase"]
    assert base and base[0].span.start < text.index("في سوريا")  # the first mention, before its owner's adjective
    start = text.index("أن الدفاعات الجوية")
    p = geo.place_for(start, start + 60)
    assert p is not None and (p.admin1, p.admin2) == ("Lattakia", "Jablah")


def test_geo_part_of_the_country_is_the_governorate_the_story_names(texts: dict[str, str]) -> None:
    text, geo = _geo(texts, "AL-internationalNews-1811-20180629")  # وقف لإطلاق نار في جنوب سوريا … محافظة درعا
    start = text.index("أعلن مصدر")
    p = geo.place_for(start, text.index("سيفضي"))
    assert p is not None and (p.country, p.admin1, p.admin2, p.geo_precision) == ("Syria", "Dar'a", None, 3)
    # with no governorate of that part named, it stays the country
    p = geocode_text("قصف في جنوب سوريا")[0]
    assert (p.country, p.admin1) == ("Syria", None)


def test_geo_south_of_damascus_is_its_rural_district(texts: dict[str, str]) -> None:
    text, geo = _geo(texts, "BB-middleEast-473-20180509")
    start = text.index("قاعدة عسكرية جنوب دمشق")
    p = geo.place_for(start, start + len("قاعدة عسكرية جنوب دمشق"))
    assert p is not None and (p.admin1, p.admin2, p.geo_precision) == ("Rural Damascus", "Rural Damascus", 2)
    p = geocode_text("غارات شمال دمشق")[0]
    assert (p.admin1, p.admin2) == ("Rural Damascus", "At Tall")
    assert geocode_text("في ضواحي العاصمة دمشق")[0].admin2 == "Rural Damascus"  # the ring of suburbs
    assert geocode_text("في ريف دمشق")[0].admin2 is None  # the countryside as a whole: the governorate


def test_geo_river_bank_is_not_the_west_bank() -> None:
    assert not geocode_text("حررت القوات مواقع على الضفة الشرقية لنهر الفرات")
    assert not geocode_text("تقدمت القوات على الضفة الغربية لنهر دجلة")
    assert geocode_text("اقتحم الجيش الإسرائيلي مخيما في الضفة الغربية")[0].country == "Palestine"



def test_geo_place_come_from_ranks_after_place_of_the_act() -> None:
    text = "قتل خمسة نازحين قادمين من مدينة حلب في قصف على بلدة سرمدا"
    p = DocumentGeocoder(Document(id="t", text=text)).place_for(0, len(text))
    assert p is not None and p.admin1 == "Idleb"


def test_geo_feature_named_after_a_city_with_that_country_named_as_an_actor() -> None:
    # مصر named as an actor does not make جبل القاهرة in Taiz a place in Egypt
    text = "دعت مصر إلى التهدئة بعد قصف الحوثيين على جبل القاهرة في محافظة تعز"
    assert "Egypt" not in {p.country for p in geocode_text(text) if p.location_ar != "مصر"}


def test_geo_part_of_the_country_only_for_the_story_country() -> None:
    yemen = "قصف الحوثيون مواقع في تعز وعدن ولحج جنوبي البلاد، فيما زار وزير من البصرة اليمن"
    assert {p.country for p in geocode_text(yemen) if p.location_ar == "جنوبي البلاد"} == set()
    syria = "قصفت الطائرات بلدات في محافظة درعا، وتواصل القصف جنوبي البلاد"
    assert [p.admin1 for p in geocode_text(syria) if p.location_ar == "جنوبي البلاد"] == ["Dar'a"]
