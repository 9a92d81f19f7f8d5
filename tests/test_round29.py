"""Classes of the twenty-ninth session, left over from the twenty-eighth's reading of real builds:

- a relative clause whose subject is "which"/"that"/"who" takes what its happening is from its antecedent ("a quake
  ..., which struck" is a disaster, not an attack);
- a subject that counts no one ("No one in the ministry said ...") makes no claim.

Every text here is written for the test."""
from __future__ import annotations

import pytest


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,etype", [
    # the clause's subject is "which": the quake struck, so the happening is a disaster, not an attack
    ("It shows the aftermath of a powerful quake, the region's worst in a century, which struck at dusk on "
     "Tuesday near Ostra.", "struck", "disaster"),
    ("Rescuers reached the villages after the storm that hit the coast of Varna on Friday.", "hit", "disaster"),
    # a "which" object leaves the clause's own subject in charge: gunmen struck, an attack
    ("Police found the car which gunmen struck at dawn on Tuesday in Ostra.", "struck", "attack"),
])
def test_a_relative_clause_takes_its_happening_from_its_antecedent(text, trigger, etype):
    from test_events import _events
    _, evs = _events(text)
    ev = [e for e in evs if e.trigger == trigger]
    assert ev and ev[0].type == etype


@pytest.mark.slow
@pytest.mark.parametrize("text,speakers", [
    ("No one in the ministry said the dam had failed.", []),
    ("Nobody said the ban would last, but officials warned it could.", ["officials"]),
    ("No official has said the plant will close.", []),
    ("Neither side said the talks had failed, a mediator added.", ["a mediator"]),
    # someone who is named still speaks
    ("One official said the dam had failed.", ["One official"]),
])
def test_a_subject_that_counts_no_one_makes_no_claim(text, speakers):
    from test_claims_classes import _claims
    assert [c.speaker_text for c in _claims(text)] == speakers
