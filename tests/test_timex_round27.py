"""Time-expression classes of the thirty-fifth session (set AB). Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_the_same_day_is_the_day_given_last():
    v = values("On March 3, the ferry line signed a contract with the shipyard. That same day, the port authority "
               "agreed to inspect the hull.", "2031-09-12")
    assert v["March 3"] == "2031-03-03" and v["That same day"] == "2031-03-03"
    v = values("In a memo on 14 June, an engineer warned of cracks. Later on the same day, his manager replied.",
               "2031-09-12")
    assert v["the same day"] == "2031-06-14"
    # the day of a happening the words name is not the day given last
    v = values("On 14 June the strike began. In a post the same day as the mayor's speech, the union replied.",
               "2031-09-12")
    assert v.get("the same day") is None
    # a month is too coarse to give a day
    assert values("In May the yard closed. The same day, the union met.", "2031-09-12").get("The same day") is None


def test_decades_written_without_an_apostrophe_or_named_from_now():
    v = values("Nobody has tried a funnel like this since the 70s, when a rival firm attempted it.", "2031-09-12")
    assert v["the 70s"] == "197X"
    # a temperature is no decade
    assert "the 70s" not in values("Highs will be in the 70s on Sunday along the coast.", "2031-09-12")
    v = values("Starting around the middle of this decade, the island's exports grew fast.", "2039-02-01")
    assert v["the middle of this decade"] == "203X"
    v = values("Debt is projected to double by the end of the next decade, analysts said.", "2039-02-01")
    assert v["the end of the next decade"] == "204X"
    # a span ahead has no calendar value
    assert not values("The levy will raise 9 billion over the next decade.", "2039-02-01").get("the next decade")


def test_a_year_inside_a_quoted_name_still_names_its_year():
    v = values('Critics mocked the senator as Ned "1972 Harbour Act" Voss at the rally.', "2031-09-12")
    assert v["1972"] == "1972"


def test_a_word_joined_to_a_season_by_a_hyphen_is_no_season():
    assert "spring" not in values("They drew on the well-spring of local goodwill.", "2031-09-12")
    assert values("The herons return in mid-spring each year, wardens said.", "2031-09-12").get("spring") is not None


def test_a_later_clock_time_listed_with_a_dated_one_is_on_its_day():
    # 2031-09-12 is a Friday
    v = values("Watch the next edition on Saturday, 20 September at 0330 GMT and 1830 GMT.", "2031-09-12")
    assert v["0330 GMT"] == "2031-09-20T03:30" and v["1830 GMT"] == "2031-09-20T18:30"


def test_could_be_done_by_a_month_is_ahead_and_its_partner_month_too():
    v = values("The second relief well could be done by late October or November.", "2031-09-12")
    assert v["late October"] == "2031-10" and v["November"] == "2031-11"


def test_a_period_through_a_month_after_a_past_perfect_takes_the_nearer_reading():
    v = values('"When the spill came, I had every single day booked through October," the skipper said.',
               "2031-09-12")
    assert v["October"] == "2031-10"
    # a deadline after a past perfect stays past
    v = values("Crews had sealed the breach by October, the report said.", "2031-12-12")
    assert v["October"] == "2031-10"


def test_a_line_labelled_with_its_day_counts_last_week_from_that_day():
    # 2031-09-14 is a Sunday; the caption's day, Saturday 13 September, is in the week after the collapse's
    text = ("Pictures of the week\n"
            "Sept. 13 : Gulls rest on booms laid out after last week 's collapse of the pier at Varno .\n"
            "The pier collapsed last week , the council said .")
    from storyline import timex
    from datetime import date
    got = [(t.text, t.value) for t in timex.find(text, date(2031, 9, 14))]
    assert got[1] == ("last week", "2031-W36") and got[2] == ("last week", "2031-W37")
