"""Time-expression classes seen on the fifth blind real-text set (F, issue 12 item 4), written as fresh sentences:
names of programmes and papers, a season "next", weekends and weeks around a Sunday or Monday, plans and
arrangements on a noun, auxiliaries shared by conjuncts, and hours counted as days."""
from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow


def values(sentence: str, published: str) -> dict[str, str | None]:
    from storyline import dating, nlp, timex
    doc = nlp.get_nlp()(sentence)
    return {t.text: t.value for t in timex.find(sentence, date.fromisoformat(published),
                                                future_of=dating.future_of(doc))}


def test_a_programme_or_paper_named_with_a_time_word_is_no_date():
    v = values("The minister appeared on `` Morning Report Sunday '' and on TVN 's `` This Week . '' "
               "She spoke again on Tuesday.", "2016-03-13")
    assert "Sunday" not in v and "This Week" not in v
    assert v["Tuesday"] == "2016-03-08"
    assert "Today" not in values("He later admitted on Kanal 's `` Today '' show that the dam had leaked.",
                                 "2016-03-13")
    assert "This Week" not in values("he told Kanal 's This Week programme on the radio.", "2016-03-13")
    assert "Sunday" not in values("The Sunday Courier said the port had been sold.", "2016-03-13")
    # A quoted sentence is no title: its weekday is a date.
    assert values("`` We will sign the deal on Monday , '' the mayor said.", "2016-03-13")["Monday"] == "2016-03-14"


def test_next_season_is_the_next_one_to_begin():
    assert values("Growers must finish the seed for next winter within two weeks.", "2017-06-11")["next winter"] \
        == "2017-WI"
    assert values("The ferry will run again next summer.", "2017-07-20")["next summer"] == "2018-SU"
    assert values("The ferry will run again next summer.", "2017-01-20")["next summer"] == "2017-SU"


def test_this_weekend_told_as_past_on_a_weekday_is_the_weekend_just_gone():
    assert values("The mayor earned two warm profiles this weekend in the local papers.",
                  "2016-07-18")["this weekend"] == "2016-W28-WE"
    # Told as ahead, it is the coming one.
    assert values("The mayor will visit the dam this weekend.", "2016-07-18")["this weekend"] == "2016-W29-WE"


def test_a_sundays_this_week_ahead_is_the_week_that_starts_next_day():
    assert values("Inspectors head back to the port this week, the ministry said.",
                  "2016-05-29")["this week"] == "2016-W22"
    # Not on another day, and not when told as past.
    assert values("Inspectors head back to the port this week, the ministry said.",
                  "2016-05-26")["this week"] == "2016-W21"
    assert values("Inspectors went back to the port this week.", "2016-05-29")["this week"] == "2016-W21"


def test_a_plan_or_arrangement_on_a_noun_takes_the_nearer_day():
    assert values("Shares rose on Thursday as a call with analysts planned for Friday raised hopes.",
                  "2016-06-02")["Friday"] == "2016-06-03"
    assert values("he told the radio station, in an interview to be broadcast later on Sunday.",
                  "2016-06-18")["Sunday"] == "2016-06-19"


def test_a_conjunct_shares_the_auxiliary_of_its_verb():
    v = values("A spokesman said the dome would be lowered onto the seabed by tomorrow and fixed to a drill "
               "ship over the weekend.", "2016-05-04")
    assert v["the weekend"] == "2016-W18-WE"


def test_whole_days_of_hours_count_as_days():
    v = values("The ferry left Brask on 3 April. 48 hours later it reached Ostra. Just over 30 hours later it "
               "sank.", "2016-04-20")
    assert v["48 hours later"] == "2016-04-05"
    assert v["30 hours later"] is None


def test_a_date_something_was_moved_to_is_its_new_date():
    assert values("The vote was postponed to March, the council said.", "2016-01-20")["March"] == "2016-03"
    assert values("The hearing was moved to Friday, the court said.", "2016-01-20")["Friday"] == "2016-01-22"
    assert values("The storm could delay the repair, pushing back the final seal of the dam to late August, "
                  "officials said.", "2016-07-24")["late August"] == "2016-08"
    # "to" after another verb is no new date.
    assert values("The council said it sent the letter to Brask in March.", "2016-05-20")["March"] == "2016-03"


def test_a_day_between_two_quotations_is_a_date():
    v = values('He said "no" on Monday and "yes" on Tuesday.', "2016-03-10")
    assert v["Monday"] == "2016-03-07" and v["Tuesday"] == "2016-03-08"
    assert "Sunday" not in values('She appeared on "Morning Report Sunday" twice.', "2016-03-10")


def test_this_weekend_is_the_coming_one_unless_the_words_say_it_is_past():
    assert values("The new skimmer may gain approval to operate this weekend.", "2016-07-05")["this weekend"] \
        == "2016-W27-WE"
