"""Which sub-types can describe one act (``data/merge_compat.tsv``): a bombing told as an IED, an
attack on civilians and a "هجوم"; a raid told as "غارة" and "قصف". Loaded once and checked."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.extract.types import SUB_TYPES

PATH = Path(__file__).resolve().parents[1] / "data" / "merge_compat.tsv"


@dataclass(frozen=True, slots=True)
class Act:
    """One kind of act: its sub-types, most specific first, and what a less specific mention may be."""

    name: str
    order: tuple[str, ...]
    precise: frozenset[str]  # sub-types that name the act itself (the rest are vague descriptions of it)
    generic: frozenset[str]  # trigger classes of a vague description ("هجوم", "قصف")
    forms: frozenset[str]  # normalised forms a generic trigger must be one of (empty: any)
    qualifiers: frozenset[str] = frozenset()  # a next word that makes it precise ("قصفا مدفعيا"): not vague
    apart: bool = False  # told in one sentence ("ضرباته الجوية وقصفه") the two are listed as two acts
    together: bool = False  # one act only when told in one sentence ("السيطرة ... إثر معارك")

    def rank(self, sub: str) -> int:
        return self.order.index(sub)

    def specific(self, sub: str, cls: str) -> bool:
        """The mention names this act precisely ("عبوة ناسفة", "غارة")."""
        return sub in self.precise

    def admits(self, sub: str, cls: str, form: str, after: str = "") -> bool:
        """A mention of ``sub`` (trigger ``cls``/``form``, ``after``: the normalised next word) may
        describe this act."""
        return self.specific(sub, cls) or sub in self.order and cls in self.generic \
            and (not self.forms or form in self.forms) and not any(after.startswith(q) for q in self.qualifiers)


@functools.cache
def acts(path: Path = PATH) -> tuple[Act, ...]:
    """Every act of the table; ``KnowledgeError`` on a malformed line or an unknown sub-type."""
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) not in (4, 5) or len(cols) == 5 and cols[4].strip() not in ("apart", "together"):
            raise KnowledgeError(str(path), no,
                                 "expected 4 tab-separated columns and an optional flag 'apart' or 'together'")
        precise_part, _, vague_part = cols[1].partition("|")
        precise = tuple(s.strip() for s in precise_part.split(",") if s.strip())
        order = precise + tuple(s.strip() for s in vague_part.split(",") if s.strip())
        bad = [s for s in order if s not in SUB_TYPES]
        if bad or len(order) < 2:
            raise KnowledgeError(str(path), no, f"unknown sub-type(s) {bad}" if bad else "needs two sub-types")
        generic = frozenset(c.strip() for c in cols[2].split(",") if c.strip())
        words = [f.strip() for f in cols[3].split(",") if f.strip() and f.strip() != "-"]
        forms = frozenset(norm(f) for f in words if not f.startswith("!"))
        qualifiers = frozenset(norm(f[1:]) for f in words if f.startswith("!"))
        flag = cols[4].strip() if len(cols) == 5 else ""
        out.append(Act(cols[0].strip(), order, frozenset(precise), generic, forms, qualifiers, apart=flag == "apart",
                       together=flag == "together"))
    return tuple(out)


def one_act(a: tuple[str, str, str, str], b: tuple[str, str, str, str]) -> Act | None:
    """The act that two mentions (sub-type, trigger class, normalised trigger form, normalised next
    word) of different sub-types can both describe, one of them precisely; None when they are different acts."""
    if a[0] == b[0]:
        return None
    for act in acts():
        if act.admits(*a) and act.admits(*b) and (act.specific(*a[:2]) or act.specific(*b[:2])):
            return act
    return None


def violent(sub: str) -> bool:
    """A sub-type of the table: two mentions of it may be one act told twice (actors swapped, one unnamed)."""
    return any(sub in act.order for act in acts())


RESPONSE_PATH = PATH.with_name("merge_response.tsv")


@functools.cache
def response_words(path: Path = RESPONSE_PATH) -> dict[str, frozenset[str]]:
    """Normalised words by kind (``response``, ``back``) of ``data/merge_response.tsv``."""
    out: dict[str, set[str]] = {"response": set(), "back": set()}
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or cols[0] not in out or len(cols[1].split()) != 1:
            raise KnowledgeError(str(path), no, "expected: response|back <TAB> one word")
        out[cols[0]].add(norm(cols[1].strip()))
    return {k: frozenset(v) for k, v in out.items()}


def answers(before_trigger: str) -> bool:
    """The text of a sentence up to a trigger opens a response to an earlier act ("وردا على ذلك
    استهدفت"), not "ردا على <trigger>" naming the act answered."""
    kinds = response_words()
    words = [w.strip("\"'«»،,.:؛()") for w in norm(before_trigger).split()]
    hits = [i for i, w in enumerate(words) if w in kinds["response"]]
    if not hits:
        return False
    rest = words[hits[-1] + 1:]
    names_answered = len(rest) <= 3 and rest[:1] == [norm("على")] and not (len(rest) > 1 and rest[1] in kinds["back"])
    return not names_answered
