"""Ingest class of the twenty-third session (issue 12), read off a build of 74 wire reports on the 2009 flu: a wire
page's header ("[other stories' headlines] Full Article [headline] [By Ann Lee, Health Editor] PLACE | Tue Jun 30,
2009 4:18 am IST PLACE (Wire) - lead") was kept as one paragraph. Another story's headline ("Helicopter crashes into
crane ...") became the title and a key event of the flu story, and "<headline> By <reporter>," a timeline line. The
page's parts are now told apart: the teasers and the stamp, byline and credit are recorded as dropped, the headline
is a heading, the lead starts at its dateline, and the stamp dates a page with no other date. Every text here is
written for the test."""
from __future__ import annotations

from storyline.ingest import ingest_raw
from storyline.ingest.chrome import PAGE_STAMP, TEASER, page_header
from storyline.ingest.clean import clean_text
from storyline.ingest.readers import RawDoc

LEAD = ("KESTROW (Northern Wire) - The Kestrow health board said on Monday it had confirmed 40 new cases of the "
        "fever, most of them in schools.")
REST = ["Board chair Ines Coll said clinics would stay open late all week.",
        "Two schools in the old town closed on Monday afternoon."]


def _page(*top: str) -> str:
    return "\n".join(list(top) + REST)


def test_a_header_line_gives_the_headline_and_the_lead_apart():
    cleaned = clean_text(_page("Fever cases rise in Kestrow schools By Ada Marsh, Health and Science Editor "
                               "KESTROW | Mon Jun 29, 2009 6:40 pm EDT " + LEAD))
    assert [p.kind for p in cleaned.paras[:2]] == ["heading", "body"]
    assert cleaned.paras[0].text == "Fever cases rise in Kestrow schools"
    assert cleaned.paras[1].text == LEAD
    why = {d.reason: d.text for d in cleaned.dropped}
    assert why["byline"] == "By Ada Marsh, Health and Science Editor"
    assert why[PAGE_STAMP] == "KESTROW | Mon Jun 29, 2009 6:40 pm EDT"
    assert len(cleaned.trace) == 3          # one entry per input line, as the ingest benchmark aligns them


def test_other_stories_before_full_article_are_dropped():
    page = _page("Ferry runs aground off Talvor, kills three .",
                 "Full Article Fever cases rise in Kestrow schools KESTROW | Mon Jun 29, 2009 6:40 pm EDT " + LEAD)
    raw = RawDoc("page.txt", "page.txt", text=page)
    a = ingest_raw([raw])[0]
    assert "Ferry" not in a.text and "Full Article" not in a.text
    assert a.title == "Fever cases rise in Kestrow schools"
    assert any(d.reason == TEASER and d.text.startswith("Ferry runs aground") for d in a.dropped)


def test_a_teaser_on_the_same_line_and_a_credit_split_over_two_lines():
    page = _page("Snow closes Talvor airport Full Article Kestrow schools shut as fever spreads Credit: Northern "
                 "Wire/Ana Pell/U .",
                 "S. Health Service/Handout KESTROW | Mon Jun 29, 2009 6:40 pm EDT " + LEAD)
    cleaned = clean_text(page)
    text = "\n".join(p.text for p in cleaned.paras)
    assert text.startswith("Kestrow schools shut as fever spreads\n" + LEAD)
    assert "Snow closes" not in text and "Handout" not in text and "Credit" not in text
    assert sum(d.reason == "photo credit" for d in cleaned.dropped) == 2


def test_the_header_stamp_dates_a_page_with_no_other_date():
    raw = RawDoc("page.txt", "page.txt", text=_page("KESTROW | Mon Jun 29, 2009 6:40 pm EDT " + LEAD))
    a = ingest_raw([raw])[0]
    assert a.published == "2009-06-29" and "header stamp" in a.published_evidence
    assert a.text.startswith("KESTROW (Northern Wire) - The Kestrow")


def test_a_pipe_without_the_dateline_s_place_after_it_is_no_header():
    # The place after the stamp must be the one written before the pipe.
    assert page_header("Prices rose sharply | Mon Jun 29, 2009 6:40 pm EDT " + LEAD) is None
    assert page_header("Fever cases rise KESTROW | Mon Jun 29, 2009 6:40 pm EDT and then the board met") is None


def test_a_column_s_one_line_author_note_and_disclaimer_are_no_story():
    # The flu slice had two stories titled by such a note ("<name> is a Reuters columnist.").
    cleaned = clean_text("-- Ada Marsh is a Northern Wire senior correspondent in Talvor.\n"
                         "The opinions expressed are her own -- Ferry fares in Talvor have doubled in a year.\n"
                         "The council blames fuel costs.")
    assert [p.text for p in cleaned.paras] == ["Ferry fares in Talvor have doubled in a year.",
                                               "The council blames fuel costs."]
    why = {d.reason for d in cleaned.dropped}
    assert {"author bio", "column disclaimer"} <= why
    # a sentence about a reporter is story
    line = "Ada Marsh is a reporter who was detained in Talvor on Monday."
    assert clean_text(line + "\nHer editor said she would be freed.").paras[0].text == line
