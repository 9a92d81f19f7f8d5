"""Claims nobody is named for (ninth session, set I's errors): a charge in the passive, an impersonal "it is
estimated that", "there are fears that" and an unowned allegation are claims with no speaker, marked anonymous,
so a fact-checker sees them as unsourced. Sentences written for these tests."""
from __future__ import annotations

import pytest
from test_claims import _claims     # the same one-article extraction


def _one(text):
    got = _claims(text)
    assert len(got) == 1, [(c.speaker_text, c.content) for c in got]
    return got[0]


@pytest.mark.parametrize("text, stance, words", [
    ("The ferry operator was accused of ignoring safety warnings from the port.", "alleges",
     "ignoring safety warnings from the port"),
    ("The regional council has been criticised for delaying the flood report.", "alleges",
     "delaying the flood report"),
    ("It is estimated that some 4,000 homes lost power in the storm.", "asserts",
     "some 4,000 homes lost power in the storm"),
    ("It is alleged that the mayor took payments from the builder.", "alleges",
     "the mayor took payments from the builder"),
    ("There are fears that the river will burst its banks again.", "asserts",
     "the river will burst its banks again"),
    ("The audit led to allegations that the hospital had hidden its waiting lists.", "alleges",
     "the hospital had hidden its waiting lists"),
])
def test_a_claim_with_nobody_named_is_an_anonymous_claim_without_a_speaker(text, stance, words):
    c = _one(text)
    assert c.speaker_text is None and c.anonymous
    assert c.stance == stance
    assert c.content == words


def test_who_voices_a_fear_is_its_speaker():
    c = _one("Local farmers have expressed fears that the new dam will dry out their wells.")
    assert c.speaker_text == "Local farmers"
    assert c.content == "the new dam will dry out their wells"


@pytest.mark.parametrize("text", [
    "If the ferry operator is accused of negligence, the board will step in.",   # a condition
    "The operator, accused of negligence last year, has since changed its rules.",   # a description
    "The firm's shares fell on concerns that the merger would collapse.",   # the writer's framing
    "Was the council criticised for its response?",                        # a question
])
def test_no_claim_where_nothing_was_charged_or_said(text):
    assert [(c.speaker_text, c.content) for c in _claims(text)] == []


def test_a_charge_made_by_someone_named_stays_theirs():
    c = _one("The ferry operator was accused by the union of ignoring safety warnings.")
    assert c.speaker_text == "the union"
    assert c.stance == "alleges"


def test_a_fear_inside_a_named_source_s_words_is_that_source_s_claim_only():
    c = _one("The engineer said there were fears that the bridge would not hold.")
    assert c.speaker_text == "The engineer"
