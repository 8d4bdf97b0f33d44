"""data/clitics.tsv: the clitic lists of the tokenizer, the toponym finder and the build scripts load
checked, longest first, and strip real words (broken lines: test_knowledge_broken_lines.py)."""

from __future__ import annotations

from rasd.geo.toponyms import _prefixes
from rasd.nlp import tokens


def test_clitics_shipped_file_loads_longest_first() -> None:
    c = tokens.load_clitics()
    assert set(c) == set(tokens.CLITIC_KINDS)
    enclitics = c["enclitic"]
    assert [len(e) for e in enclitics] == sorted((len(e) for e in enclitics), reverse=True)
    assert {"هما", "ها", "ه"} <= set(enclitics)
    prefixes, lil = _prefixes()
    assert {"", "وب", "فك"} <= prefixes and lil == {"", "و", "ف"}


def test_clitics_strip_real_words() -> None:
    # ANT: "في مدينتها" / "وبالميادين"
    text = "وقعت الاشتباكات في مدينتها وبالميادين"
    got = {t.text: (t.stem, t.suffix) for t in tokens.tokenize(text)}
    assert got["مدينتها"] == ("مدينه", "ها")
    assert got["وبالميادين"] == ("ميادين", "")
