"""Cast classes of the ninth session (set I's errors): what the words around a name say it is. Sentences written
for these tests."""
from __future__ import annotations

import pytest

from storyline import cast_types


def _cues(text: str, name: str) -> list[str]:
    s = text.index(name)
    return cast_types.mention_cues(text, s, s + len(name))


@pytest.mark.parametrize("text, name, typ", [
    ("The plan was attacked by members of Varnel on Tuesday.", "Varnel", "organization"),      # a body with members
    ("Charities like Sea Aid have started sending tents.", "Sea Aid", "organization"),          # a kind, by example
    ('"Prices will fall," said Ada Marsh, a credit analyst with Kestrel.', "Kestrel", "organization"),   # employer
    ("Tell an economist at Morvane Holdings what it costs.", "Morvane Holdings", "organization"),
    ("The money will go to Tide Home (Ada Marsh's charity) this winter.", "Tide Home", "organization"),
    ("The song Harbour Lights (the band's single) went to number one.", "Harbour Lights", "other"),
])
def test_the_words_around_a_name_say_what_it_is(text, name, typ):
    assert typ in _cues(text, name)


def test_a_kind_said_of_countries_as_of_companies_gives_no_type():
    assert _cues("Rich nations argued with emerging giants like Veldra and Osmark.", "Veldra") == []



@pytest.mark.slow
def test_a_feature_noun_after_a_state_is_no_part_of_its_name():
    # "the Alabama coast" is Alabama's coast (set H's and the 44's labels name the state); "the Gulf coast" stays
    # a name (tests/test_cast_classes.py)
    from test_cast_classes import _cast, _names
    names = _names(_cast("Oil reached the Alabama coast on Friday and the Gulf coast was closed.")[0])
    assert "Alabama" in names and "Alabama coast" not in names and "Gulf coast" in names


def test_a_states_abbreviation_after_a_town_is_the_state_though_the_page_names_a_town_like_it():
    # a readers' page: "Lannet, Md.: ..." and "Kestrow, La.: ..."; "La." is Louisiana, not the town Lannet
    from test_cast_round4 import _resolved_in
    tags = {"Louisiana": "GPE", "La.": "GPE", "Kestrow": "GPE", "Lannet": "GPE", "Md.": "GPE"}
    got = _resolved_in("The Louisiana coast is oiled.",
                       "Lannet, Md.: Who pays for the spill? Kestrow, La.: When will it stop? Lannet is calm.",
                       tags=tags)
    assert got[(1, "La.")] == "Louisiana"
    assert got[(1, "Lannet")] == "Lannet"
