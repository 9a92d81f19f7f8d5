"""Key events, fourth round: precision classes read off the false keys of the 44 labelled articles and checked on
set E. What was tried, asked or expected, and what a source says (an accusation, a warning, an appeal), is not a
happening a timeline lists. Sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.events import event_type
from storyline.salience import rank_fields

PUB = {"a1": "2031-07-16"}


def ev(summary, tense="past", date=None, start=300, type_="disaster", trigger=None, modality="asserted"):
    return {"summary": summary, "date": date, "date_basis": "stated" if date else None, "type": type_,
            "actors": ["e1", "e2"], "modality": modality, "independent_sources": 1, "tense": tense,
            "quoted": False, "trigger": trigger,
            "sources": [{"article": "a1", "start": start, "end": start + 60, "text": summary}]}


# -- the decision, on event dicts -----------------------------------------------------------------------------------
def test_what_was_tried_asked_or_expected_is_not_key_unless_it_has_its_day():
    tried = rank_fields(ev("Norvik Oil has tried to seal the well", "complement", type_="closure"), PUB)
    done = rank_fields(ev("Norvik Oil sealed the well", "past", type_="closure"), PUB)
    expected = rank_fields(ev("Regulators are expected to announce new rules today", "complement", "2031-07-16",
                              type_="statement", modality="planned"), PUB)
    assert not tried["key"] and "tried, asked or expected" in tried["weak"]
    assert done["key"] and not done["weak"]
    assert expected["key"] and "tried, asked or expected" not in expected["weak"]


def test_an_accusation_a_warning_or_an_appeal_is_said_not_done():
    blamed = rank_fields(ev("The governor blamed the spill on the operator", type_="accusation",
                            trigger="blamed"), PUB)
    warned = rank_fields(ev("The engineer warned the town", type_="statement", trigger="warned"), PUB)
    urging = rank_fields(ev("The union is urging drivers", "progressive", type_="statement", trigger="urging"), PUB)
    announced = rank_fields(ev("The ministry announced a ban on fishing", type_="statement",
                               trigger="announced"), PUB)
    declared = rank_fields(ev("The agency declared an emergency", type_="statement", trigger="declared"), PUB)
    dated = rank_fields(ev("Prosecutors accused the chief executive of negligence", date="2031-05-16",
                           type_="accusation", trigger="accused"), PUB)
    assert all("said, not done" in r["weak"] and not r["key"] for r in (blamed, warned, urging))
    assert announced["key"] and declared["key"]
    assert dated["key"] and "said, not done" not in dated["weak"]      # an act with its own day


def test_a_happening_named_by_a_noun_without_its_own_date_is_not_key():
    passing = ev("the flood in Talvor", None, type_="disaster", start=50)
    reported = {**ev("a review of trade pacts with Orland", None, type_="agreement", start=50),
                "date": "2031-07-16", "date_basis": "reported"}
    dated = ev("the July 14 flood in Talvor", None, "2031-07-14", start=50)
    verb = ev("The river flooded Talvor", "past", start=50)
    old_store = {k: v for k, v in passing.items() if k != "tense"}     # written before tenses were kept
    assert "named in passing" in rank_fields(passing, PUB)["weak"] and not rank_fields(passing, PUB)["key"]
    assert "named in passing" in rank_fields(reported, PUB)["weak"]
    assert rank_fields(dated, PUB)["key"] and rank_fields(verb, PUB)["key"]
    assert "named in passing" not in rank_fields(old_store, PUB)["weak"]


def test_a_disaster_that_claimed_lives_is_a_death_not_an_accusation():
    assert event_type("claim", {"flood", "claim", "its", "first", "victim"}) == "death"
    assert event_type("claim", {"storm", "lives", "life"}) == "death"
    assert event_type("claim", {"he", "was", "innocent"}) == "accusation"


# -- what the parse says ---------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,expected", [
    ("Norvik Oil has tried to seal the leaking well.", "seal", "complement"),
    ("All pupils were told to stay at home.", "stay", "complement"),
    ("The regulator is expected to announce new rules.", "announce", "complement"),
    ("Rioters began throwing stones at the police.", "throwing", "nonfinite"),      # the throwing happened
    ("The oil stopped flowing into the bay.", "flowing", "nonfinite"),
    ("The bank helped lead the rally.", "lead", "nonfinite"),
    ("Up to 90 people are believed to have died in the flood.", "died", "nonfinite"),   # a done happening
])
def test_a_complement_of_trying_or_asking_is_told_apart(text, trigger, expected):
    from storyline.events import tense
    from storyline import nlp
    doc = next(nlp.parse([text]))
    assert tense(next(t for t in doc if t.text == trigger)) == expected
