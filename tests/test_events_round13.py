"""Event classes of the thirty-fifth session (readable lines, issue 12); sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_round12 import _summaries

pytestmark = pytest.mark.slow


def test_an_infinitive_after_due_or_ready_says_who_through_the_verb_before_it():
    got = _summaries("Harbour board officials are due to meet the ferry union on Wednesday, the board said.")
    assert "Harbour board officials are due to meet the ferry union on Wednesday" in got, got
    assert not any(s.startswith("to meet") for s in got), got
    got = _summaries("The rebels were ready to sign the peace accord in Rask on Friday.")
    assert any(s.startswith("The rebels were ready to sign the peace accord") for s in got), got


def test_an_infinitive_on_a_participle_says_who_through_the_noun_before_it():
    got = _summaries("Brandt, set to visit the flooded quarter on Monday and Tuesday, said she would act.")
    assert any(s.startswith("Brandt set to visit the flooded quarter") for s in got), got
    assert not any(s.startswith("to visit") for s in got), got


def test_a_clause_with_its_own_subject_hung_on_a_noun_keeps_that_subject():
    got = _summaries("Councillor Ivo Marsh resigned his seat on Wednesday after a report that the married councillor "
                     "had tried to meet a woman on a dating site.")
    assert not any(s.startswith("a report tried") for s in got), got


def test_the_words_that_grade_the_adjective_stay_with_it():
    got = _summaries("Dockers may be less willing to talk with the harbour board if attacked again.")
    assert any(s.startswith("Dockers may be less willing to talk") for s in got), got
