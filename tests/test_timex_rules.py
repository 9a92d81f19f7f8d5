"""The rule table of timex: each kind of expression through its own row and handler, without find()'s passes."""
from __future__ import annotations

from datetime import date

import pytest

from storyline.timex import RULES, _matches, normalise

PUB = date(2025, 5, 16)   # a Friday
BY_KIND = {r.kind: r for r in RULES}
PAST, FUTURE = False, True

# kind, text, publication date, future tense?, previous date in the text, expected (type, value) or None
CASES = [
    ("mdy", "March 17, 2023", PUB, PAST, None, ("DATE", "2023-03-17")),
    ("mdy", "February 30, 2023", PUB, PAST, None, None),
    ("dmy", "the 17th of March 2023", None, PAST, None, ("DATE", "2023-03-17")),
    ("iso", "2023-03-17", PUB, PAST, None, ("DATE", "2023-03-17")),
    ("iso", "2023-02-30", PUB, PAST, None, None),
    ("stamp", "2023 03 7", PUB, PAST, None, ("DATE", "2023-03-07")),
    ("my", "early May 2019", PUB, PAST, None, ("DATE", "2019-05")),
    ("mon_rel_year", "October last year", PUB, PAST, None, ("DATE", "2024-10")),
    ("mon_rel_year", "5 May next year", PUB, PAST, None, ("DATE", "2026-05-05")),
    ("mon_rel_year", "last June", PUB, PAST, None, ("DATE", "2024-06")),
    ("mon_rel_year", "last June", None, PAST, None, ("DATE", None)),
    ("season_year", "autumn of 2020", PUB, PAST, None, ("DATE", "2020-FA")),
    ("quarter", "the third quarter of 2021", PUB, PAST, None, ("DATE", "2021-Q3")),
    ("quarter", "Q2 2024", PUB, PAST, None, ("DATE", "2024-Q2")),
    ("half", "the first half of 2009", PUB, PAST, None, ("DATE", "2009-H1")),
    ("half", "second half of 2026", PUB, FUTURE, None, ("DATE", "2026-H2")),
    ("quarter_rel", "the previous quarter", PUB, PAST, None, ("DATE", "2025-Q1")),
    ("quarter_rel", "the third quarter", PUB, PAST, None, ("DATE", "2024-Q3")),
    ("quarter_rel", "the third quarter", PUB, FUTURE, None, ("DATE", "2025-Q3")),
    ("week_num", "week 12", PUB, PAST, None, ("DATE", "2025-W12")),
    ("week_num", "week 60", PUB, PAST, None, ("DATE", None)),
    ("md", "March 17", PUB, PAST, None, ("DATE", "2025-03-17")),
    ("md", "March 17", PUB, FUTURE, None, ("DATE", "2026-03-17")),
    ("md", "March 17", None, PAST, None, ("DATE", "XXXX-03-17")),
    ("dm", "30 June", PUB, PAST, None, ("DATE", "2024-06-30")),
    ("holiday", "Christmas Eve", PUB, PAST, None, ("DATE", "2024-12-24")),
    ("holiday", "Christmas Eve", PUB, FUTURE, None, ("DATE", "2025-12-24")),
    # Easter Sunday fell on 20 April 2025 and falls on 5 April 2026
    ("easter", "Easter", PUB, PAST, None, ("DATE", "2025-04-20")),
    ("easter", "Easter", PUB, FUTURE, None, ("DATE", "2026-04-05")),
    ("easter", "Easter holidays", PUB, PAST, None, ("DATE", "2025-04")),
    ("rel_unit", "last month", PUB, PAST, None, ("DATE", "2025-04")),
    ("rel_unit", "next year", PUB, PAST, None, ("DATE", "2026")),
    ("rel_unit", "earlier this week", PUB, PAST, None, ("DATE", "2025-W20")),
    ("weekend", "last weekend", PUB, PAST, None, ("DATE", "2025-W19-WE")),
    ("weekend", "the weekend", PUB, FUTURE, None, ("DATE", "2025-W20-WE")),
    ("part_of_day", "Tuesday morning", PUB, PAST, None, ("TIME", "2025-05-13TMO")),
    ("part_of_day", "yesterday afternoon", PUB, PAST, None, ("TIME", "2025-05-15TAF")),
    ("part_of_day", "this night", PUB, PAST, None, None),
    ("deictic", "last night", PUB, PAST, None, ("DATE", "2025-05-15")),
    ("deictic", "tomorrow", PUB, PAST, None, ("DATE", "2025-05-17")),
    ("ago", "two weeks ago", PUB, PAST, None, ("DATE", "2025-W18")),
    ("ago", "three months ago", PUB, PAST, None, ("DATE", "2025-02")),
    ("ago", "5 years ago", PUB, PAST, None, ("DATE", "2020")),
    ("later", "six months later", PUB, PAST, "2025-03-03", ("DATE", "2025-09")),
    ("later", "the next day", PUB, PAST, "2025-03-03", ("DATE", "2025-03-04")),
    ("later", "the following week", PUB, PAST, "2025-03-03", ("DATE", "2025-W11")),
    ("later", "the day before", PUB, PAST, "2025-03-03", ("DATE", "2025-03-02")),
    ("later", "a year earlier", PUB, PAST, None, ("DATE", None)),
    ("later", "six days later", PUB, PAST, "2025-03", ("DATE", None)),
    ("vague_narrative", "days after", PUB, PAST, "2025-03-03", ("DATE", None)),
    ("clock", "3pm", PUB, PAST, None, ("TIME", "T15:00")),
    ("clock", "midnight", PUB, PAST, None, ("TIME", "T00:00")),
    ("clock", "1830 GMT", PUB, PAST, None, ("TIME", "T18:30")),
    ("clock", "13pm", PUB, PAST, None, None),
    ("set", "every Monday", PUB, PAST, None, ("SET", "XXXX-WXX-1")),
    ("set", "weekly", PUB, PAST, None, ("SET", "P1W")),
    ("weekday", "Tuesday", PUB, PAST, None, ("DATE", "2025-05-13")),
    ("weekday", "Tuesday", PUB, FUTURE, None, ("DATE", "2025-05-20")),
    ("weekday", "last Friday", PUB, PAST, None, ("DATE", "2025-05-09")),
    ("weekday", "this coming Friday", PUB, PAST, None, ("DATE", "2025-05-23")),
    ("mon", "in December", PUB, PAST, None, ("DATE", "2024-12")),
    ("mon", "in December", PUB, FUTURE, None, ("DATE", "2025-12")),
    ("mon", "next May", PUB, PAST, None, ("DATE", "2026-05")),
    ("season", "last summer", PUB, PAST, None, ("DATE", "2024-SU")),
    ("season", "the winter", PUB, FUTURE, None, ("DATE", "2025-WI")),
    ("decade", "the late 1990s", PUB, PAST, None, ("DATE", "199X")),
    ("short_decade", "'70s", PUB, PAST, None, ("DATE", "197X")),
    ("word_decade", "the early sixties", PUB, PAST, None, ("DATE", "196X")),
    ("short_decade", "the 70s", PUB, PAST, None, ("DATE", "197X")),
    ("this_decade", "the middle of this decade", PUB, PAST, None, ("DATE", "202X")),
    ("this_decade", "the end of the next decade", PUB, FUTURE, None, ("DATE", "203X")),
    ("duration", "six weeks", PUB, PAST, None, ("DURATION", "P6W")),
    ("duration", "seven and a half hours", PUB, PAST, None, ("DURATION", "PT7H30M")),
    ("duration", "three years and six months", PUB, PAST, None, ("DURATION", "P3Y6M")),
    ("duration", "two decades", PUB, PAST, None, ("DURATION", "P20Y")),
    ("duration", "a fortnight", PUB, PAST, None, ("DURATION", "P2W")),
    ("duration", "six and a half weeks", PUB, PAST, None, None),
    ("present", "currently", PUB, PAST, None, ("DATE", "PRESENT_REF")),
    ("past_ref", "recently", PUB, PAST, None, ("DATE", "PAST_REF")),
    ("future_ref", "soon", PUB, PAST, None, ("DATE", "FUTURE_REF")),
    ("year", "2018", PUB, PAST, None, ("DATE", "2018")),
    ("short_year", "in '98", PUB, PAST, None, ("DATE", "1998")),
    ("short_year", "of '24", PUB, PAST, None, ("DATE", "2024")),
    ("quarter", "the third quarter of '24", PUB, PAST, None, ("DATE", "2024-Q3")),
]


@pytest.mark.parametrize("kind,text,anchor,future,last,expected", CASES)
def test_each_rule_normalises_its_kind(kind, text, anchor, future, last, expected):
    rule = BY_KIND[kind]
    m = rule.rx.fullmatch(text)
    assert m is not None, f"the {kind} pattern does not match {text!r}"
    got = normalise(rule, m, anchor, future, last)
    assert (got[:2] if got else None) == expected


def test_every_row_of_the_table_is_tested():
    assert {c[0] for c in CASES} == set(BY_KIND)
    assert len(BY_KIND) == len(RULES), "two rows share a kind"


def test_tense_decides_only_the_rows_marked_tensed():
    tensed = {r.kind for r in RULES if r.tensed}
    assert {"md", "dm", "mon", "weekday", "season"} <= tensed
    assert not tensed & {"mdy", "dmy", "my", "iso", "year", "ago", "rel_unit"}


@pytest.mark.parametrize("text,kind", [
    ("on March 17, 2023", "mdy"),          # not the month-day row, though both match at "March"
    ("in March 2022", "my"),               # not the bare month
    ("last Friday", "weekday"),
    ("last month", "rel_unit"),
])
def test_the_longest_match_at_a_start_wins_then_the_earlier_row(text, kind):
    s0, m, rule = _matches(text)[0]
    assert rule.kind == kind and m.end() == len(text)
