"""Event classes of the eighth session (issue 13), read off the false key events of sets G and H and the smoke
build: a past participle describing a noun, a person being named, and "meeting demand". Sentences written for these
tests (docs/events.md)."""
from __future__ import annotations

import pytest

from test_events import _events

LEAD = "Officials gave an update on Monday. "


def _by_trigger(text):
    _, evs = _events(text)
    return {e.trigger: e for e in evs}


@pytest.mark.slow
def test_an_undated_past_participle_on_a_noun_describes_the_noun():
    got = _by_trigger(LEAD + "The rig, owned by Transmar Ltd., sank on Thursday.")
    assert got["owned"].tense == "participle" and got["sank"].tense == "past"
    got = _by_trigger(LEAD + "The swine flu leaflet produced by the Department of Health.")
    assert got["produced"].tense == "participle"


@pytest.mark.slow
def test_harm_or_a_date_keeps_the_participle_a_happening():
    assert _by_trigger(LEAD + "Eleven workers killed in the blast were buried.")["killed"].tense == "nonfinite"
    assert _by_trigger(LEAD + "The rig, leased to Norvik Oil in 2001, sank.")["leased"].tense == "nonfinite"


@pytest.mark.slow
def test_a_person_named_in_passing_is_no_appointment():
    got = _by_trigger(LEAD + "Protest organisers saw the man, named Wael Tamir, as a leader.")
    assert "named" not in got
    got = _by_trigger(LEAD + "The board named Ida Rask chief executive on Friday.")
    assert got["named"].type == "appointment"


@pytest.mark.slow
def test_meeting_a_demand_is_no_meeting():
    got = _by_trigger(LEAD + "The company is meeting increasing demand from other parts of the world.")
    assert "meeting" not in got or got["meeting"].type != "meeting_or_visit"
    assert _by_trigger(LEAD + "The minister met the protesters on Monday.")["met"].type == "meeting_or_visit"


@pytest.mark.slow
def test_an_instruction_to_the_reader_is_no_event():
    assert "Visit" not in _by_trigger(LEAD + "Visit Webwise Help for full instructions.")
    assert "Send" not in _by_trigger(LEAD + "Send the editors an e-mail with your questions.")
    # a subject, or a verb further in, is a happening as before
    assert _by_trigger(LEAD + "The minister visited the flooded town on Tuesday.")["visited"].type == \
        "meeting_or_visit"


@pytest.mark.slow
def test_which_inside_a_relative_clause_stands_for_its_noun():
    # "which" is the subject of a clause inside the relative clause ("which officials suspect has killed"): the line
    # says what killed, not "which has killed"
    got = _by_trigger(LEAD + "Ministers are to meet on Thursday to discuss the outbreak, which officials suspect "
                             "has killed about 150 people in Varno.")
    assert got["killed"].summary.startswith("the outbreak has killed")
    got = _by_trigger(LEAD + "The minister, who aides said had resigned on Friday, left the country.")
    assert got["resigned"].summary.startswith("The minister")


@pytest.mark.slow
def test_a_participle_on_a_noun_is_told_with_its_noun():
    got = _by_trigger(LEAD + "A poll released on Thursday by the Clean Air campaign showed support.")
    assert got["released"].summary.startswith("A poll released on Thursday")
    # the second of two participles on one noun describes it too
    got = _by_trigger(LEAD + "The rig, owned by Transmar and leased by Norvik Oil, sank.")
    assert got["leased"].tense == "participle" and got["sank"].tense == "past"


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, wrong, right", [
    # read on the dense bpoil slice: a rig that "went down in flames" had resigned, an interview with a politician
    # was an investigation, what observers "assumed" was an appointment
    ("The drilling rig went down in flames on April 22.", "went", "leave_or_resignation", None),
    ("Palin was interviewed by Katie Lane on Monday.", "interviewed", "investigation", None),
    ("Vardo assumed the presidency on Monday.", "assumed", None, "appointment"),
    ("The minister went on leave on Friday.", "went", None, "leave_or_resignation"),
    ("Police interviewed the suspect as part of the investigation on Monday.", "interviewed", None, "investigation"),
    ("Five officials have been interviewed by court investigators in Kestrow.", "interviewed", None, "investigation"),
    ("Lund named a deputy who would assume Lund's tasks.", "assume", None, "appointment"),
    # a lawsuit "was dismissed" (a court's act) was a denial
    ("A lawsuit filed by the union was dismissed on Friday.", "dismissed", None, "verdict"),
    ("The union's appeal was dismissed by the court on Friday.", "dismissed", None, "verdict"),
    ("Lund dismissed the allegations on Friday.", "dismissed", None, "denial"),
])
def test_a_word_of_several_senses_types_only_the_sense_it_is_used_in(text, trigger, wrong, right):
    got = _by_trigger(LEAD + text)
    if right:
        assert got[trigger].type == right
    else:
        assert trigger not in got or got[trigger].type != wrong


@pytest.mark.slow
def test_what_observers_assumed_is_no_appointment():
    got = _by_trigger(LEAD + "This is what many observers have assumed from the images of oil.")
    assert "assumed" not in got or got["assumed"].type != "appointment"


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, type_", [
    # read on the dense Haiti slice: "was fired by the Home Secretary" was an attack, "a fresh catastrophe struck" too
    ("Professor Nutt was fired by the Home Secretary on Friday.", "fired", "other"),
    ("Mud is being pumped and fired into the broken pipe on Friday.", "fired", None),
    ("A fresh catastrophe struck the town on Friday.", "struck", "disaster"),
    ("Police fired tear gas at protesters on Friday.", "fired", "attack"),
    ("Israeli jets struck targets in Gaza on Friday.", "struck", "attack"),
    ("A man was shot dead in Kestrow on Friday.", "shot", "attack"),
])
def test_fire_shoot_and_strike_are_attacks_only_with_arms_or_fighters(text, trigger, type_):
    got = _by_trigger(LEAD + text)
    if type_ is None:
        assert trigger not in got or got[trigger].type != "attack"
    else:
        assert got[trigger].type == type_
