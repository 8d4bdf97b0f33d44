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

    def rank(self, sub: str) -> int:
        return self.order.index(sub)

    def specific(self, sub: str, cls: str) -> bool:
        """The mention names this act precisely ("عبوة ناسفة", "غارة")."""
        return sub in self.precise

    def admits(self, sub: str, cls: str, form: str) -> bool:
        """A mention of ``sub`` (trigger ``cls``/``form``) may describe this act."""
        return self.specific(sub, cls) or sub in self.order and cls in self.generic \
            and (not self.forms or form in self.forms)


@functools.cache
def acts(path: Path = PATH) -> tuple[Act, ...]:
    """Every act of the table; ``KnowledgeError`` on a malformed line or an unknown sub-type."""
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) not in (3, 4):
            raise KnowledgeError(str(path), no, f"expected 3 or 4 tab-separated columns, got {len(cols)}")
        precise_part, _, vague_part = cols[1].partition("|")
        precise = tuple(s.strip() for s in precise_part.split(",") if s.strip())
        order = precise + tuple(s.strip() for s in vague_part.split(",") if s.strip())
        bad = [s for s in order if s not in SUB_TYPES]
        if bad or len(order) < 2:
            raise KnowledgeError(str(path), no, f"unknown sub-type(s) {bad}" if bad else "needs two sub-types")
        generic = frozenset(c.strip() for c in cols[2].split(",") if c.strip())
        forms = frozenset(norm(f.strip()) for f in cols[3].split(",") if f.strip()) if len(cols) == 4 else frozenset()
        out.append(Act(cols[0].strip(), order, frozenset(precise), generic, forms))
    return tuple(out)


def one_act(a: tuple[str, str, str], b: tuple[str, str, str]) -> Act | None:
    """The act that two mentions (sub-type, trigger class, normalised trigger form) of different
    sub-types can both describe, one of them precisely; None when they are different acts."""
    if a[0] == b[0]:
        return None
    for act in acts():
        if act.admits(*a) and act.admits(*b) and (act.specific(*a[:2]) or act.specific(*b[:2])):
            return act
    return None
