"""Temporal expressions: explicit, anchored on publication by tense, narrative, and never an invented year."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.timex import find

PUB = date(2025, 5, 16)   # a Friday


def values(text, anchor=PUB):
    return [(t.text, t.value) for t in find(text, anchor)]


@pytest.mark.parametrize("text,expected", [
    ("On March 17, 2023, the court acted.", ("March 17, 2023", "2023-03-17")),
    ("It happened on 17 March 2023 in the capital.", ("17 March 2023", "2023-03-17")),
    ("The invasion on Feb. 24, 2022 began the war.", ("Feb. 24, 2022", "2022-02-24")),
    ("He arrived in March 2022.", ("March 2022", "2022-03")),
    ("The probe started in December.", ("December", "2024-12")),
    ("It was reported in October last year.", ("October last year", "2024-10")),
    ("The election will be held in June.", ("June", "2025-06")),
    ("Last month it emerged that more had come forward.", ("Last month", "2025-04")),
    ("The minister resigned on Friday.", ("Friday", "2025-05-16")),
    ("The minister spoke on Tuesday.", ("Tuesday", "2025-05-13")),
    ("The vote this coming Friday will decide it.", ("this coming Friday", "2025-05-23")),
    ("It was a record last year.", ("last year", "2024")),
    ("He said it yesterday.", ("yesterday", "2025-05-15")),
    ("Two weeks ago the talks failed.", ("Two weeks ago", "2025-05-02")),
    ("The warrant was issued in 2018.", ("2018", "2018")),
])
def test_normalised_values(text, expected):
    assert expected in values(text)


def test_narrative_anchor_counts_from_the_previous_date():
    got = values("The dam failed on 3 March 2025. Six months later, the inquiry reported.")
    assert ("Six months later", "2025-09") in got


def test_no_invented_year_without_publication_date():
    got = values("He spoke on March 7 and again in May, then on Friday.", anchor=None)
    assert ("March 7", "XXXX-03-07") in got and ("May", "XXXX-05") in got
    assert ("Friday", "XXXX-WXX-5") in got
    assert not any(v and v[:4].isdigit() for _, v in got)


def test_numbers_that_are_not_dates_are_ignored():
    got = values("Of 24.5 million votes, 10.4 million went to him; the 55-year-old paid $2025 in fees.")
    assert not any(v and v[:4] in ("2025",) and t == "2025" for t, v in got)
    assert got == [] or all(t not in ("24.5", "55") for t, _ in got)


def test_may_the_verb_is_not_a_month():
    assert values("The court may decide soon, and it may take weeks.") in ([], [("soon", "FUTURE_REF")])
