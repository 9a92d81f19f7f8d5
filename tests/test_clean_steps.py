"""The passes of cleaning one at a time: the line rules table, closing appeal blocks, appeal runs, assembly."""
from __future__ import annotations

import pytest

from storyline.ingest.chrome import is_stamp, opener_end
from storyline.ingest.clean import (APPEAL, LINE_RULES, appeal_runs, assemble, closing_appeal_block, comment_signatures,
                                    line_rule, norm_key)


@pytest.mark.parametrize("line,reason", [
    ("Share this article", "share line"),
    ("Sign up for our newsletter", APPEAL),
    ("Please donate today", APPEAL),
    ("Read more: the floods in May", "read-more / related link"),
    ("Home > World > Europe", "navigation crumb"),
    ("Advertisement", "advertisement marker"),
    ("Photo: Reuters", "photo credit line"),
    ("ab", "page fragment"),
    ("12", None),
    ("7:01 pm ET February 11, 2013 RETWEET Could the next pope be from Africa?", "embedded tweet"),
    ("The mayor said the bridge would open in May.", None),
])
def test_a_line_is_dropped_for_the_first_rule_it_matches(line, reason):
    assert line_rule(line, None) == reason


def test_rules_are_for_short_lines_and_recurring_lines_go_first():
    assert line_rule("Share " + "x" * 400, None) is None
    story = "The mayor said the bridge would open in May."
    assert line_rule(story, {norm_key(story.upper())}) == "recurs across pages of this outlet"
    assert line_rule("Share this article", {norm_key("Share this article")}) == "recurs across pages of this outlet"


def test_every_row_of_the_table_names_a_reason_and_a_length_bound():
    assert all(reason and callable(test) and 0 < under <= 400 for reason, test, under in LINE_RULES)
    assert LINE_RULES[0][0] == APPEAL      # an appeal is named as one before any chrome it also looks like


def test_a_closing_appeal_runs_to_the_end_of_the_page_only_when_what_follows_is_appeal_like():
    drop: dict[int, str] = {}
    closing_appeal_block(["The bridge opened.", "It cost a lot.", "A message from the editor",
                          "Please donate today.", "Support our journalism", "Thank you"], drop)
    assert sorted(drop) == [2, 3, 4, 5]
    drop = {}
    closing_appeal_block(["The bridge opened.", "Dear readers", "The mayor spoke at length about the cost.",
                          "It cost a lot of money, said the mayor.", "Then it rained."], drop)
    assert drop == {}


def test_an_appeal_run_needs_two_appeals_together():
    drop: dict[int, str] = {}
    appeal_runs(["Support our journalism", "Subscribe to our newsletter",
                 "The bridge opened on Friday, the mayor said.", "Please donate"], drop)
    assert sorted(drop) == [0, 1]


def test_assembly_splits_captions_and_drops_repeats_with_one_trace_entry_per_line():
    lines = [("A flood hit the town.", 0), ("Subscribe", 1), ("The river rose on Friday.", 1),
             ("The river rose on Friday.", 1), ("Residents fled. (Photo: AFP)", 1), ("Residents fled. (Photo: AFP)", 1)]
    c = assemble(lines, {1: "share line"}, set())
    assert c.trace == ["story", "drop:share line", "story", "drop:repeated paragraph", "caption",
                       "drop:repeated photo caption"]
    assert [p.text for p in c.paras] == ["A flood hit the town.", "The river rose on Friday."]
    assert c.captions == ["Residents fled. (Photo: AFP)"]
    # a line forced to be a caption is one from its start, credit or not
    assert assemble([("Hello.", 0), ("The mayor at the bridge.", 1)], {}, {1}).captions == ["The mayor at the bridge."]


# Written for this test: a story, then a comment section of the two common shapes (signature after the comment,
# "Posted by: NAME | DATE | Report abuse"; signature before it, "At TIME on DATE, NAME wrote:").
STORY = ["Dam engineers opened the spillway on Tuesday.", "The mayor said the town was safe.",
         "Residents had been told to leave by noon."]


@pytest.mark.parametrize("comments", [
    ["Great piece, thanks. Posted by: riverwatcher | June 3, 2010 8:14 PM | Report abuse",
     "The mayor is wrong as usual.", "Posted by: anon | June 3, 2010 9:02 PM | Report abuse"],
    ["At 10:12 pm on 03 Jun 2010, riverwatcher wrote: Great piece, thanks.",
     "At 10:40 pm on 03 Jun 2010, anon wrote: The mayor is wrong as usual.", "Nobody asked me."],
    ["June 3, 2010 at 8:14 pm | Report abuse | Great piece, thanks.", "June 3, 2010 at 9:02 pm | Reply"],
    ["At 17:00 3rd Jun 2010, riverwatcher wrote: Great piece.", "June 3, 2010 06:41 pm at 6:41 pm | Me too."],
])
def test_signed_comments_run_from_the_first_signature_to_the_end(comments):
    texts, drop = STORY + comments, {}
    comment_signatures(texts, drop)
    assert sorted(drop) == list(range(len(STORY), len(texts)))
    assert all(r.startswith("reader comments") for r in drop.values())


def test_one_signed_line_is_dropped_alone_and_story_words_are_not_signatures():
    texts = STORY + ["Posted by: anon | June 3, 2010 9:02 PM | Report abuse", "The dam held overnight."]
    drop: dict[int, str] = {}
    comment_signatures(texts, drop)
    assert drop == {3: "reader comment (signed and dated)"}
    drop = {}
    comment_signatures(STORY + ["The letter was posted by the mayor on June 3, 2010 at 8 pm.",
                                "He wrote: the dam is safe."], drop)
    assert drop == {}


@pytest.mark.parametrize("line,rest", [
    ("WASHINGTON | Thu May 27, 2010 3:54 pm EDT WASHINGTON (Reuters) - President Obama took responsibility.",
     "President Obama took responsibility."),
    ("ISTANBUL, May 16 (Reuters) - Turkey identified its first case.", "Turkey identified its first case."),
    ("NEW ORLEANS -- BP's stock plummeted on Tuesday.", "BP's stock plummeted on Tuesday."),
    ("(Update 6:56 a.m. Friday in Cairo, 11:56 p.m. Thursday ET) Authorities stepped up security.",
     "Authorities stepped up security."),
    ("The meeting ends at 4:30 pm on Friday.", "The meeting ends at 4:30 pm on Friday."),
    ("He arrived in Cairo on May 5.", "He arrived in Cairo on May 5."),
    # tokenised copy writes the dateline's dash as a lone hyphen; a short capitalised word before one is no city
    ("KESTROW - Investigators questioned the engineer on Thursday.",
     "Investigators questioned the engineer on Thursday."),
    ("PORT ALBA, Vel. - The spill grew.", "The spill grew."),
    ("US - Marenland talks resumed.", "US - Marenland talks resumed."),
    ("KESTROW, Marenland (Northern Wire) - The court sat.", "The court sat."),
])
def test_openers_are_where_and_when_a_page_was_filed(line, rest):
    assert line[opener_end(line):] == rest


@pytest.mark.parametrize("line,stamp", [
    ("Friday, May 28, 2010; 4:37 PM", True),
    ("January 31, 2011 at 3:03 pm |", True),
    ("(Update 11:16 a.m. Tuesday in Cairo, 4:16 a.m. ET Tuesday)", True),
    ("The meeting ends at 4:30 pm on Friday.", False),
    ("Obama in Cairo", False),
])
def test_a_stamp_is_only_a_date_a_time_and_their_labels(line, stamp):
    assert is_stamp(line) == stamp


def test_a_line_closing_a_single_quote_is_no_headline():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import is_headline
    assert not is_headline(Para("He added, \"But for a while, our motto was 'All hands on deck.'"))
    assert is_headline(Para("Dam operator charged over collapse"))


def test_a_note_to_readers_recurring_on_several_pages_is_dropped_whatever_the_outlet():
    # Read on a dense slice of BBC Haiti pages (Timeline17 files carry no outlet): the comment form's "Your comments
    # may be published on any BBC media worldwide" became a statement event on three pages.
    from storyline.ingest import ingest_raw
    from storyline.ingest.readers import RawDoc
    note = "Your comments may be published on any Kestrow Courier outlet worldwide."
    quote = '"You will see the bridge rebuilt by spring," the mayor told residents.'
    raws = [RawDoc(f"p{i}.txt", f"p{i}.txt", f"The dam held on day {i} as engineers worked through the night.\n\n"
                   f"{note}\n\n{quote}", fmt="text") for i in range(3)]
    for a in ingest_raw(raws):
        assert note not in a.text and quote in a.text
        assert any(d.reason == "a note to readers, recurring across pages" for d in a.dropped)
    # on two pages only it may be anything: kept
    assert all(note in a.text for a in ingest_raw(raws[:2]))


def test_a_line_of_a_quotation_run_over_lines_is_no_note_to_readers():
    from storyline.ingest import ingest_raw
    from storyline.ingest.readers import RawDoc
    line = "You can see how terrible the damage is to the old town."
    raws = [RawDoc(f"p{i}.txt", f"p{i}.txt", f"The dam held on day {i} as engineers worked on.\n"
                   f"`` We just do n't know what to do , '' said a resident of Kestrow on day {i} .\n"
                   f"`` We have lost everything .\n{line}", fmt="text") for i in range(3)]
    assert all("You can see how terrible the damage is" in a.text for a in ingest_raw(raws))
    # printed bare (a pull quote) on three more pages: quoted on one, it is a speaker's words everywhere
    bare = [RawDoc(f"q{i}.txt", f"q{i}.txt", f"Rescue teams landed on day {i} near Kestrow airport.\n{line}",
                   fmt="text") for i in range(3)]
    assert all(line in a.text for a in ingest_raw(raws + bare))


def test_a_first_comment_run_into_the_line_before_the_section_goes_with_it():
    # Written for this test: the byline before a comment section had no line break after it, so the first
    # comment's signature and words ran into it and on over the next line.
    from storyline.ingest.clean import clean_text
    text = "\n".join(STORY + [
        "Ada Berg edits the Kestrow Courier At 18:20 29th Apr 2031, riverwatcher wrote: I never comment on news.",
        "But the mayor is wrong and the dam will fail again.",
        "At 18:55 29th Apr 2031, anon wrote: Nobody asked me.",
        "At 19:05 29th Apr 2031, kes wrote: The dam held overnight."]) + "\n"
    c = clean_text(text)
    assert [p.text for p in c.paras] == STORY + ["Ada Berg edits the Kestrow Courier"]
    gone = [d.text for d in c.dropped if d.reason.startswith("reader comments")]
    assert "At 18:20 29th Apr 2031, riverwatcher wrote: I never comment on news." in gone
    assert "But the mayor is wrong and the dam will fail again." in gone
    # without a comment section after it, a line that tells of a comment stays whole
    lone = "\n".join(STORY + ["The mayor spoke At 18:20 29th Apr 2031, riverwatcher wrote: the dam is safe."]) + "\n"
    assert [p.text for p in clean_text(lone).paras][-1].endswith("the dam is safe.")


def test_a_live_pages_time_stamps_are_taken_out_and_each_entry_is_its_own_sentence():
    # Written for this test: a live page, the newest entry first, each opening with its clock time, some run into
    # the caption or entry before them.
    from storyline.ingest.clean import clean_text
    entries = ["2149 The Kestrow council says the dam road will stay shut.",
               "Crews clear the road near the dam 2032 Rescuers pull a woman from the rubble of the market.",
               "1828 Talvor sends two aid planes to Kestrow.",
               "1604 Adm Ana Pell says ships will arrive by Monday.",
               "Residents queue for water at the depot 1521 The death toll rises to 300, officials say.",
               "1400 Power is restored to the east of the city."]
    c = clean_text("\n".join(entries) + "\n")
    text = "\n\n".join(p.text for p in c.paras)
    assert not any(t in text for t in ("2149", "2032", "1828", "1604", "1521", "1400"))
    assert "Crews clear the road near the dam\nRescuers pull a woman" in text
    assert text.startswith("The Kestrow council says")
    assert sorted(d.text for d in c.dropped if d.reason == "live page time stamp") == \
        ["1400", "1521", "1604", "1828", "2032", "2149"]
    # years, and a few times, are no live page
    story = ["The dam was built in 1958 After the flood it was raised.", "At the 2004 Games Kestrow won gold.",
             "The 2008 Flood Plan was never funded.", "Crews met at 1800 GMT.",
             "2100 Crews were still at work.", "1900 Crews arrived."]
    c = clean_text("\n".join(story) + "\n")
    assert [p.text for p in c.paras] == story


def test_a_first_line_leading_pages_it_is_not_about_is_a_site_teaser():
    # Read in a build of CNN pages (Timeline17 files carry no outlet): one site-wide headline, "2 men charged in
    # death of Chicago teen ...", led 58 pages about Egypt, snow and a football final, and became two stories' title.
    from storyline.ingest import ingest_raw
    from storyline.ingest.readers import RawDoc
    teaser = "Ferry captain cleared of blame in harbour collision inquiry."
    bodies = ["Snow closed schools across the northern valleys on Thursday as drivers waited for ploughs.",
              "Protesters filled the main square of Varnholm for a third day, demanding new elections.",
              "The Kestrow Rovers won the cup final on penalties after a goalless evening."]
    raws = [RawDoc(f"p{i}.txt", f"p{i}.txt", f"{teaser}\n{b}\nMore followed later in the day.", fmt="text")
            for i, b in enumerate(bodies)]
    for a, b in zip(ingest_raw(raws), bodies):
        assert teaser not in a.text and b in a.text and a.title != teaser
        assert any(d.text == teaser and "leading several pages" in d.reason for d in a.dropped)
    # the same headline over three pages that are about it is their headline
    about = [RawDoc(f"q{i}.txt", f"q{i}.txt", f"{teaser}\nThe inquiry cleared the ferry captain of blame for the "
                    f"harbour collision, version {i}.\nHe said he was relieved.", fmt="text") for i in range(3)]
    assert all(teaser in (a.title or "") + a.text for a in ingest_raw(about))
    # one page saved three times (the same second line) is no site-wide line
    saved = [RawDoc(f"s{i}.txt", f"s{i}.txt", f"{teaser}\n{bodies[0]}\nUpdate {i}.", fmt="text") for i in range(3)]
    assert all(teaser in (a.title or "") + a.text for a in ingest_raw(saved))
    # on two pages only it may be anything: kept
    assert all(teaser in (a.title or "") + a.text for a in ingest_raw(raws[:2]))
