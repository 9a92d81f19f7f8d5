"""Event lines of the fifteenth session: a clause the parser hangs as a conjunct of a verb of another number takes
no subject from it. Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events import _events

pytestmark = pytest.mark.slow


def test_a_singular_verb_takes_no_plural_subject_from_a_misparsed_coordination():
    _doc, evs = _events("Farm ministers are to meet on Thursday to discuss the outbreak, which vets suspect has "
                        "killed about 150 cattle in Varnia.", "2031-05-07")
    killed = next(e for e in evs if e.trigger == "killed")
    assert "ministers" not in killed.summary and killed.summary.startswith("has killed about 150 cattle")


def test_a_coordination_of_one_number_still_shares_its_subject():
    _doc, evs = _events("The rebels attacked the town and were pushed back on Friday.", "2031-05-07")
    assert {e.trigger: e.summary for e in evs}["pushed"].startswith("The rebels were pushed back")
    _doc, evs = _events("Arven was detained in June and charged in July.", "2031-05-07")
    assert {e.trigger: e.summary for e in evs}["charged"] == "Arven was charged in July"
