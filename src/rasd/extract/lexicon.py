"""Load and check extraction knowledge (triggers, actors, cues, countries, cited sources) from
``rasd/data`` and compile it into one Aho-Corasick automaton over normalised text.

Every entry is normalised with ``rasd.clean.normalize.norm`` on load; a malformed line raises
``KnowledgeError(path, line, detail)``. ``load()`` is cached: the files are read once per process.
"""

from __future__ import annotations

import functools
import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from rasd.clean.normalize import norm
from rasd.clean.patterns import normalize_pattern
from rasd.errors import KnowledgeError
from rasd.extract.types import SUB_TYPES

DATA = Path(__file__).resolve().parents[1] / "data"
ACTOR_KINDS = frozenset({"state", "group", "unidentified", "civilians", "protesters", "rioters"})
CUE_KINDS = frozenset({
    "killed", "injured", "vague", "singular", "threat", "plan", "warning", "call", "denial", "condemn",
    "conditional", "negation", "background", "unconfirmed", "air", "peaceful", "intervention", "thrown",
    "plural", "attribution", "judicial", "responsibility", "opinion", "idiom", "official", "violent",
})


@dataclass(frozen=True, slots=True)
class Trigger:
    form: str
    cls: str
    event_type: str
    sub_event_type: str
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # may hold {country}, {military}, {police}
    inter: int
    kind: str
    air: bool = False  # its attacks abroad are air strikes (flag "air")


@dataclass(frozen=True, slots=True)
class ActorAlias:
    actor: Actor
    form: str
    anaphor: bool = False  # "~": only when the actor is named elsewhere in the document
    adjective: bool = False  # "+": only right after a trigger
    generic: bool = False  # "=": the document's main named armed group, when it names one


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    military: str
    police: str
    air_default: str = ""  # who carries out unattributed air strikes there


@dataclass(slots=True)
class Lexicon:
    """All extraction knowledge; ``automaton`` maps a normalised form to its entries
    (``(kind, payload)`` pairs: ``("trigger", Trigger)``, ``("actor", ActorAlias)``,
    ``("cue", kind)``, ``("country", Country)``, ``("source", name)``)."""

    triggers: list[Trigger] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    aliases: list[ActorAlias] = field(default_factory=list)
    allies: frozenset[frozenset[str]] = frozenset()  # pairs of allied actor names (never opponents)
    countries: dict[str, Country] = field(default_factory=dict)
    cues: dict[str, set[str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised adjective → country
    entries: dict[str, list[tuple[str, object]]] = field(default_factory=dict)
    automaton: ahocorasick.Automaton | None = None

    def add(self, form: str, entry: tuple[str, object]) -> None:
        self.entries.setdefault(form, []).append(entry)


def _rows(path: Path, ncols: tuple[int, int]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, columns) of a TSV knowledge file, skipping comments and blank lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise KnowledgeError(str(path), None, f"cannot read: {err}") from err
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not ncols[0] <= len(cols) <= ncols[1] or not all(cols[: ncols[0]]):
            raise KnowledgeError(str(path), n, f"expected {ncols[0]}-{ncols[1]} tab-separated columns, got {len(cols)}")
        yield n, cols


def _form(path: Path, n: int, raw: str) -> str:
    form = norm(raw)
    if not form:
        raise KnowledgeError(str(path), n, f"empty form {raw!r}")
    return form


def load_triggers(path: Path, lex: Lexicon) -> None:
    for n, cols in _rows(path, (4, 5)):
        form, cls, etype, sub = cols[:4]
        flags = set(cols[4].split(",")) if len(cols) > 4 and cols[4] else set()
        if SUB_TYPES.get(sub) != etype:
            raise KnowledgeError(str(path), n, f"not an ACLED type/sub-type pair: {etype!r} / {sub!r}")
        if flags - {"weak"}:
            raise KnowledgeError(str(path), n, f"unknown flags {sorted(flags - {'weak'})}")
        trig = Trigger(_form(path, n, form), cls, etype, sub, "weak" in flags)
        lex.triggers.append(trig)
        lex.add(trig.form, ("trigger", trig))


def load_actors(path: Path, lex: Lexicon) -> None:
    for n, cols in _rows(path, (4, 5)):
        name, inter, kind, aliases = cols[:4]
        flags = set(cols[4].split(",")) if len(cols) > 4 and cols[4] else set()
        if flags - {"air"}:
            raise KnowledgeError(str(path), n, f"unknown flags {sorted(flags - {'air'})}")
        if not inter.isdigit() or not 1 <= int(inter) <= 8:
            raise KnowledgeError(str(path), n, f"inter code must be 1-8, got {inter!r}")
        if kind not in ACTOR_KINDS:
            raise KnowledgeError(str(path), n, f"unknown actor kind {kind!r}")
        actor = Actor(name, int(inter), kind, "air" in flags)
        lex.actors.append(actor)
        for raw in aliases.split("|"):
            anaphor, adjective, generic = raw.startswith("~"), raw.startswith("+"), raw.startswith("=")
            alias = ActorAlias(actor, _form(path, n, raw.lstrip("~+=")), anaphor, adjective, generic)
            lex.aliases.append(alias)
            lex.add(alias.form, ("actor", alias))


def load_countries(path: Path, lex: Lexicon) -> None:
    for n, cols in _rows(path, (4, 6)):
        country = Country(*cols[:3], cols[5] if len(cols) > 5 else "")
        lex.countries[country.name] = country
        for raw in cols[3].split("|"):
            lex.add(_form(path, n, raw), ("country", country))
        for raw in (cols[4].split("|") if len(cols) > 4 and cols[4] else []):
            lex.demonyms[_form(path, n, raw)] = country.name


def load_cues(path: Path, lex: Lexicon) -> None:
    for n, cols in _rows(path, (2, 2)):
        kind, forms = cols
        if kind not in CUE_KINDS:
            raise KnowledgeError(str(path), n, f"unknown cue kind {kind!r}")
        for raw in forms.split("|"):
            form = _form(path, n, raw)
            lex.cues.setdefault(kind, set()).add(form)
            lex.add(form, ("cue", kind))


def load_sources(path: Path, lex: Lexicon) -> None:
    for n, cols in _rows(path, (2, 2)):
        for raw in cols[1].split("|"):
            form = _form(path, n, raw)
            lex.sources[form] = cols[0]
            lex.add(form, ("source", cols[0]))


def user_dirs() -> list[Path]:
    """The user's knowledge folders (``RASD_KNOWLEDGE_DIR``, separated like ``PATH``): their
    ``triggers*.tsv`` and ``actors*.tsv`` are read after the package's own, so they survive upgrades."""
    value = os.environ.get("RASD_KNOWLEDGE_DIR", "")
    dirs = [Path(d).expanduser() for d in value.split(os.pathsep) if d]
    for d in dirs:
        if not d.is_dir():
            raise KnowledgeError(d, 0, "RASD_KNOWLEDGE_DIR names a folder that does not exist")
    return dirs


def build(data: Path = DATA, extra: list[Path] | None = None) -> Lexicon:
    """Read every knowledge file under ``data`` (then the ``triggers*``/``actors*`` files of the
    ``extra`` folders, by default ``user_dirs()``) and compile the automaton."""
    lex = Lexicon()
    folders = [data, *(user_dirs() if extra is None else extra)]
    for p in [p for d in folders for p in sorted(d.glob("triggers*.tsv"))]:
        load_triggers(p, lex)
    for p in [p for d in folders for p in sorted(d.glob("actors*.tsv"))]:
        load_actors(p, lex)
    load_countries(data / "cues_countries.tsv", lex)
    load_sources(data / "cues_sources.tsv", lex)
    load_cues(data / "cues.tsv", lex)
    lex.allies = load_allies(data / "allies.tsv", lex)
    auto = ahocorasick.Automaton()
    for form, entries in lex.entries.items():
        auto.add_word(form, (form, tuple(entries), False))
    for form, entries in lex.entries.items():  # لل + form without its article: للنظام
        lam = "ل" + form[2:]
        if form.startswith("ال") and len(form) > 3 and lam not in lex.entries:
            auto.add_word(lam, (lam, tuple(entries), True))
    auto.make_automaton()
    lex.automaton = auto
    return lex


@functools.cache
def load() -> Lexicon:
    """The package's knowledge, loaded and checked once per process."""
    return build()


def _named_rows(path: Path, names: tuple[str, ...]) -> dict[str, tuple[int, str]]:
    """``name<TAB>value<TAB>comment`` rows of a knowledge file: every name in ``names`` exactly once."""
    found: dict[str, tuple[int, str]] = {}
    for n, cols in _rows(path, (3, 3)):
        name, value = cols[0], cols[1]
        if name not in names:
            raise KnowledgeError(str(path), n, f"unknown name {name!r} (one of {', '.join(names)})")
        if name in found:
            raise KnowledgeError(str(path), n, f"{name!r} given twice (first on line {found[name][0]})")
        found[name] = (n, value)
    missing = [x for x in names if x not in found]
    if missing:
        raise KnowledgeError(str(path), None, f"missing {', '.join(missing)}")
    return found


def named_patterns(path: Path, names: tuple[str, ...], raw: frozenset[str] = frozenset()) -> dict[str, re.Pattern[str]]:
    """The regexes of a ``name<TAB>regex<TAB>comment`` file, each name exactly once. Non-ASCII
    characters are normalised as text is (``normalize_pattern``) except for names in ``raw``,
    which match the original text."""
    out: dict[str, re.Pattern[str]] = {}
    for name, (n, regex) in _named_rows(path, names).items():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                out[name] = re.compile(regex if name in raw else normalize_pattern(regex))
        except (re.error, FutureWarning, DeprecationWarning) as err:
            raise KnowledgeError(str(path), n, f"bad regex {regex!r}: {err}") from err
    return out


def named_words(path: Path, names: tuple[str, ...], raw: frozenset[str] = frozenset()) -> dict[str, tuple[str, ...]]:
    """The word lists of a ``name<TAB>word|word|…<TAB>comment`` file, normalised (except names in
    ``raw``, matched on the original text), in file order; an empty word is written ``-``."""
    out: dict[str, tuple[str, ...]] = {}
    for name, (n, value) in _named_rows(path, names).items():
        words = []
        for w in value.split("|"):
            if w != "-" and not w.strip():
                raise KnowledgeError(str(path), n, f"empty word in {name!r}")
            words.append("" if w == "-" else w.strip() if name in raw else _form(path, n, w))
        out[name] = tuple(words)
    return out


def load_allies(path: Path, lex: Lexicon) -> frozenset[frozenset[str]]:
    """Pairs of allied actor names (``allies.tsv``); each name must be an actor of ``lex``."""
    known = {a.name for a in lex.actors}
    pairs = set()
    for n, cols in _rows(path, (3, 3)):
        for name in cols[:2]:
            if name not in known:
                raise KnowledgeError(str(path), n, f"unknown actor {name!r}")
        if cols[0] == cols[1]:
            raise KnowledgeError(str(path), n, "an actor is not its own ally")
        pairs.add(frozenset(cols[:2]))
    return frozenset(pairs)
