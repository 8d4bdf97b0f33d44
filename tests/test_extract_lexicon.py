"""Extraction knowledge files load, are normalised, use ACLED names, and a bad line raises a
KnowledgeError naming the file and line."""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO

from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.extract import lexicon
from rasd.extract.types import EVENT_TYPES, SUB_TYPES


def test_extract_lexicon_entries_normalised_and_valid():
    lex = lexicon.build()
    assert len(lex.triggers) > 150 and len(lex.aliases) > 300
    for t in lex.triggers:
        assert t.form == norm(t.form) and t.form
        assert SUB_TYPES[t.sub_event_type] == t.event_type and t.event_type in EVENT_TYPES
    for a in lex.aliases:
        assert a.form == norm(a.form) and a.form
        assert 1 <= a.actor.inter <= 8
    for kind, forms in lex.cues.items():
        assert kind in lexicon.CUE_KINDS
        assert all(f == norm(f) for f in forms)


def test_extract_lexicon_every_sub_type_has_a_trigger():
    subs = {t.sub_event_type for t in lexicon.build().triggers}
    # produced by rules from other triggers' classes, not listed directly
    derived = {"Protest with intervention", "Excessive force against protesters", "Mob violence",
               "Change to group/activity"}
    assert set(SUB_TYPES) - subs <= derived


def test_extract_lexicon_one_class_per_trigger_form():
    seen: dict[str, str] = {}
    for t in lexicon.build().triggers:
        assert seen.setdefault(t.form, t.cls) == t.cls, t.form


@pytest.mark.parametrize(("name", "bad", "detail"), [
    ("triggers.tsv", "غارة\tair\tExplosions/Remote violence\tAir strike\n", "not an ACLED type/sub-type pair"),
    ("triggers.tsv", "غارة\tair\n", "tab-separated columns"),
    ("actors.tsv", "Some Group\t9\tgroup\tجماعة\n", "inter code"),
    ("actors.tsv", "Some Group\t2\tgang\tجماعة\n", "unknown actor kind"),
    ("cues.tsv", "maybe\tربما\n", "unknown cue kind"),
    ("cues.tsv", "killed\tقتل|ـ\n", "empty form"),
])
def test_extract_lexicon_bad_line_names_file_and_line(tmp_path, name, bad, detail):
    data = tmp_path / "data"
    data.mkdir()
    for pattern in ("triggers*.tsv", "actors*.tsv", "cues*.tsv"):
        for f in lexicon.DATA.glob(pattern):
            shutil.copy(f, data / f.name)
    path = data / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, bad)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        lexicon.build(data)
    assert f"{path}:4" in str(err.value) and detail in str(err.value)


def test_extract_mention_patterns_file_checked_on_load(tmp_path):
    from rasd.clean.patterns import parse_patterns
    from rasd.extract.mentions import _PATTERN_NAMES

    shipped = (REPO / "src" / "rasd" / "data" / "mention_patterns.tsv").read_text(encoding="utf-8")
    pats = parse_patterns(shipped, "mention_patterns.tsv", _PATTERN_NAMES)
    assert all(len(pats.by_kind[n]) == 1 for n in _PATTERN_NAMES)
    assert pats.by_kind["arms"][0].regex.search("تزويد الحوثيين ب")  # "بالصواريخ": arms supplied, not fired
    with pytest.raises(KnowledgeError, match=r"mention_patterns.tsv:5: unknown kind"):
        parse_patterns(shipped.replace("\nweapon_store\t", "\nweapon_stores\t"), "mention_patterns.tsv", _PATTERN_NAMES)
