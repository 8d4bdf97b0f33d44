"""Load and check the paragraph patterns of ``rasd/data/boilerplate.tsv``.

One pattern a line: ``kind<TAB>regex<TAB>comment``; ``#`` lines and blank lines are skipped.
Non-ASCII characters of each regex are normalised on load with ``rasd.clean.normalize`` (so
patterns match normalised paragraphs; ASCII regex syntax is left untouched). A bad kind, a
missing field or a regex that does not compile raises ``KnowledgeError`` naming file and line.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.clean.normalize import normalize
from rasd.errors import KnowledgeError

KINDS = ("boilerplate", "related", "dateline", "lead", "dated_lead", "not_lead", "background", "continuation")
DEFAULT_PATH = Path(str(resources.files("rasd") / "data" / "boilerplate.tsv"))


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: str
    regex: re.Pattern[str]
    comment: str
    line: int


@dataclass(frozen=True, slots=True)
class Patterns:
    """Compiled patterns grouped by kind; ``match(kind, norm_text)`` gives the first hit or None."""

    by_kind: dict[str, tuple[Pattern, ...]]
    path: str

    def match(self, kind: str, text: str) -> Pattern | None:
        for pat in self.by_kind.get(kind, ()):
            if pat.regex.search(text):
                return pat
        return None


def normalize_pattern(regex: str) -> str:
    """Fold the non-ASCII characters of a regex as ``normalize`` folds text; keep ASCII syntax."""
    out = []
    for ch in regex:
        if ch.isascii():
            out.append(ch)
        else:
            out.append(normalize(ch).norm if not ch.isspace() else ch)
    return "".join(out)


def parse_patterns(text: str, path: str, kinds: tuple[str, ...] = KINDS) -> Patterns:
    """Parse and check the patterns file's ``text`` (``path`` names it in errors); ``kinds`` are the
    kinds the file may use (the boilerplate kinds by default)."""
    groups: dict[str, list[Pattern]] = {k: [] for k in kinds}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 3:
            raise KnowledgeError(path, lineno, f"expected kind<TAB>regex<TAB>comment, got {len(parts)} field(s)")
        kind, regex, comment = (p.strip() for p in parts)
        if kind not in groups:
            raise KnowledgeError(path, lineno, f"unknown kind {kind!r} (one of {', '.join(kinds)})")
        if not regex:
            raise KnowledgeError(path, lineno, "empty regex")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # e.g. FutureWarning "possible set difference"
                compiled = re.compile(normalize_pattern(regex), re.IGNORECASE)
        except (re.error, FutureWarning, DeprecationWarning) as exc:
            raise KnowledgeError(path, lineno, f"bad regex {regex!r}: {exc}") from exc
        groups[kind].append(Pattern(kind, compiled, comment, lineno))
    return Patterns({k: tuple(v) for k, v in groups.items()}, path)


def load_patterns(path: str | Path | None = None, kinds: tuple[str, ...] = KINDS) -> Patterns:
    """The patterns in ``path`` (default: the packaged ``boilerplate.tsv``), cached per path."""
    return _load(str(path or DEFAULT_PATH), kinds)


@lru_cache(maxsize=8)
def _load(path: str, kinds: tuple[str, ...]) -> Patterns:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(path, None, f"cannot read: {exc}") from exc
    return parse_patterns(text, path, kinds)
