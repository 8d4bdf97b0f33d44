"""Read the text cues that tell two events of one place and day apart.

Text cues of an evidence sentence that tell two events of one place and day apart: the words
(folded, article and conjunction stripped), what was hit (``target``), the means (``means``), and the
rarity of the words two reports share (IDF over the ANT corpus, shipped in ``resolve_idf.tsv``).

Lexicons: ``data/resolve_cues.tsv`` (kind, id, aliases) and ``data/resolve_idf.tsv`` (word, idf of
the corpus's common words; any other word counts as rare). Both are checked on load.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError

DATA = Path(__file__).resolve().parents[1] / "data"
CUES_FILE = DATA / "resolve_cues.tsv"
IDF_FILE = DATA / "resolve_idf.tsv"
KINDS = ("target", "means")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARTICLE = ("وال", "بال", "فال", "كال", "لل", "ال")
_CLITIC = ("و", "ب", "ل", "ف", "ك")


def stem(word: str) -> str:
    """A word without its article (and a conjunction or preposition before it): ``والقنصليه`` → ``قنصليه``."""
    for p in _ARTICLE:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    return word


@lru_cache(maxsize=20_000)
def words(text: str) -> tuple[str, ...]:
    """The stemmed words of a text, in order (normalised; digits and punctuation dropped; cached)."""
    return tuple(stem(w) for w in _WORD.findall(norm(text or "")))


def _variants(word: str) -> set[str]:
    out = {word}
    if len(word) > 3 and word.startswith(_CLITIC):
        out.add(stem(word[1:]))
    return out


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """kind → ((id, phrase as a word tuple), ...), from ``resolve_cues.tsv``, checked on load."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {k: [] for k in KINDS}
    for n, line in enumerate(CUES_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or cols[0] not in KINDS or not cols[1] or not cols[2].strip():
            raise KnowledgeError(str(CUES_FILE), n, f"want kind<TAB>id<TAB>aliases, kind in {KINDS}: {line!r}")
        for alias in cols[2].split("|"):
            phrase = tuple(words(alias))
            if not phrase or any(c.isascii() and c.isalpha() for c in alias):
                raise KnowledgeError(str(CUES_FILE), n, f"not an Arabic word or phrase: {alias!r}")
            out[cols[0]].append((cols[1], phrase))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=20_000)
def cues(text: str, kind: str) -> frozenset[str]:
    """The ids of the ``kind`` cues (``target`` / ``means``) that the text states (cached)."""
    ws = [_variants(w) for w in words(text)]
    at: dict[str, list[int]] = {}  # variant → the positions of the words it is a variant of
    for i, vs in enumerate(ws):
        for v in vs:
            at.setdefault(v, []).append(i)
    found = set()
    for cue_id, phrase in cue_lexicon()[kind]:
        if cue_id in found:
            continue
        last = len(ws) - len(phrase)
        for i in at.get(phrase[0], ()):
            if i <= last and all(phrase[j] in ws[i + j] for j in range(1, len(phrase))):
                found.add(cue_id)
                break
    return frozenset(found)


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """(word → idf for the corpus's common words, the idf given to any other word), checked on load.

    The file's first data line is ``#docs<TAB>N``; each other line ``word<TAB>idf``."""
    table: dict[str, float] = {}
    docs = 0
    for n, line in enumerate(IDF_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("# "):
            continue
        cols = line.split("\t")
        try:
            if cols[0] == "#docs":
                docs = int(cols[1])
                continue
            word, value = cols[0], float(cols[1])
        except (IndexError, ValueError):
            raise KnowledgeError(str(IDF_FILE), n, f"want word<TAB>idf: {line!r}") from None
        if len(cols) != 2 or word != norm(word) or value < 0:
            raise KnowledgeError(str(IDF_FILE), n, f"word not normalised or idf negative: {line!r}")
        table[word] = value
    if docs <= 0:
        raise KnowledgeError(str(IDF_FILE), None, "no '#docs<TAB>N' line")
    return table, math.log(docs)


def idf(word: str) -> float:
    table, rare = idf_table()
    return table.get(word, rare)


@lru_cache(maxsize=20_000)
def _idf_total(text: str) -> float:
    """The idf total of the text's distinct words (cached)."""
    return sum(idf(w) for w in set(words(text)))


def shared_rare_words(a: str, b: str) -> float:
    """IDF-weighted overlap of two texts' words: the idf of the words both use over the smaller of
    the two texts' idf totals (0 = nothing in common, 1 = the shorter text's words all recur)."""
    wa, wb = set(words(a)), set(words(b))  # fresh sets: the shared words' sum keeps its order
    if not wa or not wb:
        return 0.0
    tot = min(_idf_total(a), _idf_total(b))
    return sum(idf(w) for w in wa & wb) / tot if tot else 0.0
