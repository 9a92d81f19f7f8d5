"""Ingest class of the twenty-fourth session (issue 12), read off set L's time-expression errors: a wire page
stamped in numbers ("2009 04 25 08:50 JST By Ann Lee and Bo Ek MEXICO CITY (Reuters) - ...", the agency's
Japanese site) kept the stamp and the byline in its lead, and the byline's names and the stamp's numbers were read
as story. The stamp and byline are now recorded as dropped and the stamp dates a page with no other date. Every
text here is written for the test."""
from __future__ import annotations

from storyline.ingest import ingest_raw
from storyline.ingest.chrome import PAGE_STAMP, page_header
from storyline.ingest.readers import RawDoc

LEAD = ("KESTROW (Northern Wire) - The Kestrow health board said on Monday it had confirmed 40 new cases of the "
        "fever, most of them in schools.")
REST = "Board chair Ines Coll said clinics would stay open late all week."


def test_a_numeric_stamp_and_byline_before_the_dateline_are_no_story():
    raw = RawDoc("page.txt", "page.txt", text=f"2011 06 9 08:50 JST By Ada Marsh and Bo Lind {LEAD}\n{REST}")
    a = ingest_raw([raw])[0]
    assert a.text.startswith("KESTROW (Northern Wire) - The Kestrow")
    why = {d.reason: d.text for d in a.dropped}
    assert why[PAGE_STAMP] == "2011 06 9 08:50 JST" and why["byline"] == "By Ada Marsh and Bo Lind"
    assert a.published == "2011-06-09" and "header stamp" in a.published_evidence
    # without a byline
    h = page_header(f"2011 06 09 08:50 JST {LEAD}")
    assert h is not None and h.lead == LEAD and h.stamp == "2011 06 09 08:50 JST" and not h.byline


def test_numbers_without_the_wire_s_dateline_are_no_stamp():
    assert page_header("2011 06 09 08:50 were the winning numbers in the draw, the board said on Monday.") is None
    assert page_header("2011 06 09 08:50 JST Kestrow (Northern Wire) - the board said on Monday it had met.") \
        is None      # the dateline's place is written in capitals
