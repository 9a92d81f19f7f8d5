"""Cast classes of the twenty-first session (issue 13), read off a build of 57 Timeline17 reports on the 2008
financial crisis and written here as fresh sentences (every name is made up, but for the US states):

- a US postal code after a town or alone ("Jackson, MS", "back in DC") is its state, not the initials of a longer
  name ("Main Street", "Dartmouth College") nor a state its letters spell in order ("Massachusetts");
- father and son (different middle initials) are two people, and a name without the initial joins the one the
  corpus names most, never both;
- a bare surname shared by several people of the corpus goes to the one named three times as often as any other
  when the article shares context with him;
- a greeting before a name ("Hi Barbara") and a headline's verb between two surnames ("Obama Resists McCain") are
  no part of a name; a name cut after its middle initial ("Chairman Ben S.") is the full name the text goes on with;
- a month alone is no body; a known state or city before a body's noun ("California Republicans") stays a place."""
from __future__ import annotations

import pytest

from test_cast_classes import _cast, _names

pytestmark = pytest.mark.slow


def _entity(ents, name):
    return next(e for e in ents if e.name == name)


def test_a_postal_code_is_its_state():
    ents, _ = _cast("Ada Kern, 51, of Jackson, MS, lost her house. Shops along Main Street closed early.",
                    "Voters in Massachusetts were angry. Back in DC, the senators argued. Officials in Washington, "
                    "D.C. said the vote would wait. Dean Hollis of Dartmouth College spoke.")
    by_alias = {a: e.name for e in ents for a in e.aliases}
    assert by_alias["MS"] not in (by_alias.get("Main Street"), by_alias.get("Massachusetts"))
    assert by_alias["DC"] == by_alias["D.C."] != by_alias.get("Dartmouth College")


def test_father_and_son_stay_two_people():
    texts = ["President George W. Bush signed the bill. George W. Bush said it would work.",
             "George H.W. Bush, his father, praised it.",
             "George Bush, then governor, met the bankers. President George W. Bush spoke again."]
    ents, _ = _cast(*texts)
    w, hw = _entity(ents, "George W. Bush"), _entity(ents, "George H.W. Bush")
    assert "George H.W. Bush" not in w.aliases and "George W. Bush" not in hw.aliases
    assert "George Bush" in w.aliases


def test_a_bare_surname_goes_to_the_bearer_named_most():
    texts = ["President John Brown met Ada Kern of the Halvex Bank. John Brown said the plan would pass. He left.",
             "John Brown and the Halvex Bank agreed on the rescue. John Brown thanked Congress. John Brown smiled.",
             "Paul Brown, his father, ran the Halvex Bank in 1990.",
             "Congress will back the Halvex Bank rescue, Brown said, and Ada Kern agreed."]
    ents, _ = _cast(*texts)
    assert "Brown" in _entity(ents, "John Brown").aliases
    assert "Brown" not in _entity(ents, "Paul Brown").aliases
    # with no context in common the surname stays apart
    ents, _ = _cast(*texts[:3], "The rescue will pass, Brown said after the match in Talvor.")
    assert "Brown" not in _entity(ents, "John Brown").aliases


def test_a_greeting_is_no_part_of_a_name():
    ents, _ = _cast("Rockville, Md.: Hi Barbara. What should I do with my savings?\n\n"
                    "Barbara Kell: Keep them in a bank account for now.")
    names = _names(ents)
    assert "Hi Barbara" not in names and names.get("Barbara Kell") == "person"


def _judged(text: str, spans: list[tuple[str, str]], target: tuple[str, str]) -> list[tuple[str, str]]:
    """nlp._judge on ``target`` (text, label) with the doc's entities set to ``spans``: the small model tags these
    fresh names otherwise than the real pages' ones, so the entities the pages had are given."""
    from spacy.tokens import Span
    from storyline import nlp
    doc = nlp.get_nlp()(text)

    def span(t, label):
        a = text.index(t)
        return doc.char_span(a, a + len(t), label=label)
    doc.ents = [span(t, label) for t, label in spans]
    return [(x.text, x.label_) for x in nlp._judge(doc, span(*target))]


def test_a_headline_verb_between_two_surnames_makes_two_people():
    text = ("Debate Unclear As Brown Resists Johnson 's Call to Postpone Sen. Gordon Brown rejected the delay "
            "that Sen. Tom Johnson asked for .")
    spans = [("Brown Resists Johnson", "PERSON"), ("Gordon Brown", "PERSON"), ("Tom Johnson", "PERSON")]
    assert _judged(text, spans, spans[0]) == [("Brown", "PERSON"), ("Johnson", "PERSON")]
    # a middle name or a name not written in full elsewhere stays one person
    assert _judged("Sen. Gordon Alan Brown spoke .", [("Gordon Alan Brown", "PERSON")],
                   ("Gordon Alan Brown", "PERSON")) == [("Gordon Alan Brown", "PERSON")]


def test_a_month_is_no_body():
    text = "Posted by : halvex77 | September 26 , 2008 11:57 AM | Report abuse"
    assert _judged(text, [("September", "ORG")], ("September", "ORG")) == []
    assert _judged("June Kell spoke .", [("June", "PERSON")], ("June", "PERSON")) == [("June", "PERSON")]


def test_a_name_cut_after_its_middle_initial_is_the_full_name():
    from storyline.model import Mention
    from storyline.resolve import resolve
    text = "Federal Reserve Chairman Ben T. Varga spoke . Later Chairman Ben T. Varga left . Varga was tired ."
    ms = []
    for t, label in (("Chairman Ben T.", "PERSON"), ("Chairman Ben T. Varga", "PERSON"), ("Varga", "PERSON")):
        a = text.index(t, ms[-1].end if ms else 0)
        ms.append(Mention("a0", a, a + len(t), t, label))
    ents = resolve(ms, texts={"a0": text}, cues=[])
    assert [e.name for e in ents] == ["Ben T. Varga"], [(e.name, e.aliases) for e in ents]


def test_a_state_before_a_body_noun_stays_a_place():
    # (a guard: the retyping came from one organisation cue among few mentions, which the model gives these words
    # only sometimes)
    ents, _ = _cast("With polls showing his campaign dead among California Republicans, Sen. Tom Johnson pulled "
                    "out of California.")
    assert _names(ents).get("California") == "place"
