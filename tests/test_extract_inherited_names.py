"""An actor carried over from an earlier mention keeps the words that named it (``ActorRef.named``) even
when that mention never became an event, so the event shows its actor1 ("تحالف دعم الشرعية" told in an
earlier sentence for "كما لقي العشرات من عناصر الميليشيات مصرعهم بغارات ..."). Found on the first 200 ANT
articles (29 events with an inherited actor1 and no actor1 span; 16 left, all default actors)."""

from __future__ import annotations

import pytest
from conftest import ant_events


@pytest.mark.parametrize(("doc_id", "sub", "words"), [
    ("AL-internationalNews-1490-20180605", "Air/drone strike", "تحالف دعم الشرعية"),
    ("AL-internationalNews-1015-20180506", "Air/drone strike", None),
])
def test_inherited_actor_keeps_its_words(doc_id, sub, words):
    evs = [e for e in ant_events(doc_id) if e.sub_event_type == sub and e.actor1]
    assert evs
    for e in evs:
        spans = [s for s in e.evidence_spans if s.label == "actor1"]
        assert spans, e.evidence
        if words is not None:
            assert spans[0].text == words
