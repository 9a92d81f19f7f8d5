"""Claim classes of the nineteenth session (issue 13), read on the demo build; sentences written for these tests."""
from __future__ import annotations

import pytest

from test_claims_classes import _claims


@pytest.mark.parametrize("text, speaker", [
    ("A statement on Friday said the plant would reopen.", "A statement"),
    ("A court in northern Marenland on Monday confirmed charges of negligence against the former chief.",
     "A court in northern Marenland"),
    ("The regional council last week said the bridge would reopen in May.", "The regional council"),
])
def test_a_time_phrase_the_parser_hangs_on_the_speaker_is_no_part_of_it(text, speaker):
    got = [c.speaker_text for c in _claims(text)]
    assert got and got[0] == speaker, got


def test_a_place_or_body_after_the_speaker_stays():
    got = [c.speaker_text for c in _claims("The mayor of Kestrow said on Monday the bridge would reopen.")]
    assert got == ["The mayor of Kestrow"], got


def test_a_date_inside_the_speakers_own_phrase_stays():
    text = "An inquiry into a helicopter crash in 1994 found that the pilots were not to blame."
    got = [c.speaker_text for c in _claims(text)]
    assert got and got[0].endswith("in 1994"), got

