"""Claim classes of the twentieth session (issue 13), read off a build of Timeline17 H1N1 reports.

- A description speaker that names a place ("Scotland's health minister said ...") was linked to the one person
  the cast calls health minister, though the article had named him as another country's minister; and one that
  names another portfolio ("Egypt's finance minister") to the health minister.
- A pronoun speaker took the anonymity of the claim before it whatever their number ("Officials say ... It
  suggests ...": a study's words marked as an anonymous source's).
- "it's safe to say ...", "it was too early to say ...": the writer's judgment read as a claim by "it".

Every name here is made up."""
from __future__ import annotations

import json

import pytest

import storyline


def _build(tmp_path, body: str) -> dict:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("date 2031-04-28\ntitle Fever cases\n\n" + body + "\n", encoding="utf-8")
    storyline.build([tmp_path / "in"], out_dir=tmp_path / "out")
    return json.loads((tmp_path / "out" / "storyline.json").read_text())


@pytest.mark.slow
def test_a_place_in_a_description_speaker_must_be_the_office_holders(tmp_path):
    data = _build(tmp_path, (
        "Danish Health Minister Tomas Veldt said the fever had killed 40 people in the capital.\n\n"
        "In the first confirmed cases in Europe, Norway's health minister said two people had tested positive "
        "and were being treated in isolation.\n\n"
        "Denmark's health minister said schools would stay closed until May.\n\n"
        "Denmark's finance minister said the closures would cost the state little.\n\n"
        "Denmark's interim health minister said on Friday that the isolation ward was full."))
    names = {e["id"]: e["name"] for e in data["entities"]}
    by_text = {c["speaker_text"]: names.get(c["speaker"]) for c in data["claims"]}
    assert by_text.get("Norway's health minister", "missing") is None, by_text
    # A description whose place fits the holder's nationality still names him.
    assert by_text.get("Denmark's health minister") == "Tomas Veldt", by_text
    # Another portfolio, or another holder of the office ("interim"), is not the minister the cast knows.
    assert by_text.get("Denmark's finance minister", "missing") is None, by_text
    assert by_text.get("Denmark's interim health minister", "missing") is None, by_text


def test_a_pronoun_takes_no_anonymity_from_a_plural_speaker_before_it():
    from test_claims_classes import _claims
    got = _claims("Health officials said the fever began in March. It suggests that the outbreak may be due to a "
                  "second virus.")
    it = next(c for c in got if c.speaker_text == "It")
    assert not it.anonymous
    got = _claims("Sources close to the talks said the deal was near. He said the talks would go on.")
    assert not next(c for c in got if c.speaker_text == "He").anonymous
    # "They" after "Sources" is the sources: still anonymous.
    got = _claims("Sources said the deal was near. They said the talks would go on.")
    assert next(c for c in got if c.speaker_text == "They").anonymous


def test_it_is_safe_to_say_is_no_ones_claim():
    from test_claims_classes import _claims
    for text in ("For now, the leadership in Marenland seems secure, but it's safe to say a new day is dawning.",
                 "Most analysts said it was still too early to say how big the risk could be to the ferry lines."):
        assert not [c for c in _claims(text) if (c.speaker_text or "").lower() == "it"], text
    # A person who is quick to say something does say it.
    got = _claims("The minister was quick to say that the bridge was safe.")
    assert [c.speaker_text for c in got] == ["The minister"]
