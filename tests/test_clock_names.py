"""Names of the cast: what the model tags that is no name (sentences written for these tests)."""
import pytest


@pytest.mark.slow
def test_a_time_zone_after_a_clock_time_is_no_name():
    # Written for this test: a live page's update stamp.
    from storyline import nlp
    from storyline.model import Article
    t = "(Update 1:25 a.m. Kestrow, 6:25 p.m. ET) Former reporter Ana Pell said on Sunday that the dam was safe."
    doc = next(nlp.parse([t]))
    a = Article("t", "t", text=t)
    assert "ET" not in [m.text for m in nlp.mentions(a, doc, nlp.sentences(a, doc))]
