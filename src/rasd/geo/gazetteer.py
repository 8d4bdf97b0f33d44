"""Load the shipped gazetteer (``rasd/data/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py``)
and the countries file (``rasd/data/countries.tsv``) into one cached, read-only ``Gazetteer``:
entries, a key → entries index and the OCHA admin units by P-code. Needs no shapely and no
``../shared``.
"""

from __future__ import annotations

import gzip
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

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


class Entry(NamedTuple):
    """One place. For Syria/Iraq ``adm1..3`` are OCHA P-codes; elsewhere ``adm1`` is an English name.
    (A NamedTuple: 30k of them are made at load, and tuples are the cheapest to make.)"""

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
    cue: int  # 0 a plain name; 1 also a common word; 2 a very common word or a stoplisted one
    src: str


class Gazetteer:
    """All places, the normalised key index and OCHA admin units by P-code."""

    def __init__(self, entries: list[Entry], keys: dict[str, list[int]]) -> None:
        self.entries = entries
        self.by_key = keys
        self.admin = {e.id: e for e in entries if e.kind in ("admin1", "admin2", "admin3")}
        self.stoplist = load_stoplist()

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
        """Aho-Corasick automaton over every key; value = ``(key, skip, len(key))``.

        A key with the article also goes in as ل + ال → لل (للرقة = ل + الرقة) with ``skip=1``:
        the name starts one character into the match.
        """
        import ahocorasick

        a = ahocorasick.Automaton()
        for k in self.by_key:
            a.add_word(k, (k, 0, len(k)))
        for k in self.by_key:
            if k.startswith("ال") and len(k) > 4 and ("لل" + k[2:]) not in a:
                a.add_word("لل" + k[2:], (k, 1, len(k)))
        a.make_automaton()
        return a


def _read_main(path: Path, entries: list[Entry], keys: dict[str, list[int]]) -> None:
    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
    except OSError as exc:
        raise KnowledgeError(str(path), None, f"cannot read gazetteer ({exc}); run `rasd gazetteer build`") from exc
    if tuple(lines[0].split("\t")) != COLUMNS:
        raise KnowledgeError(str(path), 1, f"unexpected header {lines[0]!r}")
    ncol = len(COLUMNS)
    countries = COUNTRY_NAMES
    for ln, line in enumerate(lines[1:], 2):
        if not line:
            continue
        p = line.split("\t")
        if len(p) != ncol:
            raise KnowledgeError(str(path), ln, f"expected {ncol} fields, got {len(p)}")
        i = len(entries)
        try:
            entries.append(Entry(i, p[0], p[1], countries.get(p[2], p[2]), p[3], p[4], float(p[6]), float(p[7]),
                                 p[8], p[9], p[10], int(p[11]), int(p[12]), int(p[13]), p[14]))
        except ValueError as exc:
            raise KnowledgeError(str(path), ln, str(exc)) from exc
        for k in p[5].split("|"):
            if k in keys:
                keys[k].append(i)
            else:
                keys[k] = [i]


def _read_countries(path: Path, entries: list[Entry], keys: dict[str, list[int]], stop: set[str]) -> None:
    """countries.tsv: ``country kind name_en names_ar admin1 lat lon pop``; a ``capital`` (named for its government), or a name in
    the stoplist, needs a place cue."""
    kinds = {"country": "country", "admin1": "c_admin1", "city": "c_city", "region": "c_region", "camp": "c_city",
             "capital": "c_capital"}
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
                  p[4], "", "", pop, 1 if p[4] else 0,
                  2 if any(n in stop for n in names) else int(p[1] == "capital"), "countries")
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
    _read_countries(data_dir / COUNTRIES_FILE, entries, keys, load_stoplist(data_dir / STOPLIST_FILE))
    return Gazetteer(entries, keys)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return load_from(DATA_DIR)
