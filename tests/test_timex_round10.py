"""Time-expression classes of the twentieth session, seen reading a build of Timeline17 articles and written as
fresh sentences: "Last Wednesday" and "Last March" opening a sentence."""
from __future__ import annotations

from test_timex_round8 import values

import pytest

pytestmark = pytest.mark.slow

WEDNESDAY = "2031-05-07"


def test_last_and_next_opening_a_sentence_count_as_in_its_middle():
    # "Last Wednesday" written on a Wednesday is a week earlier, capital letter or not.
    assert values("Last Wednesday, the harbour master locked the gates.", WEDNESDAY) == \
        {"Last Wednesday": "2031-04-30"}
    assert values("The harbour master said last Wednesday that he would stay.", WEDNESDAY)["last Wednesday"] == \
        "2031-04-30"
    # "Next Friday" reads as "next Friday" does mid-sentence (the coming one).
    assert values("Next Friday the ferry will sail again.", WEDNESDAY) == \
        {"Next Friday": values("The ferry will sail again next Friday.", WEDNESDAY)["next Friday"]}
    # "Last March" in May is this year's March; a bare "March" in a past clause is too, so the year test is in
    # the month after it: "Last June" written in May is the year before.
    assert values("Last June the council closed the pier.", WEDNESDAY) == {"Last June": "2030-06"}
