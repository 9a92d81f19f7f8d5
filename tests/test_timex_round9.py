"""Time-expression classes of the fifteenth session, seen reading a build of Timeline17 articles and written as
fresh sentences: a holiday with its year, a holiday named as a likeness, the purpose of a state, and "'d have"."""
from __future__ import annotations

from test_timex_round8 import values

import pytest

pytestmark = pytest.mark.slow

THURSDAY = "2031-05-08"


def test_a_holiday_written_with_its_year_is_that_years():
    assert values("The wave struck the coast on Boxing Day, 2004, and the club raised money.", "2010-01-14") == \
        {"Boxing Day, 2004": "2004-12-26"}
    assert values("He left on Thanksgiving 2008.", "2010-01-14") == {"Thanksgiving 2008": "2008-11-27"}
    # A number after the comma that is no year stays out of it.
    assert values("He left on Christmas Day, 2,000 people came.", "2010-01-14") == {"Christmas Day": "2009-12-25"}


def test_a_holiday_named_as_a_likeness_is_no_date():
    assert values('"It will be like New Year\'s Eve at the airport," he said.', "2010-01-14") == {}


def test_the_purpose_of_a_state_is_still_ahead_and_a_past_acts_was_done_with_it():
    told = "Aerlane said it had a jet standing by to fly supplies to Varnia on Saturday."
    assert values(told, THURSDAY)["Saturday"] == "2031-05-10"          # the nearer Saturday: two days on
    assert values("Crews are on standby to fly to the coast on Saturday.", THURSDAY)["Saturday"] == "2031-05-10"
    assert values("They went to the market to buy food on Saturday.", THURSDAY)["Saturday"] == "2031-05-03"


def test_d_have_is_would_have():
    v = values("That would have meant that we'd have arrived in the capital on Saturday.", THURSDAY)
    assert v["Saturday"] == "2031-05-10"


def test_the_earliest_of_possible_times_is_ahead():
    wed = "2010-06-02"
    assert values("Officials prepared for landfall that could come as early as Friday.", wed)["Friday"] == \
        "2010-06-04"
    assert values("On Friday I could smell the oil from the beach.", wed)["Friday"] == "2010-05-28"
    assert values("Warnings were given as early as 2005.", wed)["2005"] == "2005"


def test_a_chronology_entry_takes_the_nearer_reading():
    # "May 5 - Crews will try ...": the entry tells what was planned then, not a May a year on.
    text = ("Key dates in the crisis:\nMay 2 - Dalmar visits the coast to see the clean-up first hand.\n"
            "May 5 - Crews will try to cap the leak.\nJune 15 - The court hears the case.\n")
    v = values(text, "2010-06-01")
    assert v["May 2"] == "2010-05-02" and v["May 5"] == "2010-05-05" and v["June 15"] == "2010-06-15"


def test_what_is_asked_for_is_ahead_of_the_asking():
    thu = "2009-04-30"
    told = ("In Varnia, the worst hit country, President Ivo Lund told offices and businesses not crucial to the "
            "economy to stop work beginning on Friday to avoid spreading the virus further.")
    assert values(told, thu)["Friday"] == "2009-05-01"
    assert values("The minister will ask shops to close on Friday.", thu)["Friday"] == "2009-05-01"
    # asked in the past: the nearer reading, which here is the weekend or day just gone
    assert values("All parents were told to attend the school over the weekend.", "2009-05-26")["the weekend"] \
        == "2009-W21-WE"
    assert values("He was asked to resign on Monday and did so.", thu)["Monday"] == "2009-04-27"
