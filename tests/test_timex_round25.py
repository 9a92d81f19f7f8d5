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


# Set X's classes (read off its errors after its first run)

def test_this_past_weekend_is_the_one_just_gone():
    v = values("The ministers failed this past weekend to agree on a rescue plan.", "2008-10-14")
    assert v["this past weekend"] == "2008-W41-WE"
    v = values("Talks over the past weekend came to nothing.", "2008-10-14")
    assert v["the past weekend"] == "2008-W41-WE"


def test_last_evening_is_yesterday_evening():
    v = values("Reader: I enjoyed the programme last evening.", "2009-02-18")
    assert v["last evening"] == "2009-02-17TEV"


def test_a_decade_written_with_a_dropped_apostrophe():
    v = values("Shipowners blame a 1920 s law for keeping their vessels out.", "2010-06-10")
    assert v["1920 s"] == "192X"


def test_a_written_date_with_no_space_after_its_comma():
    v = values("She was mayor of the port from Jan 2,2003 to Jan 4,2007.", "2010-09-28")
    assert v["Jan 2,2003"] == "2003-01-02" and v["Jan 4,2007"] == "2007-01-04"


def test_a_colon_time_before_on_and_its_day():
    v = values("The alarm sounded at 21:49 on April 20, the log shows.", "2010-09-09")
    assert v["21:49"] == "2010-04-20T21:49"


def test_a_deadline_pledged_lies_ahead_of_the_pledge():
    v = values("The speaker pledged legislation by August to address the causes of the flood.", "2010-06-10")
    assert v["August"] == "2010-08"
    # a past act's deadline stays past
    v = values("Sales reached 500 boats by August.", "2010-06-10")
    assert v["August"] == "2009-08"


def test_a_holiday_naming_a_thing_takes_the_nearer_reading():
    # 2008-11-25 is the Tuesday before Thanksgiving
    v = values("Officials said the summit clashed with Thanksgiving plans.", "2008-11-25")
    assert v["Thanksgiving"] == "2008-11-27"


def test_a_weekday_and_its_week_are_one_expression():
    # 2010-09-09 is a Thursday
    v = values("The panel will meet on Wednesday next week, after it met on Wednesday this week.", "2010-09-09")
    assert v["Wednesday next week"] == "2010-09-15" and v["Wednesday this week"] == "2010-09-08"
    assert "next week" not in v and "this week" not in v


# Set Y's classes (read off its errors after its first run)

def test_not_stepping_down_before_a_named_month_under_a_past_verb_lies_ahead():
    v = values("The governor announced late Thursday he would not step down before September elections.",
               "2011-02-11")
    assert v["September"] == "2011-09"


def test_a_day_opening_a_clause_after_but_before_a_present_progressive_is_ahead():
    # 2010-05-20 is a Thursday
    v = values("The crew has been funnelling the oil up to a barge, but on Sunday it is preparing a new attempt "
               "to seal the leak.", "2010-05-20")
    assert v["Sunday"] == "2010-05-23"


def test_preparing_to_act_under_a_coming_verb_and_a_bare_conjunct():
    # 2010-08-02 is a Monday
    v = values("The leak may soon end, with the crew preparing to pump mud and possibly cement into the shaft on "
               "Tuesday.", "2010-08-02")
    assert v["Tuesday"] == "2010-08-03"
    # a purpose's conjunct in a caption's present stays past
    v = values("As many as 60 boats work the bay to contain the slick and do cleanup in June (Photo/Post).",
               "2010-07-19")
    assert v["June"] == "2010-06"


def test_a_quarter_written_as_1q():
    v = values("Dividends could return by 1Q 2011, one analyst wrote.", "2010-09-13")
    assert v["1Q 2011"] == "2011-Q1"


def test_a_written_date_with_a_full_stop_before_its_year():
    v = values("She was mayor of the port from Jan 2.2003 to Jan 4.2007.", "2010-09-29")
    assert v["Jan 2.2003"] == "2003-01-02"
    # a figure after a day is no year
    v = values("Shares fell on Jan. 2.5 percent, traders said.", "2010-09-29")
    assert "Jan. 2.5" not in v


def test_years_ago_restating_the_date_before_it():
    v = values("On April 27, 2003, eight years ago, a barge hit a reef off the cape.", "2010-09-29")
    assert v["eight years ago"] == "2003-04-27"


def test_midnight_after_to_is_the_end_of_the_day():
    # 2010-05-24 is a Monday
    v = values("The ship collected 1,360 barrels of oil over the 24 hours to midnight Saturday.", "2010-05-24")
    assert v["midnight Saturday"] == "2010-05-22T24:00"
    v = values("Police arrived at midnight Saturday.", "2010-05-24")
    assert v["midnight Saturday"] == "2010-05-22T00:00"


# Set Z's classes (read off its errors after its first run)

def test_a_month_listed_before_a_month_of_last_year_takes_that_year():
    v = values("When things became turbulent in July and August of last year, the ministers were talking.",
               "2008-09-17")
    assert v["July"] == "2007-07" and v["August of last year"] == "2007-08"


def test_a_holidays_long_weekend():
    v = values("Millions start travelling over the May Day long weekend.", "2009-05-02")
    assert v["May Day long weekend"] == "2009-W18-WE"


def test_a_year_in_a_company_name_is_no_date():
    v = values("The rig's partner, Kestrel Offshore 2007 LLC, owns a stake.", "2010-06-15")
    assert "2007" not in v
