"""Time-expression classes of the thirty-second session read off set V's errors after its first run
(bench/data/timex_real, held-out V 0.952 / 0.917, 4.6 wrong years per 500 before them). Every sentence here is
written for the test.

- "this Friday" is the Friday of the publication's week, ahead or past; a future one already past is next week's;
- a holiday with "in" and its year ("the day before Thanksgiving in 2011") takes that year;
- a wire stamp's day before a clock time ("Wed, Dec 15 18:14 PM EST") is a day, the clock time no year."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_this_weekday_is_the_one_of_the_publication_week():
    # 2024-05-08 is a Wednesday
    v = values('The city was due to hold a "day of celebration" for the champion this Friday.', "2024-05-08")
    assert v["this Friday"] == "2024-05-10"
    v = values("The council met this Monday to discuss the flood.", "2024-05-08")
    assert v["this Monday"] == "2024-05-06"
    v = values("The council will meet this Monday.", "2024-05-08")
    assert v["this Monday"] == "2024-05-13"


def test_a_holiday_in_a_written_year_takes_that_year():
    v = values("It was the day before Thanksgiving in 2011 when rescuers found the stranded seal.", "2010-04-29")
    assert v["Thanksgiving in 2011"] == "2011-11-24"


def test_a_wire_stamp_day_before_its_clock_time_is_a_day():
    v = values("Wed, Dec 15 18:14 PM EST By Ana Pell KESTROW (Northern Wire) - The ministry on Wednesday sued the "
               "shipyard.", "2021-12-15")
    assert v["Dec 15"] == "2021-12-15"
    # a number that is no clock time after the day is still its year
    v = values("The deal of Dec 15 2019 held.", "2021-12-15")
    assert v["Dec 15 2019"] == "2019-12-15"
