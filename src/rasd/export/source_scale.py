"""ACLED's ``source_scale`` of an event: the reach of each outlet in its ``source`` field.

Knowledge: ``data/source_scale.tsv`` (outlet → scale, with the other names documents and events give
it), checked on load (``KnowledgeError`` names file and line). Names match lower-cased,
Arabic-normalised and without spaces or punctuation, so ``SkyNews``, ``Sky News Arabia`` and
``سكاي نيوز عربية`` are one outlet.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError

DATA = "source_scale.tsv"
SCALES = ("Subnational", "National", "Regional", "International", "New media", "Other")
SEP = "; "  # as the event's ``source`` field joins the outlets of merged reports
_NOT_NAME = re.compile(r"[\W_]+")


def outlet_key(name: str) -> str:
    """The form names are compared in: normalised, lower-cased, letters and digits only."""
    return _NOT_NAME.sub("", norm(name).lower())


def load_source_scales(path: str | Path | Traversable, where: str | None = None) -> dict[str, str]:
    """Every outlet name of the table at ``path`` (as ``outlet_key``) → its ACLED source scale;
    ``KnowledgeError`` (named ``where``, default the path) for a malformed line, an unknown scale or a
    name given to two outlets."""
    where = where or str(path)
    table: dict[str, tuple[str, str]] = {}  # key -> (outlet, scale)
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) not in (2, 3) or not cols[0] or not cols[1]:
            raise KnowledgeError(where, ln, f"expected outlet, scale and other names (tab-separated), got {line!r}")
        outlet, scale, others = cols[0], cols[1], cols[2] if len(cols) == 3 else ""
        if scale not in SCALES:
            raise KnowledgeError(where, ln, f"scale {scale!r} is not one of ACLED's: {', '.join(SCALES)}")
        for name in [outlet, *others.split("|")]:
            key = outlet_key(name)
            if not key:
                continue
            if key in table and table[key][0] != outlet:
                raise KnowledgeError(where, ln, f"name {name!r} already belongs to {table[key][0]!r}")
            table[key] = (outlet, scale)
    return {key: scale for key, (_, scale) in table.items()}


@cache
def source_scales() -> dict[str, str]:
    """The packaged table (``rasd/data/source_scale.tsv``), loaded once."""
    return load_source_scales(files("rasd.data").joinpath(DATA), f"rasd/data/{DATA}")


def source_scale(source: str | None) -> str:
    """The scales of the outlets in an event's ``source`` (``"SkyNews; SANA"``): sorted, unique, joined
    by ``"; "``; outlets the table does not know add nothing ("" when none is known)."""
    if not source:
        return ""
    table = source_scales()
    found = {table.get(outlet_key(part)) for part in source.split(";")}
    return SEP.join(sorted(s for s in found if s))
