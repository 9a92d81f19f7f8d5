"""Event classes of the nineteenth session (issue 12: dates right on real text); sentences written for these tests."""
from __future__ import annotations


def test_a_count_of_days_from_a_date_does_not_date_the_clause_that_states_the_date():
    """'had arrived ... on 4 April and developed symptoms four days later': the parser may hang "four days later"
    on "arrived"; a count of days from 4 April dates what came after it, not the arrival."""
    import storyline
    text = ("The Tarnian boy had arrived in the border town of Kelby on 4 April and developed flu symptoms four days "
            "later, the health ministry said.")
    r = storyline.build_records([{"id": "a", "text": text, "date": "2009-04-29"}])
    arrived = [e for e in r.events if "arrived" in e.summary]
    assert arrived and arrived[0].date == "2009-04-04", [(e.date, e.summary) for e in r.events]
