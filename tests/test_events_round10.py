"""Event classes of the sixteenth session, read from the key events of the BP slice. Words written for the tests."""
from __future__ import annotations

from storyline.events import event_type


def test_a_markets_close_is_no_closure():
    assert event_type("close", {"share", "price", "friday"}) == "other"        # "the share price closed on Friday"
    assert event_type("reopen", {"markets", "tuesday"}) == "other"             # "the markets reopened on Tuesday"
    assert event_type("close", {"schools", "universities"}) == "closure"
    assert event_type("reopen", {"port", "airport"}) == "closure"


def test_a_target_is_an_attack_only_with_arms_or_forces():
    # "which companies or individuals were being targeted" by an inquiry; "the campaign targets young voters"
    assert event_type("target", {"companies", "individuals", "inquiry"}) == "other"
    assert event_type("target", {"campaign", "voters"}) == "other"
    assert event_type("target", {"forces", "power", "plants", "missile"}) == "attack"
    assert event_type("target", {"bombs", "villages"}) == "attack"
    assert event_type("target", {"hackers", "accounts"}) == "attack"
    assert event_type("attack", {"convoy"}) == "attack"


def test_naming_someone_is_an_appointment_only_to_a_post():
    # "newspapers named the couple", "she was named as the first person to die": who they are, not a post given
    assert event_type("name", {"newspapers", "couple", "tuesday"}) == "other"
    assert event_type("name", {"first", "person", "die"}) == "other"
    assert event_type("name", {"board", "chief", "executive"}) == "appointment"
    assert event_type("appoint", {"inquiry"}) == "appointment"


def test_a_chronologys_day_is_no_part_of_the_events_line():
    # Written for this test: a chronology's entries, "Month day - what happened"; the parser hangs the day on the
    # subject (and may read "May 28 - Ana Pell" as one date), so the line kept "2 - Ana Pell visits ...".
    from storyline import pipeline
    from storyline.model import Article
    text = ("How the Kestrow flood unfolded.\n\nMay 2 - Ana Pell visits the Kestrow dam to see the repairs.\n\n"
            "May 28 - Ana Pell tours the flooded valley on her second visit.\n\nOn May 3, Ana Pell visited the dam.\n")
    r = pipeline.analyse([Article("a1", "a1.txt", text=text, published="2031-06-01")])
    lines = sorted((e.date, e.summary) for e in r.events)
    assert ("2031-05-02", "Ana Pell visits the Kestrow dam") in lines
    assert ("2031-05-28", "Ana Pell tours the flooded valley on her second visit") in lines
    assert ("2031-05-03", "On May 3 Ana Pell visited the dam") in lines


def test_a_conjunct_of_a_participle_clause_borrows_the_same_subject():
    # Written for this test: "collapsing into the gorge" alone does not say what collapsed; it is the conjunct of
    # "killing 11 workers", whose doer is the host clause's subject.
    from storyline import pipeline
    from storyline.model import Article
    text = ("Kestrow report.\n\nSince the Talvor bridge gave way on April 20, killing 11 workers and eventually "
            "collapsing into the gorge, the valley road has been shut.\n")
    r = pipeline.analyse([Article("a1", "a1.txt", text=text, published="2031-06-01")])
    lines = [e.summary for e in r.events]
    assert any(s.startswith("the Talvor bridge") and "collapsing into the gorge" in s for s in lines), lines
    assert not any(s.startswith("collapsing") for s in lines)
