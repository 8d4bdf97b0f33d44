"""Load the curated conflict places (fields, dams, bridges, bases, camps) that gazetteers lack.

Read the curated place file ``rasd/data/places_syria_iraq.tsv`` (what conflict news names but
gazetteers lack: oil and gas fields, dams, bridges, air bases, crossings, prisons, camps, regions).

One place a line, tab-separated: ``id kind name_en names_ar lat lon pcode level pop``.
``names_ar`` holds the Arabic name and its variants separated by ``|``; ``pcode`` is the deepest
OCHA P-code known (its parents follow from the code's prefix), or empty to let point-in-polygon
decide at build time; ``level`` (0–3) is the deepest admin level the place is reliably in (a
region spanning districts gets 1, one spanning governorates 0). Used by the gazetteer build only.
"""

from __future__ import annotations

from pathlib import Path

from rasd.errors import KnowledgeError
from rasd.geo.names import name_keys

CURATED = Path(__file__).resolve().parents[1] / "data" / "places_syria_iraq.tsv"
KINDS = {
    "oilfield", "gasfield", "dam", "bridge", "airport", "airbase", "base", "crossing", "prison", "camp",
    "region", "landmark", "town", "neighbourhood", "plant", "refinery",
}
_FIELDS = ("id", "kind", "name_en", "names_ar", "lat", "lon", "pcode", "level", "pop")


def pcode_parents(pcode: str) -> list[str]:
    """[adm1, adm2, adm3] from an OCHA P-code of any level (SY09 / SY0901 / SY090105, IQG01 / IQG01Q01 / IQG01Q01N01)."""
    if not pcode:
        return ["", "", ""]
    if pcode.startswith("SY"):
        cuts = (4, 6, 8)
    elif pcode.startswith("IQG"):
        cuts = (5, 8, 11)
    else:
        raise ValueError(f"unknown P-code {pcode!r}")
    return [pcode[:c] if len(pcode) >= c else "" for c in cuts]


def load_curated(path: Path = CURATED) -> list[dict]:
    """Parsed, checked entries of the curated file; raises KnowledgeError naming the line."""
    out, seen = [], set()
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != len(_FIELDS):
            raise KnowledgeError(str(path), i, f"expected {len(_FIELDS)} tab-separated fields, got {len(parts)}")
        row = dict(zip(_FIELDS, parts, strict=True))
        if row["id"] in seen:
            raise KnowledgeError(str(path), i, f"duplicate id {row['id']}")
        seen.add(row["id"])
        if row["kind"] not in KINDS:
            raise KnowledgeError(str(path), i, f"unknown kind {row['kind']!r}")
        names = [n.strip() for n in row["names_ar"].split("|") if n.strip()]
        keys = sorted({k for n in names for k in name_keys(n, strip=False)})
        if not keys:
            raise KnowledgeError(str(path), i, "no Arabic name")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            level = int(row["level"] or 3)
            pop = int(row["pop"] or 0)
            adm = pcode_parents(row["pcode"].strip())
        except ValueError as exc:
            raise KnowledgeError(str(path), i, str(exc)) from exc
        if not (29 <= lat <= 38 and 35 <= lon <= 49) or level not in (0, 1, 2, 3):
            raise KnowledgeError(str(path), i, "coordinates outside Syria/Iraq or level not 0-3")
        out.append({"id": f"cur:{row['id']}", "kind": row["kind"], "cc": "", "name_en": row["name_en"],
                    "name_ar": names[0], "keys": keys, "lat": lat, "lon": lon, "adm1": adm[0], "adm2": adm[1],
                    "adm3": adm[2], "pop": pop, "level": level})
    return out
