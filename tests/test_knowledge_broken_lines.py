"""The word-list files the NLP and geo code read (dates_words.tsv, clitics.tsv, gazetteer_cues.tsv): a
copy with one deliberately broken line, read by the real loader, fails with KnowledgeError naming the
file and the line; a kind left with no entry names the file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from rasd.errors import KnowledgeError
from rasd.geo import context
from rasd.nlp import dates, tokens
from rasd.nlp._text import DATA_DIR

Loader = Callable[[Path], object]
DATES: Loader = lambda p: dates.load_date_words(str(p))  # noqa: E731
CLITICS: Loader = lambda p: tokens.load_clitics(str(p))  # noqa: E731
CUES: Loader = context.load_cues

LOADERS: dict[str, Loader] = {"dates_words.tsv": DATES, "clitics.tsv": CLITICS, "gazetteer_cues.tsv": CUES}
CASES_FILE = Path(__file__).parent / "data" / "knowledge_broken_lines.tsv"


def _broken() -> list[tuple[str, str, str]]:
    """(data file, broken line, expected message) from CASES_FILE."""
    out = []
    for row in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, line, message = row.split("\t")
            out.append((name, line.replace("<TAB>", "\t"), message))
    return out


BROKEN = _broken()


def test_knowledge_broken_cases_cover_every_file() -> None:
    assert {name for name, _, _ in BROKEN} == set(LOADERS)
    assert len(BROKEN) >= 15


@pytest.mark.parametrize(("name", "line", "message"), BROKEN)
def test_knowledge_broken_line_names_file_and_line(tmp_path, name: str, line: str, message: str) -> None:
    path = tmp_path / name
    shutil.copy(DATA_DIR / name, path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    lineno = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(KnowledgeError, match=rf"{name.replace('.', r'[.]')}:{lineno}: .*{message}"):
        LOADERS[name](path)


@pytest.mark.parametrize(
    ("load", "name", "kind", "message"),
    [(DATES, "dates_words.tsv", "era", "no entries of kind era"),
     (CLITICS, "clitics.tsv", "before_lil", "no forms of kind before_lil"),
     (CUES, "gazetteer_cues.tsv", "distance", "no forms of kind distance")],
)
def test_knowledge_missing_kind_names_file(tmp_path, load: Loader, name: str, kind: str, message: str) -> None:
    path = tmp_path / name
    kept = [ln for ln in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if not ln.startswith(kind + "\t")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"{name.replace('.', r'[.]')}: {message}"):
        load(path)
