"""Cast classes of the twenty-fourth session (issue 13), read off the development real sets' cast errors (bench/
data/real*, read) and written here as fresh sentences with made-up names:

- a faith is neither a body nor a place ("Islam" had been an organisation in two sets): the major religions and
  their followers are spaCy's NORP, a group, like a nationality;
- a verb's -ing form that is no given name opens a title, not a person's name ("Remodeling Martha", a book about
  Martha Stewart, had been a person);
- a blog, a podcast, a memoir, a newsletter or a column named in apposition ("Her blog, Postcards, is ...") is a
  work, not a person."""
from __future__ import annotations

import pytest

from test_cast_classes import _cast, _names
from test_cast_round16 import _mentions

pytestmark = pytest.mark.slow


def test_a_faith_is_not_in_the_cast():
    ents, ms = _cast('Marchers carried signs reading "Islam is the devil" through London on Saturday. '
                     "Critics of Buddhism met in Talvor.")
    names = _names(ents)
    assert "Islam" not in names and "Buddhism" not in names
    assert names.get("London") == "place"


def test_a_gerund_opens_a_title_not_a_name():
    ents, _ = _cast('Ina Lund has written about leaders. Her books include "Remodeling Martha" (on Martha Stewart) '
                    'and "Saving Harbour Town". Ina Lund lives in Talvor.')
    names = _names(ents)
    assert "Remodeling Martha" not in names and names.get("Martha Stewart") == "person"
    # a given name that ends in -ing stays a name
    ents, _ = _cast("Sterling Morris, the mayor, said the bridge would reopen. Morris said so again on Monday.")
    assert _names(ents).get("Sterling Morris") == "person"


def test_a_blog_named_in_apposition_is_a_work():
    for name in ("Dispatches", "Letters"):
        ents, _ = _cast(f"Ina Lund writes about power. Her blog, {name}, is read by thousands of managers.")
        assert _names(ents).get(name) not in ("person", "organization", "place")


def test_a_transcript_s_speaker_labels():
    # A broadcast transcript labels each turn "NAME, ROLE (direction):"; the role and the directions are no names.
    ms = _mentions("The square filled again on Monday.\n"
                   "ANA PELL, KESTROW RADIO SENIOR CORRESPONDENT (on camera): We have come to this building.\n"
                   "UNIDENTIFIED MALE (through translator): Security forces fired at us.\n"
                   "ODA: But I did not see that (INAUDIBLE) in Talvor.\n"
                   "INTERNATIONAL CORRESPONDENT: The crowd is growing.")
    assert ("ANA PELL", "PERSON") in ms and ("ODA", "PERSON") in ms
    assert not any(t in ("INAUDIBLE", "UNIDENTIFIED MALE") or "CORRESPONDENT" in t for t, _ in ms)
    # one capitalised word and a colon opening a headline is no transcript
    assert ("US", "GPE") in _mentions("US: prices fell again on Monday, the agency said.")
