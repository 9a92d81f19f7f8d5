"""Time-expression classes of the thirty-fourth session (set AA). Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_a_clock_time_takes_a_day_written_near_it_in_the_forms_of_stamps_and_schedules():
    # 2029-05-08 is a Tuesday
    v = values("The ferry from Tallinn docked in Visby on Tuesday at about 1300 local time (1100 GMT) to take on "
               "the stranded hikers.", "2029-05-08")
    assert v["1300 local time"] == "2029-05-08T13:00" and v["1100 GMT"] == "2029-05-08T11:00"
    v = values("The briefing will be held Friday (May 11, 2029) at 10:30 a.m. EDT by the port authority.",
               "2029-05-08")
    assert v["10:30 a.m. EDT"] == "2029-05-11T10:30"
    v = values("8 May 2029 Last updated at 06:54 GMT The harbour board has sued the ferry line.", "2029-05-08")
    assert v["06:54 GMT"] == "2029-05-08T06:54"
    v = values("Broadcast on Radio Visby, 4:30 PM Tue, 8 May 2029", "2029-05-08")
    assert v["4:30 PM"] == "2029-05-08T16:30"
    v = values("A curfew would be imposed again on Wednesday starting at 3 p.m.", "2029-05-08")
    assert v["3 p.m."] == "2029-05-09T15:00"
    # a clock time with no day near it still has none
    v = values("The pumps were stopped at 1425 local time (1925 GMT), the engineer said.", "2029-05-08")
    assert v["1425 local time"] is None


def test_a_programme_title_in_quotes_after_a_quotation_that_began_on_the_line_before():
    # the quotation marks as the pipeline sees them: straight, and a quoted paragraph running over two lines
    text = ('"You sent Admiral Varga, and we think the world of her.\n'
            'She came here after the storm and did a great job," Governor Lind said on "Harbor News Sunday."\n'
            '"We must stop the leak.\nWe will," Senator Hale said on the network\'s "This Week," where she appeared '
            "with Lind.")
    v = values(text, "2029-05-06")
    assert "Sunday" not in v and "This Week" not in v
    # a quotation that starts with a small word is speech, not a title
    v = values('"We will act.\nWe said it," she said, "on Monday."', "2029-05-06")
    assert v["Monday"] == "2029-04-30"


def test_late_or_early_before_a_month_and_day_is_that_day():
    v = values("He took part in the fateful decision late April 20 to replace the heavy mud with seawater.",
               "2029-08-26")
    assert v["late April 20"] == "2029-04-20"
    v = values("Sales rose in late May, 20 percent up on the year.", "2029-08-26")
    assert v["late May"] == "2029-05"


def test_a_nuclear_winter_is_no_season():
    assert "winter" not in values("The lobby says we still live under the threat of a nuclear winter.",
                                  "2029-08-17")
    assert values("The new hangar will be ready by winter.", "2029-08-17")["winter"] == "2029-WI"


def test_this_weekend_before_a_past_perfect_on_a_monday_is_the_weekend_just_gone():
    # 2029-01-29 is a Monday
    v = values("As of this weekend, roughly 9,000 fishermen had filed claims with the fund.", "2029-01-29")
    assert v["this weekend"] == "2029-W04-WE"
    v = values("The fund will pay the first claims this weekend.", "2029-01-29")
    assert v["this weekend"] == "2029-W05-WE"


def test_a_count_of_days_after_a_part_of_a_day_counts_from_that_day():
    # 2029-01-27 is a Saturday
    v = values("On Friday a farmer was pulled from the rubble. His daughter said she had heard his calls on "
               "Thursday morning and, almost a day later, she dug him out.", "2029-01-27")
    assert v["a day later"] == "2029-01-26"


def test_a_bare_month_after_a_list_of_happenings_each_with_its_year_is_read_alone():
    v = values("That still leaves the flood of 2021, the drought in 2022, the slump that began in 2026 and the "
               "landslide in Orsk in January.", "2029-06-06")
    assert v["January"] == "2029-01"
    # one written year still sets the scene of its sentence
    v = values("In 2021, a first wave of the fever came in April.", "2029-06-06")
    assert v["April"] == "2021-04"


def test_a_mark_glued_to_the_word_before_a_title_is_judged_by_the_count_of_the_line():
    # a page whose spaces around quotation marks were lost: 'on" The Daily Report,"' still opens a title
    assert "Daily" not in values('Jon Sten, on" The Daily Report," mocked the mayor for his speech.', "2029-06-04")


def test_a_count_later_than_a_schedule_is_a_comparison_not_a_date():
    v = values("The leak forced a halt to the tests, which began Wednesday afternoon -- already a day later than "
               "first scheduled.", "2029-07-12")
    assert not any(x.startswith("2029-07-12") for k, x in v.items() if k != "Wednesday afternoon" and x)
    assert v["Wednesday afternoon"] == "2029-07-11TAF"
    v = values("The tests began on Wednesday, a day later than first scheduled.", "2029-07-12")
    assert v["Wednesday"] == "2029-07-11" and "a day later" not in v
    v = values("The barge sank on Wednesday. Two days later, oil came ashore.", "2029-07-12")
    assert v["Two days later"] == "2029-07-13"


def test_a_day_set_for_in_a_past_passive_takes_the_nearer_reading():
    # was set to: an arrangement made in the past, for a day before or after publication alike
    v = values("The minister was set to fly to Orsk to see the clean-up at 3am on 5 May. A day later, the visit was "
               "called off.", "2029-05-21")
    assert v["5 May"] == "2029-05-05" and v["3am"] == "2029-05-05T03:00" and v["A day later"] == "2029-05-06"
    # in the present it lies ahead
    assert values("The minister is set to fly to Orsk on 5 May.", "2029-05-21")["5 May"] == "2030-05-05"


def test_about_a_week_after_a_dated_happening_is_the_week_it_reaches():
    v = values("Tar first came ashore about a week after the 20 April blast on the platform.", "2029-09-06")
    assert v["a week after"] == "2029-W17"


def test_a_day_a_thing_had_been_due_on_takes_the_nearer_reading():
    # 2030-01-19 is a Saturday: what had been due on Friday was due yesterday
    v = values("A cargo flight that had been due to land on Friday was sent to another airport, and is due to reach "
               "the city by road on Sunday.", "2030-01-19")
    assert v["Friday"] == "2030-01-18" and v["Sunday"] == "2030-01-20"
    # a rule written in the present under a past verb of another clause keeps its own reading
    v = values("It was ratified in 1933, and it says that new terms start on January 20th.", "2030-01-19")
    assert v["January 20th"] != "1933-01-20"


def test_two_four_digit_times_that_share_a_zone_are_clock_times_not_years():
    v = values("Radio Visby will carry the address live between 2300 and 0200 GMT (1900 to 2200 EST).", "2029-06-15")
    assert set(v) == {"2300", "0200 GMT", "1900", "2200 EST"} and not any(v.values())   # no day written near them
    v = values("The harbour was dredged from 1990 to 2010.", "2029-06-15")
    assert v["1990"] == "1990" and v["2010"] == "2010"
