"""Claim class of the thirty-sixth session (issue 13), read off development set H's attribution misses. Every
sentence here is written for the test.

- a speaker's name written after a title ("The bakery's chief executive Seamus Connolly said") that the parser
  hangs on the verb (as an adverb, or split between an apposition and the verb) is still the speaker's: the claim
  had gone to "The company's managing director" or to "Seamus" alone, and the speaker found no entity."""
from __future__ import annotations

import pytest

from test_claims_classes import _claims

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, speaker", [
    ("The company's managing director Seamus Connolly said that the company is also meeting increasing demand "
     "from other parts of the world.", "The company's managing director Seamus Connolly"),
    ("The bakery's chief executive Seamus Connolly said that the bakery is also meeting increasing demand.",
     "Seamus Connolly"),
])
def test_a_name_after_a_title_that_the_parser_hangs_on_the_verb_is_the_speaker_s(text, speaker):
    assert [c.speaker_text for c in _claims(text)] == [speaker]


def test_a_name_already_in_the_phrase_gains_nothing():
    cs = _claims("The company's managing director, Seamus Connolly, said that demand had grown.")
    assert [c.speaker_text for c in cs] == ["Seamus Connolly"]

