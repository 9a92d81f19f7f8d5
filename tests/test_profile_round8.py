"""A role written before the name, as an apposition ("his lawyer, Petra Sollen"): the cast shows it (issue 13, the
cast: people with what they are); sentences written for these tests."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _roles(text: str) -> list[str]:
    from storyline import nlp, profile
    from storyline.model import Article
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    ments = nlp.mentions(art, doc, nlp.sentences(art, doc))
    return [c["value"] for c in profile.cues(art, doc, ments) if c["kind"] == "role"]


def test_an_apposition_before_the_name_is_a_role():
    assert _roles("He left the court with his lawyer, Mara Tellen.") == ["lawyer"]
    assert _roles("A harbour board spokesman, Peter Lask, said the quay was safe.") == ["harbour board spokesman"]
    assert _roles("Its director general, Pavla Dorn, has not been named as a suspect.") == ["director general"]


def test_a_list_of_places_gives_no_role():
    assert _roles("The ferry sailed from Brask, Norland, on Monday.") == []


def test_a_firm_named_after_its_kind_without_a_comma_gives_no_role():
    # The model reads "Hallberg Co" as a person and the parser hangs it on "company": no comma, no apposition of a
    # role, or "the company" would later stand for this firm whatever firm the text meant.
    assert _roles("Oilfield service company Hallberg Co (HAL.N) provided cementing on the well to stabilize it.") == []


def test_a_role_apposition_whose_name_the_parser_hangs_on_its_body_is_still_the_role():
    # "a spokeswoman for the NWA, Ilse Harrow": the parser makes the name an apposition of "NWA"
    from storyline import nlp, profile
    from storyline.model import Article
    for text, role in (("A lawyer for Halvex, Ada Marsh, said the claim was false.", "lawyer for Halvex"),):
        a = Article("a", "a", text)
        doc = next(nlp.parse([text]))
        ms = nlp.mentions(a, doc, nlp.sentences(a, doc))
        assert role in [c["value"] for c in profile.cues(a, doc, ms) if c["kind"] == "role"]
