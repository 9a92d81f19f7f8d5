"""Time-expression classes of the twenty-fourth session (issue 12), read off set L's errors after its first run
(bench/data/timex_real, held-out P 0.968 / R 0.919 before them). Every sentence here is written for the test.

- a plan told with "slated" or "planned", or one that "remains" so, is ahead ("the repair is slated for
  September");
- a participle used as an adjective ("will continue unabated until May") is no past tense: the verb above it decides;
- a season that opens a capitalised name ("the Winter Games", "Summer Olympics") is part of the name;
- a clock time with its conversion in brackets and then its day ("at 0800 local time (1300 GMT) on Monday"): both
  times are on that day;
- a wire page stamp written in numbers ("2011 03 14 06:20 JST") is a day and a time."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_a_slated_or_planned_date_is_ahead():
    # Saturday 9 July 2011: a September still to come, not last year's
    v = values("Engineers said the permanent repair of the dam is slated for September .", "2011-07-09")
    assert v["September"] == "2011-09"
    v = values("The final seal of the dam remains slated for mid-September , engineers said .", "2011-07-09")
    assert v["September"] == "2011-09"
    assert values("A vote is planned for October .", "2011-07-09")["October"] == "2011-10"
    # told as done, still the past one
    assert values("The repair was finished in September .", "2011-07-09")["September"] == "2010-09"


def test_a_participle_as_an_adjective_has_no_tense():
    v = values("Officials fear the leak will continue unabated until September .", "2011-07-09")
    assert v["September"] == "2011-09"
    # a past verb above it keeps the past
    assert values("The road stayed closed until March .", "2011-07-09")["March"] == "2011-03"


def test_a_season_in_a_name_is_no_season():
    v = values("She has covered the Winter Games in Oslo and the Summer Olympics in Rome .", "2011-07-09")
    assert not any(k.lower().endswith(("winter", "summer")) for k in v)
    assert values("The dam will be finished in the winter .", "2011-07-09")["the winter"] == "2011-WI"


def test_a_clock_time_and_its_conversion_take_the_day_after_them():
    v = values("Crews flew to the coast at 0800 local time ( 1300 GMT ) on 4 July .", "2011-07-09")
    assert v["0800 local time"] == "2011-07-04T08:00"
    assert v["1300 GMT"] == "2011-07-04T13:00"
    v = values("Crews flew to the coast at 0800 local time -LRB- 1300 GMT -RRB- on Monday .", "2011-07-09")
    assert v["Monday"] == "2011-07-04" and v["1300 GMT"] == "2011-07-04T13:00"
    # the day before the pair is the pair's too
    v = values("On 4 July at 0800 local time ( 1300 GMT ) crews flew to the coast .", "2011-07-09")
    assert v["1300 GMT"] == "2011-07-04T13:00"
    # with no day after them, still none
    v = values("Crews flew to the coast at 0800 local time ( 1300 GMT ) .", "2011-07-09")
    assert v["1300 GMT"] is None


def test_a_numeric_wire_stamp_is_a_day_and_a_time():
    v = values("2011 03 14 06:20 JST OSLO ( Reuters ) - The dam held overnight , officials said .", "2011-03-14")
    assert v["2011 03 14"] == "2011-03-14"
    assert v["06:20 JST"] == "2011-03-14T06:20"
    assert values("2011 03 4 06:20 JST OSLO ( Reuters ) - The dam held .", "2011-03-04")["2011 03 4"] == \
        "2011-03-04"
    # numbers in a sentence are no stamp
    assert "2011 03 14" not in values("The scores were 2011 03 14 in the three rounds .", "2011-03-14")
