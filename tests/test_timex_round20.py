"""Time-expression classes of the twenty-ninth session read off set R's errors after its first run
(bench/data/timex_real, held-out R 0.943 / 0.899, 6.8 wrong years per 500 before them). Every sentence here is
written for the test.

- a chronology run into one paragraph ("2 June : Inquiry opens 15 July : New cap brings ...") dates its entries
  by the nearer reading, as a chronology set out line by line does: the present is the entry's, not the date's;
- a present passive under "before"/"until"/"when" ("before the helpline is opened in the autumn") is ahead;
- what is to be done "before the autumn" with no past verb above it lies ahead of that autumn;
- "until the fall elections": a named thing that something lasts until lies ahead; "into the fall" is the season;
- "the early sixties" is a decade; "2000 out of 8700 hours" is a count;
- the other end of a range of days: "between 11 and 15 August", "April 21 - 22"."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_a_chronology_run_into_one_paragraph_takes_the_nearer_reading():
    text = ("Key dates. 3 March : Dam wall cracks , forcing 200 families out 19 March : Inspectors find a second "
            "fault 2 June : Repairs begin 15 July : New gates hold back the river 4 August : Council says the "
            "work is complete .")
    v = values(text, "2021-09-08")
    assert v["15 July"] == "2021-07-15" and v["4 August"] == "2021-08-04" and v["3 March"] == "2021-03-03"


def test_a_present_passive_under_before_is_ahead():
    v = values("Moss told MPs an alternative quick-response system was being developed in case the outbreak "
               "escalates before a dedicated flu helpline is opened in the autumn.", "2021-05-07")
    assert v["the autumn"] == "2021-FA"
    # a past passive keeps its past
    v = values("The minister said the old line was closed when the helpline was opened in the autumn.", "2021-05-07")
    assert v["the autumn"] == "2020-FA"


def test_before_a_season_with_no_past_verb_lies_ahead():
    v = values("Hence the urgency of the stepping-up of vaccine production before the autumn, experts predict.",
               "2021-06-12")
    assert v["the autumn"] == "2021-FA"
    v = values("The company sold the unit before the autumn.", "2021-06-12")
    assert v["the autumn"] == "2020-FA"


def test_the_fall_as_a_season_and_until_a_named_thing():
    v = values("Protesters want a caretaker government running the country until the fall elections.", "2021-02-04")
    assert v["the fall"] == "2021-FA"
    v = values("If the slick persists into the fall it could reach the southern beaches.", "2021-05-14")
    assert v["the fall"] == "2021-FA"
    assert "the fall" not in values("Shares were dragged down into the fall in prices.", "2021-05-14")
    v = values("The old rule held until the November elections.", "2021-02-04")
    assert v["November"] == "2020-11"


def test_a_decade_in_words_and_a_count_out_of_a_total():
    v = values("He has ruled the party since the early sixties; his rival is in her sixties.", "2011-01-31")
    assert v == {"the early sixties": "196X"}
    assert values("The sun shines 2000 out of 8700 hours a year there.", "2021-06-24") == {}


def test_the_other_end_of_a_range_of_days():
    v = values("The relief well will reach the old well some time between 11 and 15 August.", "2021-08-02")
    assert v["11"] == "2021-08-11" and v["15 August"] == "2021-08-15"
    v = values("Two blasts, killing 11 men April 21 - 22 - The valve failed to seal the well.", "2021-09-08")
    assert v["22"] == "2021-04-22"
    # a spaced dash between clauses is no range: "12 people", not 12 April
    v = values("The roof fell on April 10 - 12 people were hurt, officials said.", "2021-09-08")
    assert "12" not in v and v["April 10"] == "2021-04-10"
