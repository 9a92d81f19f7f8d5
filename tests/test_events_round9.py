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


def test_a_date_in_a_clause_of_its_own_subject_inside_a_noun_phrase_is_not_the_nouns():
    # The parser hangs "since the rig exploded and sank on 20 April" inside the investigation's phrase.
    _doc, evs = _events("Last night's announcement that the state is launching a criminal investigation into the "
                        "spill capped off Halvex's worst day in six weeks since the Sea Lark rig exploded and sank on "
                        "20 April, killing 11 workers.", "2031-06-02")
    inv = [e for e in evs if e.trigger == "investigation"]
    assert inv and all(e.date is None and "20 April" not in e.summary for e in inv)
    assert {e.trigger: e.date for e in evs}["sank"] == "2031-04-20"
    # A date in the noun's own phrase, or in a relative clause on it, still dates it.
    _doc, evs = _events("The explosion on the rig on 20 April, which killed 11 workers, was the worst in a decade.",
                        "2031-06-02")
    assert {e.trigger: e.date for e in evs}["explosion"] == "2031-04-20"
