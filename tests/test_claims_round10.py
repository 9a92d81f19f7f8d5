"""Claim classes of the seventeenth session: a negated act is a denial only when it is at issue. Sentences written
for these tests (docs/claims.md)."""
from __future__ import annotations

from test_claims_classes import _claims


def _stances(text: str) -> list[tuple[str, str]]:
    return [(c.speaker_text, c.stance) for c in _claims(text)]


def test_a_negated_plain_act_is_a_statement_not_a_denial():
    assert _stances('"We have not received any confirmed report of oil on the beach," Officer Lena Ahl said.') == \
        [("Officer Lena Ahl", "asserts")]
    assert _stances('"My teacher did not come today," the girl said.') == [("the girl", "asserts")]
    assert _stances('"I did not cry when my father died," Tomas Ek said.') == [("Tomas Ek", "asserts")]
    assert _stances("Harlow Mining said its demands had not changed since March.") == [("Harlow Mining", "asserts")]
    assert _stances('"We did not ask to be moved," said Ines Varga.') == [("Ines Varga", "asserts")]
    # figures and parts are not money or a part taken
    assert _stances('"We have not received the results," the mayor said.') == [("the mayor", "asserts")]
    assert _stances('"We did not receive the spare parts," the mayor said.') == [("the mayor", "asserts")]


def test_a_negated_act_one_is_held_to_account_for_is_a_denial():
    # a fault named as the object
    assert _stances("Harlow Mining said it did not make any mistakes at the mine.") == [("Harlow Mining", "denies")]
    assert _stances("The firm said it had taken no part in talks on the release.") == [("The firm", "denies")]
    assert _stances('"We did not take any money from the contractor," the minister said.') == \
        [("the minister", "denies")]
    # money taken
    assert _stances('"We never took a penny from the builders," said Ines Varga.') == [("Ines Varga", "denies")]
    # an act of the culpable kind
    assert _stances("Harlow Mining said it had not ordered the guards to fire.") == [("Harlow Mining", "denies")]
    assert _stances("Her lawyer said her client had never tried to hide anything.") == [("Her lawyer", "denies")]
    assert _stances("The utility said it had not cut off any household during the heatwave.") == \
        [("The utility", "denies")]
    # written as a denial: "never" with the speaker's own pronoun, or the matter pointed at
    assert _stances('"I never signed the letter," Tomas Ek said.') == [("Tomas Ek", "denies")]
    assert _stances('"We did not sign that lease," Tomas Ek said.') == [("Tomas Ek", "denies")]


def test_announcing_a_thing_named_in_a_few_words_is_no_claim():
    assert _stances("Mira Dahl, an election spokeswoman, announced the result in a news conference.") == []
    assert _stances("Ada Marsh announced her resignation on Friday.") == []
    # what is announced with its figure or news still is a claim
    assert _stances("The ministry announced 12 new cases on Friday.") == [("The ministry", "asserts")]
    assert _stances("Harlow Mining announced a fund for the families of the miners.") == \
        [("Harlow Mining", "asserts")]


def test_a_wrong_told_only_as_a_supposition_accuses_no_one():
    assert _stances('"Any firm that believes it was treated unfairly can now file a claim," Ines Varga said.') == \
        [("Ines Varga", "asserts")]
    assert _stances('"If they had any papers, they were stolen," Tomas Ek said.') == [("Tomas Ek", "asserts")]
    # told as what happened, it still accuses
    assert _stances('"Their papers were stolen," Tomas Ek said.') == [("Tomas Ek", "alleges")]


def test_the_writers_let_us_say_is_no_claim_and_a_speaker_starts_at_its_words():
    assert _stances("For argument's sake, let's say 30 million gallons have spilled to date.") == []
    assert _stances("Let us say that the rig was safe.") == []
    text = ('"We have seen evidence that users search for flu," Tomas Ek, lead engineer for the tracker, said in a '
            'briefing.\n\nStudies show that most people search online.')
    assert _stances(text)[0] == ("Tomas Ek", "asserts")


def test_a_headline_run_into_the_sentence_is_cut_off_the_speaker():
    text = ("The 1968 flu, which began in Hong Kong, killed up to a million people, with those over 65 most likely to "
            "die The Marlow Health Board has warned that the new cases could trigger a wider outbreak.")
    assert ("The Marlow Health Board", "asserts") in _stances(text)
    # a title written with its article stays in the phrase
    assert _stances("A spokesman for The Hague tribunal said the hearing would go ahead.") == \
        [("A spokesman for The Hague tribunal", "asserts")]
