"""Load the shipped gazetteer (``rasd/data/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py``)
and the countries file (``rasd/data/countries.tsv``) into one cached, read-only ``Gazetteer``:
entries, a key → entries index and the OCHA admin units by P-code. Needs no shapely and no
``../shared``.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
GAZETTEER_FILE = "gazetteer.tsv.gz"
COUNTRIES_FILE = "countries.tsv"
STOPLIST_FILE = "gazetteer_stopwords.tsv"
COLUMNS = ("id", "kind", "cc", "name_en", "name_ar", "keys", "lat", "lon", "adm1", "adm2", "adm3",
           "pop", "level", "cue", "src")
COUNTRY_NAMES = {"SY": "Syria", "IQ": "Iraq"}
# kinds that are admin units or whole regions rather than points
AREA_KINDS = {"country", "admin1", "admin2", "region", "c_admin1", "c_region"}


@dataclass(slots=True, frozen=True)
class Entry:
    """One place. For Syria/Iraq ``adm1..3`` are OCHA P-codes; elsewhere ``adm1`` is an English name."""

    idx: int
    id: str
    kind: str
    country: str
    name_en: str
    name_ar: str
    lat: float
    lon: float
    adm1: str
    adm2: str
    adm3: str
    pop: int
    level: int
    cue: bool
    src: str


class Gazetteer:
    """All places, the normalised key index and OCHA admin units by P-code."""

    def __init__(self, entries: list[Entry], keys: dict[str, list[int]]) -> None:
        self.entries = entries
        self.by_key = keys
        self.admin = {e.id: e for e in entries if e.kind in ("admin1", "admin2", "admin3")}

    def admin_en(self, code: str) -> str | None:
        """English name of an admin unit: the OCHA name for a P-code, the code itself otherwise."""
        if not code:
            return None
        e = self.admin.get(code)
        return e.name_en if e else code

    def lookup(self, key: str) -> list[Entry]:
        return [self.entries[i] for i in self.by_key.get(key, ())]

    @cached_property
    def automaton(self):  # noqa: ANN201 - ahocorasick.Automaton
        """Aho-Corasick automaton over every key; value = the key."""
        import ahocorasick

        a = ahocorasick.Automaton()
        for k in self.by_key:
            a.add_word(k, k)
        a.make_automaton()
        return a


def _read_main(path: Path, entries: list[Entry], keys: dict[str, list[int]]) -> None:
    try:
        fh = gzip.open(path, "rt", encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(str(path), None, f"cannot read gazetteer ({exc}); run `rasd gazetteer build`") from exc
    with fh:
        header = fh.readline().rstrip("\n").split("\t")
        if tuple(header) != COLUMNS:
            raise KnowledgeError(str(path), 1, f"unexpected header {header}")
        for ln, line in enumerate(fh, 2):
            p = line.rstrip("\n").split("\t")
            if len(p) != len(COLUMNS):
                raise KnowledgeError(str(path), ln, f"expected {len(COLUMNS)} fields, got {len(p)}")
            try:
                e = Entry(len(entries), p[0], p[1], COUNTRY_NAMES.get(p[2], p[2]), p[3], p[4], float(p[6]),
                          float(p[7]), p[8], p[9], p[10], int(p[11]), int(p[12]), p[13] == "1", p[14])
            except ValueError as exc:
                raise KnowledgeError(str(path), ln, str(exc)) from exc
            entries.append(e)
            for k in p[5].split("|"):
                keys.setdefault(k, []).append(e.idx)


def _read_countries(path: Path, entries: list[Entry], keys: dict[str, list[int]]) -> None:
    """countries.tsv: ``country kind name_en names_ar admin1 lat lon pop``; a ``metonym`` capital needs a place cue."""
    kinds = {"country": "country", "admin1": "c_admin1", "city": "c_city", "region": "c_region", "camp": "c_city",
             "metonym": "c_city"}
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        p = line.split("\t")
        if len(p) != 8 or p[1] not in kinds:
            raise KnowledgeError(str(path), ln, "expected 8 fields: country kind name_en names_ar admin1 lat lon pop")
        try:
            lat, lon, pop = float(p[5] or 0), float(p[6] or 0), int(p[7] or 0)
        except ValueError as exc:
            raise KnowledgeError(str(path), ln, str(exc)) from exc
        names = [norm(n) for n in p[3].split("|") if n.strip()]
        if not names:
            raise KnowledgeError(str(path), ln, "no Arabic name")
        e = Entry(len(entries), f"c:{p[0]}:{p[2]}", kinds[p[1]], p[0], p[2], p[3].split("|")[0], lat, lon,
                  p[4], "", "", pop, 1 if p[4] else 0, p[1] == "metonym", "countries")
        entries.append(e)
        for k in names:
            keys.setdefault(k, []).append(e.idx)


def load_stoplist(path: Path = DATA_DIR / STOPLIST_FILE) -> set[str]:
    """Normalised words that are also common nouns or personal names (need a place cue)."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        w = line.split("\t")[0].strip()
        if w and not w.startswith("#"):
            out.add(norm(w))
    return out


def load_from(data_dir: Path) -> Gazetteer:
    entries: list[Entry] = []
    keys: dict[str, list[int]] = {}
    _read_main(data_dir / GAZETTEER_FILE, entries, keys)
    _read_countries(data_dir / COUNTRIES_FILE, entries, keys)
    return Gazetteer(entries, keys)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return load_from(DATA_DIR)
