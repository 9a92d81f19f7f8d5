"""Time-expression classes of the twenty-third session (issue 12), read off set K's errors after its first run
(bench/data/timex_real, held-out P 0.961 / R 0.930 before them). Every sentence here is written for the test.

- a weekday followed by the week it falls in is that week's day ("on Wednesday to Friday last week");
- "May" after another month and "and", "or", "to" is the month ("in March and May");
- "the first of May" is a day; "Apr. 21" with its period is a day; a day before a comma and a small number ("on
  20 April, 50 miles off the coast") is a day, the number a distance;
- a company's own quarter ("its third quarter results") is a quarter;
- "Come Saturday" is the Saturday to come;
- "to spring a leak" is the verb."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_a_weekday_of_the_week_named_after_it():
    # Thursday 12 May 2011: "last week" is 2-8 May
    v = values("The boy went to school on Wednesday to Friday last week before he fell ill .", "2011-05-12")
    # a weekday with its week right after it is one expression (since the thirty-third session)
    assert v["Wednesday"] == "2011-05-04" and v["Friday last week"] == "2011-05-06"
    assert values("The board met on Monday of last week .", "2011-05-12")["Monday of last week"] == "2011-05-02"
    assert values("The board will meet on Tuesday next week .", "2011-05-12")["Tuesday next week"] == "2011-05-17"
    # without the week, the nearest past one
    assert values("The board met on Wednesday .", "2011-05-12")["Wednesday"] == "2011-05-11"


def test_may_in_a_list_of_months():
    v = values("In the riots of March and May there was looting , the minister said .", "2012-01-20")
    assert v["May"] == "2011-05"
    assert "May" not in values("May I say something , the minister asked .", "2012-01-20")


def test_days_written_in_other_ways():
    assert values("It was a day of firsts : the first of May .", "2011-05-01")["the first of May"] == "2011-05-01"
    assert values("Apr. 21 : Tugs spray water on the burning platform .", "2011-05-20")["Apr. 21"] == "2011-04-21"
    v = values("Since a blast on 20 April , 50 miles off the coast , the well has leaked .", "2011-05-05")
    assert v["20 April"] == "2011-04-20"
    v = values("Drilling began on May 2 , 12 days after the blast .", "2011-08-02")
    assert v["May 2"] == "2011-05-02"
    # a year after the comma is still the year
    assert values("It opened on 20 April, 2009 .", "2011-05-05")["20 April, 2009"] == "2009-04-20"


def test_a_company_s_own_quarter():
    v = values("Halvex delayed publication of its third quarter results because of the leak .", "2011-09-10")
    assert v["its third quarter"] == "2011-Q3"


def test_come_saturday_is_ahead():
    v = values("`` Come Saturday , we are going out there to clean the beach , '' the mayor said .", "2011-05-26")
    assert v["Saturday"] == "2011-05-28"


def test_to_spring_a_leak_is_the_verb():
    assert "spring" not in values("Poor upkeep caused the pipeline to spring a leak in the tundra .", "2011-06-10")
    assert values("From winter to spring the ice melts .", "2011-06-10")["spring"] == "2011-SP"
