"""Event classes of the ninth session (set I's errors). Sentences written for these tests (docs/events.md)."""
from __future__ import annotations

import pytest

from test_events_round5 import _by_trigger


@pytest.mark.slow
def test_a_clause_on_an_indefinite_time_sets_a_scene_and_is_no_happening():
    got = _by_trigger("At a time when big banks such as Orlan and Vesk have been injected with billions in public "
                      "funds, some analysts question the fund.")
    assert got["injected"].tense == "relative"
    # with its own date it is news again
    got = _by_trigger("At a time when Orlan has been injected with $2bn on 3 March, analysts question the fund.")
    assert got["injected"].tense != "relative"


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, typ", [
    ("Harbour Leisure filed for Chapter 11 bankruptcy protection on Saturday.", "filed", "bankruptcy"),
    ("Seven more pupils tested positive for the virus on Monday.", "tested", "infection"),
    ("A nurse in Talvor contracted the flu on Monday.", "contracted", "infection"),
    ("Forty seals have been found dead on the beach.", "found", "death"),
    ("The slick has reached the Marren coast.", "reached", "spread"),
    ("Three lenders repaid $2bn of federal aid on Tuesday.", "repaid", "funding"),
])
def test_news_verbs_of_outbreaks_spills_and_failures_have_their_types(text, trigger, typ):
    assert _by_trigger(text)[trigger].type == typ


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger", [
    ("The firm was hit with a record fine for the spill.", "hit"),       # a fine, not the spill spreading
    ("The toll has reached 40.", "reached"),                              # a death toll (its own type)
    ("Engineers tested the valve on Monday.", "tested"),                  # a test, no infection
    ("Rumours about the fever are spreading fast.", "spreading"),         # talk spreading, no happening
])
def test_words_that_only_look_like_those_keep_their_own_reading(text, trigger):
    got = _by_trigger(text)
    assert trigger not in got or got[trigger].type not in ("spread", "infection")


@pytest.mark.slow
def test_an_earlier_happening_named_without_a_date_is_no_event_of_the_story():
    # "the last major earthquake here was 150 years ago" joined the story's quake as one of its reports
    assert "earthquake" not in _by_trigger("The last major earthquake in this part of Veldra was 150 years ago.")
    assert "quake" not in _by_trigger("Officials said on Monday the previous quake in Veldra did less damage.")
    # with a date of its own it is placed, and so kept
    assert "quake" in _by_trigger("The last quake in Veldra, on 3 May 1990, killed 40 people.")
