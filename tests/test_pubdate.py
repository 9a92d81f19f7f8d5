"""Publication dates only from evidence: pinned by the text, else a "not before" bound, never a guess."""
from pathlib import Path

import pytest

from storyline.ingest import ingest
from storyline.ingest.pubdate import published_from_text as pub

ICC = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "icc-seeds"


def test_dateline_pins():
    p = pub("March 4, 2024 - The city council voted on Monday to close the bridge.", [])
    assert p.date == "2024-03-04" and "dateline" in p.evidence
    p = pub("Published: 12 May 2023\n\nThe council met again.", [])
    assert p.date == "2023-05-12"


def test_today_and_yesterday_pin():
    assert pub("The strike began today, October 2, 2019, at the port.", []).date == "2019-10-02"
    assert pub("Talks collapsed on October 1, 2019 (yesterday), union leaders said.", []).date == "2019-10-02"


def test_date_given_with_its_weekday_pins_only_without_a_later_weekday():
    assert pub("The minister spoke on Friday, June 13, 2025, in the capital.", []).date == "2025-06-13"
    p = pub("The minister spoke on Friday, June 13, 2025. Officials said on Tuesday that talks went on.", [])
    assert p.date is None and p.bound == "not before 2025-06-13"
    # A weekday in a future clause is no later report day.
    assert pub("The board met on Friday, June 13, 2025. It will vote on Tuesday.", []).date == "2025-06-13"


def test_weekday_word_alone_only_bounds():
    p = pub("The court ruled on March 3, 2023. A US official said on Wednesday that talks went on.", [])
    assert p.date is None and p.bound == "not before 2023-03-03"


def test_photo_caption_never_pins():
    text = ("The prosecutor has stepped down, sources told Reuters on Friday. The prosecutor talks in The Hague, "
            "Netherlands, Friday, March 14, 2025. (credit: Jan Visser/Pool via REUTERS)")
    p = pub(text, [])
    assert p.date is None and p.bound == "not before 2025-03-14" and "caption" in p.evidence
    p = pub("The minister resigned, an aide said on Friday.", ["The minister on Friday, May 2, 2025. (AP Photo)"])
    assert p.date is None and p.bound == "not before 2025-05-02"


def test_teaser_and_quoted_dates_never_pin():
    p = pub("The port reopened on Monday.\nRead more: Strike shuts port on Friday, May 2, 2025\n", [])
    assert p.date is None and "teaser" in p.evidence
    p = pub('"On Tuesday, January 7, 2020, we lost everything," the farmer said on Monday.', [])
    assert p.date is None and "quotation" in p.evidence


def test_future_dates_do_not_bound():
    p = pub("The hearing was adjourned. It will resume on Monday, September 8, 2031.", [])
    assert p.date is None and p.bound is None
    assert pub("Nothing dated here at all.", []).evidence is None


def test_a_month_stated_as_past_bounds_from_its_first_day_and_never_pins():
    p = pub("The prosecutor sought the arrests of two ministers in May 2024. He took office in June 2021.", [])
    assert p.date is None and p.bound == "not before 2024-05-01"
    # a month ahead is a plan: no bound from it
    p = pub("The inquiry will report in June 2031. It opened in March 2025.", [])
    assert p.bound == "not before 2025-03-01"
    # a day with its weekday still pins when no later month is stated as past
    p = pub("The council met on Friday, June 13, 2025, after the flood of May 2025.", [])
    assert p.date == "2025-06-13"
    # a later month told as past rules that day out: the report came after it
    p = pub("The council met on Friday, June 13, 2025. The repairs were finished in August 2025.", [])
    assert p.date is None and p.bound == "not before 2025-08-01"


def test_icc_seed_caption_gives_a_bound_not_a_date():
    if not ICC.is_dir():
        pytest.skip(f"ICC seed corpus not found at {ICC}")
    arts = {a.source_path.rsplit("/", 1)[-1][:3]: a for a in ingest([ICC]) if "#" not in a.id}
    khan = arts["002"]
    assert khan.published is None and khan.published_bound == "not before 2025-03-14"
    assert khan.published_from == "bound"
    assert all(a.published_from != "inferred" or "caption" not in (a.published_evidence or "")
               for a in arts.values())


def _ingested(tmp_path, text):
    f = tmp_path / "page.txt"
    f.write_text(text, encoding="utf-8")
    return ingest([f])[0]


def test_the_pages_timestamp_line_pins_the_date_though_cleaning_drops_it(tmp_path):
    a = _ingested(tmp_path, "Ferry sinks off the cape\nUpdated 14:05 GMT, Tuesday, 3 March 2025\n"
                            "The ferry sank on Monday, the coast guard said. Twelve people were rescued.\n")
    assert a.published == "2025-03-03" and "timestamp" in a.published_evidence
    assert "14:05" not in a.text


def test_a_timestamp_glued_to_the_first_line_is_cut_off_and_dates_the_page(tmp_path):
    a = _ingested(tmp_path, "Page last updated at 14:05 GMT, Tuesday, 3 March 2025 (an error occurred while "
                            "processing this directive) The ferry sank on Monday, the coast guard said. Twelve "
                            "people were rescued by fishing boats.\n")
    assert a.published == "2025-03-03"
    assert a.text.startswith("The ferry sank") and "error occurred" not in a.text
    assert {d.reason for d in a.dropped} >= {"dateline / timestamp", "web server error text"}


def test_a_sentence_that_opens_with_updated_is_story_and_a_bare_date_line_never_pins(tmp_path):
    a = _ingested(tmp_path, "Updated figures published on Monday show 2024 was the wettest year on record, the "
                            "met office said.\nRain fell on 200 days.\n")
    assert a.text.startswith("Updated figures") and a.published is None
    a = _ingested(tmp_path, "Ferry sinks\nThe ferry sank on Monday, the coast guard said. Twelve were rescued.\n"
                            "More stories\n12 January 2024\nBridge closes for repairs after the storm\n")
    assert a.published is None


def test_the_clock_time_after_a_glued_timestamp_goes_with_it(tmp_path):
    a = _ingested(tmp_path, "Last updated: 4 March, 2025 - 17:26 GMT Ferry sinks off the cape The ferry sank on "
                            "Monday, the coast guard said. Twelve people were rescued by fishing boats.\n")
    assert a.published == "2025-03-04" and "17:26" not in a.text and "GMT" not in a.text
