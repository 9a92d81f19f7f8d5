"""Classes of the twenty-eighth session read on real builds (the Haiti/H1N1 slice), as a journalist reads them:

- a media player's or a programme page's notice ("Can not play media.", "PLEASE NOTE: We are unable to offer
  transcripts ...") is page furniture: it no longer stands in for a missing headline;
- a perfect infinitive under "expected" ("Thousands are expected to have died") is an estimate of what happened,
  not a plan;
- a "which" clause after an apposition that ends in a span of time ("a quake, the region's worst in two
  centuries, which struck ...") is about the noun before the apposition, and a clock time is no one's object
  ("struck at 1653 local time").

Every text here is written for the test."""
from __future__ import annotations

import pytest

from storyline.ingest import ingest_raw
from storyline.ingest.readers import RawDoc


def test_a_player_or_programme_notice_is_no_title_and_no_story():
    text = ("Can not play media.\nSorry, this media is not available in your territory.\n"
            "A strong earthquake has hit the island of Varna.\nHundreds of homes have collapsed.")
    a = ingest_raw([RawDoc("page.txt", "page.txt", text=text)])[0]
    assert a.title == "A strong earthquake has hit the island of Varna."
    assert "play media" not in a.text
    text = ("PLEASE NOTE: We are unable to offer transcripts for our program interviews.\n"
            "The Morning Hour is broadcast live and the running order is subject to change.\n"
            "Rescue teams have reached the flooded villages of the Orne valley, officials said.")
    a = ingest_raw([RawDoc("show.txt", "show.txt", text=text)])[0]
    assert a.title.startswith("Rescue teams have reached the flooded villages")
    assert {d.reason for d in a.dropped} == {"media player or programme notice"}


@pytest.mark.slow
def test_expected_to_have_died_is_an_estimate_not_a_plan():
    from storyline import events, nlp
    doc = nlp.get_nlp()("Thousands are expected to have died in the earthquake. The mayor is expected to resign.")
    mod = {t.lemma_: events.modality(t)[0] for t in doc if t.lemma_ in ("die", "resign")}
    assert mod == {"die": "reported", "resign": "planned"}


@pytest.mark.slow
def test_which_after_an_apposition_ending_in_a_span_of_time():
    from storyline import events, nlp
    doc = nlp.get_nlp()("It shows the aftermath of a 7.0-magnitude quake, Varna's worst in two centuries, which "
                        "struck at 1653 local time (2153 GMT) on Tuesday, just 15km (10 miles) south-west of Ostra.")
    struck = next(t for t in doc if t.lower_ == "struck")
    agent, patient, _ = events.arguments(struck, [])
    assert agent == "a 7.0-magnitude quake" and patient is None
    assert events.summary(struck, list(struck.subtree)) == "a 7.0-magnitude quake struck on Tuesday"
    # a clause after a comma with a verb between is not an apposition's
    doc = nlp.get_nlp()("In Ravel, he recalled the floods of 1998, which drowned 300 people.")
    drowned = next(t for t in doc if t.lower_ == "drowned")
    assert events.arguments(drowned, [])[0] != "Ravel"
