"""Event classes of the ninth session (set I's errors). Sentences written for these tests (docs/events.md)."""
from __future__ import annotations

import pytest

from test_events import _events


def _by_trigger(text):
    _, evs = _events(text)
    return {e.trigger: e for e in evs}


@pytest.mark.slow
def test_a_clause_on_an_indefinite_time_sets_a_scene_and_is_no_happening():
    got = _by_trigger("At a time when big banks such as Orlan and Vesk have been injected with billions in public "
                      "funds, some analysts question the fund.")
    assert got["injected"].tense == "relative"
    # with its own date it is news again
    got = _by_trigger("At a time when Orlan has been injected with $2bn on 3 March, analysts question the fund.")
    assert got["injected"].tense != "relative"
