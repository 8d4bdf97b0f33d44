"""Build the shipped gazetteer and admin boundaries from ../shared/data (build time only).

Build the shipped gazetteer (``rasd/data/gazetteer.tsv.gz``) and the simplified admin
boundaries (``rasd/data/admin_boundaries.geojson``) from the raw sources in ``../shared/data``.

Build time only: needs shapely and the shared data folder; the runtime never imports this.
Steps (``build(data_dir, out_dir)``):
1. OCHA admin 1–3 (Syria, Iraq) and Syrian city neighbourhoods → admin entries and polygons.
2. Point sources (WOF localities, GeoNames cities500, IOM/HOTOSM, Syrian Archive, Iraq OSM
   villages, the curated ``places_syria_iraq.tsv``) → entries; point-in-polygon gives admin
   P-codes to points that lack them.
3. Duplicates (same name key in the same sub-district, within ~5 km) are merged.
4. Keys that are frequent words or personal names in general news (ANT corpus document frequency,
   the curated stoplist, first names) are dropped, or the entry flagged ``cue=1`` (it then matches
   only after a naming noun such as قرية، حي).
5. Write the TSV (one entry a line, keys normalised) and the boundaries GeoJSON.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.geo.context import load_cues
from rasd.geo.curated import load_curated
from rasd.geo.gazetteer import COLUMNS, DATA_DIR, GAZETTEER_FILE, load_stoplist
from rasd.geo.names import name_keys
from rasd.nlp.tokens import load_clitics

CSV_LIMIT = 1 << 24


@dataclass
class Rec:
    """One gazetteer entry while building."""

    id: str
    kind: str
    cc: str
    name_en: str
    name_ar: str
    keys: list[str]
    lat: float
    lon: float
    adm: list[str] = field(default_factory=lambda: ["", "", ""])
    pop: int = 0
    level: int = 3
    src: str = ""
    cue: int = 0


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _csv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(CSV_LIMIT)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# property names of the OCHA admin files of each country ({level}: 1-3); Iraq's have no centre point
# (an empty name: the polygon's representative point is used)
_ADMIN_FIELDS = {
    "SY": {"file": "syria_ocha_codab/syr_admin{level}.geojson", "pcode": "adm{level}_pcode", "en": "adm{level}_name",
           "ar": "adm{level}_name1", "alt": "adm{level}_ref_n", "adm1": "adm1_pcode", "adm2": "adm2_pcode",
           "lat": "center_lat", "lon": "center_lon"},
    "IQ": {"file": "iraq_ocha_codab/irq_admbnda_adm{level}_cso_20190603.geojson", "pcode": "ADM{level}_PCODE",
           "en": "ADM{level}_EN", "ar": "ADM{level}_AR", "alt": "ADM{level}ALT1AR", "adm1": "ADM1_PCODE",
           "adm2": "ADM2_PCODE", "lat": "", "lon": ""},
}


class AdminIndex:
    """OCHA admin polygons of both countries with a spatial index for point-in-polygon."""

    def __init__(self, data: Path) -> None:
        from shapely.geometry import shape
        from shapely.strtree import STRtree

        self.units: dict[str, dict] = {}  # pcode -> {level, en, ar, parent, lat, lon, cc}
        self.geoms: dict[tuple[int, str], list] = defaultdict(list)  # (level) -> [(pcode, geom)]
        for level in (1, 2, 3):
            for cc, fields in _ADMIN_FIELDS.items():
                names = {k: v.format(level=level) if v else "" for k, v in fields.items()}
                for f in json.loads((data / names["file"]).read_text())["features"]:
                    p = f["properties"]
                    pc = p[names["pcode"]]
                    g = shape(f["geometry"])
                    c = g.representative_point()
                    self.units[pc] = {
                        "level": level, "cc": cc, "en": p[names["en"]], "ar": p[names["ar"]],
                        "alt": p.get(names["alt"]) or "",
                        "adm": [p[names["adm1"]], p.get(names["adm2"], "") if level >= 2 else "", pc if level == 3 else ""],
                        "lat": p.get(names["lat"]) or c.y, "lon": p.get(names["lon"]) or c.x, "geom": g,
                    }
                    self.geoms[level].append((pc, g))
        self._l3 = self.geoms[3]
        self._tree = STRtree([g for _, g in self._l3])

    def locate(self, lat: float, lon: float, max_deg: float = 0.08) -> list[str]:
        """[adm1, adm2, adm3] P-codes of the sub-district holding the point (nearest within max_deg)."""
        from shapely.geometry import Point

        pt = Point(lon, lat)
        for i in self._tree.query(pt, predicate="within"):
            return list(self.units[self._l3[int(i)][0]]["adm"])
        i = self._tree.nearest(pt)
        if i is not None and self._l3[int(i)][1].distance(pt) <= max_deg:
            return list(self.units[self._l3[int(i)][0]]["adm"])
        return ["", "", ""]

    def records(self) -> list[Rec]:
        out = []
        for pc, u in self.units.items():
            kind = f"admin{u['level']}"
            keys = name_keys(u["ar"], admin=True) + name_keys(u["alt"], admin=True)
            out.append(Rec(pc, kind, u["cc"], u["en"], re.sub(r"^مركز\s+", "", u["ar"] or ""), sorted(set(keys)),
                           round(u["lat"], 5), round(u["lon"], 5), list(u["adm"]), 0, u["level"], "ocha"))
        return out


def _neighbourhoods(data: Path) -> list[Rec]:
    from shapely.geometry import shape

    out = []
    for f in json.loads((data / "syria_ocha_codab" / "syr_neighborhoods.geojson").read_text())["features"]:
        p = f["properties"]
        c = shape(f["geometry"]).representative_point()
        keys = name_keys(p["neighbor_1"])
        if not keys:
            continue
        en = f"{p['adm4_en']} - {p['neighborho']}"
        out.append(Rec(p["neighbor_2"], "neighbourhood", "SY", en, p["neighbor_1"], keys, round(c.y, 5), round(c.x, 5),
                       [p["adm1_pcode"], p["adm2_pcode"], p["adm3_pcode"]], 0, 3, "ocha"))
    return out


def _wof(path: Path, cc: str) -> list[Rec]:
    out = []
    for r in _csv(path):
        if r["placetype"] not in ("locality", "neighbourhood", "campus"):
            continue
        names = [r["name_ar"]] + [x for x in r["name_ar_other"].split("|") if x]
        keys = sorted({k for n in names for k in name_keys(n, admin=r["placetype"] == "locality")})
        lat, lon = _f(r["latitude"]), _f(r["longitude"])
        if not keys or lat is None or lon is None or r["gn_feature_code"] == "PPLQ":
            continue
        kind = {"locality": "town", "neighbourhood": "neighbourhood", "campus": "landmark"}[r["placetype"]]
        pop = int(_f(r["gn_population"]) or 0)
        out.append(Rec(f"wof:{r['wof_id']}", kind, cc, r["name_en"] or r["gn_name"] or r["name"], r["name_ar"] or names[-1],
                       keys, lat, lon, [r["adm1_pcode"], r["adm2_pcode"], r["adm3_pcode"]], pop, 3, "wof"))
    return out


def _geonames(path: Path) -> list[Rec]:
    out = []
    for r in _csv(path):
        names = [x for x in r["arabic_names"].split("|") if x]
        keys = sorted({k for n in names for k in name_keys(n, admin=True)})
        if keys:
            out.append(Rec(f"gn:{r['geonameid']}", "town", {"SY": "SY", "IQ": "IQ"}[r["countrycode"]], r["name"],
                           names[0], keys, float(r["latitude"]), float(r["longitude"]), ["", "", ""],
                           int(r["population"] or 0), 3, "geonames"))
    return out


def _iom(path: Path) -> list[Rec]:
    out = []
    for r in _csv(path):
        keys = name_keys(r["osm_name"], admin=True)
        if keys:
            out.append(Rec(f"iom:{r['location_pcode']}", "town", "SY", r["iom_location_name"], r["osm_name"], keys,
                           float(r["latitude"]), float(r["longitude"]),
                           [r["adm1_pcode"], r["adm2_pcode"], r["adm3_pcode"]], 0, 3, "iom_hotosm"))
    return out


def _syrian_archive(path: Path) -> list[Rec]:
    out = []
    for r in _csv(path):
        if r["is_region_record"] == "yes":
            continue
        keys = name_keys(r["name_ar"])
        lat, lon = _f(r["latitude"]), _f(r["longitude"])
        if keys and lat and lon:
            en = re.sub(r"\s+nahiyah$", "", r["name_en"].strip(), flags=re.I)
            out.append(Rec(f"sa:{r['pk']}", "landmark", "SY", en, r["name_ar"], keys, lat, lon, ["", "", ""], 0, 3,
                           "syrian_archive"))
    return out


def _osm_villages(path: Path) -> list[Rec]:
    out = []
    for r in _csv(path):
        keys = name_keys(r["name"])
        lat, lon = _f(r["lat"]), _f(r["lon"])
        if keys and lat and lon:
            out.append(Rec(f"osm:{r['osm_id']}", "village", "IQ", "", r["name"], keys, lat, lon, ["", "", ""], 0, 3,
                           "osm"))
    return out


def _curated() -> list[Rec]:
    out = []
    for e in load_curated():
        out.append(Rec(e["id"], e["kind"], e["cc"], e["name_en"], e["name_ar"], e["keys"], e["lat"], e["lon"],
                       [e["adm1"], e["adm2"], e["adm3"]], e["pop"], e["level"], "curated"))
    return out


def _merge(recs: list[Rec]) -> list[Rec]:
    """Merge point entries naming the same place: same first key, same sub-district, < ~5 km."""
    order = {"curated": 0, "ocha": 1, "geonames": 2, "wof": 3, "iom_hotosm": 4, "syrian_archive": 5, "osm": 6}
    recs = sorted(recs, key=lambda r: (order.get(r.src, 9), -r.pop))
    kept: list[Rec] = []
    index: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    for r in recs:
        if r.kind.startswith("admin") or r.src == "curated":
            kept.append(r)
            continue
        hit = None
        for k in r.keys:
            for other in index.get((r.adm[2], k), []):
                if other.kind == r.kind or {other.kind, r.kind} <= {"town", "village", "landmark"}:
                    if abs(other.lat - r.lat) < 0.045 and abs(other.lon - r.lon) < 0.055:
                        hit = other
                        break
            if hit:
                break
        if hit:
            hit.keys = sorted(set(hit.keys) | set(r.keys))
            hit.pop = max(hit.pop, r.pop)
            hit.name_en = hit.name_en or r.name_en
            if r.src not in hit.src.split("+"):
                hit.src += "+" + r.src
            for k in r.keys:
                index[(hit.adm[2], k)].append(hit)
            continue
        kept.append(r)
        for k in r.keys:
            index[(r.adm[2], k)].append(r)
    return kept


_TOKEN = re.compile(r"[\u0621-\u064a]+")


def _forms(t: str) -> set[str]:
    fs = {t}
    for c in load_clitics()["build_prefix"]:
        if t.startswith(c) and len(t) - len(c) >= 3:
            rest = t[len(c):]
            fs.add(("ال" + rest) if c.endswith("ال") or c == "لل" else rest)
    return fs


def corpus_df(path: Path, multi: set[str], limit: int | None = None) -> tuple[Counter, Counter, int]:
    """Document frequency in a JSONL corpus of every normalised token (clitic-free forms too) and of
    the multi-word keys in ``multi``; and of each right after a naming noun (بلدة X)."""
    df: Counter = Counter()
    cue_df: Counter = Counter()
    max_n = max((k.count(" ") + 1 for k in multi), default=1)
    naming = load_cues()["name_intro"]
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            toks = _TOKEN.findall(norm(json.loads(line).get("text") or ""))
            seen: set[str] = set()
            after_cue: set[str] = set()
            for i, t in enumerate(toks):
                fs = _forms(t)
                for size in range(2, max_n + 1):
                    if i + size <= len(toks):
                        tail = " ".join(toks[i + 1:i + size])
                        fs |= {f"{f} {tail}" for f in _forms(t) if f"{f} {tail}" in multi}
                seen |= fs
                if i and toks[i - 1] in naming:
                    after_cue |= fs
            df.update(seen)
            cue_df.update(after_cue)
            n += 1
            if limit and n >= limit:
                break
    return df, cue_df, n


def flag_cues(recs: list[Rec], df: Counter, cue_df: Counter, ndocs: int, stop: set[str], first_names: set[str],
              min_share: float = 0.001, place_ratio: float = 0.15, very_share: float = 0.005) -> None:
    """Drop or flag names that are common words: a flagged entry needs a naming noun before it.

    A key is common when it is in the stoplist; or when it is in at least ``min_share`` of the corpus
    documents and fewer than ``place_ratio`` of those have it right after a naming noun (five times
    fewer for sub-districts and towns of 20,000+, which news names bare); or when it starts with a
    common first name (محمد علي). An entry's common keys are dropped when it has others; an entry with
    only common keys is flagged ``cue=1``, or ``cue=2`` when a key is in the stoplist or in at least
    ``very_share`` of the documents (then only a naming noun lets it count). Governorates are never
    touched; districts and curated places only by the stoplist. Keys that are place nouns (مدينة) go.
    """
    cut = max(3, int(ndocs * min_share))
    very = max(cut, int(ndocs * very_share))

    def common(k: str, ratio: float) -> bool:
        if k in stop or k.split(" ")[0] in first_names and " " in k:
            return True
        return df.get(k, 0) >= cut and cue_df.get(k, 0) < ratio * df[k]

    nouns = set(load_cues()["place"]) | set(load_cues()["naming"])
    for r in recs:
        r.keys = [k for k in r.keys if k not in nouns] or r.keys  # a village called "مدينة" is not findable
        if r.kind == "admin1":
            continue
        if r.src == "curated" or r.kind == "admin2":
            bad = {k for k in r.keys if k in stop}
        else:
            ratio = place_ratio if r.pop < 20000 and r.kind != "admin3" else place_ratio / 5
            bad = {k for k in r.keys if common(k, ratio)}
        good = [k for k in r.keys if k not in bad]
        # an article form build added (حزة → الحزة) does not stand in for a common bare name
        written = norm(r.name_ar).startswith("ال")
        real = [k for k in good if written or not (k.startswith("ال") and k[2:] in bad)]
        if real:
            r.cue, r.keys = 0, good
        else:
            r.cue = 2 if any(k in stop or df.get(k, 0) >= very for k in r.keys) else 1


def assign_admin(recs: list[Rec], idx: AdminIndex) -> list[Rec]:
    out = []
    for r in recs:
        if not r.adm[2] or r.src == "curated":
            given = list(r.adm)
            found = idx.locate(r.lat, r.lon)
            r.adm = [g or f for g, f in zip(given, found, strict=True)] if any(given) else found
        if not r.adm[0]:
            if r.src == "curated":
                raise KnowledgeError(r.id, None, f"curated place at {r.lat},{r.lon} lies outside Syria and Iraq; "
                                                 "give its P-code")
            continue  # outside Syria and Iraq
        r.cc = "SY" if r.adm[0].startswith("SY") else "IQ"
        out.append(r)
    return out


def write_boundaries(idx: AdminIndex, path: Path, tolerance: float = 0.012) -> int:
    from shapely.geometry import mapping

    feats = []
    for level in (1, 2):
        for pc, g in idx.geoms[level]:
            u = idx.units[pc]
            s = g.simplify(tolerance, preserve_topology=True)
            geom = json.loads(json.dumps(mapping(s)), parse_float=lambda x: round(float(x), 3))
            feats.append({"type": "Feature", "geometry": geom, "properties": {
                "level": level, "pcode": pc, "country": "Syria" if u["cc"] == "SY" else "Iraq",
                "name_en": u["en"], "name_ar": u["ar"], "admin1": idx.units[u["adm"][0]]["en"]}})
    text = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


def build(data: Path, out_dir: Path = DATA_DIR, corpus: Path | None = None) -> dict[str, int]:
    """Build the gazetteer and the boundaries file; return counts per source."""
    idx = AdminIndex(data)
    recs = idx.records() + _neighbourhoods(data) + _curated()
    recs += _wof(data / "syria_wof_localities" / "syr_wof_places.csv", "SY")
    recs += _wof(data / "iraq_wof_localities" / "irq_wof_places.csv", "IQ")
    recs += _geonames(data / "geonames_cities500_sy_iq" / "geonames_cities500_sy_iq.csv")
    recs += _iom(data / "syria_iom_hotosm_locations" / "iom_hotosm_matched_locations.csv")
    recs += _syrian_archive(data / "syrian_archive_locations" / "syrian_archive_locations.csv")
    recs += _osm_villages(data / "iraq_osm_villages" / "irq_osm_villages.csv")
    recs = assign_admin(recs, idx)
    recs = _merge(recs)
    corpus = corpus or data / "ant_corpus_multisource" / "ant_mideast_conflict.jsonl"
    multi = {k for r in recs for k in r.keys if " " in k}
    df, cue_df, ndocs = corpus_df(corpus, multi) if corpus.exists() else (Counter(), Counter(), 1)
    first_names = set(load_cues()["firstname"])
    flag_cues(recs, df, cue_df, ndocs, load_stoplist(), first_names)
    for r in recs:  # curated level truncates the admin units reported
        r.adm = [a if i < r.level else "" for i, a in enumerate(r.adm)]
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(COLUMNS)]
    for r in sorted(recs, key=lambda r: r.id):
        name_en = ascii_name(r.name_en) if r.src != "ocha" else _clean(r.name_en)
        lines.append("\t".join([r.id, r.kind, r.cc, name_en, _clean(r.name_ar), "|".join(r.keys), f"{r.lat:.5f}",
                                f"{r.lon:.5f}", *r.adm, str(r.pop), str(r.level), str(r.cue), r.src]))
    # mtime=0: the same sources give the same bytes (no spurious diffs)
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)
    (out_dir / GAZETTEER_FILE).write_bytes(data)
    size = write_boundaries(idx, out_dir / "admin_boundaries.geojson")
    counts = Counter(r.src.split("+")[0] for r in recs)
    counts["total"] = len(recs)
    counts["cue_flagged"] = sum(1 for r in recs if r.cue)
    counts["boundaries_bytes"] = size
    counts["gazetteer_bytes"] = (out_dir / GAZETTEER_FILE).stat().st_size
    return dict(counts)


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def ascii_name(text: str) -> str:
    """Latin name without diacritics and ayn/hamza marks (Ālbū Kamāl → Albu Kamal)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _clean(re.sub(r"[‘’`ʿʾ´']", "", text))
