"""Stance classes of the thirteenth session: what a claim does to the matter at issue, read from the claim's own
predicate. Sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.stance import claim_stance


@pytest.mark.parametrize("content, stance", [
    # what was done is called a wrong (the mirror of "this is not a cover-up")
    ("This is an abduction, not an adoption", "alleges"),
    ("This is like a kidnapping for us", "alleges"),
    ("it was a whitewash", "alleges"),
    ("This is a medical issue", "asserts"),
    ("This is not a cover-up", "denies"),
    # the claim tells of an accusation someone else made
    ("some experts blamed the outbreak on intensive farming in the valley", "alleges"),
    ("critics accuse the firm of negligence", "alleges"),
    # rules not followed, by another side or by nobody named
    ("key safety practices had not been followed on the platform", "alleges"),
    ("some nurses did not meet the standards of the profession", "alleges"),
    ("the ferry did not meet its timetable", "asserts"),
    # a protection put out of action
    ("the alarm system had been disabled a year before the fire", "alleges"),
    ("vital warning systems were switched off at the time of the blast", "alleges"),
    ("the crew bypassed the safety valve", "alleges"),
    ("the lights were switched off at midnight", "asserts"),
    # violence against people, or its threat, by another side
    ("Plainclothes police beat the protesters outside the court", "alleges"),
    ("They are attacking journalists", "alleges"),
    ("the guards threatened to beat them", "alleges"),
    ("the striker beat two defenders and scored", "asserts"),
    ("the minister attacked the plan in parliament", "asserts"),
    ("the union threatened to strike", "asserts"),
    # the speaker's side says its own act was proper: a denial; said of others, or promised, it is not
    ("we acted properly throughout", "denies"),
    ("the committee acted properly", "asserts"),
    ("the board will act responsibly", "asserts"),
    ("The steps we have taken have been important in allowing us to respond appropriately", "asserts"),
    ("If we find they are not doing their job, we will push them out of the way appropriately", "asserts"),
])
def test_the_claims_own_predicate_gives_its_stance(content, stance):
    assert claim_stance("say", content) == stance


def test_proper_conduct_in_reported_speech_is_the_speakers_own():
    assert claim_stance("say", "he is operating independently of the company", reported=True) == "denies"
    assert claim_stance("say", "he is operating independently of the company", reported=False) == "asserts"
    # a thing handled properly, in a condition, is nobody's conduct
    assert claim_stance("say", "the meat can not carry the virus if it is cooked properly", reported=True) == "asserts"


def test_a_quoted_phrase_is_claimed_with_what_it_was_said_of():
    from test_claims import _claims
    got = {c.content for c in _claims('Veldt has previously described Norland as a "crime scene," and has also '
                                      'visited the town.')}
    assert 'Norland as a "crime scene,"' in got
    got = {c.content for c in _claims('The mayor called the ruling "a disgrace" on Monday.')}
    assert 'the ruling "a disgrace"' in got
    # a whole quoted sentence is left as it was
    got = {c.content for c in _claims('"The ruling is a disgrace," the mayor said.')}
    assert "The ruling is a disgrace," in got


def test_a_phrase_said_of_a_relative_pronoun_is_left_as_quoted():
    from test_claims import _claims
    got = {c.content for c in _claims('The leak has become what an engineer ominously described as a "nightmare".')}
    assert "nightmare" in got


def test_two_speakers_joined_by_as_well_as_are_one_speaker():
    from test_claims import _claims
    assert [c.speaker_text for c in _claims("Doctors as well as nurses said the ward was full.")] == \
        ["Doctors as well as nurses"]
