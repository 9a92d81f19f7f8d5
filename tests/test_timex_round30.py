"""Time-expression classes of the thirty-sixth session's blind set (AE). Sentences written for the test."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def test_a_month_a_thing_is_scheduled_for_lies_ahead():
    # 2031-02-04: September 2030 is nearer, but an election scheduled for September is still to come
    v = values("The mayor said on Tuesday he would not stand again in elections scheduled for September.", "2031-02-04")
    assert v["September"] == "2031-09"
    # a day of a plan stays the nearer reading
    v = values("The minister attended a hearing planned for Friday.", "2031-02-03")
    assert v["Friday"] == "2031-01-31"


def test_what_has_just_been_called_for_a_day_lies_ahead():
    # Monday 2031-02-03
    v = values("The port authority has called an emergency meeting of ferry operators for Wednesday.", "2031-02-03")
    assert v["Wednesday"] == "2031-02-05"


def test_a_plan_reported_under_a_past_verb_was_ahead_of_the_telling():
    # Tuesday 2031-02-04
    v = values("An official confirmed the council's appeal was expected on Thursday.", "2031-02-04")
    assert v["Thursday"] == "2031-02-06"
    # a past plan in a past perfect stays as it was read
    v = values("The appeal had been expected on Thursday but never came.", "2031-02-04")
    assert v["Thursday"] == "2031-01-30"


def test_a_target_being_set_now_lies_ahead():
    v = values("We're still looking at mid-August for finishing the tunnel.", "2031-06-20")
    assert v["August"] == "2031-08"


def test_a_photo_caption_s_present_is_past():
    text = ("The harbour master meets the ferry crews on the flooded quay in May.\n\n"
            "(Ana Pell/Kestrow Press) For weeks the town has argued over who pays.")
    assert values(text, "2031-07-18")["May"] == "2031-05"
    # without a credit after it, a scheduled present is ahead
    assert values("The harbour master meets the ferry crews on the flooded quay in May.", "2031-07-18")["May"] == \
        "2032-05"


def test_a_happening_named_by_its_year_sets_the_year_of_its_story():
    v = values("Historians say the 1957 epidemic began quietly in the spring. It faded over the summer, but came "
               "back in October.", "2031-05-05")
    assert (v["the spring"], v["the summer"], v["October"]) == ("1957-SP", "1957-SU", "1957-10")
    # a year set beside the story, not its subject, does not
    v = values("Unlike the 2004 tsunami, this quake struck in March.", "2031-05-05")
    assert v["March"] == "2031-03"


def test_a_year_before_a_season_is_that_season():
    v = values("It was a bad day for the league this spring when the owners walked out. Worse was the moment a year "
               "earlier when the players did.", "2031-07-18")
    assert v["a year earlier"] == "2030-SP"


def test_a_live_page_s_update_stamp_is_of_the_page_s_day():
    text = ("Banks stayed shut.\n(Update 7:10 p.m. in Talvor, 12:10 p.m. ET) - The ferries will run again on "
            "Sunday.\n9:30 am ET - Remembering the mine disaster - Today marks ten years since the collapse.")
    v = values(text, "2031-02-13")
    assert v["7:10 p.m."] == "2031-02-13T19:10"
    assert v["9:30 am ET"] == "2031-02-13T09:30"
    # a clock time inside a sentence, with no day near it, keeps no value
    assert values("The tremor struck at 0603 local time.", "2031-02-13").get("0603 local time") is None


def test_a_live_page_newest_first_goes_back_over_midnight():
    text = ("Live.\n(Update 7:20 p.m. Talvor, 12:20 p.m. ET) The mayor spoke.\n"
            "(Update 12:14 a.m. Talvor, 5:14 p.m. ET) The state broadcaster reports a release.\n"
            "(Update 8 p.m. Talvor, 1 p.m. ET) Gunfire could be heard.\n"
            "(Update 6 p.m. Talvor, 11 a.m. ET) Crowds gathered.\n")
    v = values(text, "2031-02-13")
    assert (v["7:20 p.m."], v["12:14 a.m."], v["5:14 p.m. ET"]) == \
        ("2031-02-13T19:20", "2031-02-13T00:14", "2031-02-12T17:14")
    assert (v["8 p.m."], v["6 p.m."]) == ("2031-02-12T20:00", "2031-02-12T18:00")


def test_an_update_out_of_order_is_no_day_back():
    text = ("Live.\n(Update 4:30 a.m. Talvor) One.\n(Update 3:55 a.m. Talvor) Two.\n(Update 4:10 a.m. Talvor) Three."
            "\n(Update 2:00 a.m. Talvor) Four.\n(Update 1:00 a.m. Talvor) Five.\n")
    assert values(text, "2031-02-13")["4:10 a.m."] == "2031-02-13T04:10"


def test_a_broadcast_transcript_speaks_from_its_show_s_day(tmp_path):
    from datetime import date

    from storyline.ingest import ingest
    from storyline.ingest.pubdate import transcript_day
    from storyline.pipeline import anchor_of
    head = 'Mayor Answers Critics\n\nThis is a RUSH transcript from "The Evening Desk," June 15, 2031.\n\n'
    assert transcript_day(head, "2031-06-16") == "2031-06-15"
    assert transcript_day(head, "2031-09-16") is None      # months away: not the page's day
    assert transcript_day("The council met on June 15, 2031.", "2031-06-16") is None    # no transcript header
    p = tmp_path / "2031-06-16" / "desk.txt"
    p.parent.mkdir()
    p.write_text(head + "HOST: Did you watch the mayor tonight?\n\nGUEST: I did.\n", encoding="utf-8")
    a = ingest([str(p)])[0]
    assert a.published == "2031-06-16" and anchor_of(a) == date(2031, 6, 15)


def test_a_round_count_of_decades_means_the_one_year_the_text_names_near_it():
    text = ("Exxon did the same after its spill over two decades ago. The costs of the 1989 tanker disaster were "
            "less than feared.")
    assert values(text, "2031-06-17")["two decades ago"] == "2011"     # 2011 is not written: counted
    text = ("Exxon did the same after its spill over two decades ago. The costs of the 2009 tanker disaster were "
            "less than feared.")
    assert values(text, "2031-06-17")["two decades ago"] == "2009"
    # two written years near the count: it stays as counted
    text = ("The rules date from two decades ago. The 2009 spill and the 2012 blowout changed little.")
    assert values(text, "2031-06-17")["two decades ago"] == "2011"
