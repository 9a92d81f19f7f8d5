"""Time-expression classes of the twenty-first session, read off the errors of real-text sets H and I and written
here as fresh sentences: which way a clause's tense points when the parse hides it, quarters of a relative year, a
four-digit clock time before a day word, and a diary's day stamp in capitals."""
from __future__ import annotations

from test_timex_round8 import values

import pytest

pytestmark = pytest.mark.slow

WEDNESDAY = "2031-05-07"    # ISO week 19
SATURDAY = "2031-05-10"
SUNDAY = "2031-05-11"


def test_a_date_in_capitals_with_its_year():
    assert values("Filed 21 JANUARY 2031 , ARTS DESK The pun is back .", WEDNESDAY)["21 JANUARY 2031"] == \
        "2031-01-21"
    assert values("JUNE 3, 2031: the pier reopened.", WEDNESDAY)["JUNE 3, 2031"] == "2031-06-03"


def test_quarters_of_a_relative_year():
    v = values("Bonuses will depend on safety in the last quarter of this year .", "2031-10-25")
    assert v == {"the last quarter of this year": "2031-Q4"}
    assert values("Profits in the final quarter of 2030 fell .", "2031-10-25")["the final quarter of 2030"] == \
        "2030-Q4"
    assert values("Sales in the fourth quarter of last year rose .", "2031-10-25")[
        "the fourth quarter of last year"] == "2030-Q4"


def test_a_conjunct_shares_the_if_of_its_clause():
    # "if the fever spreads and grows worse in the winter": a present in a condition is a time ahead
    v = values("Officials warned that if the virus returns and becomes more deadly in the winter , there will be "
               "shortages .", WEDNESDAY)
    assert v["the winter"] == "2031-WI"


def test_a_pair_of_days_takes_one_reading():
    v = values("A clerk said an answer come Thursday or Friday .", WEDNESDAY)
    assert v == {"Thursday": "2031-05-08", "Friday": "2031-05-09"}
    # a past clause keeps both in the week before
    assert values("The clerk said the answer came on Thursday or Friday .", WEDNESDAY) == \
        {"Thursday": "2031-05-01", "Friday": "2031-05-02"}


def test_can_and_could_with_a_possibility_ahead():
    assert values("The divers can resume work on Saturday , the harbour office said .", WEDNESDAY)["Saturday"] == \
        "2031-05-10"
    assert values("Officials say the slick could reach the marshes Friday night .", WEDNESDAY)["Friday night"] == \
        "2031-05-09TNI"
    # what could be sensed was then: "could smell" stays past
    assert values("On Tuesday I could smell the smoke from the quay .", WEDNESDAY)["Tuesday"] == "2031-05-06"


def test_a_date_after_a_happening_is_that_happening_s():
    # "would bar ... after the collapse at its quarry in April": April is the collapse's, six months back
    v = values("Councillors backed a rule that would bar the firm from new contracts after the collapse at its "
               "quarry in April .", "2031-10-01")
    assert v["April"] == "2031-04"
    # the thing's day is read from the words when the parser hangs it on the verb: results are for a past quarter
    v = values("The firm is due to publish its results for the second quarter on Tuesday .", "2031-07-25")
    assert v["the second quarter"] == "2031-Q2"


def test_the_tense_of_the_clause_a_bare_participle_hangs_on():
    v = values("The ferry will be tested and watched to see if it can hold its moorings starting Tuesday morning "
               "for six hours , the harbour master said .", "2031-05-05")
    assert v["Tuesday morning"] == "2031-05-06TMO"
    v = values("The pumps could slow the repair by two weeks , pushing back the attempt to seal the pipe by "
               "cutting the valve to late August , engineers said .", "2031-07-24")
    assert v["late August"] == "2031-08"


def test_expected_by_a_month_lies_ahead():
    assert values("They expected 300 pumps in place by August .", "2031-07-06")["August"] == "2031-08"


def test_a_failure_happens_when_its_act_does():
    v = values("It is the second time he has stayed away , after his failure to attend the hearings in May .",
               "2031-07-20")
    assert v["May"] == "2031-05"


def test_a_thing_dated_under_a_present_activity():
    v = values("The measure blocked sites that are promoting a march on Monday , the agency reported Saturday .",
               SATURDAY)
    assert v["Monday"] == "2031-05-12"


def test_towards_a_time_is_ahead():
    v = values("The hope is that some of the slick could be burnt off towards the weekend .", "2031-05-05")
    assert v["the weekend"] == "2031-W19-WE"


def test_may_be_doing_is_a_guess_about_now():
    v = values("An unusually wet late spring may be helping the mosquitoes breed .", "2031-06-19")
    assert v["spring"] == "2031-SP"


def test_a_past_decision_s_act():
    v = values("The chairman stressed that the decision to suspend the payouts in June was for liquidity reasons .",
               "2031-09-13")
    assert v["June"] == "2031-06"
    assert values("He insisted that the choice to cut the route in June was a matter of money .", "2031-09-13")[
        "June"] == "2031-06"
    # a plan still ahead stays ahead
    v = values("He said the plan to close the depot in November would save money .", "2031-09-13")
    assert v["November"] == "2031-11"


def test_a_past_form_before_a_would_is_a_future_in_the_past():
    v = values("Forecasters predicted that the storm would strengthen before it was over the rigs about midday "
               "Saturday .", "2031-05-09")
    assert v["midday Saturday"] == "2031-05-10T12:00"     # one expression since set Q (a clock time before its day)


def test_a_shared_participle_the_tagger_read_as_past():
    v = values("A spokesman said the dome would be lowered onto the well by tomorrow and hooked up to a ship "
               "over the weekend .", WEDNESDAY)
    assert v["the weekend"] == "2031-W19-WE"


def test_an_unforeseeable_happening_named_by_its_day_is_past():
    v = values("Volunteers helping victims of Tuesday 's earthquake have been writing to us .", SUNDAY)
    assert v["Tuesday"] == "2031-05-06"
    # a scheduled thing keeps the nearer reading
    assert values("Friday 's protests will be large .", SUNDAY)["Friday"] == "2031-05-09"


def test_a_four_digit_clock_time_before_a_day_word():
    v = values("Around 1800 yesterday we reached the camp .", SUNDAY)
    assert v["1800 yesterday"] == "2031-05-10T18:00"    # one expression with its day word since set AC
    assert values("In 1998 Monday was a holiday .", SUNDAY)["1998"] == "1998"


def test_a_diary_s_one_day_stamp_in_capitals_anchors_the_page():
    from storyline.ingest.pubdate import heading_day, stamp_lines
    text = ("Aid workers have been sending their diaries .\nToday is a day of rest .\n"
            "SUNDAY 17 JANUARY - ANA LOPES This morning I flew back to the capital .\n")
    assert stamp_lines(text) == ["Sunday 17 January"]
    assert heading_day(stamp_lines(text), "2027-01-18") == "2027-01-17"
    # two stamps: each entry speaks from its own day, so no anchor for the page
    assert stamp_lines(text + "MONDAY 18 JANUARY - TOM REES We drove north .\n") == []


def test_what_a_coming_act_precedes_is_still_to_come():
    v = values("The board will decide whether to cut the payout before a meeting at the ministry on Wednesday .",
               "2031-05-09")
    assert v["Wednesday"] == "2031-05-14"


def test_a_season_in_a_name_is_no_date():
    assert "Spring" not in values("Tunisia , where the Arab Spring uprisings began , has joined the court .",
                                  WEDNESDAY)
    assert values("Last Spring the council met .", WEDNESDAY)["Last Spring"] == "2030-SP"


def test_a_diary_entry_s_day_and_zoned_clock_time():
    v = values("19 JANUARY, 1815 GMT, CROSSING THE BORDER Finally we are across .", "2032-01-20")
    assert v == {"19 JANUARY": "2032-01-19", "1815 GMT": "2032-01-19T18:15"}
    assert values("The treaty of 24 December 1814 ended the war .", "2032-01-20")["24 December 1814"] == "1814-12-24"


def test_a_quote_s_until_does_not_move_the_day_it_was_said():
    v = values('" There could be floods coming until August , " the minister told the radio on Sunday .',
               "2031-05-12")
    assert v["Sunday"] == "2031-05-11"


def test_by_a_means_is_no_deadline():
    v = values("Ana Lopes had hoped to raise 500 pounds by cycling five miles around the park on Sunday for the "
               "appeal .", "2031-05-12")
    assert v["Sunday"] == "2031-05-11"


def test_a_blurb_s_present_is_no_schedule_for_a_participle_under_it():
    v = values("The presenter travels out to the estuary , getting close to the spot where the ferry sank , with "
               "grim consequences on the 22nd April .", "2031-06-24")
    assert v["22nd April"] == "2031-04-22"
