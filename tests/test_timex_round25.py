"""Time-expression classes of the thirty-third session. Every sentence here is written for the test.

- a day a thing is being arranged for ("said Monday they were organizing a march ... for Tuesday") is the day of
  the thing arranged: ahead or past alike, so the nearer reading, not the past tense of the arranging."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_a_day_arranged_for_in_the_past_progressive_takes_the_nearer_reading():
    # 2011-01-31 is a Monday
    v = values('Opposition leaders said Monday that they were organizing a "million man march" through the capital '
               "for Tuesday.", "2011-01-31")
    assert v["Tuesday"] == "2011-02-01"
    v = values("Farmers organised a convoy to the ministry for Tuesday.", "2011-01-31")
    assert v["Tuesday"] == "2011-02-01"
    # the past progressive of another verb keeps its past
    v = values("Farmers were blocking the ministry road on Tuesday.", "2011-01-31")
    assert v["Tuesday"] == "2011-01-25"


def test_a_deadline_named_by_its_day_takes_the_nearer_reading():
    # a deadline lies ahead of its setting: from mid-November, 1 January is the coming one
    v = values("Harbour officials have given the dredging firm a Jan. 1 deadline to finish.", "2010-11-17")
    assert v["Jan. 1"] == "2011-01-01"
    v = values("The mayor has given the contractor a deadline of New Year's Day to clear the sand.", "2010-11-17")
    assert v["New Year's Day"] == "2011-01-01"
    # one that was missed is past
    v = values("The dredging firm missed a Jan. 1 deadline to finish.", "2010-11-17")
    assert v["Jan. 1"] == "2010-01-01"


def test_waiting_until_a_named_month_under_a_past_verb_lies_ahead():
    v = values("The governor angered crowds on Tuesday when he said he would wait until the September elections "
               "to resign.", "2011-02-03")
    assert v["September"] == "2011-09"


def test_a_day_followed_by_when_it_will_is_ahead():
    v = values("The ferry company reports its results on 27 July, when it will announce its next dividend.",
               "2010-06-03")
    assert v["27 July"] == "2010-07-27"
    v = values("The ferry law took effect on 27 May, when it was signed.", "2010-06-03")
    assert v["27 May"] == "2010-05-27"


def test_a_purpose_meant_for_a_month_is_ahead():
    v = values("Engineers said the bypass wells meant to stop the leak in August were on schedule.", "2010-06-19")
    assert v["August"] == "2010-08"


def test_the_first_half_of_the_year_is_this_years():
    v = values("The port said it had handled 2 million containers in the first half of the year.", "2008-10-24")
    assert v["the first half of the year"] == "2008-H1"
    v = values("Traffic fell in the second half of last year.", "2008-10-24")
    assert v["the second half of last year"] == "2007-H2"


def test_a_listing_time_before_a_comma_and_its_day_is_a_time():
    v = values("Hear the programme on Radio West 2000 BST, Tuesday 9 June 2009, repeated 1700, Sunday 14 June 2009.",
               "2009-06-09")
    assert v["1700"] == "2009-06-14T17:00"
    # a year before a weekday with no written day stays a year
    v = values("In 1998, Sunday trading came to the valley.", "2009-06-09")
    assert v["1998"] == "1998"


def test_a_march_of_people_is_no_month():
    v = values('Organisers called a "March of millions" through the capital.', "2011-02-01")
    assert "March" not in v
    v = values("The dam was closed in March of last year.", "2011-02-01")
    assert v["March of last year"] == "2010-03"


def test_mid_may_with_a_hyphen_is_the_month():
    v = values("The town submitted its plan for the beach barriers in mid-May.", "2010-06-13")
    assert v["May"] == "2010-05"
    v = values("The grant came late-May, the council said.", "2010-06-13")
    assert v["May"] == "2010-05"


def test_a_comparison_with_a_year_earlier_far_from_any_date_compares_with_now():
    v = values("The fishery collapsed in 1998. Since then quotas have been cut. This season, catches have been "
               "higher than in the previous year, the board said.", "2008-10-24")
    assert v["the previous year"] == "2007"
    # a year set in the sentence before is the narrative's
    v = values("The fishery reopened in 2005. Catches rose 5 percent from a year earlier.", "2008-10-24")
    assert v["a year earlier"] == "2004"
