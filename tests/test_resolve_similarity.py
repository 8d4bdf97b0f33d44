"""Evidence similarity runs offline on the shipped USE weights; the night-word lexicon is normalised
(its load check is in test_resolve_cues)."""

from __future__ import annotations

import socket

import rasd.resolve.features as features
from rasd.clean.normalize import norm
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
