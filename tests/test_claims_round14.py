"""Stance class of the twenty-second session (issue 13), read off the ICC seed build: an accusation told as what a
third party did to a person, with no verb of misconduct. "She told The Guardian that he subjected her to a constant
onslaught of sexual advances and repeatedly sought to pressure her into sexual activity" came out `asserts`, while
"told investigators that he coerced her into ... sexual encounters" was `alleges`: subjecting someone to an unwanted
or wrongful act, or pressing someone into one, accuses the doer as "coerced" does.

Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from storyline.stance import claim_stance

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("content", [
    "her manager had subjected her to months of unwanted sexual advances",
    "the guards subjected the prisoners to beatings and humiliating searches",
    "the officers subjected him to degrading treatment in the cells",
    "the coach pressured her into sexual activity during the tour",
    "he tried to pressure the two interns into sexual relationships",
    "the landlord forced them into signing a fraudulent lease",
    "the director pushed her into unwanted physical contact",
])
def test_subjecting_or_pressing_someone_into_a_wrong_alleges(content):
    assert claim_stance("tell", content, reported=True) == "alleges"


@pytest.mark.parametrize("content", [
    "the engineers subjected the samples to stress tests",
    "the storm forced the ferry into the harbour",
    "the crisis pushed the bank into a merger",
    "the union pressed members into voting on the offer",
    "he never subjected her to any unwanted advances",
    "the referee forced the players into extra time",
    "she subjected her own proposal to a public vote",
])
def test_the_same_verbs_on_things_or_denied_assert(content):
    assert claim_stance("tell", content, reported=True) in ("asserts", "denies")


def test_a_person_subjected_to_a_wrong_in_the_passive_alleges():
    assert claim_stance("say", "she had been subjected to repeated harassment by her supervisor",
                        reported=True) == "alleges"
    assert claim_stance("say", "the steel beams were subjected to a series of load tests",
                        reported=True) == "asserts"


def _speaker_entities(data: dict) -> dict:
    """{speaker's words: the name of the entity they were linked to, or None} of a build's claims."""
    names = {e["id"]: e["name"] for e in data["entities"]}
    return {c["speaker_text"]: names.get(c["speaker"]) for c in data["claims"]}


def test_a_sea_or_a_rig_inside_a_group_s_description_is_not_its_speaker(tmp_path):
    from test_claims_round12 import _build
    data = _build(tmp_path, (
        "Oil from the Sea Lark rig reached the Gulf of Mexico on Monday. The Sea Lark rig sank on Tuesday.\n\n"
        "Independent scientists, fishermen and local groups in the Gulf of Mexico have accused the agency of "
        "hiding the damage.\n\n"
        "Lawyers for Sea Lark victims said the agency had failed them.\n\n"
        "Halvex Energy said the rig was safe. Halvex Energy added that the leak was small."))
    by_text = _speaker_entities(data)
    group = next(k for k in by_text if k and k.startswith("Independent scientists"))
    assert by_text[group] is None, by_text
    lawyers = next(k for k in by_text if k and k.startswith("Lawyers for"))
    assert by_text[lawyers] is None, by_text
    assert by_text.get("Halvex Energy") == "Halvex Energy", by_text


def test_the_places_people_live_in_do_not_speak_for_them(tmp_path):
    from test_claims_round12 import _build
    data = _build(tmp_path, (
        "Floods hit Tarnby and Lisk on Monday.\n\n"
        "Families in Tarnby, Lisk and Upper Brisk said the warnings came too late.\n\n"
        "Officials in Tarnby said the barrier had held."))
    by_text = _speaker_entities(data)
    families = next(k for k in by_text if k and k.startswith("Families"))
    assert by_text[families] is None, by_text
    officials = next(k for k in by_text if k and k.startswith("Officials"))
    assert by_text[officials] == "Tarnby", by_text
