"""Time-expression classes of the thirty-fifth session's second blind set (AC). Sentences written for the test."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_a_level_is_no_decade_and_neither_are_the_twenties_to_forties():
    assert "the mid-20s" not in values("Trust steadily drops until it hits the mid-20s after the scandal.", "2031-09-12")
    assert not values("Support rose to the 60s in the spring polls, aides said.", "2031-09-12").get("the 60s")
    assert values("Nobody has tried this since the 70s, the engineer said.", "2031-09-12")["the 70s"] == "197X"


def test_spring_water_is_no_season():
    assert "spring" not in values("The plume looked like spring water and had no smell, the divers said.",
                                  "2031-09-12")


def test_a_weekday_as_a_first_name_before_a_description():
    assert "Saturday" not in values('"It kills our fish," says Saturday Okon, a local palm wine tapper.',
                                    "2031-09-12")
    # after "on" it is the day
    assert values("On Saturday Okon, a tapper, spoke to the inspectors.", "2031-09-12").get("Saturday")


def test_a_clock_time_written_before_today_is_one_expression():
    v = values("Post your questions below and the engineer will be online at 12 noon today to answer.", "2031-09-12")
    assert v["noon today"] == "2031-09-12T12:00"


def test_a_page_stamps_time_takes_the_stamps_date_not_the_weekday_opening_the_next_sentence():
    v = values("By Lena Ortiz Staff Writer Tuesday, November 11, 2031; 9:09 PM Monday was a good day for the port.",
               "2031-11-11")
    assert v["9:09 PM"] == "2031-11-11T21:09"


def test_a_period_of_years_after_an_event_is_no_point():
    v = values("Such runs on banks disappeared for nearly 75 years after the deposit law of 1954.", "2031-09-12")
    assert v.get("75 years") == "P75Y" and "75 years after" not in v


def test_a_companys_half_year_results():
    v = values("The chief executive reveals first half financial results next Tuesday.", "2031-07-24")
    assert v["first half"] == "2031-H1"
    assert values("Its second-half profits rose, the bank said.", "2031-02-24")["second-half"] == "2030-H2"
