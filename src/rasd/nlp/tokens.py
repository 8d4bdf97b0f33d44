"""Tokenise Arabic words and strip clitics conservatively, keeping original offsets.

Word tokens with conservative clitic stripping: ``tokenize(text, start, end)`` returns
``Token``s whose offsets point into the original text and whose ``stem`` is the normalised
word without proclitics (و ف ب ل ك ال, س before an imperfect verb) and common enclitics
(ه ها هم هما كم نا هن: ``data/clitics.tsv``, ``load_clitics``), so lexicons can match "وبالميادين" → "ميادين".

Stripping is conservative: a stem keeps at least 3 letters after a one-letter proclitic and
2 after the article; words listed in ``data/tokens_keep.tsv`` (وزير, بلدة, لبنان …, whose
first or last letters belong to the word) are never stripped. Lexicon matchers should try
``norm`` first and ``stem`` second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.errors import KnowledgeError
from rasd.nlp._text import ARABIC_LETTERS, DATA_DIR, MARKS, load_tsv, text_range

_WORD = re.compile(rf"[{ARABIC_LETTERS}]+|[0-9]+(?:[.,٫٬][0-9]+)*|[a-z]+")

_ARTICLE = re.compile(r"^(?P<c>[وف]?)(?P<p>[بكل]?)(?P<a>ال)(?P<s>..+)$")
_LIL = re.compile(r"^(?P<c>[وف]?)(?P<a>لل)(?P<s>..+)$")  # ل + ال with the alef dropped
_CONJ_PREP = re.compile(r"^(?P<c>[وف]?)(?P<p>[بكل]?)(?P<s>...+)$")
_FUTURE = re.compile(r"^(?P<c>[وف]?)(?P<f>س)(?P<s>[يتن]...+)$")
_MARK_SET = frozenset(MARKS)
CLITICS_FILE = "clitics.tsv"
CLITIC_KINDS = ("proclitic_run", "before_lil", "enclitic", "build_prefix", "keep_whole")


@dataclass(slots=True)
class Token:
    """A word: original ``[start, end)``, its original ``text``, normalised ``norm``, the
    clitic-free ``stem``, the stripped ``prefixes`` (in order, e.g. ``("و", "ب", "ال")``) and
    the stripped ``suffix`` (enclitic pronoun, or "")."""

    start: int
    end: int
    text: str
    norm: str
    stem: str
    prefixes: tuple[str, ...]
    suffix: str = ""


@lru_cache(maxsize=1)
def _keep() -> frozenset[str]:
    return frozenset(f[0] for _, f in load_tsv("tokens_keep.tsv", 1))


@lru_cache(maxsize=4)
def load_clitics(path: str | None = None) -> dict[str, tuple[str, ...]]:
    """kind → normalised clitic forms, longest first, from ``data/clitics.tsv`` (or ``path``); an unknown
    kind, a repeated form or a kind with no form raises ``KnowledgeError`` naming file and line."""
    name = path or CLITICS_FILE
    rows = load_tsv(name, 2, lambda f: None if f[0] in CLITIC_KINDS else
                    f"unknown kind {f[0]!r} (one of {', '.join(CLITIC_KINDS)})", normalise=(1,), unique=(0, 1))
    out = {k: tuple(sorted((f[1] for _, f in rows if f[0] == k), key=lambda w: (-len(w), w))) for k in CLITIC_KINDS}
    missing = [k for k, v in out.items() if not v]
    if missing:
        raise KnowledgeError(str(DATA_DIR / name), None, f"no forms of kind {', '.join(missing)}")
    return out


def _strip_suffix(word: str, keep: frozenset[str]) -> tuple[str, str]:
    for suf in load_clitics()["enclitic"]:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if base in keep or word in keep:
                return word, ""
            if suf == "ه" and base.endswith(("ا", "و", "ي")):  # مياه, وجوه, ... too ambiguous
                return word, ""
            if base.endswith("ت") and not base.endswith("ات") and len(base) >= 4:
                base = base[:-1] + "ه"  # مدينتها → مدينه (the teh marbuta came back as teh)
            return base, suf
    return word, ""


@lru_cache(maxsize=65536)
def analyse(word: str, original_ends_with_ta_marbuta: bool = False) -> tuple[str, tuple[str, ...], str]:
    """``(stem, prefixes, suffix)`` of one normalised word (cached)."""
    return analyse_with(word, original_ends_with_ta_marbuta, _keep())


def analyse_with(word: str, ta_marbuta: bool, keep: frozenset[str]) -> tuple[str, tuple[str, ...], str]:
    """``analyse`` with an explicit keep list (the build script uses it with a growing one)."""
    if not word or not ("\u0621" <= word[0] <= "\u06d3") or word in keep:
        return word, (), ""
    prefixes: list[str] = []
    stem = word
    m = _ARTICLE.match(word) or _LIL.match(word)
    if m:
        d = m.groupdict()
        prefixes = [x for x in (d.get("c"), d.get("p"), d.get("a")) if x]
        return d["s"], tuple(prefixes), ""  # the article excludes an enclitic
    m = _FUTURE.match(word)
    if m and m.group("s") not in keep and word[len(m.group("c")):] not in keep:
        prefixes = [x for x in (m.group("c"), m.group("f")) if x]
        stem = m.group("s")
    else:
        m = _CONJ_PREP.match(word)
        if m and (m.group("c") or m.group("p")):
            c, p, rest = m.group("c"), m.group("p"), m.group("s")
            inner = word[len(c):]  # without the conjunction only
            if c and (inner in keep or not p):
                prefixes, stem = [c], inner
            elif c and p and rest not in keep:
                prefixes, stem = [c, p], rest
            elif not c:
                prefixes, stem = [p], rest
    if ta_marbuta or stem in keep:
        return stem, tuple(prefixes), ""
    stem2, suffix = _strip_suffix(stem, keep)
    return stem2, tuple(prefixes), suffix


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]`` (Arabic words, digit groups, Latin words)."""
    tr = text_range(text, start, end)
    offs, base, piece = tr.normalized.offsets, tr.base, tr.piece
    limit = len(piece)
    out: list[Token] = []
    append = out.append
    for m in _WORD.finditer(tr.norm):
        a, b = m.span()
        s, e = offs[a], offs[b - 1] + 1
        while e < limit and piece[e] in _MARK_SET:
            e += 1
        word = m.group()
        orig = piece[s:e]
        stem, prefixes, suffix = analyse(word, orig[-1] == "ة" or orig.rstrip(MARKS).endswith("ة"))
        append(Token(s + base, e + base, orig, word, stem, prefixes, suffix))
    return out
