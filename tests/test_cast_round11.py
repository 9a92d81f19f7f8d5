"""Cast classes of the seventeenth session, on sentences written for these tests (docs/cast.md)."""
from __future__ import annotations

from storyline import cast_types, nlp
from storyline.model import Article
from storyline.pipeline import analyse_article
from storyline.resolve import resolve


def _cues(text: str, name: str) -> list[str]:
    start = text.index(name)
    return cast_types.mention_cues(text, start, start + len(name))


def _types(text: str) -> dict[str, str]:
    a = Article("a1", "a1.txt", text=text)
    an = analyse_article(a, next(nlp.parse([text])))
    ents = resolve(an.mentions, {"a1": text}, an.cues)
    return {e.name: e.type for e in ents}


def test_a_body_named_with_its_head_word_is_not_placed_by_from_x_in_y():
    text = "Nine children from Harrowgate Primary School in Kelby, Marnshire, fell ill this week."
    assert "place" not in _cues(text, "Harrowgate Primary School")
    # A name that could be a place still is one when written so.
    assert "place" in _cues("Nine children from Harrowgate in Kelby fell ill this week.", "Harrowgate")


def test_a_school_written_in_full_is_an_organisation_in_the_cast():
    types = _types("Ten children from Harrowgate Primary School in Kelby, Marnshire, caught the virus. "
                   "Harrowgate Primary School will close for a deep clean, the head teacher said.")
    assert types.get("Harrowgate Primary School") == "organization"
