"""The geocoder's shortcuts give what the long way gives (issue 3: geocoding speed): the cheap
naming-noun test never rejects a name that ``read_context`` would find named, and the country
adjectives are counted as whole words, as a plain word split counts them."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter

import pytest

from rasd.clean.normalize import normalize
from rasd.geo.context import load_nisba, may_be_named, read_context
from rasd.geo.locate import _adjectives

_WORD = re.compile(r"[\u0621-\u064a]+")


@pytest.fixture(scope="module")
def ant_norm(ant_path) -> list[str]:
    with ant_path.open(encoding="utf-8") as f:
        return [normalize(json.loads(line)["text"]).norm for line in itertools.islice(f, 150)]


def test_geo_may_be_named_never_misses_a_naming_noun(ant_norm):
    named = 0
    for text in ant_norm:
        for m in _WORD.finditer(text):
            for prefix in ("", text[m.start():m.start() + 1]):
                start = m.start() + len(prefix)
                if start >= m.end():
                    continue
                if read_context(text, start, m.end(), prefix).naming:
                    named += 1
                    assert may_be_named(text, start, prefix), text[max(0, start - 40):m.end()]
    assert named > 50  # the corpus does name places after قرية، بلدة، مدينة


@pytest.mark.parametrize("text", ["قالت السلطات التركية", "التركيةالسورية", "1السوري2", "السوري.", "xالعراقيy"])
def test_geo_adjectives_count_whole_words(text, ant_norm):
    nisba = load_nisba()
    for t in [normalize(text).norm, *ant_norm[:60]]:
        found = Counter(nisba[w] for w in _WORD.findall(t) if w in nisba)
        want = Counter({c: min(n, 3) for c, n in found.items()})
        assert list(_adjectives(t).items()) == list(want.items())
