"""Load a gold JSONL file into ``GoldDoc`` records, fetching corpus texts by id.

A gold line either carries its ``text`` or names a corpus record (``corpus`` + ``doc_id``);
the text is then that record's ``text`` field (``content`` in SaudiNewsNet) in
``<data_dir>/<corpus>/*.jsonl``. ``data_dir`` defaults to ``<gold folder>/../data`` (else a ``shared/data`` found upward), the
layout of ``../shared``. A missing corpus or record raises ``GoldError`` naming the gold line.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import RasdError

_ID = re.compile(r'^\{"id": "((?:[^"\\]|\\.)*)"')
_TEXT_FIELDS = ("text", "content")


class GoldError(RasdError):
    """A gold file that cannot be read: names file, line and reason."""

    def __init__(self, path: Path | str, line: int | None, detail: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"[E106] {where}: {detail}")


@dataclass(slots=True)
class GoldDoc:
    """One gold document: its text and the events a careful coder codes from it."""

    doc_id: str
    text: str
    corpus: str | None = None
    published: str | None = None
    source: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    optional_events: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""


def _corpus_texts(corpus_dir: Path, wanted: set[str]) -> dict[str, str]:
    """Texts of the ``wanted`` record ids found in ``corpus_dir/*.jsonl`` (one pass per file)."""
    found: dict[str, str] = {}
    for path in sorted(corpus_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                m = _ID.match(line)
                if m and json.loads(f'"{m.group(1)}"') not in wanted:
                    continue
                rec = json.loads(line)
                if rec.get("id") in wanted:
                    text = next((rec[f] for f in _TEXT_FIELDS if isinstance(rec.get(f), str)), None)
                    if text is not None:
                        found[rec["id"]] = text
        if len(found) == len(wanted):
            break
    return found


def read_records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank line of a JSONL file whose objects carry a
    ``doc_id``; a bad line raises ``GoldError`` naming file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(path, None, f"cannot read file: {exc.strerror or exc}") from exc
    records: list[tuple[int, dict[str, Any]]] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(path, n, f"malformed JSON: {exc.msg}") from exc
        if not isinstance(rec, dict) or not rec.get("doc_id"):
            raise GoldError(path, n, "each line must be an object with a doc_id")
        records.append((n, rec))
    return records


def default_data_dir(gold_path: Path) -> Path:
    """``<gold folder>/../data`` when it exists (the shared layout), else the first
    ``shared/data`` found beside the gold folder or the working directory's parents."""
    gold_path = gold_path.resolve()
    first = gold_path.parent.parent / "data"
    if first.is_dir():
        return first
    for base in (gold_path.parent, Path.cwd().resolve()):
        for parent in (base, *base.parents):
            cand = parent / "shared" / "data"
            if cand.is_dir():
                return cand
    return first


def load_gold(path: Path | str, data_dir: Path | None = None) -> list[GoldDoc]:
    """Read the gold file at ``path``; corpus texts come from ``data_dir`` (see module doc)."""
    path = Path(path)
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir(path)
    records = read_records(path)

    need: dict[str, set[str]] = {}
    for _, rec in records:
        if not isinstance(rec.get("text"), str):
            if not rec.get("corpus"):
                raise GoldError(path, _line_of(records, rec), "neither text nor corpus given")
            need.setdefault(rec["corpus"], set()).add(rec["doc_id"])
    texts: dict[tuple[str, str], str] = {}
    for corpus, ids in need.items():
        corpus_dir = data_dir / corpus
        if not corpus_dir.is_dir():
            raise GoldError(path, None, f"corpus folder {corpus_dir} not found (pass data_dir)")
        got = _corpus_texts(corpus_dir, ids)
        missing = sorted(ids - got.keys())
        if missing:
            first = next(r for r in records if r[1]["doc_id"] == missing[0])
            raise GoldError(path, first[0], f"doc {missing[0]!r} not found in {corpus_dir}"
                            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
        texts.update({(corpus, i): t for i, t in got.items()})

    docs = []
    for _, rec in records:
        text = rec["text"] if isinstance(rec.get("text"), str) else texts[(rec["corpus"], rec["doc_id"])]
        docs.append(GoldDoc(
            doc_id=rec["doc_id"], text=text, corpus=rec.get("corpus"), published=rec.get("published"),
            source=rec.get("source"), events=list(rec.get("events") or []),
            optional_events=list(rec.get("optional_events") or []), notes=rec.get("notes") or "",
        ))
    return docs


def _line_of(records: list[tuple[int, dict[str, Any]]], rec: dict[str, Any]) -> int:
    return next(n for n, r in records if r is rec)


def gold_sha256(path: Path | str) -> str:
    """sha256 of the gold file's bytes (recorded in gate files)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
