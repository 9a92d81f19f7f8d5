"""Event classes of the twentieth session (readable lines, issue 12); sentences written for these tests."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _summaries(text: str) -> list[str]:
    import storyline
    return [e.summary for e in storyline.build_records([{"id": "a", "text": text, "date": "2031-05-07"}]).events]


def test_a_span_of_time_into_something_is_when_not_what():
    got = _summaries("Five weeks into the worst flood in Marenland history, Halvex Chief Executive Tomas Veldt locked "
                     "himself in a room on the third floor.")
    assert any(s.startswith("Halvex Chief Executive Tomas Veldt locked himself in a room") for s in got), got
    assert not any(s.startswith("into the worst flood") for s in got), got


def test_a_particles_phrase_stays_with_its_verb_but_a_time_does_not():
    got = _summaries("Two days into the strike, the dockers' leader Ada Berg walked out of the talks on Monday.")
    assert any("walked out of the talks" in s for s in got), got
    got = _summaries("Over the weekend, the rebels pulled out of the port town of Rask.")
    assert any("pulled out of the port town of Rask" in s and "weekend" not in s for s in got), got


def test_a_name_right_after_its_description_says_who():
    got = _summaries("The pressure is mounting on the harbour board chairman Tomas Veldt to resign.")
    assert any("chairman Tomas Veldt" in s for s in got), got
    # An apposition set off by commas is still cut: the line keeps its who-did-what.
    got = _summaries("The minister, Jon Vidar, resigned on Tuesday.")
    assert any(s.startswith("The minister resigned") for s in got), got
