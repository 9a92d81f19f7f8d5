"""Ingest class of the twenty-second session (issue 12), read off the timeline of a build of 72 Guardian reports:
a newspaper's print-edition note ("A version appeared on p14 of the Main section section of the Guardian on 01.32
BST on Wednesday 4 August 2010 Follow the latest environment news ... on Twitter") was a timeline line for its day
and "Main" an entity of the cast. It is where and when the piece was printed: not story, but evidence of the day.
Every text here is written for the test."""
from __future__ import annotations

from storyline.ingest import ingest_raw
from storyline.ingest.chrome import PRINT_NOTE
from storyline.ingest.clean import clean_text
from storyline.ingest.readers import RawDoc

STORY = ["The Velmar harbour authority approved a plan to deepen the channel, officials said on Monday.",
         "Harbour master Ines Coll said larger ships would dock in Velmar by next spring."]


def test_a_print_edition_note_is_cut_with_what_follows_it_on_its_line():
    note = ("A version appeared on p14 of the Main section section of the Velmar Herald on 01.32 BST on Wednesday "
            "4 August 2010 Follow the latest harbour news on Twitter")
    cleaned = clean_text("\n\n".join(STORY + [note]))
    text = " ".join(p.text for p in cleaned.paras)
    assert "appeared on p14" not in text and "Follow the latest" not in text
    assert STORY[1] in text
    assert any(d.reason == PRINT_NOTE and d.text.startswith("A version appeared") for d in cleaned.dropped)


def test_a_note_glued_to_the_last_paragraph_leaves_the_paragraph():
    last = "Fishermen said the dredging would disturb the bay."
    cleaned = clean_text("\n\n".join(STORY + [last + " This article appeared on p29 of the Main section of the "
                                                      "Velmar Herald on Monday 27 April 2009 ."]))
    text = " ".join(p.text for p in cleaned.paras)
    assert last in text and "appeared on p29" not in text
    cleaned = clean_text("\n\n".join(STORY + ["A version of this article appeared in print on April 21, 2010, on "
                                              "page A1 of the New York edition."]))
    assert not any("appeared in print" in p.text for p in cleaned.paras)


def test_its_printed_day_dates_a_page_with_no_other_date():
    note = "This article appeared on p29 of the Main section section of the Velmar Herald on Wednesday 29 April 2009 ."
    raw = RawDoc("page.txt", "page.txt", text="\n\n".join(STORY + [note]))
    a = ingest_raw([raw])[0]
    assert a.published == "2009-04-29" and "print-edition note" in a.published_evidence
    assert "appeared on p29" not in a.text


def test_a_story_that_says_appeared_is_kept():
    line = "The minister appeared on page one of every paper after the vote, and appeared in court on Friday."
    cleaned = clean_text("\n\n".join(STORY + [line]))
    assert line in " ".join(p.text for p in cleaned.paras)
