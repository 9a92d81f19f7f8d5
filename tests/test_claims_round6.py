"""Claim classes of the twelfth session: each test on sentences written for it."""
from __future__ import annotations

import pytest
from test_claims import _claims     # the same one-article extraction


def _by(text, speaker):
    return [c for c in _claims(text) if c.speaker_text == speaker]


@pytest.mark.slow
@pytest.mark.parametrize("text,content", [
    # a denial set after the charge answers the charge, not the last noun the parser hangs the clause on
    ("A colleague had accused Mr Dorran of sexual misconduct, which he denies.",
     "A colleague had accused Mr Dorran of sexual misconduct"),
    ("Mr Dorran is accused of taking bribes from a contractor, which he denies.",
     "Mr Dorran is accused of taking bribes from a contractor"),
    ("The firm was fined for dumping waste, which it denies.", "The firm was fined for dumping waste"),
    # the charge named as a noun stays the noun phrase
    ("The mayor faces allegations of bribery in the port contract, which he denies.",
     "allegations of bribery in the port contract"),
])
def test_a_denial_after_a_charge_denies_the_charge(text, content):
    (c,) = [c for c in _claims(text) if c.stance == "denies"]
    assert c.content == content


@pytest.mark.slow
def test_the_accusers_words_stop_before_the_denial_of_another_speaker():
    (c,) = _by("A colleague had accused Mr Dorran of sexual misconduct, which he denies.", "A colleague")
    assert c.stance == "alleges" and c.content == "Mr Dorran of sexual misconduct"


@pytest.mark.slow
def test_untrue_that_inside_a_quote_mark_is_a_denial_of_the_speakers_act():
    # the quote mark makes the parser hang the that-clause on "untrue" rather than on "was"
    (c,) = _claims("In a statement, Mr Dorran said it was ‘categorically untrue that he has engaged in "
                   "misconduct of any kind’.")
    assert c.speaker_text == "Mr Dorran" and c.stance == "denies"


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,content", [
    ("The inquiry follows claims by a site engineer that the wall was cracked.", "a site engineer",
     "the wall was cracked"),
    ("The move came amid allegations from the opposition that the count was rigged.", "the opposition",
     "the count was rigged"),
])
def test_a_speech_noun_by_or_from_its_speaker(text, speaker, content):
    assert any(c.speaker_text == speaker and c.content == content for c in _claims(text))


@pytest.mark.slow
def test_who_was_warned_is_not_what_was_warned_of():
    (c,) = _claims("The foreman warned the managers about the cracks in the spillway.")
    assert c.speaker_text == "The foreman" and c.content == "the cracks in the spillway"


@pytest.mark.slow
def test_a_refusal_starts_at_its_own_verb_not_in_the_subjects_relative_clause():
    (c,) = _claims("The water board, which owns the reservoir and paid a contractor to inspect it, declined to "
                   "comment.")
    assert c.stance == "declines_comment" and c.content == "declined to comment"


@pytest.mark.slow
def test_a_phrase_quoted_as_the_head_of_a_reported_clause_leaves_the_clause_as_the_claim():
    (c,) = _claims('The audit said Ivo Marsh had been "made aware" of the second memo at a meeting in March.')
    assert c.speaker_text == "The audit" and c.kind == "reported"
    assert c.content.startswith("Ivo Marsh had been") and c.content.endswith("at a meeting in March")


@pytest.mark.slow
def test_a_quote_after_a_participle_on_the_writers_account_keeps_its_speaker():
    # the participle reports nothing of its own, so the quoted words are not left to it
    (c,) = _claims('Ana Pell, a fund manager, captured the mood at the firm, saying the loss "could sink the whole '
                   'company".')
    assert c.speaker_text == "Ana Pell" and c.content == "could sink the whole company"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The agency warned governments to prepare for a long battle.",
    "She also urged Ardenians to avoid travel to Belmar.",
    "He told people to stay at home.",
])
def test_an_appeal_or_an_instruction_is_no_claim(text):
    assert _claims(text) == []


@pytest.mark.slow
@pytest.mark.parametrize("text,content", [
    ("The agency warned that the flu could return.", "the flu could return"),
    ("He told reporters the dam was safe.", "the dam was safe"),
])
def test_the_same_verbs_with_a_clause_report_it(text, content):
    (c,) = _claims(text)
    assert c.content == content


def _claim(i, article, stance, text, content):
    from storyline.model import Claim, Source
    return Claim(f"c{i}", "e1", "the board", False, stance, text, article, 0, len(text), content=content,
                 sources=[Source(article, 0, len(text), text)])


def test_two_refusals_in_different_reports_stay_two_claims():
    from storyline import claims
    a = _claim(1, "a1", "declines_comment", "The board declined to comment, citing the inquiry.",
               "declined to comment")
    b = _claim(2, "a2", "declines_comment", "A spokeswoman said the board declined to comment further.",
               "declined to comment")
    assert len(claims.merge_repeats([a, b])) == 2


def test_one_refusal_carried_by_two_outlets_is_one_claim():
    from storyline import claims
    text = "The board declined to comment, citing the inquiry."
    a = _claim(1, "a1", "declines_comment", text, "declined to comment")
    b = _claim(2, "a2", "declines_comment", text, "declined to comment")
    (kept,) = claims.merge_repeats([a, b])
    assert [s.article for s in kept.sources] == ["a1", "a2"]


@pytest.mark.slow
@pytest.mark.parametrize("text,stance", [
    # the everyday senses of three verbs of misconduct
    ('"I, as someone who was covered up from head to toe, would not swim there," she said.', "asserts"),
    ('The ranger wrote that "dozens of seals lay dead along the shore."', "asserts"),
    ("Oil has covered the reeds in the delta, the agency said.", "asserts"),
    ("The senator said the agency covered up the leak.", "alleges"),
    ("The senator said the minister lied to parliament.", "alleges"),
    ('Kovac said Halvex was "either lying or they were incompetent".', "alleges"),
    ("She said the victims were lying in the street.", "asserts"),
    # a rule for whoever breaks it accuses no one; a named breaker is accused
    ("A ministry statement said on Tuesday those who violated the curfew would be fined.", "asserts"),
    ("The senator said the official who violated the rules should resign.", "alleges"),
    # an act done in the manner of a wrong
    ("The embassy said its citizens were being unfairly detained.", "alleges"),
    ("The auditor said the operator took shortcuts that raised the risk.", "alleges"),
    # what was done said not to be the wrong charged
    ('Officials said the measure was "a purely medical step" and not an act of discrimination.', "denies"),
    ("The minister said this is not a cover-up.", "denies"),
    ("The minister said this is not a new policy.", "asserts"),
])
def test_stance_of_misconduct_words_by_their_sense(text, stance):
    (c,) = _claims(text)
    assert c.stance == stance


@pytest.mark.slow
def test_a_verb_of_saying_inside_a_relative_clause_without_a_speaker_stays_in_the_claim():
    (c,) = _claims("Reached by phone, Ivo Marsh said he had nothing to add and hung up.")
    assert c.stance == "declines_comment" and c.content == "he had nothing to add and hung up"


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,content", [
    ("The health ministry has ruled out any risk of infection from tap water.", "The health ministry",
     "any risk of infection from tap water"),
    ("Police ruled out foul play.", "Police", "foul play"),
    ("The correspondent spoke of seeing about 100 bodies.", "The correspondent", "seeing about 100 bodies"),
    ("Port officials are worried it might return in a stronger form next winter.", "Port officials",
     "it might return in a stronger form next winter"),
    ("The mayor is confident that the dam will hold.", "The mayor", "the dam will hold"),
    # (since the thirteenth session the claim holds what the phrase was said of: tests/test_claims_round7.py)
    ('In an email to staff, the chief executive, Tom Reyes, called the blast "a tragic accident".', "Tom Reyes",
     'the blast "a tragic accident"'),
])
def test_speech_said_with_a_phrase(text, speaker, content):
    (c,) = _claims(text)
    assert (c.speaker_text, c.content) == (speaker, content)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Ministers ruled out a travel ban proposed by Ardenia.",     # a measure ruled out is a decision
    "The judge ruled on the appeal on Monday.",
    "He spoke to reporters on Monday.",
    "Port officials are worried.",
    "It is certain that the dam will hold.",
    "The union called a strike for Monday.",
    "The mayor called the decision a disgrace.",                 # only a judgement quoted is taken
    'The crowd gathered for what organisers call a "day of rage".',
])
def test_the_same_phrases_outside_the_frame_of_speech_make_no_claim(text):
    assert _claims(text) == []


@pytest.mark.slow
def test_a_phrase_that_says_its_own_words_speaks_no_quote_before_it():
    text = ('"We thought something had hit the building, but it was an earthquake."\n\n'
            "Other passengers spoke of their fears for family members left behind.")
    got = [(c.speaker_text, c.content) for c in _claims(text)]
    assert got == [("Other passengers", "their fears for family members left behind")]


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker", [
    ('Some are angry: "We cannot fish or swim."', "Some"),
    ('Halvex officials offer no apology, just an explanation: "It is unfortunate that some have misunderstood us."',
     "Halvex officials"),
])
def test_a_clause_introducing_a_quote_with_a_colon_gives_its_subject(text, speaker):
    (c,) = _claims(text)
    assert c.speaker_text == speaker and c.kind == "direct"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    'The message was clear: "Stay away from the coast."',         # a thing, not someone
    'The questions include: "Shall I cancel my trip?"',
    'Ana Pell was interviewed by Tom Reyes again: "It is not our problem."',   # which of the two speaks is open
])
def test_a_colon_after_a_thing_or_a_passive_names_no_speaker(text):
    assert all(c.speaker_text is None for c in _claims(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,content", [
    # the speaker's phrase set inside the clause is not among the words
    ("While it is not the army's intention to help the marchers gain ground, Halden Associates' Ana Pell explains, "
     "some of its actions are helping them continue the protests in a mostly peaceful setting.",
     "Halden Associates' Ana Pell", "While it is not the army's intention to help the marchers gain ground some of "
     "its actions are helping them continue the protests in a mostly peaceful setting"),
    ("The ferry, according to the port, was late.", "the port", "The ferry was late"),
    # a clause before "according to" is what it sources, though the tagger reads its verb as a participle
    ("The crowd at the harbour rally numbered into the thousands, according to some estimates, and the marchers "
     "came from four counties.", "some estimates", "The crowd at the harbour rally numbered into the thousands"),
])
def test_the_words_around_a_source_set_inside_them(text, speaker, content):
    assert any((c.speaker_text, c.content) == (speaker, content) for c in _claims(text))


@pytest.mark.slow
def test_an_impersonal_source_set_inside_the_clause_reports_the_pieces_around_it():
    (c,) = _claims("Such high concentrations, it is feared, would trigger the growth of algae, which use up oxygen.")
    assert c.speaker_text is None and c.anonymous
    assert c.content == "Such high concentrations would trigger the growth of algae, which use up oxygen"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Dr Holm is among the many who fear that the town will be forgotten.",
    "Dr Holm is one of those who say the town will be forgotten.",
])
def test_one_among_those_who_say_is_the_speaker(text):
    (c,) = _claims(text)
    assert c.speaker_text == "Dr Holm" and c.content == "the town will be forgotten"


@pytest.mark.slow
def test_a_participle_after_a_comma_has_no_inverted_speaker():
    got = _claims("She also urged Ardenians to avoid travel to Belmar, accusing its government of discrimination "
                  "for the quarantine measures.")
    assert {c.speaker_text for c in got} == {"She"}


@pytest.mark.slow
def test_an_appeal_told_in_the_passive_names_who_made_it():
    (c,) = _claims("Mayor Ivo Marsh was urged by opposition councillors to step aside while the audit runs.")
    assert c.speaker_text == "opposition councillors"


@pytest.mark.slow
def test_said_to_be_is_a_hedge_on_the_noun_not_a_speaker():
    assert _claims("Substantial foreign aid for the three million people said to be in need is due to begin "
                   "arriving within hours.") == []


@pytest.mark.slow
def test_said_to_with_another_verb_still_reports():
    (c,) = _claims("Officials said to expect delays.")
    assert c.speaker_text == "Officials"
