"""Read the words around a place name: place nouns, spatial phrases, landmarks, titles.

Read the words around a place name: place-type nouns (مدينة، بلدة), spatial phrases (قرب،
في محيط، ريف، شرق), landmarks (جسر، مطار) and person titles (أبو، الشيخ), from the cue lexicon
``rasd/data/gazetteer_cues.tsv``. ``read_context(norm_text, start, end, prefix)`` → ``Context``.
The same file holds every other geo word list (``load_cues()`` by kind, ``load_pairs(kind)`` for the
``form=value`` kinds: nisba, compass, place_class), read once and checked line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.geo.gazetteer import DATA_DIR

CUES_FILE = DATA_DIR / "gazetteer_cues.tsv"
KINDS = (
    "naming", "place", "firstname", "city", "governorate", "weak", "near", "outskirts", "direction", "rural", "landmark", "person", "after",
    "notplace", "phrase", "nisba", "affiliation", "seat", "feature", "adjskip", "motion", "suburb",
    "near_of", "from", "affiliation_link", "distance", "distance_from", "area", "natural", "compass", "the_country",
    "place_class", "glue_head", "type_prefix", "name_intro", "occupied",
)
# kinds whose forms are form=value pairs, and the values each allows (None: any non-empty value)
PAIR_KINDS: dict[str, frozenset[str] | None] = {
    "nisba": None,
    "compass": frozenset({"n", "s", "e", "w"}),
    "place_class": frozenset({"town", "neighbourhood", "camp"}),
}
_TOKEN = re.compile(r"[\u0621-\u064a0-9a-z]+|[^\s\u0621-\u064a0-9a-z]")
_CLAUSE_STOP = set(".،,؛;:!?()[]{}\"'«»-–—|/\n")
WINDOW = 80  # normalised characters looked at before a name
# the last token of a window (as _TOKEN splits it), matched on the reversed window
_LAST_TOKEN_REV = re.compile(r"\s*([\u0621-\u064a0-9a-z]+|[^\s\u0621-\u064a0-9a-z])")


@lru_cache(maxsize=4)
def _read(path: Path) -> tuple[dict[str, frozenset[str]], dict[str, dict[str, str]]]:
    """Forms by kind and form=value pairs by pair kind, checked line by line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(str(path), None, f"cannot read: {exc}") from exc
    forms: dict[str, set[str]] = {k: set() for k in KINDS}
    pairs: dict[str, dict[str, str]] = {k: {} for k in PAIR_KINDS}
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in forms:
            raise KnowledgeError(str(path), i, "expected: kind<TAB>forms with kind in " + ", ".join(KINDS))
        kind = parts[0]
        if kind not in PAIR_KINDS:
            forms[kind].update(norm(f) for f in parts[1].split("|") if f.strip())
            continue
        allowed = PAIR_KINDS[kind]
        for pair in parts[1].split("|"):
            form, sep, value = pair.partition("=")
            if not sep or not value or not form.strip():
                raise KnowledgeError(str(path), i, f"{kind} entry {pair!r} is not form=value")
            if allowed is not None and value not in allowed:
                raise KnowledgeError(str(path), i, f"{kind} entry {pair!r}: value not one of {', '.join(sorted(allowed))}")
            pairs[kind][norm(form)] = value
    missing = [k for k in KINDS if not (pairs[k] if k in PAIR_KINDS else forms[k])]
    if missing:
        raise KnowledgeError(str(path), None, f"no forms of kind {', '.join(missing)}")
    return {k: frozenset(v) for k, v in forms.items()}, pairs


def load_cues(path: Path = CUES_FILE) -> dict[str, frozenset[str]]:
    """kind → normalised forms (empty for the form=value kinds); raises KnowledgeError naming file and line
    on an unknown kind or a bad pair, and naming the file when a kind has no form."""
    return _read(path)[0]


def load_pairs(kind: str, path: Path = CUES_FILE) -> dict[str, str]:
    """The form=value pairs of one pair kind (``PAIR_KINDS``): normalised form → value."""
    return _read(path)[1][kind]


def load_nisba(path: Path = CUES_FILE) -> dict[str, str]:
    """Country adjectives (normalised) → the country they name: السوريه → Syria."""
    return load_pairs("nisba", path)


@lru_cache(maxsize=1)
def _reference() -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The distance-reference pattern (و? + a ``distance`` phrase, up to 40 characters, a ``distance_from``
    word at the end of the window) and the last words of the phrases (a cheap test before the search)."""
    cues = load_cues()
    if not cues["distance"] or not cues["distance_from"]:
        return None, ()
    phrase = "|".join(re.escape(p) for p in sorted(cues["distance"], key=len, reverse=True))
    close = "|".join(re.escape(p) for p in sorted(cues["distance_from"], key=len, reverse=True))
    tails = tuple(sorted({p.split(" ")[-1] + " " for p in cues["distance"]}))
    return re.compile(rf"و?(?:{phrase}) (?P<gap>[^.،,؛\n]{{0,40}})(?P<close>{close}) ?$"), tails


NEAR_DISTANCE = 30  # "على بعد 15 ميلا غربي حمص": a site that close is coded near the town, not away from it


def _far(m: re.Match[str] | None) -> bool:
    """A distance reference: "على بعد 15 كلم من الحديدة" (forces short of the town), or a compass bearing
    with no figure or one of ``NEAR_DISTANCE`` or more ("على بعد 250 كلم شمال بغداد"). A site a few
    kilometres off a town ("منشأة تقع على بعد 15 ميلا غربي حمص") is near the town, no reference."""
    from rasd.geo.regions import direction_of  # regions reads this module's lists

    if m is None:
        return False
    if direction_of(m.group("close")) == "":
        return True
    figure = re.search(r"\d+", m.group("gap"))
    return figure is None or int(figure.group()) >= NEAR_DISTANCE


@dataclass(slots=True)
class Context:
    """What the words before (and just after) a name say about it."""

    place_cue: str = ""  # the place-type noun before the name (مدينه, بلده, منطقه …)
    naming: bool = False  # a naming noun (قرية، حي) right before the name: a common-word name may count
    weak: bool = False  # a preposition (في) or the clitic ب right before
    near: bool = False
    outskirts: bool = False  # أطراف، مشارف: coded to the place itself
    direction: str = ""
    rural: bool = False
    suburb: bool = False  # ضواحي: the ring of suburbs round a city, not all its countryside
    landmark: str = ""
    city: bool = False
    governorate: bool = False
    person: bool = False  # part of a person's name or of another name (نهر الفرات، قناة الميادين)
    after_dir: str = ""
    coord: bool = False  # joined to the previous name by و
    reference: bool = False  # a distance reference (على بعد 100 كم من X), not where things happen
    nisba: str = ""  # the country a following adjective names (سروج التركية → Turkey)
    adjectival: bool = False  # a definite name right after a definite noun that is no cue word (الوضع القائم)
    feature: str = ""  # a feature noun right before the name (جبل القاهرة، ساحة الأندلس): a name of its own
    motion: bool = False  # after a word of direction of movement (الى، نحو، باتجاه): where someone went
    origin: bool = False  # after من: where someone came from (near phrases excepted, below)
    affiliation: bool = False  # after a word of allegiance (التابعة لإيران، المدعومة من تركيا): a sponsor

    @property
    def cue_words(self) -> list[str]:
        out = [self.place_cue, self.landmark, self.direction, self.after_dir]
        out += ["near"] * self.near + ["rural"] * self.rural + ["weak"] * self.weak
        return [w for w in out if w]


def _strip_conj(tok: str) -> str:
    """The word without a leading و/ف; or without ب/ل (وب، فب …) when that leaves a cue word (بمدينة)."""
    if len(tok) > 3 and tok[0] in "وف":
        tok = tok[1:]
    if len(tok) > 3 and tok[0] in "بل" and tok[1:] in _all_cues():
        return tok[1:]
    return tok


def _indefinite(tok: str) -> str:
    return tok[2:] if tok.startswith("ال") and len(tok) > 4 else tok


@lru_cache(maxsize=1)
def _all_cues() -> frozenset[str]:
    cues = load_cues()
    return frozenset().union(*(cues[k] for k in ("place", "naming", "city", "governorate", "landmark", "feature")))


def may_be_named(text: str, start: int, prefix: str = "") -> bool:
    """False when ``read_context(text, start, end, prefix).naming`` is surely False (the word before the
    name is no naming noun): a cheap test that spares reading the context of a common word."""
    m = _LAST_TOKEN_REV.match(text[max(0, start - WINDOW):start - len(prefix)][::-1])
    return m is not None and _strip_conj(m.group(1)[::-1]) in load_cues()["naming"]


def read_context(text: str, start: int, end: int, prefix: str = "") -> Context:
    """Classify the words before ``text[start:end]`` (normalised text) up to the clause start."""
    cues = load_cues()
    ctx = Context(weak="ب" in prefix or "ل" in prefix, coord=prefix.startswith("و"))
    left = _TOKEN.findall(text[max(0, start - WINDOW):start - len(prefix)])
    # the first (partial) token of the window may be cut: drop it unless the window reached the text start
    if start - WINDOW > 0 and left:
        left = left[1:]
    toks: list[str] = []
    for t in reversed(left):
        if t in _CLAUSE_STOP:
            break
        toks.append(t)
        if len(toks) >= 6:
            break
    ctx.affiliation = _affiliated(toks, cues)  # الميليشيات التابعة لإيران: the sponsor, not a place
    if toks:  # (وادي is no و + ادي)
        head = toks[0] if toks[0] in cues["feature"] else _strip_conj(toks[0])
        ctx.feature = head if head in cues["feature"] else ""
    ctx.motion = bool(toks) and toks[0] in cues["motion"]
    for i, raw in enumerate(toks):
        t = raw if raw in cues["person"] or raw in cues["firstname"] else _strip_conj(raw)
        if i == 0 and (raw in cues["person"] or raw in cues["firstname"] or t in cues["person"]
                       or t in cues["notplace"]):
            ctx.person = True
            break
        if i == 0 and t in cues["naming"]:
            ctx.naming = True
        if t in cues["place"] or t in cues["city"] or t in cues["governorate"]:
            if t in cues["place"]:
                ctx.place_cue = ctx.place_cue or t
            if not (ctx.city or ctx.governorate):  # the nearest such word decides
                ctx.city = t in cues["city"]
                ctx.governorate = t in cues["governorate"]
        elif t in cues["landmark"]:
            ctx.landmark = ctx.landmark or t
        elif t in cues["near"]:
            ctx.near = True
            break
        elif t in cues["outskirts"]:
            ctx.outskirts = True
            break
        elif t in cues["from"] and i + 1 < len(toks) and _strip_conj(toks[i + 1]) in cues["near_of"]:
            ctx.near = True
            break
        elif t in cues["from"] and any(_indefinite(x) in cues["rural"] for x in toks[i + 1:i + 3]):
            ctx.rural = True  # الضواحي المحاصرة من دمشق: the countryside of the city
            ctx.suburb = any(_indefinite(x) in cues["suburb"] for x in toks[i + 1:i + 3])
            break
        elif t in cues["direction"]:
            ctx.direction = t
            break
        elif t in cues["rural"]:
            ctx.rural = True
            ctx.suburb = t in cues["suburb"]
            break
        elif t in cues["weak"]:
            ctx.weak = True
            ctx.motion = ctx.motion or t in cues["motion"]  # إلى مدينة كوباني
            ctx.origin = ctx.origin or t in cues["from"]  # من مدينة حلب
            break
        else:
            if i == 0 and raw == "و":
                ctx.coord = True
            elif i == 0 and raw.startswith("ال") and len(raw) > 3 and not raw.endswith(("ي", "يه", "ين", "يون")) \
                    and text.startswith("ال", start):
                ctx.adjectival = True  # الوضع القائم; but القوات العراقية الرمادي is verb-subject-object
            break
    ctx.origin = ctx.origin and not (ctx.near or ctx.rural)
    if ctx.landmark and ctx.governorate:  # مبنى محافظة أربيل: the governorate's building, in its capital
        ctx.governorate, ctx.city = False, True
    before = text[max(0, start - len(prefix) - 60):start - len(prefix)]
    ref, tails = _reference()
    ctx.reference = ref is not None and any(t in before for t in tails) and _far(ref.search(before))
    right = _TOKEN.findall(text[end:end + 30])
    if right and right[0] in cues["after"]:
        ctx.after_dir = right[0]
    nisba = load_nisba()
    for i, tok in enumerate(right[:3]):  # سروج التركية، بلدة سروج الحدودية التركية
        if tok in nisba:
            if i + 1 >= len(right) or right[i + 1] not in cues["occupied"]:
                ctx.nisba = nisba[tok]  # "الجولان السورية المحتلة": the adjective names the former owner
            break
        if tok not in cues["adjskip"]:
            break
    return ctx


def _affiliated(toks: list[str], cues: dict[str, frozenset[str]]) -> bool:
    """The words before the name are an allegiance (التابعة ل، الموالية ل، المدعومة من قبل)."""
    for t in toks[:3]:
        if _strip_conj(t) in cues["affiliation"]:
            return True
        if t not in cues["affiliation_link"]:
            return False
    return False
