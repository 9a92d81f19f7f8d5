"""Claim classes of the fifteenth session. Sentences written for these tests."""
from __future__ import annotations

from test_claims_classes import _claims


def test_speech_as_the_means_of_an_act_is_the_actors_claim():
    got = _claims("But late on Monday the health minister, Ilse Varga, dented hopes by saying 14 people were "
                  "thought to have died within a day.")
    assert [(c.speaker_text, c.stance) for c in got] == [("Ilse Varga", "asserts")]
    assert got[0].content.startswith("14 people were thought")
    got = _claims("The company responded by denying that it had known about the leak.")
    assert [(c.speaker_text, c.stance) for c in got] == [("The company", "denies")]
    # A means that is no speech gives no claim.
    assert _claims("He won over the crowd by singing a song about the harbour.") == []


def test_speech_that_may_come_is_no_claim_and_a_refusal_still_is():
    got = _claims("Some analysts have also speculated that if the share price keeps falling, the company may find "
                  "that it becomes a takeover target.")
    assert [c.speaker_text for c in got] == ["Some analysts"]
    assert _claims("Officials might announce on Monday that the port will reopen.") == []
    assert [(c.speaker_text, c.stance) for c in _claims("The mayor could not say when the bridge would reopen.")] \
        == [("The mayor", "declines_comment")]


def test_evidence_speaks_for_who_made_it_not_for_what_it_is_about(tmp_path):
    from test_claims_classes import _build_port_story
    data = _build_port_story(tmp_path, "Halvex said it would appeal. However, the latest fall in Halvex's shares "
                                       "suggests that markets now expect the cost to be much higher.\n\nTests by "
                                       "the Kestrow Port Authority showed that the water was clean.")
    speaker = {c["content"][:12]: c["speaker"] for c in data["claims"]}
    assert speaker["it would app"] is not None
    assert speaker["markets now "] is None                  # not Halvex's claim
    ids = {e["id"] for e in data["entities"] if "Port Authority" in e["name"]}
    assert speaker["the water wa"] in ids
