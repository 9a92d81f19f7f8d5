"""Event classes of the sixteenth session, read from the key events of the BP slice. Words written for the tests."""
from __future__ import annotations

from storyline.events import event_type


def test_a_markets_close_is_no_closure():
    assert event_type("close", {"share", "price", "friday"}) == "other"        # "the share price closed on Friday"
    assert event_type("reopen", {"markets", "tuesday"}) == "other"             # "the markets reopened on Tuesday"
    assert event_type("close", {"schools", "universities"}) == "closure"
    assert event_type("reopen", {"port", "airport"}) == "closure"


def test_a_target_is_an_attack_only_with_arms_or_forces():
    # "which companies or individuals were being targeted" by an inquiry; "the campaign targets young voters"
    assert event_type("target", {"companies", "individuals", "inquiry"}) == "other"
    assert event_type("target", {"campaign", "voters"}) == "other"
    assert event_type("target", {"forces", "power", "plants", "missile"}) == "attack"
    assert event_type("target", {"bombs", "villages"}) == "attack"
    assert event_type("target", {"hackers", "accounts"}) == "attack"
    assert event_type("attack", {"convoy"}) == "attack"


def test_naming_someone_is_an_appointment_only_to_a_post():
    # "newspapers named the couple", "she was named as the first person to die": who they are, not a post given
    assert event_type("name", {"newspapers", "couple", "tuesday"}) == "other"
    assert event_type("name", {"first", "person", "die"}) == "other"
    assert event_type("name", {"board", "chief", "executive"}) == "appointment"
    assert event_type("appoint", {"inquiry"}) == "appointment"
