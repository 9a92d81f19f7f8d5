"""Event-line classes of the thirtieth session, from reading the key events of a real build (Egypt and the oil
spill): a line must say who did it.

- a clause with no subject of its own, hung on a verb as its means, time or purpose ("by closing its valves",
  "while calling out ...", "to cap its liabilities"), takes that verb's doer;
- a live blog's stamp run into a line ("(Ostra, 10:51 a.m. ET) Vardo Air ... has canceled") leaves the subject
  after the stamp in the line.

Every text here is written for the test."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _lines(text):
    from test_events import _events
    _, evs = _events(text)
    return {e.trigger: e.summary for e in evs}


@pytest.mark.parametrize("text,trigger,line", [
    ("Water still seeps into the mine, but the company will begin testing the new seal this morning by "
     "closing its vents.", "closing", "the company closing its vents"),
    ("Halden Energy will begin its legal campaign this month to cap its costs from the Varna spill.", "cap",
     "Halden Energy to cap its costs from the Varna spill"),
    ("President Ivo Marek opened the door on Sunday to talks with rival parties while calling out those who, he "
     "said, stirred fear.", "calling", "President Ivo Marek calling out those"),
])
def test_a_subjectless_adjunct_takes_the_doer_of_its_host(text, trigger, line):
    assert _lines(text)[trigger] == line


def test_an_adjunct_with_its_own_subject_keeps_it():
    lines = _lines("The mayor spoke on Friday while the crews were closing the vents.")
    assert lines["closing"].startswith("the crews")


def test_a_subject_after_a_live_blog_stamp_stays_in_the_line():
    lines = _lines("The strike went on. (Ostra, 10:51 a.m. ET) Vardo Air, the country's national airline, has "
                   "canceled flights on Tuesday, state radio said.")
    assert lines["canceled"].startswith("Vardo Air has canceled flights")
