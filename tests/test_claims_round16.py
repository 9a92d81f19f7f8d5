"""Claim class of the twenty-fourth session (issue 13), read off the slice builds of the session's start. Every
sentence here is written for the test.

- a medium the parser hangs on a live page's update stamp ("(Update 8:54 p.m. Talvor, 1:54 p.m. ET) Via Twitter,
  Kestrow Radio's Ana Pell reported: ...") is no speaker; the person after it is ("Via Twitter" had spoken twice on
  the Egypt slice)."""
from __future__ import annotations

import pytest

from test_claims_classes import _claims

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("medium", ["Via Twitter", "On Facebook", "In a blog post"])
def test_a_medium_after_an_update_stamp_is_no_speaker(medium):
    cs = _claims(f'(Update 8:54 p.m. Talvor, 1:54 p.m. ET) {medium}, Kestrow Radio\'s Ana Pell reported: '
                 '"Protesters in the port say they plan a big march on Friday."')
    assert [c.speaker_text for c in cs] == ["Kestrow Radio's Ana Pell"]


def test_the_stamp_s_place_is_still_no_speaker():
    cs = _claims('(Update 8:54 p.m. Talvor) Kestrow Radio\'s Ana Pell reported: "The port is closed."')
    assert [c.speaker_text for c in cs] == ["Kestrow Radio's Ana Pell"]
