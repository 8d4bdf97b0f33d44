"""Evidence similarity runs offline on the shipped USE weights; the night-word lexicon is checked."""

from __future__ import annotations

import socket

import pytest

import rasd.resolve.features as features
from rasd.clean.normalize import norm
from rasd.errors import KnowledgeError
from rasd.resolve.similarity import embed, evidence_similarity


def test_resolve_similarity_needs_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    embed.cache_clear()
    same = evidence_similarity("قتل 27 مدنيا في غارات جوية على مدينة دوما الجمعة",
                               "مقتل 27 مدنيا بغارات لطيران النظام على دوما يوم الجمعة")
    other = evidence_similarity("قتل 27 مدنيا في غارات جوية على مدينة دوما الجمعة",
                                "وزير الخارجية يلتقي نظيره في موسكو لبحث التعاون الاقتصادي")
    assert same > other
    assert evidence_similarity("", "نص") is None


def test_resolve_night_words_are_normalised_arabic():
    words = features.night_words()
    assert "ليل" in words and "فجر" in words
    assert all(w == norm(w) for w in words)


def test_resolve_night_words_bad_entry_names_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "night.tsv"
    bad.write_text("# comment\nليل\nnight\n", encoding="utf-8")
    monkeypatch.setattr(features, "NIGHT_FILE", bad)
    features.night_words.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"night\.tsv:3"):
            features.night_words()
    finally:
        features.night_words.cache_clear()
