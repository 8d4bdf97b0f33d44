"""Build data/tokens_keep.tsv, the words never split into clitics (build time only).

Build ``data/tokens_keep.tsv`` from a corpus (build time only, never at run time): frequent
words whose clitic-looking first or last letters belong to the word (لبنان, وزير, سيارة, اتجاه).

A word is kept whole when the stem the stripping rules would give is rare in the corpus compared
with the word itself: the word may be at most ``MAX_RATIO[clitic]`` times as frequent as its stem
(with the article too, for stems of 4+ letters). A real clitic is rarer than its host: "وقال" is
1.5 × "قال", but "كامل" is 2.5 × "امل" and "فيها" is seen while "يها" never is. Words are visited shortest first,
so ``ولبنان`` sees ``لبنان`` already kept and loses only its ``و``.

Usage: ``python -m rasd.nlp.build_keep ../shared/data/ant_corpus_multisource/ant_mideast_conflict.jsonl``
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from rasd.nlp._text import DATA_DIR
from rasd.nlp.tokens import analyse_with, load_clitics, tokenize

MIN_COUNT = 5  # only words seen this often are judged
MAX_RATIO = {"و": 2.0, "ف": 0.5, "ب": 1.0, "ل": 1.5, "ك": 0.3, "س": 1.0, "suffix": 2.0}


def build(corpus: Path, out: Path = DATA_DIR / "tokens_keep.tsv") -> int:
    hand = load_clitics()["keep_whole"]  # words kept by hand (data/clitics.tsv)
    counts: Counter[tuple[str, bool]] = Counter()
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for t in tokenize(rec.get("text") or rec.get("content") or ""):
                counts[(t.norm, t.text.endswith("ة"))] += 1
    plain: Counter[str] = Counter()
    for (w, _ta), n in counts.items():
        plain[w] += n
    keep: set[str] = set()
    for (w, ta), n in sorted(counts.items(), key=lambda kv: (len(kv[0][0]), kv[0][0])):
        if n < MIN_COUNT:
            continue
        stem, prefixes, suffix = analyse_with(w, ta, frozenset(keep))
        if stem == w or prefixes[-1:] in (("ال",), ("لل",)):
            continue  # nothing stripped, or the article (always stripped: الميادين → ميادين)
        seen = plain[stem] + (plain["ال" + stem] if len(stem) >= 4 else 0)
        ratio = min([MAX_RATIO.get(p[0], 1.0) for p in prefixes] + ([MAX_RATIO["suffix"]] if suffix else []))
        if seen < 2 or n > ratio * seen:
            keep.add(w)
    header = (
        "# Normalised words whose first or last letters look like clitics but belong to the word:\n"
        "# rasd.nlp.tokens never strips them. Built by rasd.nlp.build_keep from the ANT corpus\n"
        f"# (words seen >= {MIN_COUNT} times whose stripped stem is rare, plus {', '.join(hand)}).\n"
    )
    words = sorted(keep | set(hand))
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    return len(words)


if __name__ == "__main__":
    print(build(Path(sys.argv[1])), "words")
