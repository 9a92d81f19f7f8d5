"""The passes of cleaning one at a time: the line rules table, closing appeal blocks, appeal runs, assembly."""
from __future__ import annotations

import pytest

from storyline.ingest.clean import (APPEAL, LINE_RULES, appeal_runs, assemble, closing_appeal_block, line_rule,
                                    norm_key)


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
