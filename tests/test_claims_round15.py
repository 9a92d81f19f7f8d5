"""Claim classes of the twenty-third session (issue 13), read off a build of 74 Reuters reports on the 2009 flu.
Every sentence here is written for the test.

- a question quoted before its attribution ('"Do you think ...?" said a virologist in Talvor') has the person after
  the verb as its speaker, as a comma before the closing mark does; the build had left it unattributed;
- "who declined to be identified", "asked not to be identified", "requested anonymity" make an unnamed speaker
  anonymous, as "asked not to be named" did;
- a verb at the end of a coordination whose middle clause has a subject of its own does not take the first clause's
  subject: "Vaccines are a key weapon, but the bulk of production is in the west and officials in Asia find that
  worrying" was a claim of "Vaccines"."""
from __future__ import annotations

import pytest

from test_claims_classes import _claims

pytestmark = pytest.mark.slow


def test_a_quoted_question_before_said_has_its_speaker():
    cs = _claims('The plant is in Europe.\n\n"Do you really think the vaccine will be shipped here first?" '
                 ' said a virologist in Talvor, who declined to be identified.')
    assert [(c.speaker_text, c.anonymous) for c in cs] == [("a virologist in Talvor", True)]
    cs = _claims('"Will the ferry run again this winter?" asked Ines Coll, the harbour master.')
    assert [c.speaker_text for c in cs] == ["Ines Coll"]


@pytest.mark.parametrize("phrase", ["who declined to be identified", "who asked not to be identified",
                                    "who requested anonymity", "who did not want to be named"])
def test_an_unnamed_speaker_who_asks_not_to_be_named_is_anonymous(phrase):
    cs = _claims(f"The dam was never inspected, said an engineer at the plant, {phrase}.")
    assert [c.anonymous for c in cs] == [True]


def test_a_named_speaker_stays_named():
    cs = _claims("The dam was never inspected, said Ines Coll, an engineer who declined to be identified further.")
    assert [c.anonymous for c in cs] == [False]


def test_a_verb_after_a_clause_with_its_own_subject_does_not_take_the_first_subject():
    cs = _claims("Vaccines are the best defence against the fever, but most of the supply is made in the west and "
                 "doctors in Talvor find that worrying.")
    assert not any(c.speaker_text == "Vaccines" for c in cs), [c.speaker_text for c in cs]
    # a plain coordination keeps its subject
    cs = _claims("The ministry issued a statement and said the schools would reopen on Monday.")
    assert [c.speaker_text for c in cs] == ["The ministry"]


def test_the_dateline_s_place_is_never_the_speaker():
    # With its page stamp cut at ingest, a wire lead starts at its dateline, which the parser may make a second
    # subject of the reporting verb ("BERLIN" of "BERLIN (Reuters) - Germany's health agency said ...").
    for lead, who in [("TALVOR (Reuters) - The Marenland health agency said on Tuesday the fever had spread to "
                       "three more towns.", "The Marenland health agency"),
                      ("KESTROW (Reuters) - The Kestrow government on Wednesday confirmed the city's first case of "
                       "the fever.", "The Kestrow government"),
                      ("VELMAR (Reuters) - Marenland's Ministry of Health and Social Affairs said on Thursday the "
                       "agency would declare an epidemic.", "Marenland's Ministry of Health and Social Affairs")]:
        assert [c.speaker_text for c in _claims(lead)] == [who]


def test_a_live_page_s_update_stamp_is_no_part_of_the_speaker():
    # The parser hangs the stamp on the speaker's phrase, or makes its place the subject.
    cs = _claims("(Update 10:50 p.m. Talvor, 3:50 p.m. ET) NWR's Ana Pell says protesters inside the square are "
                 "safe.")
    assert [c.speaker_text for c in cs] == ["NWR's Ana Pell"], [c.speaker_text for c in cs]
