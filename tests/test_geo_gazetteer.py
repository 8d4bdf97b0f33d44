"""The shipped gazetteer: loads fast without shapely or ../shared, keys are normalised, admin
names are OCHA's, the curated and countries files are checked, the boundaries file is small."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, REPO

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.geo.curated import load_curated, pcode_parents
from rasd.geo.gazetteer import COUNTRIES_FILE, DATA_DIR, GAZETTEER_FILE, STOPLIST_FILE, load, load_from


def test_geo_gazetteer_load_is_fast_and_cached() -> None:
    best = min(_timed_load() for _ in range(2))
    assert best < 1.0, f"gazetteer load took {best:.2f} s"  # ~0.2 s on an idle machine
    assert load() is load()


def _timed_load() -> float:
    t = time.perf_counter()
    load_from(DATA_DIR)
    return time.perf_counter() - t


def test_geo_gazetteer_runtime_needs_no_shapely_or_shared() -> None:
    code = ("import sys; from rasd.geo.locate import geocode_text; "
            "p = geocode_text('قصف على مدينة الميادين'); "
            "assert p and p[0].admin2 == 'Al Mayadin'; "
            "assert 'shapely' not in sys.modules, 'shapely imported'")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert out.returncode == 0, out.stderr


def test_geo_gazetteer_keys_are_normalised() -> None:
    g = load()
    bad = [k for k in g.by_key if norm(k) != k]
    assert not bad, bad[:10]
    assert len(g.entries) > 25000 and len(g.by_key) > 25000


def test_geo_gazetteer_admin_names_are_ochas() -> None:
    """Every admin unit's English name equals OCHA's adm1_en/adm2_en/adm3_en for its P-code."""
    g = load()
    ocha = {}
    with open(DATA / "syria_ocha_codab" / "syr_admin_gazetteer.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["level"] in ("1", "2", "3"):
                ocha[r["pcode"]] = r["name_en"]
    with open(DATA / "iraq_ocha_codab" / "irq_admin_gazetteer.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            ocha[r["pcode"]] = r["name_en"]
    assert len(g.admin) == len(ocha)
    for pcode, name in ocha.items():
        assert g.admin_en(pcode) == name
    # every point entry in Syria/Iraq names existing admin units
    for e in g.entries:
        if e.country in ("Syria", "Iraq") and not e.kind.startswith("admin"):
            for code in (e.adm1, e.adm2, e.adm3):
                assert not code or code in g.admin, (e.id, code)


def test_geo_gazetteer_curated_places_are_in_the_build() -> None:
    g = load()
    built = {e.id: e for e in g.entries if e.src == "curated"}
    curated = load_curated()
    assert len(curated) >= 140
    for c in curated:
        e = built[c["id"]]
        assert e.adm1 or c["level"] == 0, c["id"]
        if c["adm3"]:
            assert e.adm3 == c["adm3"]
    kinds = {c["kind"] for c in curated}
    assert {"oilfield", "gasfield", "dam", "bridge", "airbase", "crossing", "prison", "camp"} <= kinds


def test_geo_gazetteer_pcode_parents() -> None:
    assert pcode_parents("SY090105") == ["SY09", "SY0901", "SY090105"]
    assert pcode_parents("IQG15Q01") == ["IQG15", "IQG15Q01", ""]
    with pytest.raises(ValueError):
        pcode_parents("XX01")


def test_geo_gazetteer_bad_knowledge_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "places.tsv"
    bad.write_text("# comment\nx\toilfield\tX field\tحقل اكس\t35.0\t40.0\t\t3\t0\nbad line\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"places.tsv:3"):
        load_curated(bad)
    bad.write_text("y\tvolcano\tY\tبركان\t35.0\t40.0\t\t3\t0\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown kind"):
        load_curated(bad)
    for name in (GAZETTEER_FILE, STOPLIST_FILE):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    (tmp_path / COUNTRIES_FILE).write_text("Yemen\tcountry\tYemen\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"countries.tsv:1"):
        load_from(tmp_path)


def test_geo_gazetteer_boundaries_file() -> None:
    path = REPO / "src" / "rasd" / "data" / "admin_boundaries.geojson"
    assert path.stat().st_size < 1_500_000
    fc = json.loads(path.read_text(encoding="utf-8"))
    levels = {(f["properties"]["country"], f["properties"]["level"]) for f in fc["features"]}
    assert levels == {("Syria", 1), ("Syria", 2), ("Iraq", 1), ("Iraq", 2)}
    assert len(fc["features"]) == 14 + 62 + 18 + 101
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in fc["features"])


def test_geo_gazetteer_file_is_small() -> None:
    assert (DATA_DIR / GAZETTEER_FILE).stat().st_size < 4_000_000


@pytest.mark.parametrize("name, admin, expected", [
    ("البوكمال", False, {"البوكمال", "البو كمال", "ابو كمال"}),
    ("مركز الميادين", True, {"الميادين"}),
    ("عشارة", True, {"عشاره", "العشاره"}),
    ("غارية الشرقية", True, {"غاريه الشرقيه", "الغاريه الشرقيه"}),
    ("كفر نبل", False, {"كفر نبل", "كفرنبل"}),
    ("بيت سوا", False, {"بيت سوا", "بيت سوي"}),
    ("بيت محب / جديدة", False, {"بيت محب", "جديده"}),
    ("Dībān", False, set()),
    ("قاعدة K1", False, set()),
])
def test_geo_gazetteer_name_keys(name: str, admin: bool, expected: set[str]) -> None:
    from rasd.geo.names import name_keys

    assert expected <= set(name_keys(name, admin)) if expected else name_keys(name, admin) == []


def test_geo_gazetteer_common_words_are_flagged() -> None:
    """flag_cues: a common word needs a cue; a real name with a common variant keeps only the real one."""
    from collections import Counter

    from rasd.geo.build import Rec, flag_cues

    df = Counter({"السلسله": 500, "سلسله": 480, "ميادين": 40, "الميادين": 18})
    cue_df = Counter({"الميادين": 4})
    recs = [Rec("a", "town", "SY", "Silsilah", "سلسلة", ["السلسله", "سلسله"], 36.7, 37.5),
            Rec("b", "town", "SY", "Mayadin", "الميادين", ["الميادين", "ميادين"], 35.0, 40.4, pop=54534),
            Rec("c", "town", "IQ", "Muhammad Ali", "محمد علي", ["محمد علي"], 33.0, 44.0),
            Rec("d", "admin1", "SY", "Deir-ez-Zor", "دير الزور", ["دير الزور"], 35.2, 40.3)]
    flag_cues(recs, df, cue_df, 8877, {"الشعب"}, {"محمد"})
    assert recs[0].cue == 2
    assert recs[1].cue == 0 and recs[1].keys == ["الميادين"]
    assert recs[2].cue == 1
    assert recs[3].cue == 0
