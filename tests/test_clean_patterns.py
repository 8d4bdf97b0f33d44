"""The boilerplate patterns file loads, is checked line by line, and matches normalised paragraphs."""

from __future__ import annotations

import pytest

from rasd.clean.normalize import norm
from rasd.clean.patterns import KINDS, load_patterns, parse_patterns
from rasd.errors import KnowledgeError


def test_clean_patterns_packaged_file_loads():
    pats = load_patterns()
    assert all(pats.by_kind[k] for k in KINDS)


@pytest.mark.parametrize(("bad", "detail"), [
    ("boilerplate\t^(شارك\tunclosed group", "bad regex"),
    ("nonsense\t^x\tcomment", "unknown kind"),
    ("boilerplate\t^x", "expected kind<TAB>regex<TAB>comment"),
    ("dateline\t[ا-\tunterminated class", "bad regex"),
])
def test_clean_patterns_bad_line_names_file_and_line(bad, detail):
    text = "# comment\n\nboilerplate\t^ok\tfine\n" + bad + "\n"
    with pytest.raises(KnowledgeError) as err:
        parse_patterns(text, "patterns.tsv")
    assert "patterns.tsv:4" in str(err.value) and detail in str(err.value)


@pytest.mark.parametrize(("kind", "line"), [
    ("boilerplate", "شارك المقال مع أصدقائك على مواقع التواصل الاجتماعي"),
    ("boilerplate", "Send this to a friend"),
    ("boilerplate", "اقرأ أيضاً: مقتل ثلاثة في قصف"),
    ("boilerplate", "تابعونا على تويتر"),
    ("boilerplate", "اشترك في النشرة البريدية"),
    ("dateline", "بيروت (رويترز) - قتل ثلاثة أشخاص"),
    ("dateline", "دمشق - سانا: أعلن الجيش"),
    ("background", "يُذكر أن التنظيم فقد سيطرته"),
    ("continuation", "وقال المتحدث"),
    ("lead", "أعلنت قوات سوريا الديمقراطية استعادة البلدة"),
])
def test_clean_patterns_match_normalised_text(kind, line):
    assert load_patterns().match(kind, norm(line)) is not None


@pytest.mark.parametrize(("kind", "line"), [
    ("boilerplate", "قال مسؤول إن الغارة قتلت خمسة مدنيين في ريف إدلب الجنوبي."),
    ("continuation", "وزارة الدفاع الروسية أعلنت"),
    ("continuation", "واشنطن تعلن"),
    ("dateline", "وقال المتحدث باسم الجيش إن القوات تقدمت"),
])
def test_clean_patterns_do_not_match_story_text(kind, line):
    assert load_patterns().match(kind, norm(line)) is None


@pytest.mark.parametrize("line", [
    "انتقادات للخطوط الجوية السعودية على مواقع التواصل الاجتماعي",  # a headline, not a share prompt
    "وقال إن هذه التصريحات لا تعبر عن وجهة نظر العراق الرسمية والشعبية",
])
def test_clean_patterns_headlines_and_quotes_not_boilerplate(line):
    assert load_patterns().match("boilerplate", norm(line)) is None


def test_clean_patterns_stored_normalised():
    # every compiled regex is already in normalised form: normalising it again changes nothing
    from rasd.clean.patterns import normalize_pattern

    for pats in load_patterns().by_kind.values():
        for pat in pats:
            assert normalize_pattern(pat.regex.pattern) == pat.regex.pattern, pat.line
            assert not set("أإآىةؤئ") & set(pat.regex.pattern), pat.line
