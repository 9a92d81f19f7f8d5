"""Event types from the taxonomy data (issue 13: events merge across outlets on the same happening, and only typed
events are compared): a fire told as "caught fire" or "went up in flames", and a quarantine told with "put" or
"placed"; sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.events import event_type
from test_events import _events     # the same single-sentence extraction

pytestmark = pytest.mark.slow


def test_catching_fire_is_a_disaster_and_catching_a_virus_stays_an_infection():
    assert event_type("catch", {"the", "ferry", "fire"}) == "disaster"
    assert event_type("go", {"warehouse", "up", "in", "flames"}) == "disaster"
    assert event_type("catch", {"he", "the", "virus"}) == "infection"
    assert event_type("catch", {"the", "ferry", "a", "cold", "wind"}) == "other"
    assert event_type("go", {"the", "minister", "home"}) == "other"


def test_putting_people_in_quarantine_is_containment():
    assert event_type("put", {"they", "the", "crew", "into", "quarantine"}) == "containment"
    assert event_type("place", {"passengers", "in", "isolation"}) == "containment"
    assert event_type("put", {"they", "the", "money", "into", "a", "fund"}) == "other"


def test_the_pipeline_types_the_fire_of_a_sentence():
    _doc, evs = _events("The Marrow Star ferry caught fire off Brask on Monday and sank two days later.", "2031-05-07")
    assert {e.trigger: e.type for e in evs}.get("caught") == "disaster"
