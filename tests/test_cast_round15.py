"""Cast classes of the twenty-second session (issue 13), read off a build of 72 Timeline17 reports of the
Guardian on the oil spill's aftermath (August 2010 to January 2011) and written here as fresh sentences (every
name is made up):

- a body's acronym run on after a person's name where the text lost its comma ("where Ada Marsh HVX's head of
  safety is giving a briefing") is no part of the name, and the person's cluster must not take the body's
  mentions as "the surname";
- "Celebrate the Herald and Sunday Edition by signing up": a body written "the X" inside a longer capitalised
  phrase is that body, not the short form of the phrase;
- a subsidiary named with its country in brackets ("HVX Exploration Company (Colombia) Ltd") is not the full
  name of the parent company that opens it;
- a sea, gulf or bay named with its feature word ("the Gulf of Tarvik") stays a place when a few of its mentions
  read as something else ("the Gulf of Tarvik well")."""
from __future__ import annotations

import pytest

from test_cast_classes import _cast

pytestmark = pytest.mark.slow


def _by_alias(ents):
    return {a: e for e in ents for a in e.aliases}


def test_an_acronym_run_on_after_a_name_is_not_its_surname():
    texts = ["Halvex said on Monday that the well was sealed. Halvex shares rose.",
             "Halvex Energy was blamed. Reporters waited at the Denver hotel where Tom Kessler HVX 's head of drilling "
             "is giving a briefing. HVX said the report was fair. Kessler said the cement failed. HVX shares fell.",
             "HVX will pay the fines, the company said. HVX also sold its stake."]
    ents, _ = _cast(*texts)
    names = {e.name: e for e in ents}
    assert not any(e.type == "person" and e.name.endswith("HVX") for e in ents), [e.name for e in ents]
    kessler = next(e for e in ents if e.type == "person" and "Kessler" in e.name)
    assert kessler.name == "Tom Kessler"
    assert "HVX" not in kessler.aliases
    assert _by_alias(ents)["HVX"].type == "organization"
    assert names  # (the cast is not empty)


def test_a_body_written_the_x_inside_a_phrase_is_that_body():
    # (a promotion run into the page's text, as scraped pages have them)
    text = ("Scientists identify a 22-mile plume in ocean depths Celebrate the Herald and Observer Weekend by signing "
            "up to receive # 1 off the Saturday paper . The Herald said the plume was large .")
    ents, _ = _cast(text)
    herald = _by_alias(ents)["Herald"]
    assert "Celebrate" not in herald.name and not any("Celebrate" in a for a in herald.aliases)


def test_a_subsidiary_with_its_country_is_not_the_parent():
    texts = ["HVX said profits fell . HVX paid the fund .",
             "Ocenta sold its 24.8 % shareholding in Ocenta last August along with HVX Exploration Company "
             "(Colombia) Ltd but the sell offs have not yet been approved . HVX said the sale would close .",
             "HVX will appeal , the company said ."]
    ents, _ = _cast(*texts)
    parent = _by_alias(ents)["HVX"]
    assert parent.name == "HVX"
    assert "HVX Exploration Company (Colombia) Ltd" not in parent.aliases


def test_a_sea_named_with_its_feature_word_stays_a_place():
    # (real seas: the model reads a made-up "Gulf of Tarvik" as two names)
    texts = ["Halvex said the leak caused a crisis in the Gulf of Mexico and left the coast black.",
             "Halvex 's leaking well in the Gulf of Mexico prompted the ban.",
             "The Gulf of Mexico well was capped on Monday.",
             "The spill in the Gulf of Mexico cost Halvex dearly.",
             "Tourists stayed away from the Gulf of Mexico all summer.",
             "Shrimp boats went back into the Gulf of Mexico in August."]
    ents, _ = _cast(*texts)
    assert _by_alias(ents)["Gulf of Mexico"].type == "place"


def test_a_place_run_into_a_body_s_acronym_is_cut():
    texts = ["HVX said on Monday that costs rose. HVX shares fell.",
             "The well disaster in the Gulf of Mexico HVX 's rig exploded in April. HVX paid the fines."]
    ents, _ = _cast(*texts)
    assert not any(e.name.endswith("HVX") and e.name != "HVX" for e in ents), [e.name for e in ents]
    assert _by_alias(ents)["HVX"].type == "organization"


def test_who_after_a_body_named_in_an_apposition_is_the_person_s():
    texts = ["There is a great deal of evidence, said Ada Kessel, the director of the Coastal Toxicology Institute, "
             "who has been organising on the issue.",
             "Ada Kessel, the head of the Coastal Toxicology Institute, said the dispersant was untested."]
    ents, _ = _cast(*texts)
    assert _by_alias(ents)["Coastal Toxicology Institute"].type == "organization"
