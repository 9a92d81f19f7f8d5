"""Claim classes of the twenty-first session (issue 13), read off a build of 57 Timeline17 reports on the 2008
financial crisis (press-conference transcripts, reader chats, comment threads):

- a question in a transcript ("Do you believe that this is an appropriate amount?") read as a claim by "you";
- "they" as a speaker taken to be the one person named before it ("Some economists do; they note ...");
- "X has shown that he is ..." (what someone's acts show) and "who find themselves managing" read as claims.

Every name here is made up."""
from __future__ import annotations

import pytest

from test_claims_classes import _claims
from test_claims_round12 import _build

pytestmark = pytest.mark.slow


def _said(text: str) -> list[tuple[str | None, str]]:
    return [(c.speaker_text, text[c.content_start:c.content_end]) for c in _claims(text)]


def test_a_question_claims_nothing():
    text = ("QUESTION : Secretary Varga says that it is going to cost hundreds of billions of dollars .\n"
            "Senator Kern said perhaps even a trillion dollars .\n"
            "Do you believe that this is an appropriate amount ?\n"
            "And with that I will take three or four questions .")
    said = _said(text)
    assert ("you", "this is an appropriate amount") not in said
    assert [s for s, _ in said] == ["Secretary Varga", "Senator Kern"], said
    # a quoted question keeps its speaker
    assert _said('"Where has the money gone?" Senator Kern asked .')[0][0] == "Senator Kern"


def test_what_acts_show_and_where_people_find_themselves_are_no_claims():
    assert _said("Marsh has shown that he is a man of limited experience .") == []
    assert _said("Varga and Kern are two of the onetime Halvex figures who find themselves managing the crisis .") \
        == []
    # evidence still speaks, and so do investigators
    assert _said("Polls show that voters are angry .") == [("Polls", "voters are angry")]
    assert _said("Investigators found that the valve had failed .")[0][0] == "Investigators"


def test_they_is_never_the_one_person_named_before(tmp_path):
    data = _build(tmp_path, (
        '"Rates will stay low for a year," central bank chairman Ivo Marsh said on Monday.\n\n'
        "Not all economists agree with him. Some economists do; they note that downturns always involve losses.\n\n"
        '"It was a lapse in risk management," said Ada Kern, an analyst at Halvex Ratings. '
        "They added that the rating would be cut again."))
    names = {e["id"]: e["name"] for e in data["entities"]}
    by_text = [(c["speaker_text"], names.get(c["speaker"])) for c in data["claims"]]
    assert ("they", "Ivo Marsh") not in by_text and ("They", "Ada Kern") not in by_text, by_text
