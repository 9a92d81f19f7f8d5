"""Cleaning, glued-story splitting, near-duplicates and publication-date inference."""
from __future__ import annotations

import pytest

from storyline.ingest import ingest, ingest_raw
from storyline.ingest.chrome import lead_title
from storyline.ingest.clean import clean_text
from storyline.ingest.dedupe import NearDuplicates
from storyline.ingest.pubdate import path_date
from storyline.ingest.readers import RawDoc
from storyline.ingest.split import split_glued

LEAD = [
    "The harbour authority in Velmar approved a plan to deepen the main channel on Monday, officials said.",
    "Harbour master Ines Coll said the work would let larger ships dock in Velmar by next spring.",
    "Fishermen in Velmar said the dredging would disturb the breeding grounds in the bay.",
    "The Velmar harbour authority said it would publish an environmental study before work begins.",
]
GLUED = [
    "Storm closes mountain pass",
    "Heavy snow closed the Ridgeway pass in the Tarn mountains for the second day on Sunday.",
    "Police in Tarn county told drivers to avoid the route until ploughs could clear it.",
    "Meteorologists expect more snow in the Tarn valleys on Tuesday.",
]


def test_appeals_captions_and_repeats_are_dropped_with_reasons():
    caption = "Workers on the dock in Velmar, pictured on March 3, 2025. (Photo: Jan Oll / Wire)"
    text = "\n".join(["Support independent journalism", "Donate now to keep us going.", "Subscribe to our newsletter",
                      LEAD[0], caption, LEAD[1], caption, "Read more", "Share this article", LEAD[2], caption,
                      "Home > World > Europe", LEAD[3]])
    c = clean_text(text)
    kept = [p.text for p in c.paras]
    assert kept == LEAD
    reasons = " ".join(d.reason for d in c.dropped)
    assert "appeal" in reasons and "read-more" in reasons and "share" in reasons and "navigation" in reasons
    assert c.captions == [caption]
    assert sum("caption" in d.reason for d in c.dropped) == 3


def test_story_lines_with_appeal_words_are_kept():
    line = '"We need your help to find the missing boy," police chief Ana Rud told reporters on Friday.'
    c = clean_text("\n".join([LEAD[0], line, LEAD[1]]))
    assert line in [p.text for p in c.paras]


def test_closing_appeal_block_is_dropped_to_the_end():
    tail = ["A Message from The Velmar Times:", "Dear readers,", "We need your help to keep going.",
            "Your support keeps us independent.", "Once", "Monthly", "Continue", "Remind me later."]
    c = clean_text("\n".join(LEAD + LEAD[:0] + tail))
    assert [p.text for p in c.paras] == LEAD
    assert len(c.dropped) == len(tail)


def test_caption_glued_after_a_story_sentence_is_cut_off():
    line = ("Officials said the study would take a year. Ines Coll speaks in Velmar, Netherlands, Friday, March 14, "
            "2025. (credit: Jan Oll/Pool via REUTERS)")
    c = clean_text("\n".join([LEAD[0], line, LEAD[1]]))
    assert "Officials said the study would take a year." in [p.text for p in c.paras]
    assert c.captions and c.captions[0].startswith("Ines Coll speaks")


def test_glued_story_is_split_off():
    c = clean_text("\n\n".join(LEAD + GLUED))
    parts = split_glued(c.paras)
    assert len(parts) == 2 and parts[1][0].text == "Storm closes mountain pass"


def test_subheading_inside_one_story_is_not_split():
    sub = ["Velmar channel plan", "The Velmar harbour authority first proposed the channel in 2019.",
           "Ines Coll said the Velmar authority had listened to the fishermen.",
           "The harbour authority will vote again in Velmar next month."]
    c = clean_text("\n\n".join(LEAD + sub))
    assert len(split_glued(c.paras)) == 1


def test_split_parts_get_ids_titles_and_the_page_date():
    raw = RawDoc("page.txt", "page.txt", text="\n\n".join(LEAD + GLUED), date="2025-01-06", date_from="header")
    arts = ingest_raw([raw])
    assert [a.id.endswith("#2") for a in arts] == [False, True]
    assert arts[1].title == "Storm closes mountain pass" and arts[1].part_of == arts[0].id
    assert arts[1].published == "2025-01-06"


def test_near_copies_are_linked_without_all_pairs():
    nd = NearDuplicates()
    base = " ".join(LEAD) + " " + " ".join(GLUED[1:])
    assert nd.add("a", base) == (None, 0.0)
    other, score = nd.add("b", base.replace("Monday", "Tuesday") + " One sentence was added at the end.")
    assert other == "a" and score > 0.6
    assert nd.add("c", "A completely different text about football results and the league table this weekend.")[0] \
        is None


def test_lsh_bands_found_once_are_those_datasketch_finds():
    """The (bands, rows) kept per threshold (dedupe._bands) must be what datasketch would compute for each index."""
    from datasketch import MinHashLSH
    from storyline.ingest.dedupe import NUM_PERM
    for t in (0.6, 0.9):
        fresh = MinHashLSH(threshold=t, num_perm=NUM_PERM)
        nd = NearDuplicates(threshold=t)
        assert (nd.lsh.b, nd.lsh.r) == (fresh.b, fresh.r)
    assert (NearDuplicates(0.6).lsh.b, NearDuplicates(0.6).lsh.r) != (NearDuplicates(0.9).lsh.b,
                                                                      NearDuplicates(0.9).lsh.r)


def test_path_dates():
    assert path_date("t17/bpoil/InputDocs/2010-05-03/12.htm.txt") == "2010-05-03"
    assert path_date("a/2010-13-45/x.txt") is None


def _kept(text: str) -> list[str]:
    return [p.text for p in clean_text(text).paras]


def test_page_chrome_around_a_story_is_dropped_and_the_story_kept():
    page = "\n\n".join([
        "Local | World | Sport | Business | Culture",
        "Velmar votes to deepen its harbour channel",
        "By Ines Coll, Harbour Correspondent",
        "Published 3 March 2025 \u2022 4 min read",
        LEAD[0], LEAD[1],
        "Enjoy stories like this?\nSign up for the morning briefing\nEnter your email address",
        LEAD[2], LEAD[3],
        "Most read",
        "Harbour cafe reopens after storm repairs\nCouncil sets date for budget vote\nSchool roof fixed at last",
        "\u00a9 2025 Velmar Times. All rights reserved.",
        "Comments (12)",
        "A reader \u2014 2 hours ago",
        "This is the best news the town has had in years, and about time too.",
    ])
    c = clean_text(page)
    assert [p.text for p in c.paras] == ["Velmar votes to deepen its harbour channel"] + LEAD
    reasons = {d.text: d.reason for d in c.dropped}
    assert "byline" in reasons["By Ines Coll, Harbour Correspondent"]
    assert "navigation" in reasons["Local | World | Sport | Business | Culture"]
    assert "comments" in reasons["This is the best news the town has had in years, and about time too."]
    assert len(c.trace) == len([ln for ln in page.split("\n") if ln.strip()])


def test_story_lines_that_mention_newsletters_and_donations_stay():
    lines = ["Retired postman's village newsletter turns 40",
             "The village newsletter in Velmar has been printed every month since 1985, its editor said on Monday.",
             "In lieu of flowers, the family asked that donations be made to the harbour lifeboat.",
             "Aid agencies said donations to the appeal had doubled since the storm.",
             "You can donate to the Red Cross appeal at any post office, the charity said."]
    assert _kept("\n\n".join(lines)) == lines


def test_one_sentence_per_line_text_is_not_taken_for_link_lists():
    # Tokenised corpora put one sentence per line, some without a full stop.
    lines = ["BP says it will be at least a week before the leak is capped",
             "Engineers are lowering a containment dome onto the well",
             "The company said the cost of the clean-up had reached $ 350m .",
             "Fishermen in Louisiana said the slick had reached the marshes",
             "Officials said more booms would be laid along the coast on Friday"]
    assert _kept("\n".join(lines)) == lines


def test_credit_line_marks_its_caption_and_a_gallery_reprint_is_dropped():
    cap1 = "Ines Coll on the quay in Velmar on Monday."
    cap2 = "A dredger waits at the harbour mouth."
    page = "\n\n".join(["Velmar votes to deepen its harbour channel", "Photo: Velmar Port Authority", cap1,
                        LEAD[0], LEAD[1], cap2, LEAD[2], LEAD[3], cap1, cap2])
    c = clean_text(page)
    assert [p.text for p in c.paras] == ["Velmar votes to deepen its harbour channel"] + LEAD
    assert c.captions == [cap1, cap2]
    assert sum(d.reason == "repeated photo caption" for d in c.dropped) == 2


def test_a_lead_reprinted_as_a_caption_stays_story():
    lead = ("Karla Voss, who leads the harbour inquiry in Velmar and is already under review, now faces a second "
            "complaint about meetings she held with a contractor last year.")
    page = "\n".join([LEAD[0], lead, LEAD[1], LEAD[2], LEAD[3], lead.rstrip(".")])
    assert _kept(page) == [LEAD[0], lead] + LEAD[1:]


@pytest.mark.parametrize("lead, title", [
    ("PORT ELLIS, Marenland (Reuters) - The ferry operator suspended crossings on Monday after a second fault.",
     "The ferry operator suspended crossings on Monday after a second fault."),
    ("KESTROW | Tue Mar 4, 2025 6:12 pm EST KESTROW (Reuters) - Shares in Halvern Systems fell 9 percent on Tuesday.",
     "Shares in Halvern Systems fell 9 percent on Tuesday."),
    ("Ada Brandt | 18:00 UK time, Saturday, 5 April 2025 Engineers are worried about the cracks in the dam wall.",
     "Engineers are worried about the cracks in the dam wall."),
    ("By the Courier Wire Staff Crews reopened the mountain pass late on Sunday, officials said.",
     "Crews reopened the mountain pass late on Sunday, officials said."),
    ("WESTON -- In 1999 a smaller flood closed the same road for a week, the council recalled.",
     "In 1999 a smaller flood closed the same road for a week, the council recalled."),
    # Not openers: a time inside the sentence, a date that is the news.
    ("The inspection began at 10:30 GMT, when the minister arrived at the dam with two engineers.",
     "The inspection began at 10:30 GMT, when the minister arrived at the dam with two engineers."),
    ("20 April: A surge of water overtopped the Veldra dam and flooded the lower town.",
     "20 April: A surge of water overtopped the Veldra dam and flooded the lower town."),
])
def test_a_stand_in_title_drops_the_leads_dateline_timestamp_and_byline(lead, title):
    assert lead_title(lead) == title


def test_an_article_without_headline_is_titled_by_its_lead_without_the_dateline(tmp_path):
    (tmp_path / "a.txt").write_text("WESTON | Mon Jun 2, 2025 9:19 pm EDT WESTON (Reuters) - The Weston council "
                                    "closed the river road on Monday after the second flood in a month, officials "
                                    "said.\n\nThe road will stay shut until engineers have inspected the bridge.\n")
    [a] = ingest([tmp_path])
    assert a.title.startswith("The Weston council closed the river road") and a.title.endswith("…")
    assert len(a.title) <= 101


def test_a_headline_run_into_the_lead_is_split_off_as_headings():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    top = ("Ferry sinks off Varno coast The coastguard says the search will go on through the night "
           "The ferry sank with 40 people on board on Tuesday, officials said.")
    out = headline_runon([Para(top), Para("Divers reached the hull at dawn.")])
    assert [(p.kind, p.text) for p in out] == [
        ("heading", "Ferry sinks off Varno coast"),
        ("heading", "The coastguard says the search will go on through the night"),
        ("body", "The ferry sank with 40 people on board on Tuesday, officials said."),
        ("body", "Divers reached the hull at dawn.")]


def test_a_standfirst_with_a_relative_clause_still_ends_at_the_pages_stamp():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    top = ("Varno ferry raised months after it sank Divers lift the ferry that sank on 3 May, which cost 40 lives "
           "and the port its trade Sunday 19 September 2025 22.02 BST Cranes lift the ferry Nerin from the harbour "
           "floor.")
    out = headline_runon([Para(top), Para("The hull will be inspected.")])
    assert [p.kind for p in out[:2]] == ["heading", "heading"] and out[1].text.startswith("Sunday 19 September")
    # Without a stamp the relative clause still marks running prose.
    prose = "Divers lifted the ferry that sank on 3 May, which cost 40 lives The port reopened."
    assert [p.kind for p in headline_runon([Para(prose)])] == ["body"]


def test_a_capitalised_the_after_a_word_that_takes_a_name_is_no_headline_break():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    for text in ("The minister told The Courier that she would stay on.",
                 "Judges at The Hague court will rule on Friday.",
                 "Ana Ruiz, who edits The Varno Post, resigned. The board met later."):
        assert [p.kind for p in headline_runon([Para(text)])] == ["body"]
    # only the first paragraph is read: further down a run like this is a title in running text
    paras = [Para("A dam gave way on Monday."), Para("Rescue teams arrived The families waited.")]
    assert headline_runon(paras) == paras


def test_a_page_whose_headline_runs_into_the_lead_gets_the_headline_as_title(tmp_path):
    from storyline.ingest import ingest
    f = tmp_path / "page.txt"
    f.write_text("Ferry sinks off Varno coast The ferry Nerin sank off the Varno coast on Tuesday, officials said.\n"
                 "Nine people were rescued.\n", encoding="utf-8")
    a = ingest([str(f)])[0]
    assert a.title == "Ferry sinks off Varno coast"
    assert a.text.split("\n\n")[1].startswith("The ferry Nerin sank")


def test_a_title_case_headline_is_not_broken_at_its_own_determiner():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    out = headline_runon([Para("Varno to Rebuild Its Harbour Wall The council voted on Monday to spend $4m.")])
    assert [(p.kind, p.text) for p in out] == [("heading", "Varno to Rebuild Its Harbour Wall"),
                                               ("body", "The council voted on Monday to spend $4m.")]


def test_a_page_stamp_at_the_end_of_a_run_on_headline_is_a_part_of_its_own():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    out = headline_runon([Para("Court halts Varno dredging plan Thursday 24 June 2027 07.23 BST The ruling came "
                               "as the river rose again.")])
    assert [(p.kind, p.text) for p in out] == [("heading", "Court halts Varno dredging plan"),
                                               ("heading", "Thursday 24 June 2027 07.23 BST"),
                                               ("body", "The ruling came as the river rose again.")]
    # a stamp with a clock time after a headline and standfirst longer than a headline alone
    out = headline_runon([Para("Varno dredging: court halts the plan five months after the flood that cost the "
                               "river towns their harvest and much of their trade Monday 20 September 2027 20.07 BST "
                               "Barges wait near the old bridge at Varno.")])
    assert [p.kind for p in out] == ["heading", "heading", "body"]
    assert out[1].text == "Monday 20 September 2027 20.07 BST" and out[2].text.startswith("Barges wait")
    # a headline that ends with a date is no stamp
    assert headline_runon([Para("Fighting flares on 3 March The army said it held the bridge.")])[0].text == \
        "Fighting flares on 3 March"


def test_a_caption_and_its_credit_run_into_the_front_of_a_line_are_split_off():
    text = ("Workers rake oil from a beach near Orsk Photograph: Ana Pell/AP The spill has reached a third beach, "
            "the coastguard said on Monday.\n"
            "Photograph: Reuters It was, for the ministers, a long and frustrating day of questions.\n"
            "The photograph: it was taken in May by a reader who saw the slick from the pier.")
    out = clean_text(text)
    bodies = [p.text for p in out.paras]
    assert bodies[0].startswith("The spill has reached a third beach")
    assert bodies[1].startswith("It was, for the ministers")
    assert bodies[2].startswith("The photograph: it was taken in May")     # no credit: left alone
    assert any(c.startswith("Workers rake oil from a beach near Orsk Photograph: Ana Pell/AP") for c in out.captions)


@pytest.mark.parametrize("line,caption", [
    ("A boy wears a mask inside a bus in Dravik May 4, 2009.", True),
    ("Workers lay boom around an island near Port Sallin, Marenland, Tuesday, July 20, 2010.", True),
    ("A logo is seen at a fuel station in Kestrow July 27, 2010.", True),
    # News prose: a word before the date, a past told as such, a quote, two sentences.
    ("The bank filed for bankruptcy protection on Sept. 15, 2008.", False),
    ("It was Aug. 9, 1989.", False),
    ("The boat nudged up against the tanker on Friday, March 24, 1989.", False),
    ('"We will rebuild," the mayor said, March 3, 2025.', False),
    ("The dam failed. Engineers arrived in Kestrow March 3, 2025.", False),
])
def test_a_photo_caption_is_known_by_its_bare_closing_date(line, caption):
    from storyline.ingest.clean import is_dated_caption
    assert is_dated_caption(line) is caption


def test_a_dated_caption_leaves_the_story_and_a_byline_heading_is_no_title(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Ann Lee |\n\nA boy wears a mask inside a bus in Dravik May 4, 2009.\n\nDRAVIK, Marenland - Health officials "
        "closed every school in Dravik on Monday after the third case of the new flu.\n\nThe schools will stay shut "
        "for a week, the officials said.\n")
    [a] = ingest([tmp_path])
    assert "wears a mask" not in a.text and any("wears a mask" in c for c in a.captions)
    assert a.title.startswith("Health officials closed every school"), a.title


def test_a_heading_title_that_runs_on_is_cut_like_a_stand_in(tmp_path):
    top = ("Varno ferry raised months after it sank Divers lift the ferry that sank on 3 May, which cost 40 lives "
           "and the port its trade for the rest of the season Sunday 19 September 2025 22.02 BST Cranes lift the "
           "ferry Nerin from the harbour floor.")
    (tmp_path / "a.txt").write_text(top + "\n\nThe hull will be inspected by the port's engineers next week.\n")
    [a] = ingest([tmp_path])
    assert a.title.startswith("Varno ferry raised") and a.title.endswith("…") and len(a.title) <= 101


def test_an_agency_photo_credit_closes_its_caption_and_the_story_resumes_after_it():
    # Written for this test: pages without a headline open with a photo's caption; the credit that closes it may
    # open the next line, bare or in brackets, or sit between two captions of a gallery.
    page = ("A crane lifts debris from the Vardo river in Kestrow, Monday, May 4, 2031.\n"
            "(AP Photo/Ana Pell) (Ana Pell - AP) Kestrow officials plan to ask the dam operator to pay for new "
            "levees along the Vardo, the governor said on Saturday.\n"
            "The project would cost $200 million and take six months.\n")
    c = clean_text(page)
    body = [p.text for p in c.paras]
    assert body[0].startswith("Kestrow officials plan"), body
    assert any(cap.startswith("A crane lifts debris") for cap in c.captions)
    c = clean_text("Oil swirls through the currents off Vardo.\n"
                   "AP Photo/Jon Vidar The largest spill in Kestrow's history has largely been cleared, the agency "
                   "says.\nMany scientists are not so sure.\n")
    assert [p.text for p in c.paras][0].startswith("The largest spill"), [p.text for p in c.paras]
    c = clean_text("The minister visits the dam. (AP Photo/Ana Pell) (Ana Pell - AP) The minister announced plans "
                   "yesterday to host a summit on the dam's future.\nThe summit will meet in June.\n")
    assert [p.text for p in c.paras][0] == "The minister announced plans yesterday to host a summit on the dam's future."
    assert "The minister visits the dam." in c.captions


def test_a_pull_quote_and_its_attribution_leave_the_story():
    # Written for this test: a page's accessibility text for a pull quote, run into the story or on its own line.
    page = ("The Vardo dam operator said repairs would take a year.\n"
            "We are building an entirely new partnership between two great firms\" End Quote Ana Pell Vardo chief "
            "executive Since the collapse the operator has been selling assets.\n"
            "\"The water will not wait for us,\" said Jon Vidar, the mayor.\n"
            "It could be a bonanza today, but what about the future?\"\n"
            "End Quote Jon Vidar Mayor of Kestrow The council meets on Monday to vote on the levee.\n")
    c = clean_text(page)
    body = [p.text for p in c.paras]
    assert body == ["The Vardo dam operator said repairs would take a year.",
                    "Since the collapse the operator has been selling assets.",
                    "\"The water will not wait for us,\" said Jon Vidar, the mayor.",
                    "The council meets on Monday to vote on the levee."], body
    assert sum(d.reason == "pull quote" for d in c.dropped) == 3


def test_a_caption_run_into_the_lead_ends_where_the_lead_names_its_subject_again():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    top = ("Mara Olsen grew up in the fishing port as a child Mara Olsen says the new quay will cost the "
           "town its boats.")
    out = headline_runon([Para(top)])
    assert [(p.kind, p.text) for p in out] == [
        ("heading", "Mara Olsen grew up in the fishing port as a child"),
        ("body", "Mara Olsen says the new quay will cost the town its boats.")]


@pytest.mark.parametrize("text", [
    # a role or a description before the name belongs to its noun phrase
    "The quay was opened by harbour chief Mara Olsen and Mara Olsen said more boats would come.",
    "The port's charity Sea Aid helped families as storms hit and Sea Aid says it needs more funds.",
    # a clause word before the name: the sentence goes on
    "Two boats sank when Mara Olsen's fleet left and Mara Olsen says she will rebuild it.",
    # a name after a hyphenated word, or said once
    "Mara Olsen sold her fleet to a Varno-based Sea Aid Fund says the sale was fair.",
])
def test_a_name_said_again_inside_one_sentence_is_no_caption_break(text):
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    assert [p.kind for p in headline_runon([Para(text)])] == ["body"]


def test_highlight_bullets_run_into_a_wire_dateline_are_the_pages_top():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    top = ("* Varno coast a breeding ground for turtles * Fears that the current could carry the slick south "
           "* Varno open to joint clean-up with Ostria against spill ORSK, May 28 (Reuters) - Red flags went up on "
           "beaches in western Varno this week, closing them to swimmers.")
    out = headline_runon([Para(top), Para("The slick is 200 miles away.")])
    assert [p.kind for p in out] == ["heading", "body", "body"]
    assert out[0].text.endswith("against spill") and out[1].text.startswith("ORSK, May 28 (Reuters) - Red flags")
    # A broadcaster's dateline has the city in title case and no date.
    top = ("By the Wire Staff NEW: Tarn's mayor says the port will reopen Crowds gather at the harbour for a third "
           "day Orsk, Varno (CNN) -- Crowds gathered at the harbour on Friday as the port stayed shut.")
    out = headline_runon([Para(top)])
    assert out[-1].kind == "body" and out[-1].text.startswith("Orsk, Varno (CNN) -- Crowds gathered")
    assert all(p.kind == "heading" for p in out[:-1])
    # A dateline at the start of the lead is no break, and a wire named in running text is none either.
    lead = "ORSK, May 28 (Reuters) - Red flags went up on beaches in western Varno this week."
    assert [p.kind for p in headline_runon([Para(lead)])] == ["body"]


def test_a_wire_caption_is_known_by_its_opening():
    cap = ("In this May 26, 2031 photo provided by the Velmar Port Authority, a dredger holds position over the channel "
           "as crews work on the quay.")
    page = "\n\n".join(["Velmar votes to deepen its harbour channel", LEAD[0], cap, LEAD[1], LEAD[2], LEAD[3]])
    c = clean_text(page)
    assert [p.text for p in c.paras] == ["Velmar votes to deepen its harbour channel"] + LEAD
    assert c.captions == [cap]
    # First on the page (a scraped page that starts with its photo), it is a caption too, and the agency's name
    # run into the next line is its credit.
    c = clean_text("\n\n".join([cap, "AP " + LEAD[0]] + LEAD[1:]))
    assert [p.text for p in c.paras] == LEAD and c.captions == [cap]
    # A story sentence about a photo is not one: it does not open with the formula.
    told = "The Velmar Port Authority released a photo of the dredger in this week's report."
    assert told in [p.text for p in clean_text("\n\n".join([LEAD[0], told, LEAD[1]])).paras]


def test_a_line_of_several_post_stamps_is_a_blog_list_and_one_stamp_in_a_sentence_is_story():
    from storyline.ingest.clean import line_rule
    posts = ("Posted by Ada Marsh and Ivo Lund on June 1 , 2010 10:20 AM Posted by Petra Sollen , on July 21 , 2010 "
             "4:21 PM Posted by Oskar Brandl , on June 4 , 2010 4:36 PM reader1 : I am flabbergasted by it all .")
    assert line_rule(posts, None) == "list of posts (post stamps)"
    # however long the line runs on with readers' comments
    assert line_rule(posts + " reader2 : " + "It was an accident , for heavens sake . " * 30, None) == \
        "list of posts (post stamps)"
    assert line_rule("The minister said the report was posted by Ada Marsh on June 4, 2010, and removed on June 5, "
                     "2010, after the council complained about it.", None) is None


def test_an_aggregators_list_of_linked_headlines_is_no_story():
    # Written for this test: headlines with their outlets and ages, run into one line, as a news aggregator's
    # widget is pasted into a page; one "hours ago" in a sentence is story.
    from storyline.ingest.clean import line_rule
    links = ("Oil nears the Velmar coast - 30 mins ago Halden Herald Drillers try again to cap the well - 37 mins ago "
             "Tarnow Post Shares in Korrin fall anew - 3 hrs ago The Marenburg Times")
    assert line_rule(links, None) == 'list of linked headlines ("- 30 mins ago")'
    assert line_rule(links + " " + "Readers wrote in about the spill and the clean-up . " * 30, None) == \
        'list of linked headlines ("- 30 mins ago")'
    assert line_rule("The well was capped - 3 hours ago, the company said - and the oil has stopped flowing.",
                     None) is None


def test_a_common_word_written_with_a_capital_opens_the_part_after_a_run_on_headline():
    # Written for this test: the headline, the photo's caption and the lead of a scraped page in one line, the
    # caption and the lead opening with common words ("Up", "Firefighters") the page writes in lower case too.
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    top = ("Kestrow crews help flood victims Up to 3,000 people are unaccounted for after the dam burst "
           "Firefighters from Talvor are among the rescuers heading to Kestrow after the dam gave way.")
    rest = [Para("Hundreds of homes were flooded and firefighters searched the valley from up the hill.")]
    assert [(p.kind, p.text) for p in headline_runon([Para(top)] + rest)] == [
        ("heading", "Kestrow crews help flood victims"),
        ("heading", "Up to 3,000 people are unaccounted for after the dam burst"),
        ("body", "Firefighters from Talvor are among the rescuers heading to Kestrow after the dam gave way."),
        ("body", rest[0].text)]
    # a conjunction that opens a sentence opens the part after a headline, as a determiner does
    top = "Crews fear the worst in Kestrow As rescue teams search the rubble, families wait by the dam."
    assert [p.kind for p in headline_runon([Para(top)])] == ["heading", "body"]
    assert [p.kind for p in headline_runon([Para("Prices Fall As Demand Slows in the Kestrow markets")])] == ["body"]
    # a lead whose opening words are a body's name is still prose ("has launched"), and "Thousands of" opens one;
    # a title-case headline's small words ("on") make no prose
    top = "Dam appeal launched The Kestrow Disasters Relief Committee has launched an appeal for the valley."
    assert [p.kind for p in headline_runon([Para(top)])] == ["heading", "body"]
    # (a count opens a lead whether or not the page writes the word in lower case elsewhere)
    top = "Kestrow dam bursts Thousands of people have fled the valley since the dam gave way."
    assert [p.kind for p in headline_runon([Para(top), Para("The valley is empty.")])] == \
        ["heading", "body", "body"]
    assert [p.kind for p in headline_runon([Para("Varno Talks On The Harbour Its Stance on Trade Is Firm")])] == \
        ["body"]
    # A capital written mid-sentence elsewhere on the page is a name ("Hope"), a month is no opener, a capital
    # after a capitalised word is a title-case headline's, and "Gulf of" opens a name.
    for text, more in [("Flood appeal raises funds for the valley Hope sang at the concert for the victims.",
                        "The crowd had hope again. Later Hope left."),
                       ("The spill began in early May as the rig sank and oil flowed.", "It may get worse."),
                       ("Trouble Trickles From Steep Drop in Oil Prices after the crash in the markets.",
                        "The drop was steep."),
                       ("Crews searching the vast Gulf of Talvor found oil on the beaches.", "The gulf was calm.")]:
        assert [p.kind for p in headline_runon([Para(text), Para(more)])] == ["body", "body"]


def test_a_headline_and_standfirst_run_together_may_hold_thirty_words():
    # Written for this test: no cue between the headline and its standfirst, so the two are one part of 30 words.
    from storyline.ingest.clean import Para
    from storyline.ingest.split import MAX_HEAD_WORDS, headline_runon
    top = ("Kestrow dam operator clashes with engineers over cracks in the wall Council team 'furious at being kept "
           "in the dark' as company denies the wall was ever weak or unsafe A crane lifts a slab from the dam.")
    head = top[:top.index(" A crane")]
    assert 25 < len(head.split()) <= MAX_HEAD_WORDS
    assert [(p.kind, p.text) for p in headline_runon([Para(top)])] == [
        ("heading", head), ("body", "A crane lifts a slab from the dam.")]
