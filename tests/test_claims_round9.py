"""Claim classes of the sixteenth session: a negation that denies nothing. Sentences written for these tests."""
from __future__ import annotations

from test_claims_classes import _claims


def _stances(text: str) -> list[tuple[str, str]]:
    return [(c.speaker_text, c.stance) for c in _claims(text)]


def test_a_negated_progressive_passive_aside_or_condition_is_no_denial():
    # what was going on, not an act done
    assert _stances("The council said it was not advising residents to leave their homes.") == \
        [("The council", "asserts")]
    # what was done to someone ("she" need not be the speaker)
    assert _stances("Mira Holt, the head teacher, said she had not been given the test results.") == \
        [("Mira Holt", "asserts")]
    # the reporter's aside in a relative clause
    assert _stances('Ivo Brand said the police would act "if needed", a caveat he did not include for the army.') \
        == [("Ivo Brand", "asserts")]
    # a condition
    assert _stances('"We might save nobody if we were not there," said Ivo Brand.') == [("Ivo Brand", "asserts")]


def test_a_negated_act_of_the_speakers_own_is_still_a_denial():
    assert _stances("The company said it had not dumped any waste in the river.") == [("The company", "denies")]
    assert _stances("The company said it had not been involved in the deal.") == [("The company", "denies")]
    assert _stances('"We never signed that contract," the mayor said.') == [("the mayor", "denies")]


def test_a_literal_sense_a_question_or_a_sufferer_accuses_no_one():
    # "siphon", "divert": moving oil or flights is no misappropriation; moving money is.
    assert _stances("The company said it siphoned more oil to the tanker on Tuesday.") == \
        [("The company", "asserts")]
    assert _stances("Harbour officials said the ferries were diverted to Tarnow.") == [("Harbour officials", "asserts")]
    assert _stances("Auditors said the mayor siphoned aid money to his cousin.") == [("Auditors", "alleges")]
    # an open question asks, and accuses no one
    assert _stances("Lawyers said police are examining whether the firm ignored warnings, falsified records or "
                    "tampered with the pumps.") == [("Lawyers", "asserts")]
    # those who suffer do no wrong
    assert _stances("Fishermen said the villages were suffering unfairly.") == [("Fishermen", "asserts")]
    assert _stances("Residents said the council illegally sold the park.") == [("Residents", "alleges")]
