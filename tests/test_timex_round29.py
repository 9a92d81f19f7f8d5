"""Time-expression classes of the thirty-fifth session's third blind set (AD). Sentences written for the test."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_this_quarter_is_the_quarter_of_writing():
    assert values("The firm expects to pay this quarter's levy in full.", "2031-06-04")["this quarter"] == "2031-Q2"


def test_a_weekday_with_its_date_in_brackets_is_that_date():
    # 2031-03-11 is a Tuesday
    v = values('"I learned how bad this was on Tuesday (March 11)," the minister said.', "2031-03-19")
    assert v["Tuesday"] == "2031-03-11"


def test_a_count_before_more_or_times_is_no_year():
    assert "2000" not in values("By then the oil will be roughly 2000 more dilute than at the source.", "2031-06-04")
    assert values("The well was drilled in 2000 and sealed in 2004.", "2031-06-04")["2000"] == "2000"


def test_before_that_opening_a_clause_is_no_narrative_count():
    v = values("A relief well could take up to three months before that is completed.", "2031-06-04")
    assert "three months before that" not in v
